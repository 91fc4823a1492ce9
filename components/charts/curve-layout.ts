import { charsIn } from './step-label';

/**
 * The emotion curve's geometry, in CSS pixels: the SVG is drawn at the width it is shown
 * at (one viewBox unit is one pixel), so its type stays at `font` px on a phone instead of
 * shrinking with the chart (at 390 px the old chart's labels came out about 7 px tall).
 */
export interface CurveLayout {
  width: number;
  height: number;
  /** Width of one step's column. */
  col: number;
  left: number;
  right: number;
  top: number;
  plot: number;
  bottom: number;
  font: number;
  stroke: number;
  r: number;
  /** 'flat': names under their column, on up to two lines; 'slanted': at 45°, one line. */
  labels: 'flat' | 'slanted';
  /** Characters per label line. */
  chars: number;
  /** Wider than the space it has: shown in a region that scrolls sideways, with a cue. */
  scrolls: boolean;
}

export type CurveSize = 'normal' | 'huge';

/**
 * Type size, in px: 12 is the least anyone reads without zooming; 20 on the projector,
 * where a bigger size turned eight step names into slanted stubs.
 */
const FONT_PX = { normal: 12, huge: 20 } as const;
/** Height of the plot (valence +3 … −3), in px: the projector's fits a screen with the rest. */
const PLOT_PX = { normal: 220, huge: 320 } as const;
/** Width the chart assumes before it has been measured (server render, tests). */
export const UNMEASURED_WIDTH_PX = { normal: 720, huge: 1200 } as const;

/** Narrowest column, in fonts (31 px): three roles' markers side by side still show apart. */
const MIN_COL_EM = 2.6;
/** Widest column, in fonts: wider only spreads the curve thin. */
const MAX_COL_EM = 14;
/** Columns at least this wide (in fonts) keep their names flat. */
const FLAT_COL_EM = 6;
/** Longest slanted label, in fonts (about 11 characters). */
const SLANT_LABEL_EM = 7;

export function curveLayout(available: number, stepCount: number, size: CurveSize): CurveLayout {
  const font = FONT_PX[size];
  const n = Math.max(stepCount, 1);
  const right = font;
  const yAxis = font * 2.8;
  const slant = font * SLANT_LABEL_EM;
  // A slanted label runs down and to the left of its column, so the first one needs room
  // on the left: more than the valence axis when columns are narrow.
  const slantReach = slant * Math.SQRT1_2 + font / 2;
  const slantLeft = (c: number) => Math.max(yAxis, slantReach - c / 2);
  const flatFit = (available - yAxis - right) / n;
  const fit =
    flatFit >= font * FLAT_COL_EM
      ? flatFit
      : Math.min((available - slantReach - right) / (n - 0.5), (available - yAxis - right) / n);
  const col = Math.min(font * MAX_COL_EM, Math.max(font * MIN_COL_EM, fit));
  const flat = col >= font * FLAT_COL_EM;
  const left = flat ? yAxis : slantLeft(col);
  const bottom = flat ? font * 3.4 : slant * Math.SQRT1_2 + font * 1.6;
  const top = font * 2.8;
  const plot = PLOT_PX[size];
  // (less a hair: floating-point sums that should equal the space must not round up past it)
  const width = Math.ceil(left + n * col + right - 1e-6);
  return {
    width,
    height: Math.ceil(top + plot + bottom),
    col,
    left,
    right,
    top,
    plot,
    bottom,
    font,
    stroke: size === 'huge' ? 4 : 2.5,
    r: size === 'huge' ? 8 : 5,
    labels: flat ? 'flat' : 'slanted',
    chars: flat ? charsIn(col - font / 2, font) : charsIn(slant, font),
    scrolls: width > available + 0.5,
  };
}
