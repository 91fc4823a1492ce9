'use client';

import { useTranslations } from 'next-intl';
import type { CurvePoint } from '@/lib/analytics/curve';
import type { JourneyAnalysis } from '@/lib/analytics/journey';
import type { RoundSegment } from '@/lib/analytics/segments';
import type { AnalyticsStep } from '@/lib/analytics/types';
import { EffortView } from './effort-view';
import { useValenceFormat } from './format';
import { SideScroll } from './side-scroll';
import { wrapLabel } from './step-label';

/** A step's column header: its number and name on two lines of this many characters. */
const STEP_HEADER_CHARS = 11;

type Step = Pick<AnalyticsStep, 'id' | 'title'>;

/** One row per segment (a card, a persona, a round), one column per step: mean feeling. */
function SegmentTable({
  caption,
  steps,
  rows,
}: {
  caption: string;
  steps: readonly Step[];
  rows: Array<{ label: string; count: number; curve: CurvePoint[] }>;
}) {
  const t = useTranslations('analytics');
  const fmt = useValenceFormat();
  return (
    <SideScroll label={caption}>
      <table className="w-full border-collapse text-sm">
        <caption className="mb-2 text-left font-semibold">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="border-b border-stone-300 p-1 text-left">
              {t('segment')}
            </th>
            {steps.map((s, i) => {
              const name = t('stepName', { number: i + 1, title: s.title });
              return (
                <th
                  key={s.id}
                  scope="col"
                  className="border-b border-stone-300 p-1 align-bottom font-medium leading-tight"
                  title={name}
                  data-step-name={i}
                >
                  {/* The short name for the eye, the whole one for screen readers. */}
                  <span aria-hidden="true">
                    {wrapLabel(name, STEP_HEADER_CHARS, 2).map((line) => (
                      <span key={line} className="block">
                        {line}
                      </span>
                    ))}
                  </span>
                  <span className="sr-only">{name}</span>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row" className="border-b border-stone-200 p-1 text-left font-normal">
                {row.label}{' '}
                <span className="text-stone-600">({t('count', { count: row.count })})</span>
              </th>
              {steps.map((s) => {
                const mean = row.curve.find((p) => p.stepId === s.id)?.overall?.mean;
                return (
                  <td key={s.id} className="border-b border-stone-200 p-1 text-center tabular-nums">
                    {mean === undefined ? '–' : fmt.level(mean)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </SideScroll>
  );
}

/**
 * The analytics that do not fit a curve: broken expectations per step, the curve split
 * by situation card, by persona and by round, and the effort per step and role.
 */
export function Breakdowns({
  steps,
  analysis,
  byRound,
  cardTitles,
  personaNames,
}: {
  steps: readonly Step[];
  /** This round's analysis: expectations and the split by situation card. */
  analysis: JourneyAnalysis;
  /** The split by round, from the ratings of every round. */
  byRound: RoundSegment[];
  /** Situation card titles by id, from the workshop's deck. */
  cardTitles: Record<string, string>;
  /** Persona names by id, from the workshop's deck. */
  personaNames: Record<string, string>;
}) {
  const t = useTranslations('analytics');
  const pct = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)} %`);
  return (
    <section className="flex flex-col gap-6" data-testid="breakdowns">
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-sm">
          <caption className="mb-2 text-left font-semibold">{t('expectationsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col" className="border-b border-stone-300 p-1 text-left">
                {t('step')}
              </th>
              <th scope="col" className="border-b border-stone-300 p-1">
                {t('worseShare')}
              </th>
              <th scope="col" className="border-b border-stone-300 p-1">
                {t('brokenPromise')}
              </th>
            </tr>
          </thead>
          <tbody>
            {analysis.expectations.map((e) => (
              <tr key={e.stepId}>
                <th scope="row" className="border-b border-stone-200 p-1 text-left font-normal">
                  {t('stepName', { number: e.index + 1, title: steps[e.index]?.title ?? '' })}
                </th>
                <td className="border-b border-stone-200 p-1 text-center tabular-nums">
                  {pct(e.worse)}
                </td>
                <td className="border-b border-stone-200 p-1 text-center">
                  {e.brokenPromise ? `⚠ ${t('yes')}` : '–'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {analysis.byCard.length > 0 && (
        <SegmentTable
          caption={t('byCardTitle')}
          steps={steps}
          rows={analysis.byCard.map((seg) => ({
            label: seg.cardId === null ? t('noCard') : (cardTitles[seg.cardId] ?? seg.cardId),
            count: seg.count,
            curve: seg.curve,
          }))}
        />
      )}
      {analysis.byPersona.length > 0 && (
        <SegmentTable
          caption={t('byPersonaTitle')}
          steps={steps}
          rows={analysis.byPersona.map((seg) => ({
            label:
              seg.personaId === null
                ? t('noPersona')
                : (personaNames[seg.personaId] ?? seg.personaId),
            count: seg.count,
            curve: seg.curve,
          }))}
        />
      )}
      {byRound.length > 1 && (
        <SegmentTable
          caption={t('byRoundTitle')}
          steps={steps}
          rows={byRound.map((seg) => ({
            label: t('roundLenses', {
              round: seg.round,
              customer: seg.lenses.customer,
              staff: seg.lenses.staff,
            }),
            count: seg.count,
            curve: seg.curve,
          }))}
        />
      )}
      <EffortView steps={steps} analysis={analysis} />
    </section>
  );
}
