/** SVG path strings for the charts, written by hand: a few lines instead of a chart package. */

export interface Point {
  x: number;
  y: number;
}

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond';

const n = (v: number) => Number(v.toFixed(2));

/**
 * The runs of consecutive points, broken at each null (an unrated step leaves a gap). A
 * run of one point is left out: it draws no line (its marker shows it).
 */
export function lineRuns<P extends Point>(points: readonly (P | null)[]): P[][] {
  const runs: P[][] = [];
  let run: P[] = [];
  const flush = () => {
    if (run.length >= 2) runs.push(run);
    run = [];
  };
  for (const p of points) {
    if (p) run.push(p);
    else flush();
  }
  flush();
  return runs;
}

/** SVG path data of polylines, each run its own subpath. Empty string when nothing to draw. */
export function runsPath(runs: readonly (readonly Point[])[]): string {
  return runs
    .map((run) => run.map((p, i) => `${i === 0 ? 'M' : 'L'}${n(p.x)},${n(p.y)}`).join(' '))
    .join(' ');
}

/** A polyline through the points; a null point breaks the line (see lineRuns). */
export function linePath(points: readonly (Point | null)[]): string {
  return runsPath(lineRuns(points));
}

/** A closed marker of about the same visual weight for each shape, centred on (x, y). */
export function markerPath(shape: MarkerShape, x: number, y: number, r: number): string {
  switch (shape) {
    case 'circle':
      return `M${n(x - r)},${n(y)} a${n(r)},${n(r)} 0 1,0 ${n(2 * r)},0 a${n(r)},${n(r)} 0 1,0 ${n(-2 * r)},0 Z`;
    case 'square': {
      const s = r * 0.9;
      return `M${n(x - s)},${n(y - s)} H${n(x + s)} V${n(y + s)} H${n(x - s)} Z`;
    }
    case 'triangle': {
      const s = r * 1.2;
      return `M${n(x)},${n(y - s)} L${n(x + s)},${n(y + s * 0.8)} L${n(x - s)},${n(y + s * 0.8)} Z`;
    }
    case 'diamond': {
      const s = r * 1.25;
      return `M${n(x)},${n(y - s)} L${n(x + s)},${n(y)} L${n(x)},${n(y + s)} L${n(x - s)},${n(y)} Z`;
    }
  }
}
