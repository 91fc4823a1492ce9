'use client';

import { useTranslations } from 'next-intl';
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import type * as Y from 'yjs';
import {
  addNote,
  type GroupView,
  type Lane,
  NOTE_TEXT_MAX_CHARS,
  type NoteView,
  readGroups,
  readNotes,
} from '@/lib/board/board-doc';
import type { NoteAuthor } from '@/lib/board/authors';
import { newDocId, type PathStep } from '@/lib/board/path-doc';
import { useDocValue } from '@/lib/client/use-doc-value';
import { NoteCard } from '../board/note-card';
import { Button } from '../ui/button';

const NO_NOTES: NoteView[] = [];
const NO_GROUPS: GroupView[] = [];

export interface CellAccess {
  /** The viewer may add notes (board.edit, and the board not locked for them). */
  mayWrite: boolean;
  /** The viewer may change this note (its author or a facilitator, when they may write). */
  canEdit: (note: NoteView) => boolean;
  /** Why they may not write, when they may not (read-only role, locked board). */
  refusal: string | null;
}

interface Props {
  doc: Y.Doc;
  steps: PathStep[];
  stepId: string;
  lane: Lane;
  viewerId: string;
  access: CellAccess;
  authorOf: (note: NoteView) => NoteAuthor;
  onClose: () => void;
}

/**
 * One cell of the map opened: that step's lane, its notes (editable where the board lets
 * the viewer edit them) and a field to add one. Writes go through the board's own
 * functions, so they reach everyone over Yjs and the server checks them as any board edit.
 */
export function MapCellDialog({
  doc,
  steps,
  stepId,
  lane,
  viewerId,
  access,
  authorOf,
  onClose,
}: Props) {
  const t = useTranslations();
  const title = useId();
  const box = useRef<HTMLDivElement>(null);
  const first = useRef<HTMLTextAreaElement | null>(null);
  const [text, setText] = useState('');
  const allNotes = useDocValue(doc, readNotes, NO_NOTES);
  const allGroups = useDocValue(doc, readGroups, NO_GROUPS);
  const notes = allNotes.filter((n) => n.stepId === stepId && n.lane === lane);
  const pains = allNotes.filter((n) => n.stepId === stepId && n.lane === 'pains');
  const groups = allGroups.filter(
    (g) => g.stepId === stepId && notes.some((n) => n.groupId === g.id),
  );
  const index = steps.findIndex((s) => s.id === stepId);
  const step = steps[index];

  // Straight to the new note's field; a reader who may not write lands on "Close".
  useEffect(() => (first.current ?? box.current?.querySelector('button'))?.focus(), []);

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !box.current) return;
    // Keep Tab inside the dialog while it is open (aria-modal).
    const focusable = [
      ...box.current.querySelectorAll<HTMLElement>(
        'button, textarea, input, select, [tabindex="0"]',
      ),
    ].filter((el) => !el.hasAttribute('disabled'));
    const [head, tail] = [focusable[0], focusable.at(-1)];
    if (e.shiftKey && document.activeElement === head) {
      e.preventDefault();
      tail?.focus();
    } else if (!e.shiftKey && document.activeElement === tail) {
      e.preventDefault();
      head?.focus();
    }
  }

  const card = (n: NoteView) => (
    <NoteCard
      key={n.id}
      doc={doc}
      note={n}
      author={authorOf(n)}
      pains={pains}
      steps={steps}
      editable={access.canEdit(n)}
      own={n.authorId === viewerId}
      selectable={false}
      selected={false}
      onSelect={() => undefined}
    />
  );
  if (!step) return null;
  const ungrouped = notes.filter((n) => !groups.some((g) => g.id === n.groupId));
  return (
    <div className="fixed inset-0 z-50 flex items-end justify-center bg-stone-900/40 p-2 sm:items-center">
      <div
        ref={box}
        role="dialog"
        aria-modal="true"
        aria-labelledby={title}
        onKeyDown={onKeyDown}
        className="flex max-h-[90vh] w-full max-w-lg flex-col gap-3 overflow-y-auto rounded-xl bg-white p-4 shadow-xl"
        data-testid="map-cell-dialog"
      >
        <div className="flex items-start justify-between gap-2">
          <h2 id={title} className="text-lg font-semibold wrap-anywhere">
            {t('map.cellTitle', { lane: t(`lanes.${lane}`), number: index + 1, title: step.title })}
          </h2>
          <Button variant="secondary" className="px-3 py-1 text-sm" onClick={onClose}>
            {t('map.close')}
          </Button>
        </div>
        {access.refusal && <p role="status">{access.refusal}</p>}
        {access.mayWrite && (
          <form
            className="flex flex-col gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              if (!text.trim()) return;
              addNote(doc, {
                id: newDocId('note'),
                stepId,
                lane,
                text: text.trim(),
                authorId: viewerId,
                createdAt: Date.now(),
              });
              setText('');
              // "Add" is disabled by the emptied field: keep the keyboard in the dialog.
              first.current?.focus();
            }}
          >
            <textarea
              ref={(el) => {
                first.current = el;
              }}
              aria-label={t('board.newNote', { lane: t(`lanes.${lane}`) })}
              className="w-full rounded border border-stone-400 px-2 py-1"
              rows={2}
              maxLength={NOTE_TEXT_MAX_CHARS}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <Button type="submit" className="self-start" disabled={!text.trim()}>
              {t('board.addNote')}
            </Button>
          </form>
        )}
        {notes.length === 0 && <p className="text-sm text-stone-700">{t('board.empty')}</p>}
        {groups.map((g) => (
          <Group key={g.id} title={g.title}>
            {notes.filter((n) => n.groupId === g.id).map(card)}
          </Group>
        ))}
        {ungrouped.length > 0 && <ul className="flex flex-col gap-2">{ungrouped.map(card)}</ul>}
      </div>
    </div>
  );
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="rounded-md border border-dashed border-stone-500 p-1">
      <p className="mb-1 text-sm font-semibold wrap-anywhere">{title}</p>
      <ul className="flex flex-col gap-2">{children}</ul>
    </div>
  );
}
