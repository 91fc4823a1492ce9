import type { JourneyMap, MapNote } from '../board/journey-map';
import type { MapWords } from './map-layout';
import { handoffPath, wrap } from './map-marks';
import type { Pen } from './map-shapes';
import {
  G,
  INK,
  type MapFrame,
  MAP_NOTES_PER_CELL,
  MUTED,
  NOTE_EDGE,
  NOTE_FILL,
  NOTE_LINES,
  RULE,
} from './map-style';

/**
 * The printed map's lane rows from `top`: each lane's name, then each step's notes, groups
 * first under their titles, every note cut to fit its cell. Returns the rows' bottom.
 */
export function layoutRows<N extends MapNote>(
  p: Pen,
  f: MapFrame,
  map: JourneyMap<N>,
  words: MapWords,
  top: number,
): number {
  const { n, left, gridLeft, colX } = f;
  const rule = (y: number) =>
    p.push({
      kind: 'line',
      x1: left,
      x2: gridLeft + n * G.colWidth,
      y1: y,
      y2: y,
      stroke: RULE,
      strokeWidth: 1,
    });
  const noteWidth = G.colWidth - 2 * G.cellPad;
  let y = top;
  for (const row of map.rows) {
    rule(y);
    const labelHeight =
      p.lines(words.lane(row.lane), left + 2, y + G.cellPad, G.laneWidth - 12, G.font, true, 3) +
      2 * G.cellPad;
    let rowHeight = Math.max(labelHeight, 28);
    for (const [i, cell] of row.cells.entries()) {
      const x = colX(i) + G.cellPad;
      let at = y + G.cellPad;
      let shown = 0;
      const note = (content: string) => {
        const textLines = wrap(content, noteWidth - 8, G.small, false, NOTE_LINES, p.measure);
        const h = textLines.length * G.small * 1.2 + 6;
        p.push({
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
          p.text({
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
        const groupTop = at;
        at += p.lines(group.title, x + 4, at, noteWidth - 8, G.small, true, 2) + 2;
        for (const item of group.notes) if (shown < MAP_NOTES_PER_CELL) note(item.text);
        // A dashed frame around the group, as on the board.
        p.push({
          kind: 'rect',
          x: x - 2,
          y: groupTop - 2,
          w: noteWidth + 4,
          h: at - groupTop,
          fill: null,
          stroke: '#78716c',
          strokeWidth: 0.8,
          dash: [3, 2],
        });
        at += 4;
      }
      for (const item of cell.loose) if (shown < MAP_NOTES_PER_CELL) note(item.text);
      if (cell.count > shown)
        at += p.lines(words.more(cell.count - shown), x, at, noteWidth, G.small, true, 1, MUTED);
      rowHeight = Math.max(rowHeight, at - y + G.cellPad - G.noteGap);
    }
    y += rowHeight;
  }
  rule(y);
  return y;
}

/**
 * The rules between the step columns, from the headers to the rows' bottom; a dashed rule
 * with the ⇄ mark where the owner changes.
 */
export function layoutColumnRules<N extends MapNote>(
  p: Pen,
  f: MapFrame,
  map: JourneyMap<N>,
  headerTop: number,
  bottom: number,
): void {
  const { n, colX } = f;
  for (let i = 0; i <= n; i++) {
    const handoff = i > 0 && i < n ? map.columns[i - 1]?.handoffToNext : null;
    p.push({
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
      p.push({
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
      p.push({
        kind: 'path',
        d: handoffPath(colX(i), cy, 6),
        fill: null,
        stroke: INK,
        strokeWidth: 1.2,
      });
    }
  }
}
