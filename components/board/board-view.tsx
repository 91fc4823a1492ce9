'use client';

import { useTranslations } from 'next-intl';
import { type FormEvent, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import {
  addNote,
  GROUP_TITLE_MAX_CHARS,
  groupNotes,
  LANES,
  type Lane,
  NOTE_TEXT_MAX_CHARS,
  type NoteView,
  readGroups,
  readNotes,
  renameGroup,
  ungroup,
  type GroupView,
} from '@/lib/board/board-doc';
import { type NoteAuthor, noteAuthor, rosterOf } from '@/lib/board/authors';
import { newDocId, type PathStep } from '@/lib/board/path-doc';
import { useDocValue } from '@/lib/client/use-doc-value';
import { can } from '@/lib/domain/permissions';
import type { Role } from '@/lib/domain/roles';
import { CloseCode } from '@/lib/protocol/codes';
import type { ParticipantView } from '@/lib/domain/workshop';
import { useWorkshopDoc } from '@/lib/stores/doc-store';
import { useSession } from '@/lib/stores/session-store';
import { Button } from '../ui/button';
import { NoteCard } from './note-card';
import { PresenceAvatars } from './presence-avatars';

const NO_NOTES: NoteView[] = [];
const NO_GROUPS: GroupView[] = [];
const NO_PEOPLE: ParticipantView[] = [];

export interface BoardViewer {
  participantId: string;
  name: string;
  role: Role;
}

interface Props {
  doc: Y.Doc;
  steps: PathStep[];
  stepId: string;
  viewer: BoardViewer;
  anonymous: boolean;
  hiddenLanes: Lane[];
  boardLocked: boolean;
}

/** The board of one step: a column per lane, notes in it, grouping without dragging. */
export function BoardView({
  doc,
  steps,
  stepId,
  viewer,
  anonymous,
  hiddenLanes,
  boardLocked,
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
  const facilitator = viewer.role === 'facilitator';
  const mayWrite = can(viewer.role, 'board.edit') && (facilitator || !boardLocked);
  const notes = allNotes.filter((n) => n.stepId === stepId);
  const groups = allGroups.filter((g) => g.stepId === stepId);
  const lanes = LANES.filter((l) => !hiddenLanes.includes(l));

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
      {!can(viewer.role, 'board.edit') && <p role="status">{t('readOnly')}</p>}
      {boardLocked && !facilitator && <p role="status">{t('locked')}</p>}
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
        {lanes.map((lane) => (
          <LaneColumn
            key={lane}
            lane={lane}
            label={tl(lane)}
            doc={doc}
            steps={steps}
            notes={notes.filter((n) => n.lane === lane)}
            pains={notes.filter((n) => n.lane === 'pains')}
            groups={groups}
            mayWrite={mayWrite}
            canEdit={(n) => mayWrite && (facilitator || n.authorId === viewer.participantId)}
            authorOf={(n) => noteAuthor(n.authorId, roster, anonymous)}
            viewerId={viewer.participantId}
            selected={selected}
            onSelect={(id, on) => setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id)))}
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
        ))}
      </div>
    </section>
  );
}

function LaneColumn(props: {
  lane: Lane;
  label: string;
  doc: Y.Doc;
  steps: PathStep[];
  notes: NoteView[];
  /** The step's pains, for linking ideas to them. */
  pains: NoteView[];
  groups: GroupView[];
  mayWrite: boolean;
  canEdit: (note: NoteView) => boolean;
  authorOf: (note: NoteView) => NoteAuthor;
  viewerId: string;
  selected: string[];
  onSelect: (id: string, on: boolean) => void;
  onAdd: (text: string) => void;
}) {
  const t = useTranslations('board');
  const [text, setText] = useState('');
  const { lane, label, notes, groups } = props;
  const card = (n: NoteView) => (
    <NoteCard
      key={n.id}
      doc={props.doc}
      note={n}
      author={props.authorOf(n)}
      pains={props.pains}
      steps={props.steps}
      editable={props.canEdit(n)}
      own={n.authorId === props.viewerId}
      selectable={props.mayWrite}
      selected={props.selected.includes(n.id)}
      onSelect={(on) => props.onSelect(n.id, on)}
    />
  );
  const grouped = groups.filter((g) => notes.some((n) => n.groupId === g.id));
  return (
    <section
      aria-label={label}
      className="flex min-w-0 flex-col gap-2 rounded-lg bg-stone-100 p-2"
      data-lane={lane}
    >
      <h3 className="text-sm font-semibold">{label}</h3>
      {notes.length === 0 && <p className="text-xs text-stone-600">{t('empty')}</p>}
      {grouped.map((g) => (
        <div
          key={g.id}
          className="rounded-md border border-dashed border-stone-500 p-1"
          data-group-id={g.id}
        >
          {props.mayWrite ? (
            <div className="mb-1 flex items-center gap-1">
              <input
                aria-label={t('groupTitle')}
                className="min-w-0 flex-1 rounded border border-stone-300 bg-white px-1 text-sm font-semibold"
                value={g.title}
                maxLength={GROUP_TITLE_MAX_CHARS}
                onChange={(e) => renameGroup(props.doc, g.id, e.target.value)}
              />
              <Button
                variant="secondary"
                className="px-2 py-0 text-xs"
                onClick={() => ungroup(props.doc, g.id)}
              >
                {t('ungroup')}
              </Button>
            </div>
          ) : (
            <p className="mb-1 text-sm font-semibold wrap-anywhere">{g.title}</p>
          )}
          <ul className="flex flex-col gap-2">
            {notes.filter((n) => n.groupId === g.id).map(card)}
          </ul>
        </div>
      ))}
      <ul className="flex flex-col gap-2">
        {notes.filter((n) => !n.groupId || !grouped.some((g) => g.id === n.groupId)).map(card)}
      </ul>
      {props.mayWrite && (
        <form
          className="flex gap-1"
          onSubmit={(e) => {
            e.preventDefault();
            if (!text.trim()) return;
            props.onAdd(text.trim());
            setText('');
          }}
        >
          <input
            aria-label={t('newNote', { lane: label })}
            className="min-w-0 flex-1 rounded border border-stone-400 bg-white px-2 py-1 text-sm"
            maxLength={NOTE_TEXT_MAX_CHARS}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <Button type="submit" className="px-2 py-1 text-sm" disabled={!text.trim()}>
            {t('addNote')}
          </Button>
        </form>
      )}
    </section>
  );
}
