'use client';

import { useTranslations } from 'next-intl';
import type { JourneyMap } from '@/lib/board/journey-map';
import { LegendSwatch } from './map-curves';

/** The map's legend: every curve, and the critical and hand-off marks when the path has them. */
export function MapLegend({ map }: { map: JourneyMap }) {
  const tr = useTranslations('roles');
  const ta = useTranslations('analytics');
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label={ta('legend')}>
      {map.curves.map((c) => (
        <li key={c.key} className="flex items-center gap-1">
          <LegendSwatch keyName={c.key} />
          {c.key === 'target' ? ta('target') : tr(c.key)}
        </li>
      ))}
      {map.columns.some((c) => c.critical) && (
        <li className="flex items-center gap-1">
          <span aria-hidden="true">★</span> {ta('critical')}
        </li>
      )}
      {map.columns.some((c) => c.handoffToNext) && (
        <li className="flex items-center gap-1">
          <span aria-hidden="true">⇄</span> {ta('handoff')}
        </li>
      )}
    </ul>
  );
}
