import type { JourneyMap, MapNote } from '../board/journey-map';
import type { MapWords } from './map-layout';
import { starPath } from './map-marks';
import type { Pen } from './map-shapes';
import { G, INK, type MapFrame, MUTED, STAGE_FILL } from './map-style';

/**
 * The top of the printed map: its title, the stage bands over their steps, and each step's
 * header (number and title, channel, owner, critical mark). Returns where the headers
 * start (the column rules run from there) and where the next part starts.
 */
export function layoutHead<N extends MapNote>(
  p: Pen,
  f: MapFrame,
  map: JourneyMap<N>,
  words: MapWords,
): { headerTop: number; bottom: number } {
  const { left, width, colX } = f;
  let y = G.pad;
  p.lines(words.title, left, y, width - 2 * G.pad, 18, true, 1);
  y += G.titleHeight;

  // Stage bands, each spanning its steps.
  for (const s of map.stages) {
    p.push({
      kind: 'rect',
      x: colX(s.start),
      y,
      w: s.span * G.colWidth,
      h: G.stageHeight,
      fill: STAGE_FILL[s.stage],
      stroke: '#ffffff',
      strokeWidth: 2,
    });
    p.lines(
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

  const headerTop = y;
  for (const c of map.columns) {
    const x = colX(c.index) + G.cellPad;
    const w = G.colWidth - 2 * G.cellPad;
    let at = headerTop + 4;
    at += p.lines(`${c.index + 1}. ${c.title}`, x, at, w, G.font + 1, true, 3);
    at += p.lines(words.channel(c.channel), x, at, w, G.small, false, 1, MUTED);
    at += p.lines(c.department, x, at, w, G.small, false, 1, MUTED);
    if (c.critical) {
      p.push({ kind: 'path', d: starPath(x + 6, at + 7, 6), fill: INK });
      p.lines(words.critical, x + 16, at, w - 16, G.small, true, 1);
    }
  }
  return { headerTop, bottom: y + G.headerHeight };
}
