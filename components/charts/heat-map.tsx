'use client';

import { useTranslations } from 'next-intl';
import { rolesPresent, type CurvePoint, type Stats } from '@/lib/analytics/curve';
import type { AnalyticsStep } from '@/lib/analytics/types';
import { useValenceFormat } from './format';
import { VALENCE_SCALE, valenceColours } from './palette';

/** A row: a grid on a phone, a table row from `sm` up. */
const ROW = 'grid gap-1 sm:table-row';

/** Type sizes, in px: nothing under 12 px, the least anyone reads on a phone unzoomed. */
const HEAT_TYPE_PX = {
  normal: { body: 14, small: 12, header: 12 },
  huge: { body: 24, small: 18, header: 24 },
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
  // On a phone a row is a grid of one column per role (ignored once it is a table row).
  const grid = { gridTemplateColumns: `repeat(${columns.length}, minmax(0, 1fr))` };

  return (
    <div style={{ fontSize: type.body }}>
      {/* On a phone each step's name takes a line of its own and the roles share the
          page's width below it (rows as grids), so every role stays on screen together and
          nothing needs a sideways scroll; from `sm` up it is an ordinary table. The explicit
          roles keep it a table for screen readers whatever its display. */}
      <div
        className="max-w-full overflow-x-auto focus-visible:outline focus-visible:outline-2 focus-visible:outline-boot"
        tabIndex={0}
        role="region"
        aria-label={t('meansCaption')}
      >
        <table
          role="table"
          className="block w-full sm:table sm:w-auto sm:border-separate sm:border-spacing-1"
          data-testid="heat-map"
        >
          <caption className="mb-1 block text-left font-semibold sm:table-caption">
            {t('meansCaption')}
          </caption>
          <thead role="rowgroup" className="block sm:table-header-group">
            <tr role="row" className={ROW} style={grid}>
              <th
                role="columnheader"
                scope="col"
                className="hidden text-left align-bottom sm:table-cell"
              >
                {t('step')}
              </th>
              {columns.map((c) => (
                <th
                  key={c.key}
                  role="columnheader"
                  scope="col"
                  // Role names in a quarter of a phone's width ("Henkilöstö" ran into the next).
                  className="self-end leading-tight wrap-anywhere sm:px-2 sm:align-bottom"
                  style={{ fontSize: type.header }}
                >
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody role="rowgroup" className="block sm:table-row-group">
            {steps.map((s, i) => {
              const name = t('stepName', { number: i + 1, title: s.title });
              return (
                <tr key={s.id} role="row" className={ROW} style={grid}>
                  <th
                    role="rowheader"
                    scope="row"
                    className="col-span-full mt-2 text-left font-normal sm:mt-0 sm:pr-2"
                    data-step-name={i}
                    title={name}
                  >
                    {s.critical && (
                      <span title={t('critical')}>
                        <span aria-hidden="true">★ </span>
                        <span className="sr-only">{t('critical')}: </span>
                      </span>
                    )}
                    {name}
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
        role="cell"
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
      role="cell"
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
