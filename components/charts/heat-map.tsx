'use client';

import { useTranslations } from 'next-intl';
import { rolesPresent, type CurvePoint, type Stats } from '@/lib/analytics/curve';
import type { AnalyticsStep } from '@/lib/analytics/types';
import { useValenceFormat } from './format';
import { VALENCE_SCALE, valenceColours } from './palette';

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

  return (
    <div className={huge ? 'text-2xl' : 'text-sm'}>
      {/* Five roles do not fit a phone: the table scrolls inside its own region (which the
          keyboard can reach and scroll), never the page. */}
      <div
        className="max-w-full overflow-x-auto focus-visible:outline focus-visible:outline-2 focus-visible:outline-boot"
        tabIndex={0}
        role="region"
        aria-label={t('meansCaption')}
      >
        <table className="border-separate border-spacing-1" data-testid="heat-map">
          <caption className="mb-1 text-left font-semibold">{t('meansCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="text-left">
                {t('step')}
              </th>
              {columns.map((c) => (
                <th key={c.key} scope="col" className="px-2">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {steps.map((s, i) => (
              <tr key={s.id}>
                <th scope="row" className="pr-2 text-left font-normal">
                  {t('stepName', { number: i + 1, title: s.title })}
                  {s.critical && (
                    <span title={t('critical')}>
                      {' '}
                      <span aria-hidden="true">★</span>
                      <span className="sr-only">{t('critical')}</span>
                    </span>
                  )}
                </th>
                {columns.map((c) => (
                  <Cell key={c.key} stats={c.get(byId.get(s.id)) ?? null} huge={huge} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Scale />
    </div>
  );
}

function Cell({ stats, huge }: { stats: Stats | null; huge: boolean }) {
  const t = useTranslations('analytics');
  const fmt = useValenceFormat();
  const pad = huge ? 'min-w-28 px-4 py-3' : 'min-w-16 px-2 py-1';
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
      <span className="block text-[0.75em]">{t('count', { count: stats.count })}</span>
    </td>
  );
}

function Scale() {
  const t = useTranslations('analytics');
  const fmt = useValenceFormat();
  return (
    <div className="mt-2 flex items-center gap-2" aria-hidden="true">
      <span className="text-[0.85em]">{t('scale')}</span>
      <ol className="flex">
        {VALENCE_SCALE.map((fill, i) => (
          <li
            key={fill}
            className="w-[2.2em] text-center text-[0.85em] tabular-nums"
            style={{ backgroundColor: fill, color: valenceColours(i - 3).text }}
          >
            {fmt.level(i - 3)}
          </li>
        ))}
      </ol>
    </div>
  );
}
