import type { JourneyMap } from '@/lib/board/journey-map';
import type { BandGeometry } from './map-curves';

/** Column widths in px, fixed so the curves above line up with the columns below. */
export const SIZES = {
  normal: {
    lane: 124,
    band: { colWidth: 176, height: 150, inset: 14, stroke: 2.5, marker: 5, font: 12 },
    text: 'text-sm',
    laneName: 'text-[13px]',
    note: 'text-xs',
  },
  huge: {
    lane: 200,
    band: { colWidth: 240, height: 240, inset: 20, stroke: 4.5, marker: 9, font: 20 },
    text: 'text-xl',
    laneName: 'text-xl',
    note: 'text-lg',
  },
} as const satisfies Record<
  string,
  { lane: number; band: BandGeometry; text: string; laneName: string; note: string }
>;

export type MapSize = keyof typeof SIZES;
export type GridSizes = (typeof SIZES)[MapSize];

/** The lane names' column stays put while the steps scroll sideways under it. */
export const STICKY = 'sticky left-0 z-10 bg-white';

export const STAGE_BG: Record<string, string> = {
  before: 'bg-sky-50',
  during: 'bg-emerald-50',
  after: 'bg-orange-50',
};

/** The left edge of column `i`: dashed and darker where the owner changes (a hand-off). */
export function colEdge(map: JourneyMap, i: number): string {
  return i > 0 && map.columns[i - 1]?.handoffToNext
    ? 'border-l-2 border-dashed border-l-stone-600'
    : 'border-l border-l-stone-200';
}
