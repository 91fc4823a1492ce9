import { lineRuns, type Point } from '../analytics/line-path';

/**
 * The emotion curve's geometry, computed once and drawn twice: as SVG on the screens
 * (components/charts/emotion-curve.tsx) and with pdfkit in the PDF (lib/export/pdf-chart.ts).
 * Each drawer only draws what this returns, in its own units (CSS px, PDF points).
 *
 * Steps are columns of equal width, each value drawn at its column's centre; valence runs
 * from +3 at the plot's top to −3 at its bottom.
 */
export interface CurveFrame {
  /** x of the plot's left edge: the valence labels end a little left of it. */
  left: number;
  /** x where the horizontal grid lines end. */
  right: number;
  /** y of +3. */
  top: number;
  /** Height of the plot, +3 to −3. */
  plot: number;
  /** Width of one step's column. */
  col: number;
  /** Type size: where the step labels and the marks above the plot go. */
  font: number;
  /** Marker radius; roles at the same value move this far apart sideways. */
  r: number;
}

export interface CurveSeries {
  key: string;
  /** One value per step, null where the step has none (the line breaks there). */
  values: readonly (number | null)[];
  /** Nudged sideways with the other dodging series, so equal values do not hide each other. */
  dodge: boolean;
}

export interface CurveTick {
  value: number;
  y: number;
  /** The zero line, drawn stronger. */
  zero: boolean;
}

export interface PlacedSeries {
  key: string;
  /** Where its markers go: one per value present. */
  points: Array<Point & { index: number; value: number }>;
  /** Its polylines: runs of two or more consecutive values (a lone value is only a marker). */
  runs: Point[][];
}

export interface CurveGeometry {
  /** +3 down to −3, one per whole valence. */
  ticks: CurveTick[];
  /** Horizontal extent of the grid lines. */
  grid: { x1: number; x2: number };
  /** Right end of the valence labels (they are right-aligned). */
  tickLabelX: number;
  /** Centre of each step's column. */
  columns: Array<{ index: number; x: number }>;
  /** Baseline of the first line of the step labels, under the plot. */
  stepLabelY: number;
  /** Baseline of the marks above the plot (critical step, hand-off). */
  markY: number;
  /** Bottom of the plot: vertical rules run from `frame.top` to here. */
  plotBottom: number;
  /** A hand-off between step `from` and the next: a rule on the columns' boundary. */
  handoffs: Array<{ from: number; x: number }>;
  series: PlacedSeries[];
}

const VALENCE_MAX = 3;
/** Gap between the valence labels and the plot. */
const TICK_LABEL_GAP = 6;

export function curveGeometry(
  frame: CurveFrame,
  stepCount: number,
  series: readonly CurveSeries[],
  handoffs: readonly number[] = [],
): CurveGeometry {
  const { left, top, plot, col, font, r } = frame;
  const x = (i: number) => left + col * (i + 0.5);
  const y = (v: number) => top + ((VALENCE_MAX - v) / (2 * VALENCE_MAX)) * plot;
  const ticks: CurveTick[] = [];
  for (let v = VALENCE_MAX; v >= -VALENCE_MAX; v--)
    ticks.push({ value: v, y: y(v), zero: v === 0 });

  const dodging = series.filter((s) => s.dodge).map((s) => s.key);
  const offset = (s: CurveSeries) =>
    s.dodge ? (dodging.indexOf(s.key) - (dodging.length - 1) / 2) * r : 0;

  return {
    ticks,
    grid: { x1: left, x2: frame.right },
    tickLabelX: left - TICK_LABEL_GAP,
    columns: Array.from({ length: stepCount }, (_, index) => ({ index, x: x(index) })),
    stepLabelY: top + plot + font * 1.4,
    markY: top - font * 0.6,
    plotBottom: top + plot,
    handoffs: handoffs
      .filter((from) => from >= 0 && from + 1 < stepCount)
      .map((from) => ({ from, x: x(from) + col / 2 })),
    series: series.map((s) => {
      const dx = offset(s);
      const at = s.values.map((v, index) =>
        v === null ? null : { x: x(index) + dx, y: y(v), index, value: v },
      );
      return {
        key: s.key,
        points: at.filter((p) => p !== null),
        runs: lineRuns(at),
      };
    }),
  };
}
