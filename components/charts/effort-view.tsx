'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useId } from 'react';
import { RATED_ROLES } from '@/lib/analytics/curve';
import type { EffortStats } from '@/lib/analytics/effort';
import type { JourneyAnalysis } from '@/lib/analytics/journey';
import type { AnalyticsStep } from '@/lib/analytics/types';
import { useValenceFormat } from './format';
import { SideScroll } from './side-scroll';

type Step = Pick<AnalyticsStep, 'id' | 'title'>;

/** One effort figure: the mean for the eye, said in full for screen readers. */
function EffortCell({ stats }: { stats: EffortStats | null | undefined }) {
  const t = useTranslations('analytics');
  const format = useFormatter();
  if (!stats) return <>–</>;
  const values = {
    mean: format.number(stats.mean, { maximumFractionDigits: 1 }),
    high: format.number(stats.highShare, { style: 'percent', maximumFractionDigits: 0 }),
    count: stats.count,
  };
  return (
    <>
      <span aria-hidden="true">{t('effortCell', values)}</span>
      <span className="sr-only">{t('effortCellSaid', values)}</span>
    </>
  );
}

/**
 * Effort per step and role (the customer proxies' column is the customer-effort figure),
 * the whole path below, then the steps where effort was high and feeling low.
 */
export function EffortView({
  steps,
  analysis,
}: {
  steps: readonly Step[];
  analysis: JourneyAnalysis;
}) {
  const t = useTranslations('analytics');
  const tr = useTranslations('roles');
  const { effort } = analysis;
  const answered = effort.steps.some((p) => p.overall !== null);
  const cell = 'border-b border-stone-200 p-1 text-center tabular-nums';
  // The table's scrolling region carries the title; the heading is for finding it.
  return (
    <div className="flex flex-col gap-3" data-testid="effort">
      <h3 className="font-semibold">{t('effortTitle')}</h3>
      {!answered ? (
        <p className="text-stone-600">{t('noEffort')}</p>
      ) : (
        <SideScroll label={t('effortTitle')}>
          <table className="w-full border-collapse text-sm">
            <caption className="mb-2 text-left text-stone-700">{t('effortHint')}</caption>
            <thead>
              <tr>
                <th scope="col" className="border-b border-stone-300 p-1 text-left">
                  {t('step')}
                </th>
                {RATED_ROLES.map((role) => (
                  <th key={role} scope="col" className="border-b border-stone-300 p-1">
                    {tr(role)}
                  </th>
                ))}
                <th scope="col" className="border-b border-stone-300 p-1">
                  {t('overall')}
                </th>
              </tr>
            </thead>
            <tbody>
              {effort.steps.map((p) => (
                <tr key={p.stepId}>
                  <th scope="row" className="border-b border-stone-200 p-1 text-left font-normal">
                    {t('stepName', { number: p.index + 1, title: steps[p.index]?.title ?? '' })}
                  </th>
                  {RATED_ROLES.map((role) => (
                    <td key={role} className={cell}>
                      <EffortCell stats={p.byRole[role]} />
                    </td>
                  ))}
                  <td className={cell}>
                    <EffortCell stats={p.overall} />
                  </td>
                </tr>
              ))}
              <tr>
                <th scope="row" className="p-1 text-left font-semibold">
                  {t('wholePath')}
                </th>
                {RATED_ROLES.map((role) => (
                  <td key={role} className="p-1 text-center font-semibold tabular-nums">
                    <EffortCell stats={effort.path.byRole[role]} />
                  </td>
                ))}
                <td className="p-1 text-center font-semibold tabular-nums">
                  <EffortCell stats={effort.path.overall} />
                </td>
              </tr>
            </tbody>
          </table>
        </SideScroll>
      )}
      {answered && <HotspotList steps={steps} analysis={analysis} />}
    </div>
  );
}

/** The steps where effort was high and feeling low, the worst trade first. */
function HotspotList({ steps, analysis }: { steps: readonly Step[]; analysis: JourneyAnalysis }) {
  const t = useTranslations('analytics');
  const fmt = useValenceFormat();
  const headingId = useId();
  const hotspots = analysis.rankings.highEffortLowFeeling;
  return (
    <section aria-labelledby={headingId} data-ranking="effort">
      <h4 id={headingId} className="mb-1 font-semibold">
        {t('effortHotspotsTitle')}
      </h4>
      <p className="mb-1 text-sm text-stone-600">{t('effortHotspotsHint')}</p>
      {hotspots.length === 0 ? (
        <p className="text-stone-600">{t('nothingYet')}</p>
      ) : (
        <ol className="list-decimal space-y-2 pl-6">
          {hotspots.map((h) => (
            <li key={h.stepId}>
              <span className="font-medium">
                {t('stepNumber', { number: h.index + 1 })} · {steps[h.index]?.title ?? ''}
              </span>
              <span className="block text-[0.9em]">
                {t('effortHotspotItem', {
                  effort: fmt.size(h.effort),
                  feeling: fmt.level(h.feeling),
                  score: fmt.size(h.score),
                })}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
