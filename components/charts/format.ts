import { useFormatter } from 'next-intl';

/**
 * Valences as people read them: one decimal at most, in the workshop's locale, with a sign
 * on changes and levels (`+1.5`, `−2`) and without one on sizes of gaps (`4.5`).
 */
export function useValenceFormat() {
  const format = useFormatter();
  return {
    level: (v: number) => format.number(v, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }),
    size: (v: number) => format.number(v, { maximumFractionDigits: 1 }),
  };
}
