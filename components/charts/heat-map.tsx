'use client';

import { useTranslations } from 'next-intl';
import { rolesPresent, type CurvePoint, type Stats } from '@/lib/analytics/curve';
import type { AnalyticsStep } from '@/lib/analytics/types';
import { useValenceFormat } from './format';
import { VALENCE_SCALE, valenceColours } from './palette';

/** Type sizes, in px: nothing under 12 px, the least anyone reads on a phone unzoomed. */
export const HEAT_TYPE_PX = {
  normal: { body: 14, small: 12 },
  huge: { body: 24, small: 18 },
} as const;

export interface HeatMapProps {
  steps: readonly Pick<AnalyticsStep, 'id' | 'title' | 'critical'>[];
  /** The curve of those steps (matched by step id). */
  curve: readonly CurvePoint[];
  /** 'huge' for the projector. Default 'normal'. */
  size?: 'normal' | 'huge';
}

/**
 * Step × role grid coloured by mean valence on a diverging, colour-blind-safe scale. Every
 * cell also prints its mean and count, so the colour is never the only signal.
 */
export function HeatMap({ steps, curve, size = 'normal' }: HeatMapProps) {
  const t = useTranslations('analytics');
  const tr = useTranslations('roles');
  const byId = new Map(curve.map((p) => [p.stepId, p]));
  const roles = rolesPresent(curve);
  const columns = [
    ...roles.map((role) => ({
      key: role,
      label: tr(role),
      get: (p?: CurvePoint) => p?.byRole[role],
    })),
    { key: 'overall', label: t('overall'), get: (p?: CurvePoint) => p?.overall },
  ];
  const huge = size === 'huge';
  const type = HEAT_TYPE_PX[size];

  return (
    <div style={{ fontSize: type.body }}>
      {/* On a phone the table takes the page's width, its columns share it and the step
          names wrap, so every role stays on screen together; it never needs a sideways
          scroll (the region below is a safety net the keyboard can still reach). */}
      <div
        className="max-w-full overflow-x-auto focus-visible:outline focus-visible:outline-2 focus-visible:outline-boot"
        tabIndex={0}
        role="region"
        aria-label={t('meansCaption')}
      >
        <table
          className="w-full table-fixed border-separate border-spacing-1 sm:w-auto sm:table-auto"
          data-testid="heat-map"
        >
          <caption className="mb-1 text-left font-semibold">{t('meansCaption')}</caption>
          <colgroup>
            <col className="w-[34%] sm:w-auto" />
            {columns.map((c) => (
              <col key={c.key} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th scope="col" className="text-left align-bottom">
                {t('step')}
              </th>
              {columns.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className="px-1 align-bottom leading-tight [overflow-wrap:anywhere] sm:px-2"
                >
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {steps.map((s, i) => {
              const name = t('stepName', { number: i + 1, title: s.title });
              return (
                <tr key={s.id}>
                  <th scope="row" className="pr-1 text-left font-normal sm:pr-2">
                    {/* Short on a phone (two lines); the full name is the title and is
                        still read out by screen readers, which ignore the clamp. */}
                    <span
                      className="line-clamp-2 [overflow-wrap:anywhere] sm:line-clamp-none"
                      title={name}
                      data-step-name={i}
                    >
                      {s.critical && (
                        <span title={t('critical')}>
                          <span aria-hidden="true">★ </span>
                          <span className="sr-only">{t('critical')}: </span>
                        </span>
                      )}
                      {name}
                    </span>
                  </th>
                  {columns.map((c) => (
                    <Cell
                      key={c.key}
                      stats={c.get(byId.get(s.id)) ?? null}
                      huge={huge}
                      small={type.small}
                    />
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Scale small={type.small} />
    </div>
  );
}

function Cell({ stats, huge, small }: { stats: Stats | null; huge: boolean; small: number }) {
  const t = useTranslations('analytics');
  const fmt = useValenceFormat();
  const pad = huge ? 'min-w-28 px-4 py-3' : 'px-1 py-1 sm:min-w-16 sm:px-2';
  if (!stats) {
    return (
      <td
        className={`${pad} rounded border border-dashed border-stone-300 text-center text-stone-500`}
      >
        <span aria-hidden="true">–</span>
        <span className="sr-only">{t('noRatings')}</span>
      </td>
    );
  }
  const { fill, text } = valenceColours(stats.mean);
  return (
    <td
      className={`${pad} rounded text-center tabular-nums`}
      style={{ backgroundColor: fill, color: text }}
      data-mean={stats.mean}
    >
      <span className="block font-semibold">{fmt.level(stats.mean)}</span>
      <span className="block" style={{ fontSize: small }}>
        {t('count', { count: stats.count })}
      </span>
    </td>
  );
}

function Scale({ small }: { small: number }) {
  const t = useTranslations('analytics');
  const fmt = useValenceFormat();
  return (
    <div
      className="mt-2 flex flex-wrap items-center gap-2"
      aria-hidden="true"
      style={{ fontSize: small }}
    >
      <span>{t('scale')}</span>
      <ol className="flex">
        {VALENCE_SCALE.map((fill, i) => (
          <li
            key={fill}
            className="w-[2.2em] text-center tabular-nums"
            style={{ backgroundColor: fill, color: valenceColours(i - 3).text }}
          >
            {fmt.level(i - 3)}
          </li>
        ))}
      </ol>
    </div>
  );
}
