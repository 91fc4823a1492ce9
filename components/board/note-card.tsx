'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { type ReactNode, useId } from 'react';
import type * as Y from 'yjs';
import {
  deleteNote,
  editNoteText,
  linkIdeaToPain,
  LANES,
  type Lane,
  moveNote,
  NOTE_TEXT_MAX_CHARS,
  type NoteView,
} from '@/lib/board/board-doc';
import type { NoteAuthor } from '@/lib/board/authors';
import type { PathStep } from '@/lib/board/path-doc';
import { hasText } from '@/lib/export/board-notes';
import { Button } from '../ui/button';
import { useCharsLeft } from './chars-left';
import { ROLE_COLOUR } from '@/lib/domain/role-style';

/** The edge of a note whose author the roster no longer knows. */
const UNKNOWN_COLOUR = '#a8a29e';

interface Props {
  doc: Y.Doc;
  note: NoteView;
  /** Who wrote it, from the roster (never from the note itself). */
  author: NoteAuthor;
  /** Pains of the same step, which an idea may answer. */
  pains?: NoteView[];
  steps: PathStep[];
  /** The viewer may change this note (its author or a facilitator, board not locked). */
  editable: boolean;
  /** The viewer wrote this note: left empty, it goes away (default false). */
  own?: boolean;
  /** The viewer may select it for a group. */
  selectable: boolean;
  selected: boolean;
  onSelect: (selected: boolean) => void;
}

/** One sticky note. Its text is a Y.Text: two people typing in it merge, nobody overwrites. */
export function NoteCard({
  doc,
  note,
  author,
  pains = [],
  steps,
  editable,
  own = false,
  selectable,
  selected,
  onSelect,
}: Props) {
  const t = useTranslations();
  const format = useFormatter();
  // In anonymous workshops the role alone says who wrote it.
  const role = author.role ? t(`roles.${author.role}`) : t('board.formerParticipant');
  const who = author.name ? `${author.name} · ${role}` : role;
  const label = `${t(`lanes.${note.lane}`)}: ${note.text.slice(0, 40)}`;
  const id = useId();
  const counter = useCharsLeft(note.text, `${id}-left`);
  // A visible label that also names the control: its words first, then which note it is
  // about (for a screen reader, which hears the control away from its note).
  const field = (key: string, name: string, control: ReactNode) => (
    <>
      <label htmlFor={`${id}-${key}`} className="text-stone-800">
        {name}
        <span className="sr-only">: {label}</span>
      </label>
      {control}
    </>
  );
  return (
    <li
      className="flex min-w-0 flex-col gap-1 rounded-md border border-stone-300 bg-amber-50 p-2 shadow-sm"
      style={{ borderLeft: `6px solid ${author.role ? ROLE_COLOUR[author.role] : UNKNOWN_COLOUR}` }}
      data-note-id={note.id}
      data-lane={note.lane}
    >
      {editable ? (
        <textarea
          aria-label={t('board.noteText')}
          aria-describedby={counter.describedBy}
          className="w-full resize-y rounded border border-transparent bg-transparent p-1 focus:border-blue-700"
          rows={2}
          maxLength={NOTE_TEXT_MAX_CHARS}
          value={note.text}
          onChange={(e) => editNoteText(doc, note.id, e.target.value)}
          // A note its writer emptied and left is a blank sticky nobody meant to keep. Not
          // when the whole window lost focus: they may be copying text from elsewhere.
          onBlur={() => {
            if (own && !hasText(note) && document.hasFocus()) deleteNote(doc, note.id);
          }}
        />
      ) : (
        // wrap-anywhere, not break-words: only "anywhere" also narrows the note's minimum
        // width, so a long URL wraps instead of widening the lane.
        <p className="whitespace-pre-wrap p-1 wrap-anywhere">{note.text}</p>
      )}
      {editable && counter.line}
      {note.painId && (
        <p className="text-xs wrap-anywhere">
          {t('board.answers', {
            pain: pains.find((p) => p.id === note.painId)?.text.slice(0, 60) ?? '…',
          })}
        </p>
      )}
      <p className="text-xs text-stone-700">
        {t('board.by', {
          who,
          time: format.dateTime(new Date(note.createdAt), { timeStyle: 'short' }),
        })}
      </p>
      {selectable && (
        <label className="flex items-center gap-1 text-xs">
          <input type="checkbox" checked={selected} onChange={(e) => onSelect(e.target.checked)} />
          <span className="sr-only">
            {t('board.select')}: {label}
          </span>
          <span aria-hidden="true">{t('board.select')}</span>
        </label>
      )}
      {editable && (
        <>
          <div className="grid grid-cols-[auto_minmax(0,1fr)] items-center gap-x-2 gap-y-1 text-xs">
            {field(
              'lane',
              t('board.moveLane'),
              <select
                id={`${id}-lane`}
                className="min-w-0 rounded border border-stone-400 bg-white px-1 py-1"
                value={note.lane}
                onChange={(e) => moveNote(doc, note.id, { lane: e.target.value as Lane })}
              >
                {LANES.map((l) => (
                  <option key={l} value={l}>
                    {t(`lanes.${l}`)}
                  </option>
                ))}
              </select>,
            )}
            {field(
              'step',
              t('board.moveStep'),
              <select
                id={`${id}-step`}
                className="min-w-0 rounded border border-stone-400 bg-white px-1 py-1"
                value={note.stepId}
                onChange={(e) => moveNote(doc, note.id, { stepId: e.target.value })}
              >
                {steps.map((s, i) => (
                  <option key={s.id} value={s.id}>
                    {i + 1}. {s.title}
                  </option>
                ))}
              </select>,
            )}
            {note.lane === 'ideas' &&
              pains.length > 0 &&
              field(
                'pain',
                t('board.answersPain'),
                <select
                  id={`${id}-pain`}
                  className="min-w-0 rounded border border-stone-400 bg-white px-1 py-1"
                  value={note.painId ?? ''}
                  onChange={(e) => linkIdeaToPain(doc, note.id, e.target.value || null)}
                >
                  <option value="">{t('board.noPain')}</option>
                  {pains.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.text.slice(0, 50)}
                    </option>
                  ))}
                </select>,
              )}
          </div>
          <Button
            variant="secondary"
            className="self-start px-2 py-1 text-xs"
            aria-label={`${t('board.delete')}: ${label}`}
            onClick={() => deleteNote(doc, note.id)}
          >
            {t('board.delete')}
          </Button>
        </>
      )}
    </li>
  );
}
