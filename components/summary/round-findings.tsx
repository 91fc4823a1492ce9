'use client';

import { useTranslations } from 'next-intl';
import { RATED_ROLES } from '@/lib/analytics/curve';
import type { RoundAnalysis, RoundChange } from '@/lib/analytics/rounds';
import { LENSES } from '@/lib/domain/roles';
import { type ChartStep, EmotionCurve } from '../charts/emotion-curve';
import { useValenceFormat } from '../charts/format';
import { Rankings } from '../charts/rankings';
import { SideScroll } from '../charts/side-scroll';

/** Per role: its mean feeling at each step in each round, and the change first → latest. */
function ChangesByRole({
  steps,
  rounds,
  changes,
}: {
  steps: readonly ChartStep[];
  rounds: readonly RoundAnalysis[];
  changes: readonly RoundChange[];
}) {
  const t = useTranslations('summary');
  const tr = useTranslations('roles');
  const fmt = useValenceFormat();
  const cell = 'border-b border-stone-200 p-1 text-center tabular-nums';
  return RATED_ROLES.map((role) => {
    const mine = changes.filter((c) => c.role === role);
    if (mine.length === 0) return null;
    const caption = t('roundChangesTable', { role: tr(role) });
    return (
      <SideScroll key={role} label={caption}>
        <table className="w-full border-collapse text-sm" data-testid={`round-changes-${role}`}>
          <caption className="mb-2 text-left font-semibold">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="border-b border-stone-300 p-1 text-left">
                {t('roundStep')}
              </th>
              {rounds.map((r) => (
                <th key={r.round} scope="col" className="border-b border-stone-300 p-1">
                  {t('roundHead', { round: r.round })}
                </th>
              ))}
              <th scope="col" className="border-b border-stone-300 p-1">
                {t('roundChange')}
              </th>
            </tr>
          </thead>
          <tbody>
            {mine.map((c) => (
              <tr key={c.stepId}>
                <th scope="row" className="border-b border-stone-200 p-1 text-left font-normal">
                  {c.index + 1}. {steps[c.index]?.title ?? c.stepId}
                </th>
                {c.means.map((m) => (
                  <td key={m.round} className={cell}>
                    {m.mean === null ? '–' : fmt.level(m.mean)}
                  </td>
                ))}
                <td className={`${cell} font-semibold`}>
                  {c.change === null ? '–' : fmt.level(c.change)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </SideScroll>
    );
  });
}

/** Whether any round other than the one shown above has findings to show. */
export function hasOtherRounds(rounds: readonly RoundAnalysis[], shown: number): boolean {
  return rounds.some((r) => r.round !== shown);
}

/**
 * Every round other than `shown` (the one whose findings are shown above: the latest in
 * the summary, the current one in the reveal), each with its curve and findings, and with
 * two rounds or more what changed between them by role. Nothing when there is no other.
 */
export function RoundFindings({
  steps,
  rounds,
  changes,
  shown,
}: {
  steps: readonly ChartStep[];
  rounds: readonly RoundAnalysis[];
  changes: readonly RoundChange[];
  shown: number;
}) {
  const t = useTranslations('summary');
  const tl = useTranslations('lenses');
  if (!hasOtherRounds(rounds, shown)) return null;
  const first = rounds[0]!.round;
  const latest = rounds.at(-1)!.round;
  return (
    <div className="flex flex-col gap-6" data-testid="round-findings">
      <p>{t('roundsNote', { round: shown })}</p>
      {rounds
        .filter((r) => r.round !== shown)
        .map((r) => {
          const lenses = LENSES.filter((l) => r.lenses[l] > 0)
            .map((l) => tl(l))
            .join(', ');
          const count = r.analysis.byRound.reduce((sum, s) => sum + s.count, 0);
          return (
            <section
              key={r.round}
              aria-labelledby={`round-findings-${r.round}`}
              className="flex flex-col gap-3"
            >
              <h3 id={`round-findings-${r.round}`} className="text-lg font-semibold">
                {t('roundFindings', { round: r.round, lenses })}
              </h3>
              <p className="text-sm text-stone-700">{t('ratingsCount', { count })}</p>
              <EmotionCurve
                steps={steps}
                curve={r.analysis.curve}
                handoffs={r.analysis.handoffs.map((h) => h.fromIndex)}
              />
              <Rankings steps={steps} analysis={r.analysis} headingLevel={4} />
            </section>
          );
        })}
      {rounds.length > 1 && (
        <section aria-labelledby="round-findings-changes" className="flex flex-col gap-3">
          <h3 id="round-findings-changes" className="text-lg font-semibold">
            {t('roundChanges')}
          </h3>
          <p>{t('roundChangesNote', { first, latest })}</p>
          <ChangesByRole steps={steps} rounds={rounds} changes={changes} />
        </section>
      )}
    </div>
  );
}
