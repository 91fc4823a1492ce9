import type { JourneyMap, MapNote } from '../board/journey-map';
import { markerPath } from '../analytics/line-path';
import type { MapWords } from './map-layout';
import { curveStyle, handoffPath, starPath } from './map-marks';
import type { Pen } from './map-shapes';
import { G, INK, type MapFrame } from './map-style';

/**
 * The printed map's legend below `bottom`: every line, the critical mark and the hand-off
 * mark, named. Returns the top of its last line.
 */
export function layoutLegend<N extends MapNote>(
  p: Pen,
  f: MapFrame,
  map: JourneyMap<N>,
  words: MapWords,
  bottom: number,
): number {
  const { left, width } = f;
  let y = bottom + 14;
  let lx = left;
  const entry = (draw: (x: number) => void, label: string, markWidth: number) => {
    // A narrow map (few steps) wraps its legend instead of running off the page.
    const needed = markWidth + 4 + p.measure(label, G.small, false);
    if (lx > left && lx + needed > width - G.pad) {
      lx = left;
      y += 20;
    }
    draw(lx);
    p.text({ x: lx + markWidth + 4, y: y + 12, text: label, size: G.small, fill: INK });
    lx += markWidth + 4 + p.measure(label, G.small, false) + 18;
  };
  for (const curve of map.curves) {
    const s = curveStyle(curve.key);
    entry(
      (x) => {
        p.push({
          kind: 'line',
          x1: x,
          x2: x + 24,
          y1: y + 8,
          y2: y + 8,
          stroke: s.colour,
          strokeWidth: 2,
          dash: s.dash,
        });
        p.push({
          kind: 'path',
          d: markerPath(s.shape, x + 12, y + 8, 4),
          fill: s.colour,
          stroke: '#ffffff',
          strokeWidth: 1,
        });
      },
      curve.key === 'target' ? words.target : words.role(curve.key),
      24,
    );
  }
  if (map.columns.some((c) => c.critical))
    entry(
      (x) => p.push({ kind: 'path', d: starPath(x + 6, y + 8, 6), fill: INK }),
      words.critical,
      12,
    );
  if (map.columns.some((c) => c.handoffToNext))
    entry(
      (x) =>
        p.push({
          kind: 'path',
          d: handoffPath(x + 8, y + 8, 6),
          fill: null,
          stroke: INK,
          strokeWidth: 1.2,
        }),
      words.handoff,
      16,
    );
  return y;
}
