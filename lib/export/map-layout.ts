import type { RatedRole } from '../analytics/curve';
import { linePath, markerPath } from '../analytics/line-path';
import type { JourneyMap, MapNote } from '../board/journey-map';
import type { Lane } from '../board/lanes';
import type { PathStep } from '../board/path-doc';
import {
  curveStyle,
  estimateWidth,
  handoffPath,
  type Measure,
  starPath,
  valenceY,
  wrap,
} from './map-marks';

/**
 * The journey map laid out for print: a flat list of rectangles, lines, paths and text
 * lines in one coordinate space. Pure: the SVG download (map-svg.ts) and the PDF's A3
 * page (map-pdf.ts) draw the same list, so the two never disagree.
 */

export type Shape =
  | {
      kind: 'rect';
      x: number;
      y: number;
      w: number;
      h: number;
      fill: string | null;
      stroke?: string;
      strokeWidth?: number;
      dash?: readonly [number, number];
      radius?: number;
    }
  | {
      kind: 'line';
      x1: number;
      y1: number;
      x2: number;
      y2: number;
      stroke: string;
      strokeWidth: number;
      dash?: readonly [number, number];
    }
  | {
      kind: 'path';
      /** SVG path data (M, L, H, V, a, Z): pdfkit reads it too. */
      d: string;
      fill: string | null;
      stroke?: string;
      strokeWidth?: number;
      dash?: readonly [number, number];
    }
  | {
      kind: 'text';
      x: number;
      /** The baseline. */
      y: number;
      text: string;
      size: number;
      bold?: boolean;
      fill: string;
      anchor?: 'start' | 'middle' | 'end';
    };

export interface MapLayout {
  width: number;
  height: number;
  shapes: Shape[];
}

/** The words the printed map shows, in the workshop's language. */
export interface MapWords {
  title: string;
  lane: (lane: Lane) => string;
  stage: (stage: PathStep['stage']) => string;
  channel: (channel: string) => string;
  role: (role: RatedRole) => string;
  target: string;
  curves: string;
  noCurves: string;
  critical: string;
  handoff: string;
  /** "+3 more" under a cell that has more notes than fit. */
  more: (count: number) => string;
}

export const INK = '#1c2330';
const MUTED = '#4b5563';
const RULE = '#c3c8cf';
const GRID = '#e2e5e9';
const NOTE_FILL = '#fff7d6';
const NOTE_EDGE = '#d9c27a';
const STAGE_FILL: Record<PathStep['stage'], string> = {
  before: '#e8eef7',
  during: '#eef3ea',
  after: '#f5eee6',
};

