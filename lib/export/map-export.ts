import { buildJourneyMap, type JourneyMap } from '../board/journey-map';
import { layoutJourneyMap, type MapWords } from './map-layout';
import type { Measure } from './map-marks';
import type { MapLayout } from './map-shapes';
import { renderMapSvg } from './map-svg';
import type { ExportNote, WorkshopExport } from './model';
import { type ExportWords, exportWords, fill, label } from './words';

/**
 * The journey map of an export, as the summary page, the SVG download and the PDF's map
 * page show it: only lanes that hold a note (a printed map has no room for empty rows).
 */
export function exportJourneyMap(exp: WorkshopExport): JourneyMap<ExportNote> {
  return buildJourneyMap({
    steps: exp.path,
    notes: exp.notes,
    groups: exp.groups,
    curve: exp.analysis.curve,
    dropEmptyLanes: true,
  });
}

/** The printed map's words, from the export catalogue of the workshop's language. */
export function mapWords(words: ExportWords, title: string): MapWords {
  const { t } = words;
  return {
    title: `${t.mapTitle}: ${title}`,
    lane: (lane) => label(words.lanes, lane),
    stage: (stage) => label(words.stages, stage),
    channel: (channel) => label(words.channels, channel),
    role: (role) => label(words.roles, role),
    target: t.target,
    curves: t.mapCurves,
    noCurves: t.mapNoCurves,
    critical: t.mapCritical,
    handoff: t.mapHandoff,
    more: (count) => fill(t.mapMore, { count }),
  };
}

/** The export's map laid out, in its language; the PDF passes its own text measure. */
export function exportMapLayout(exp: WorkshopExport, measure?: Measure): MapLayout {
  const words = exportWords(exp.workshop.locale);
  return layoutJourneyMap(exportJourneyMap(exp), mapWords(words, exp.workshop.title), measure);
}

/** The export's map as a standalone SVG document. */
export function exportMapSvg(exp: WorkshopExport): string {
  const words = exportWords(exp.workshop.locale);
  return renderMapSvg(exportMapLayout(exp), `${words.t.mapTitle}: ${exp.workshop.title}`);
}
