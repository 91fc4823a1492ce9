import type { RatedRole } from '../analytics/curve';
import type { JourneyMap, MapNote } from '../board/journey-map';
import type { Lane } from '../board/lanes';
import type { PathStep } from '../board/path-doc';
import { layoutCurves } from './map-layout-curves';
import { layoutHead } from './map-layout-head';
import { layoutLegend } from './map-layout-legend';
import { layoutColumnRules, layoutRows } from './map-layout-rows';
import { estimateWidth, type Measure } from './map-marks';
import { type MapLayout, pen } from './map-shapes';
import { G, mapFrame } from './map-style';

/**
 * The journey map laid out for print: a flat list of shapes (map-shapes.ts) in one
 * coordinate space. Pure: the SVG download (map-svg.ts) and the PDF's A3 page
 * (map-pdf.ts) draw the same list, so the two never disagree. Each part of the page is
 * laid out in its own file (map-layout-*.ts), top to bottom.
 */

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

/** Lays out the whole map; every note is cut to fit its cell, nothing is cut off the page. */
export function layoutJourneyMap<N extends MapNote>(
  map: JourneyMap<N>,
  words: MapWords,
  measure: Measure = estimateWidth,
): MapLayout {
  const p = pen(measure);
  const f = mapFrame(map.columns.length);
  const { headerTop, bottom: curveTop } = layoutHead(p, f, map, words);
  layoutCurves(p, f, map, words, curveTop);
  const bottom = layoutRows(p, f, map, words, curveTop + G.curveHeight);
  layoutColumnRules(p, f, map, headerTop, bottom);
  const y = layoutLegend(p, f, map, words, bottom);
  return { width: f.width, height: y + G.legendHeight, shapes: p.shapes };
}
