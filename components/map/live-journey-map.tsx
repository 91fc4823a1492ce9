'use client';

import { useTranslations } from 'next-intl';
import { useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { noteAuthor, rosterOf } from '@/lib/board/authors';
import {
  type GroupView,
  type Lane,
  type NoteView,
  readGroups,
  readNotes,
} from '@/lib/board/board-doc';
import { buildJourneyMap } from '@/lib/board/journey-map';
import type { PathStep } from '@/lib/board/path-doc';
import { useJourneyAnalysis } from '@/lib/client/use-analysis';
import { useDocValue } from '@/lib/client/use-doc-value';
import { boardAccess, mayEditNote } from '@/lib/board/note-rules';
import type { ControlState, ParticipantView } from '@/lib/domain/workshop';
import { useSession } from '@/lib/stores/session-store';
import type { BoardViewer } from '../board/board-view';
import { JourneyMap } from './journey-map';
import { type CellAccess, MapCellDialog } from './map-cell-dialog';

const NO_NOTES: NoteView[] = [];
const NO_GROUPS: GroupView[] = [];
const NO_PEOPLE: ParticipantView[] = [];

export interface LiveJourneyMapProps {
  doc: Y.Doc | null;
  steps: PathStep[];
  control: ControlState;
  /** Who looks; null on the projector, which only reads. */
  viewer: BoardViewer | null;
  /** 'huge' on the projector. Default 'normal'. */
  size?: 'normal' | 'huge';
  /** Cells never open (the projector). Default: only when there is no viewer. */
  readOnly?: boolean;
}

/**
 * The journey map of the live workshop: the board's notes as they change (over Yjs), the
 * curves of what has been revealed of this round. A cell opens that step's lane, where
 * the viewer adds and edits notes with the same rights as on the board.
 */
export function LiveJourneyMap({
  doc,
  steps,
  control,
  viewer,
  size,
  readOnly,
}: LiveJourneyMapProps) {
  const t = useTranslations('board');
  const notes = useDocValue(doc, readNotes, NO_NOTES);
  const groups = useDocValue(doc, readGroups, NO_GROUPS);
  const analysis = useJourneyAnalysis(steps, control.round);
  const people = useSession((s) => s.state?.participants) ?? NO_PEOPLE;
  const roster = useMemo(() => rosterOf(people), [people]);
  const [opened, setOpened] = useState<{ stepId: string; lane: Lane } | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const map = useMemo(
    () =>
      buildJourneyMap({
        steps,
        notes,
        groups,
        curve: analysis.curve,
        hiddenLanes: control.hiddenLanes,
      }),
    [steps, notes, groups, analysis.curve, control.hiddenLanes],
  );
  const cellsOpen = !(readOnly ?? viewer === null) && doc !== null && viewer !== null;

  const access = (v: BoardViewer): CellAccess => {
    // The board's rules (lib/board/note-rules.ts), as on the board and in the server's guard.
    const writer = {
      participantId: v.participantId,
      role: v.role,
      boardLocked: control.boardLocked,
    };
    const access = boardAccess(writer);
    return {
      mayWrite: access === 'write',
      canEdit: (n) => mayEditNote(writer, n.authorId),
      refusal: access === 'read-only' ? t('readOnly') : access === 'locked' ? t('locked') : null,
    };
  };

  return (
    <>
      <JourneyMap
        map={map}
        size={size}
        readOnly={!cellsOpen}
        onOpenCell={(stepId, lane) => {
          opener.current =
            document.activeElement instanceof HTMLElement ? document.activeElement : null;
          setOpened({ stepId, lane });
        }}
      />
      {opened && doc && viewer && (
        <MapCellDialog
          doc={doc}
          steps={steps}
          stepId={opened.stepId}
          lane={opened.lane}
          viewerId={viewer.participantId}
          access={access(viewer)}
          authorOf={(n) => noteAuthor(n.authorId, roster, control.anonymous)}
          onClose={() => {
            setOpened(null);
            // Back to the cell it was opened from, as a dialog should.
            opener.current?.focus();
          }}
        />
      )}
    </>
  );
}
