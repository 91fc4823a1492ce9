'use client';

import { useTranslations } from 'next-intl';
import { markerPath, type MarkerShape } from '@/lib/analytics/line-path';

/** A line of the emotion curve as its legend names it. */
export interface LegendLine {
  key: string;
  label: string;
  colour: string;
  shape: MarkerShape;
  dash?: string;
}

/** The emotion curve's legend: every line, and the critical and hand-off marks when drawn. */
export function CurveLegend({
  lines,
  critical,
  handoffs,
}: {
  lines: readonly LegendLine[];
  /** Some step is critical. */
  critical: boolean;
  /** Some hand-off is drawn. */
  handoffs: boolean;
}) {
  const t = useTranslations('analytics');
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1" aria-label={t('legend')}>
      {lines.map((line) => (
        <li key={line.key} className="flex items-center gap-1">
          <LegendSwatch shape={line.shape} colour={line.colour} dash={line.dash} />
          {line.label}
        </li>
      ))}
      {critical && (
        <li className="flex items-center gap-1">
          <span aria-hidden="true">★</span> {t('critical')}
        </li>
      )}
      {handoffs && (
        <li className="flex items-center gap-1">
          <span aria-hidden="true">⇄</span> {t('handoff')}
        </li>
      )}
    </ul>
  );
}

function LegendSwatch({
  shape,
  colour,
  dash,
}: {
  shape: MarkerShape;
  colour: string;
  dash?: string;
}) {
  return (
    <svg aria-hidden="true" viewBox="0 0 28 14" className="h-[0.9em] w-[1.8em] shrink-0">
      <line x1="1" x2="27" y1="7" y2="7" stroke={colour} strokeWidth="2" strokeDasharray={dash} />
      <path d={markerPath(shape, 14, 7, 4.5)} fill={colour} stroke="#ffffff" strokeWidth="1" />
    </svg>
  );
}
