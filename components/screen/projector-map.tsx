'use client';

import { useMemo } from 'react';
import { type GroupView, type NoteView, readGroups, readNotes } from '@/lib/board/board-doc';
import { buildJourneyMap } from '@/lib/board/journey-map';
import { useJourneyAnalysis } from '@/lib/client/use-analysis';
import { useDocValue } from '@/lib/client/use-doc-value';
import { mapWords } from '@/lib/export/map-export';
import { layoutJourneyMap } from '@/lib/export/map-layout';
import { renderMapSvg } from '@/lib/export/map-svg';
import { exportWords } from '@/lib/export/words';
import type { PartProps } from './part-props';

const NO_NOTES: NoteView[] = [];
const NO_GROUPS: GroupView[] = [];

/**
 * The whole journey map on the wall, scaled to fit: nobody in the room can scroll or use
 * arrow keys on the projector (a reviewer saw 4 of 8 steps at 1280×720). It is the
 * printed map's drawing (the SVG download and the PDF's A3 page), live from the board;
 * every text in it is escaped (lib/export/map-svg.ts), so it is set as markup.
 */
export function ProjectorMap({ state, steps, doc }: PartProps) {
  const notes = useDocValue(doc, readNotes, NO_NOTES);
  const groups = useDocValue(doc, readGroups, NO_GROUPS);
  const { control, info } = state;
  const analysis = useJourneyAnalysis(steps, control.round);
  const svg = useMemo(() => {
    const map = buildJourneyMap({
      steps,
      notes,
      groups,
      curve: analysis.curve,
      hiddenLanes: control.hiddenLanes,
    });
    const words = mapWords(exportWords(info.locale), info.title);
    // Without the XML declaration: it is part of this page, not a file.
    return renderMapSvg(layoutJourneyMap(map, words), words.title).replace(/^<\?xml[^>]*>\s*/, '');
  }, [steps, notes, groups, analysis.curve, control.hiddenLanes, info.locale, info.title]);
  return (
    <div
      className="h-full w-full [&>svg]:h-full [&>svg]:w-full"
      data-testid="projector-map"
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
