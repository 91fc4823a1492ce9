'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { RATED_ROLES } from '@/lib/analytics/curve';
import { hiddenBecause, leaderStaffGap, type WarmupResults } from '@/lib/analytics/warmup';
import { WARMUP_ROLE_MIN_ANSWERS } from '@/lib/constants';

const HIDDEN = { none: 'hiddenNone', few: 'hiddenFew', others: 'hiddenOthers' } as const;

/**
 * The warm-up's two scores per role, with leaders minus staff when both show: does the
 * leaders' picture of the workplace, and of the customers, differ from staff's? A role too
 * small to show says so (the rule is lib/analytics/warmup.ts's, applied on the server).
 */
export function WarmupByRole({ results, huge }: { results: WarmupResults; huge: boolean }) {
  const t = useTranslations('warmup');
  const roles = useTranslations('roles');
  const format = useFormatter();
  const signed = (n: number) => format.number(n, { signDisplay: 'exceptZero' });
  const gap = leaderStaffGap(results);
  const cell = huge ? 'px-3 py-2' : 'px-2 py-1';
  return (
    <div className="flex flex-col gap-2">
      <table className={`w-full border-collapse ${huge ? 'text-3xl' : 'text-sm'}`}>
        <caption className={`text-left font-semibold ${huge ? 'text-3xl' : 'text-base'}`}>
          {t('byRole')}
        </caption>
        <thead>
          <tr className="border-b border-stone-300 text-left">
            <th scope="col" className={cell}>
              {t('role')}
            </th>
            <th scope="col" className={`${cell} text-right`}>
              {t('answers')}
            </th>
            <th scope="col" className={`${cell} text-right`}>
              {t('enpsShort')}
            </th>
            <th scope="col" className={`${cell} text-right`}>
              {t('estimateShort')}
            </th>
          </tr>
        </thead>
        <tbody>
          {RATED_ROLES.map((role) => {
            const part = results.byRole[role];
            const why = hiddenBecause(part);
            return (
              <tr key={role} className="border-b border-stone-200" data-testid={`warmup-${role}`}>
                <th scope="row" className={`${cell} text-left font-medium`}>
                  {roles(role)}
                </th>
                <td className={`${cell} text-right tabular-nums`}>{part.count}</td>
                {part.figures ? (
                  <>
                    <td className={`${cell} text-right font-bold tabular-nums`}>
                      {signed(part.figures.enps.score)}
                    </td>
                    <td className={`${cell} text-right font-bold tabular-nums`}>
                      {signed(part.figures.customerEstimate.score)}
                    </td>
                  </>
                ) : (
                  <td colSpan={2} className={`${cell} text-stone-700`}>
                    {why && t(HIDDEN[why])}
                  </td>
                )}
              </tr>
            );
          })}
          {gap && (
            <tr data-testid="warmup-gap">
              <th scope="row" colSpan={2} className={`${cell} text-left font-medium`}>
                {t('gap')}
              </th>
              <td className={`${cell} text-right font-bold tabular-nums`}>{signed(gap.enps)}</td>
              <td className={`${cell} text-right font-bold tabular-nums`}>
                {signed(gap.customerEstimate)}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <p className={huge ? 'text-2xl text-stone-700' : 'text-sm text-stone-700'}>
        {t('byRoleHelp', { min: WARMUP_ROLE_MIN_ANSWERS })}
      </p>
    </div>
  );
}
