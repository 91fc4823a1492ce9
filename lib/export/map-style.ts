import type { PathStep } from '../board/path-doc';

/**
 * The printed journey map's colours and sizes (layout units: SVG px; the PDF scales the
 * whole to its page), and the frame every part of the layout places itself in.
 */

export const INK = '#1c2330';
export const MUTED = '#4b5563';
export const RULE = '#c3c8cf';
export const GRID = '#e2e5e9';
export const NOTE_FILL = '#fff7d6';
export const NOTE_EDGE = '#d9c27a';
export const STAGE_FILL: Record<PathStep['stage'], string> = {
  before: '#e8eef7',
  during: '#eef3ea',
  after: '#f5eee6',
};

export const G = {
  pad: 20,
  laneWidth: 150,
  colWidth: 150,
  titleHeight: 40,
  stageHeight: 26,
  headerHeight: 104,
  curveHeight: 150,
  curveInset: 16,
  cellPad: 6,
  noteGap: 4,
  font: 11,
  small: 10,
  legendHeight: 36,
} as const;

/** Notes a printed cell shows; the rest are counted ("+3 more"). */
export const MAP_NOTES_PER_CELL = 5;
/** Lines a printed note shows before it is cut with an ellipsis. */
export const NOTE_LINES = 4;

/** Where the lane names and the step columns are, for a map of `n` steps. */
export interface MapFrame {
  /** Steps (columns). */
  n: number;
  /** The left edge of the lane names. */
  left: number;
  /** The left edge of the first step's column. */
  gridLeft: number;
  /** The whole layout's width. */
  width: number;
  /** The left edge of column `i`. */
  colX: (i: number) => number;
}

export function mapFrame(n: number): MapFrame {
  const left = G.pad;
  const gridLeft = left + G.laneWidth;
  // At least one column's width: a map with no steps yet still has room for its title.
  const width = gridLeft + Math.max(n, 1) * G.colWidth + G.pad;
  return { n, left, gridLeft, width, colX: (i) => gridLeft + i * G.colWidth };
}
