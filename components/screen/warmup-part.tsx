'use client';

import { useTranslations } from 'next-intl';
import { WarmupResultsView } from '../run/warmup-results';
import type { PartProps } from './part-props';

/** The warm-up: the two questions (the answers arriving are counted beside them); then the results. */
export function WarmupPart({ state }: PartProps) {
  const t = useTranslations('warmup');
  if (state.control.warmupClosed) {
    return <WarmupResultsView results={state.warmup.results} size="huge" />;
  }
  return (
    <section className="flex flex-col gap-10">
      <ol className="flex list-decimal flex-col gap-6 pl-16 text-5xl leading-tight">
        <li>{t('q1')}</li>
        <li>{t('q2')}</li>
      </ol>
      <p className="text-3xl text-stone-700">
        {t('low')} · {t('high')}
      </p>
    </section>
  );
}
