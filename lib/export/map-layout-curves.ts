import type { JourneyMap, MapNote } from '../board/journey-map';
import { linePath, markerPath } from '../analytics/line-path';
import type { MapWords } from './map-layout';
import { curveStyle, valenceY } from './map-marks';
import type { Pen } from './map-shapes';
import { G, GRID, type MapFrame, MUTED } from './map-style';

/**
 * The printed map's curves band, `G.curveHeight` tall from `top`: its name and the scale
 * in the lane column, a line per role and the target across the steps (or a word that the
 * curves come later).
 */
export function layoutCurves<N extends MapNote>(
  p: Pen,
  f: MapFrame,
  map: JourneyMap<N>,
  words: MapWords,
  top: number,
): void {
  const { n, left, gridLeft, colX } = f;
  const yOf = (v: number) => valenceY(v, top, G.curveHeight, G.curveInset);
  p.lines(words.curves, left, top + 2, G.laneWidth - 40, G.font, true, 3);
  if (map.curves.length === 0) {
    p.lines(
      words.noCurves,
      gridLeft + G.cellPad,
      top + G.curveHeight / 2 - 8,
      n * G.colWidth - 2 * G.cellPad,
      G.font,
      false,
      2,
      MUTED,
    );
    return;
  }
  for (let v = -3; v <= 3; v++) {
    p.push({
      kind: 'line',
      x1: gridLeft,
      x2: gridLeft + n * G.colWidth,
      y1: yOf(v),
      y2: yOf(v),
      stroke: v === 0 ? '#8a919c' : GRID,
      strokeWidth: v === 0 ? 1.2 : 0.8,
    });
    if (v % 3 === 0)
      p.text({
        x: gridLeft - 6,
        y: yOf(v) + 3.5,
        text: v > 0 ? `+${v}` : v < 0 ? `−${-v}` : '0',
        size: G.small,
        fill: MUTED,
        anchor: 'end',
      });
  }
  const xOf = (i: number) => colX(i) + G.colWidth / 2;
  for (const curve of map.curves) {
    const style = curveStyle(curve.key);
    const d = linePath(curve.values.map((v, i) => (v === null ? null : { x: xOf(i), y: yOf(v) })));
    if (d)
      p.push({
        kind: 'path',
        d,
        fill: null,
        stroke: style.colour,
        strokeWidth: curve.key === 'target' ? 1.6 : 2.5,
        dash: style.dash,
      });
    curve.values.forEach((v, i) => {
      if (v !== null)
        p.push({
          kind: 'path',
          d: markerPath(style.shape, xOf(i), yOf(v), 4.5),
          fill: style.colour,
          stroke: '#ffffff',
          strokeWidth: 1,
        });
    });
  }
}
