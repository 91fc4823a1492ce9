'use client';

import { useTranslations } from 'next-intl';
import { type FormEvent, type ReactNode, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import {
  addNote,
  GROUP_TITLE_MAX_CHARS,
  groupNotes,
  type Lane,
  type NoteView,
  readGroups,
  readNotes,
  type GroupView,
} from '@/lib/board/board-doc';
import { boardLanes } from '@/lib/board/phase-lanes';
import { noteAuthor, rosterOf } from '@/lib/board/authors';
import { boardAccess, lockedOut, mayEditNote } from '@/lib/board/note-rules';
import { newDocId, type PathStep } from '@/lib/board/path-doc';
import { useDocValue } from '@/lib/client/use-doc-value';
import { useNarrowScreen } from '@/lib/client/use-narrow-screen';
import type { Phase } from '@/lib/domain/phases';
import { defaultLens, type Lens, type Role } from '@/lib/domain/roles';
import { CloseCode } from '@/lib/protocol/codes';
import type { ParticipantView } from '@/lib/domain/workshop';
import { useWorkshopDoc } from '@/lib/stores/doc-store';
import { useSession } from '@/lib/stores/session-store';
import { Button } from '../ui/button';
import { LaneColumn } from './lane-column';
import { PresenceAvatars } from './presence-avatars';

const NO_NOTES: NoteView[] = [];
const NO_GROUPS: GroupView[] = [];
const NO_PEOPLE: ParticipantView[] = [];

export interface BoardViewer {
  participantId: string;
  name: string;
  role: Role;
  /** Whose boots they walk in; read from the roster when left out. */
  lens?: Lens;
}

interface Props {
  doc: Y.Doc;
  steps: PathStep[];
  stepId: string;
  /** The phase decides which lanes come first (and stay open on a phone). */
  phase: Phase;
  viewer: BoardViewer;
  anonymous: boolean;
  hiddenLanes: Lane[];
  boardLocked: boolean;
  /** What heads a lane, before its notes (ideate's prompt in the ideas lane). */
  laneHeads?: Partial<Record<Lane, ReactNode>>;
}

/** The board of one step: a column per lane, notes in it, grouping without dragging. */
export function BoardView({
  doc,
  steps,
  stepId,
  phase,
  viewer,
  anonymous,
  hiddenLanes,
  boardLocked,
  laneHeads,
}: Props) {
  const t = useTranslations('board');
  const tl = useTranslations('lanes');
  const allNotes = useDocValue(doc, readNotes, NO_NOTES);
  const allGroups = useDocValue(doc, readGroups, NO_GROUPS);
  const denied = useWorkshopDoc((s) => s.denied);
  const status = useWorkshopDoc((s) => s.status);
  const closeCode = useWorkshopDoc((s) => s.closeCode);
  const recovery = useWorkshopDoc((s) => s.recovery);
  const people = useSession((s) => s.state?.participants) ?? NO_PEOPLE;
  const roster = useMemo(() => rosterOf(people), [people]);
  const [selected, setSelected] = useState<string[]>([]);
  const [groupName, setGroupName] = useState('');
  const step = steps.find((s) => s.id === stepId);
  const writer = { participantId: viewer.participantId, role: viewer.role, boardLocked };
  const access = boardAccess(writer);
  const mayWrite = access === 'write';
  const notes = allNotes.filter((n) => n.stepId === stepId);
  const groups = allGroups.filter((g) => g.stepId === stepId);
  const lens =
    viewer.lens ??
    people.find((p) => p.id === viewer.participantId)?.lens ??
    defaultLens(viewer.role);
  const lanes = boardLanes(phase, { role: viewer.role, lens }, hiddenLanes);
  const narrow = useNarrowScreen();
  // Lanes the person opened or folded themselves; the others follow the phase.
  const [folding, setFolding] = useState<Partial<Record<Lane, boolean>>>({});

  function makeGroup(e: FormEvent) {
    e.preventDefault();
    if (!groupName.trim() || selected.length === 0) return;
    groupNotes(doc, newDocId('group'), stepId, groupName.trim(), selected);
    setSelected([]);
    setGroupName('');
  }

  if (!step) return null;
  return (
    <section
      aria-labelledby="board-heading"
      className="flex min-w-0 flex-col gap-3"
      data-testid="board"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="board-heading" className="text-lg font-semibold">
          {t('heading', { title: step.title })}
        </h2>
        <PresenceAvatars doc={doc} stepId={stepId} />
      </div>
      {access === 'read-only' && <p role="status">{t('readOnly')}</p>}
      {lockedOut(writer) && <p role="status">{t('locked')}</p>}
      {/* Kept in view while the person scrolls the lanes: a refusal, the connection's state
          and the grouping bar concern what they are doing further down the board. */}
      <div className="sticky top-2 z-20 flex flex-col gap-2" data-testid="board-notices">
        {status === 'offline' && (
          <p role="status" className="rounded-md bg-amber-50 p-2 text-sm shadow">
            {closeCode === CloseCode.RATE_LIMITED ? t('rateLimited') : t('offlineNote')}
          </p>
        )}
        {denied && (
          <p
            role="alert"
            className="rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-900 shadow"
          >
            {t.has(`denied.${denied}`) ? t(`denied.${denied}`) : t('denied.other')}
          </p>
        )}
        {recovery === 'done' && !denied && <p role="status">{t('clientRecovered')}</p>}
        {mayWrite && selected.length > 0 && (
          <form
            onSubmit={makeGroup}
            className="flex flex-wrap items-center gap-2 rounded-md bg-stone-100 p-2 shadow"
          >
            <span aria-live="polite">{t('selected', { count: selected.length })}</span>
            <input
              aria-label={t('groupName')}
              className="rounded border border-stone-400 bg-white px-2 py-1"
              value={groupName}
              maxLength={GROUP_TITLE_MAX_CHARS}
              onChange={(e) => setGroupName(e.target.value)}
            />
            <Button type="submit" disabled={!groupName.trim()}>
              {t('group')}
            </Button>
          </form>
        )}
      </div>
      {/* minmax(0, 1fr) columns (grid-cols-*) and min-w-0 lanes: a long URL in a note must
          wrap inside its lane, not widen the grid and with it every phone's page. */}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 2xl:grid-cols-3">
        {lanes.map(({ lane, focus }) => {
          const open = !narrow || (folding[lane] ?? focus);
          return (
            <LaneColumn
              key={lane}
              lane={lane}
              label={tl(lane)}
              focus={focus}
              foldable={narrow}
              open={open}
              onToggle={() => setFolding((f) => ({ ...f, [lane]: !open }))}
              head={laneHeads?.[lane]}
              doc={doc}
              steps={steps}
              notes={notes.filter((n) => n.lane === lane)}
              pains={notes.filter((n) => n.lane === 'pains')}
              groups={groups}
              mayWrite={mayWrite}
              canEdit={(n) => mayEditNote(writer, n.authorId)}
              authorOf={(n) => noteAuthor(n.authorId, roster, anonymous)}
              viewerId={viewer.participantId}
              selected={selected}
              onSelect={(id, on) =>
                setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id)))
              }
              onAdd={(text) =>
                addNote(doc, {
                  id: newDocId('note'),
                  stepId,
                  lane,
                  text,
                  authorId: viewer.participantId,
                  createdAt: Date.now(),
                })
              }
            />
          );
        })}
      </div>
    </section>
  );
}