/** Geometry in layout units (SVG px; the PDF scales the whole to its page). */
const G = {
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
const NOTE_LINES = 4;

/** Lays out the whole map; every note is cut to fit its cell, nothing is cut off the page. */
export function layoutJourneyMap<N extends MapNote>(
  map: JourneyMap<N>,
  words: MapWords,
  measure: Measure = estimateWidth,
): MapLayout {
  const shapes: Shape[] = [];
  const n = map.columns.length;
  const left = G.pad;
  const gridLeft = left + G.laneWidth;
  const width = gridLeft + Math.max(n, 1) * G.colWidth + G.pad;
  const colX = (i: number) => gridLeft + i * G.colWidth;
  const text = (t: Omit<Extract<Shape, { kind: 'text' }>, 'kind'>) =>
    shapes.push({ kind: 'text', ...t });
  const lines = (
    content: string,
    x: number,
    top: number,
    w: number,
    size: number,
    bold: boolean,
    max: number,
    fill = INK,
  ) => {
    const out = wrap(content, w, size, bold, max, measure);
    out.forEach((line, i) =>
      text({ x, y: top + size * (i + 1) * 1.2 - size * 0.25, text: line, size, bold, fill }),
    );
    return out.length * size * 1.2;
  };

  let y = G.pad;
  lines(words.title, left, y, width - 2 * G.pad, 18, true, 1);
  y += G.titleHeight;

  // Stage bands, each spanning its steps.
  for (const s of map.stages) {
    shapes.push({
      kind: 'rect',
      x: colX(s.start),
      y,
      w: s.span * G.colWidth,
      h: G.stageHeight,
      fill: STAGE_FILL[s.stage],
      stroke: '#ffffff',
      strokeWidth: 2,
    });
    lines(
      words.stage(s.stage),
      colX(s.start) + G.cellPad,
      y + 3,
      s.span * G.colWidth - 2 * G.cellPad,
      G.font,
      true,
      1,
    );
  }
  y += G.stageHeight;

  // Step headers: number and title, channel, owner, critical mark.
  const headerTop = y;
  for (const c of map.columns) {
    const x = colX(c.index) + G.cellPad;
    const w = G.colWidth - 2 * G.cellPad;
    let at = headerTop + 4;
    at += lines(`${c.index + 1}. ${c.title}`, x, at, w, G.font + 1, true, 3);
    at += lines(words.channel(c.channel), x, at, w, G.small, false, 1, MUTED);
    at += lines(c.department, x, at, w, G.small, false, 1, MUTED);
    if (c.critical) {
      shapes.push({ kind: 'path', d: starPath(x + 6, at + 7, 6), fill: INK });
      lines(words.critical, x + 16, at, w - 16, G.small, true, 1);
    }
  }
  y += G.headerHeight;

  // The curves band: the scale in the lane column, the lines across the steps.
  const curveTop = y;
  const yOf = (v: number) => valenceY(v, curveTop, G.curveHeight, G.curveInset);
  lines(words.curves, left, curveTop + 2, G.laneWidth - 40, G.font, true, 3);
  if (map.curves.length === 0) {
    lines(
      words.noCurves,
      gridLeft + G.cellPad,
      curveTop + G.curveHeight / 2 - 8,
      n * G.colWidth - 2 * G.cellPad,
      G.font,
      false,
      2,
      MUTED,
    );
  } else {
    for (let v = -3; v <= 3; v++) {
      shapes.push({
        kind: 'line',
        x1: gridLeft,
        x2: gridLeft + n * G.colWidth,
        y1: yOf(v),
        y2: yOf(v),
        stroke: v === 0 ? '#8a919c' : GRID,
        strokeWidth: v === 0 ? 1.2 : 0.8,
      });
      if (v % 3 === 0)
        text({
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
      const d = linePath(
        curve.values.map((v, i) => (v === null ? null : { x: xOf(i), y: yOf(v) })),
      );
      if (d)
        shapes.push({
          kind: 'path',
          d,
          fill: null,
          stroke: style.colour,
          strokeWidth: curve.key === 'target' ? 1.6 : 2.5,
          dash: style.dash,
        });
      curve.values.forEach((v, i) => {
        if (v !== null)
          shapes.push({
            kind: 'path',
            d: markerPath(style.shape, xOf(i), yOf(v), 4.5),
            fill: style.colour,
            stroke: '#ffffff',
            strokeWidth: 1,
          });
      });
    }
  }
  y += G.curveHeight;

  // Lane rows: the lane's name, then each step's notes, groups first under their titles.
  const noteWidth = G.colWidth - 2 * G.cellPad;
  for (const row of map.rows) {
    shapes.push({
      kind: 'line',
      x1: left,
      x2: gridLeft + n * G.colWidth,
      y1: y,
      y2: y,
      stroke: RULE,
      strokeWidth: 1,
    });
    const labelHeight =
      lines(words.lane(row.lane), left + 2, y + G.cellPad, G.laneWidth - 12, G.font, true, 3) +
      2 * G.cellPad;
    let rowHeight = Math.max(labelHeight, 28);
    for (const [i, cell] of row.cells.entries()) {
      const x = colX(i) + G.cellPad;
      let at = y + G.cellPad;
      let shown = 0;
      const note = (content: string) => {
        const textLines = wrap(content, noteWidth - 8, G.small, false, NOTE_LINES, measure);
        const h = textLines.length * G.small * 1.2 + 6;
        shapes.push({
          kind: 'rect',
          x,
          y: at,
          w: noteWidth,
          h,
          fill: NOTE_FILL,
          stroke: NOTE_EDGE,
          strokeWidth: 0.8,
          radius: 2,
        });
        textLines.forEach((line, k) =>
          text({
            x: x + 4,
            y: at + 3 + G.small * (k + 1) * 1.2 - G.small * 0.25,
            text: line,
            size: G.small,
            fill: INK,
          }),
        );
        at += h + G.noteGap;
        shown++;
      };
      for (const group of cell.groups) {
        if (shown >= MAP_NOTES_PER_CELL) break;
        const top = at;
        at += lines(group.title, x + 4, at, noteWidth - 8, G.small, true, 2) + 2;
        for (const item of group.notes) if (shown < MAP_NOTES_PER_CELL) note(item.text);
        // A dashed frame around the group, as on the board.
        shapes.push({
          kind: 'rect',
          x: x - 2,
          y: top - 2,
          w: noteWidth + 4,
          h: at - top,
          fill: null,
          stroke: '#78716c',
          strokeWidth: 0.8,
          dash: [3, 2],
        });
        at += 4;
      }
      for (const item of cell.loose) if (shown < MAP_NOTES_PER_CELL) note(item.text);
      if (cell.count > shown)
        at += lines(words.more(cell.count - shown), x, at, noteWidth, G.small, true, 1, MUTED);
      rowHeight = Math.max(rowHeight, at - y + G.cellPad - G.noteGap);
    }
    y += rowHeight;
  }
  shapes.push({
    kind: 'line',
    x1: left,
    x2: gridLeft + n * G.colWidth,
    y1: y,
    y2: y,
    stroke: RULE,
    strokeWidth: 1,
  });
  const bottom = y;

  // Column rules, and a dashed rule with the ⇄ mark where the owner changes.
  for (let i = 0; i <= n; i++) {
    const handoff = i > 0 && i < n ? map.columns[i - 1]?.handoffToNext : null;
    shapes.push({
      kind: 'line',
      x1: colX(i),
      x2: colX(i),
      y1: headerTop,
      y2: bottom,
      stroke: handoff ? '#57534e' : RULE,
      strokeWidth: handoff ? 1.4 : 0.6,
      dash: handoff ? [4, 3] : undefined,
    });
    if (handoff) {
      const cy = headerTop + G.headerHeight - 12;
      shapes.push({
        kind: 'rect',
        x: colX(i) - 11,
        y: cy - 8,
        w: 22,
        h: 16,
        fill: '#ffffff',
        stroke: '#57534e',
        strokeWidth: 1,
        radius: 8,
      });
      shapes.push({
        kind: 'path',
        d: handoffPath(colX(i), cy, 6),
        fill: null,
        stroke: INK,
        strokeWidth: 1.2,
      });
    }
  }

  // Legend: every line, the critical mark and the hand-off mark, named.
  y = bottom + 14;
  let lx = left;
  const entry = (draw: (x: number) => void, label: string, markWidth: number) => {
    // A narrow map (few steps) wraps its legend instead of running off the page.
    const needed = markWidth + 4 + measure(label, G.small, false);
    if (lx > left && lx + needed > width - G.pad) {
      lx = left;
      y += 20;
    }
    draw(lx);
    text({ x: lx + markWidth + 4, y: y + 12, text: label, size: G.small, fill: INK });
    lx += markWidth + 4 + measure(label, G.small, false) + 18;
  };
  for (const curve of map.curves) {
    const s = curveStyle(curve.key);
    entry(
      (x) => {
        shapes.push({
          kind: 'line',
          x1: x,
          x2: x + 24,
          y1: y + 8,
          y2: y + 8,
          stroke: s.colour,
          strokeWidth: 2,
          dash: s.dash,
        });
        shapes.push({
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
      (x) => shapes.push({ kind: 'path', d: starPath(x + 6, y + 8, 6), fill: INK }),
      words.critical,
      12,
    );
  if (map.columns.some((c) => c.handoffToNext))
    entry(
      (x) =>
        shapes.push({
          kind: 'path',
          d: handoffPath(x + 8, y + 8, 6),
          fill: null,
          stroke: INK,
          strokeWidth: 1.2,
        }),
      words.handoff,
      16,
    );
  return { width, height: y + G.legendHeight, shapes };
}
