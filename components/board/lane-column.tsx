'use client';

import { useTranslations } from 'next-intl';
import { type ReactNode, useId, useState } from 'react';
import type * as Y from 'yjs';
import {
  GROUP_TITLE_MAX_CHARS,
  type GroupView,
  type Lane,
  NOTE_TEXT_MAX_CHARS,
  type NoteView,
  renameGroup,
  ungroup,
} from '@/lib/board/board-doc';
import type { NoteAuthor } from '@/lib/board/authors';
import type { PathStep } from '@/lib/board/path-doc';
import { Button } from '../ui/button';
import { useCharsLeft } from './chars-left';
import { NoteCard } from './note-card';

export interface LaneColumnProps {
  lane: Lane;
  label: string;
  /** The phase is about this lane (marked, and first). */
  focus: boolean;
  /** On a phone a lane folds to its name and note count; elsewhere it is always open. */
  foldable: boolean;
  open: boolean;
  onToggle: () => void;
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
  /** Shown first in the lane, before its notes (ideate's prompt in the ideas lane). */
  head?: ReactNode;
}

/** One lane of a step's board: its notes, its groups and a box for a new note. */
export function LaneColumn(props: LaneColumnProps) {
  const t = useTranslations('board');
  const bodyId = useId();
  const { lane, label, notes, groups, open } = props;
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
      className={`flex min-w-0 flex-col gap-2 rounded-lg p-2 ${
        props.focus ? 'border-2 border-boot bg-amber-50/60' : 'bg-stone-100'
      }`}
      data-lane={lane}
      data-focus={props.focus || undefined}
    >
      {props.foldable ? (
        <h3 className="text-sm font-semibold">
          <button
            type="button"
            className="flex min-h-11 w-full items-center justify-between gap-2 rounded text-left"
            aria-expanded={open}
            // Only while the part exists: it is left out of the page when folded.
            aria-controls={open ? bodyId : undefined}
            onClick={props.onToggle}
          >
            <span>
              {label} · {t('noteCount', { count: notes.length })}
            </span>
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          </button>
        </h3>
      ) : (
        <h3 className="text-sm font-semibold">{label}</h3>
      )}
      {open && (
        <div id={bodyId} className="flex min-w-0 flex-col gap-2">
          {props.head}
          {/* Folded or not, a phone's lane header already says "no notes". */}
          {notes.length === 0 && !props.foldable && (
            <p className="text-xs text-stone-600">{t('empty')}</p>
          )}
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
          {props.mayWrite && <NewNote label={label} onAdd={props.onAdd} />}
        </div>
      )}
    </section>
  );
}

function NewNote({ label, onAdd }: { label: string; onAdd: (text: string) => void }) {
  const t = useTranslations('board');
  const [text, setText] = useState('');
  const counter = useCharsLeft(text, useId());
  return (
    <form
      className="flex flex-col gap-1"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return;
        onAdd(text.trim());
        setText('');
      }}
    >
      <div className="flex gap-1">
        <input
          aria-label={t('newNote', { lane: label })}
          aria-describedby={counter.describedBy}
          className="min-w-0 flex-1 rounded border border-stone-400 bg-white px-2 py-1 text-sm"
          maxLength={NOTE_TEXT_MAX_CHARS}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <Button type="submit" className="px-2 py-1 text-sm" disabled={!text.trim()}>
          {t('addNote')}
        </Button>
      </div>
      {counter.line}
    </form>
  );
}
