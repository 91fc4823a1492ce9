import * as Y from 'yjs';
import { can } from '../domain/permissions';
import type { Role } from '../domain/roles';
import { isLane } from './lanes';

/**
 * The board's rules, once: who may write on it and change a note, and what makes a note.
 * The page asks them to offer only what the server will take; the Yjs guard
 * (server/realtime/yjs-guard.ts) enforces them on every update, whatever a client sends.
 */

/** Someone about to write on the board. */
export interface BoardWriter {
  participantId: string;
  /** Null for someone who may not write at all (a projector screen, a removed person). */
  role: Role | null;
  boardLocked: boolean;
}

/** Whether a locked board stops this person (it stops all but facilitators). */
export function lockedOut(w: Pick<BoardWriter, 'role' | 'boardLocked'>): boolean {
  return w.boardLocked && w.role !== 'facilitator';
}

/**
 * Whether someone may write on the board now: `read-only` when their role may not
 * (observers, and people the server does not know), `locked` when a locked board stops them.
 */
export function boardAccess(
  w: Pick<BoardWriter, 'role' | 'boardLocked'>,
): 'write' | 'read-only' | 'locked' {
  if (w.role === null || !can(w.role, 'board.edit')) return 'read-only';
  return lockedOut(w) ? 'locked' : 'write';
}

/**
 * Whose notes someone may change (edit, move, link, delete): their own, and a facilitator
 * anyone's. Board access is asked apart (`boardAccess`): it has refusals of its own.
 */
export function ownsNote(
  w: Pick<BoardWriter, 'participantId' | 'role'>,
  authorId: unknown,
): boolean {
  return w.role === 'facilitator' || authorId === w.participantId;
}

/**
 * Whether someone may change one field of an existing note. Grouping is everyone's (a
 * group gathers anybody's notes); a note's author stays who wrote it (nobody, a
 * facilitator neither, re-signs or unsigns it); the rest is the note's owner's.
 */
export function mayChangeNoteField(
  w: Pick<BoardWriter, 'participantId' | 'role'>,
  authorId: unknown,
  field: string | null,
): boolean {
  if (field === 'groupId') return true;
  if (field === 'authorId') return false;
  return ownsNote(w, authorId);
}

/** Whether the page offers to edit, move or delete a note: board access and ownership. */
export function mayEditNote(w: BoardWriter, authorId: unknown): boolean {
  return boardAccess(w) === 'write' && ownsNote(w, authorId);
}

/** A note's fields, read from a Y.Map or from the structs of an update. */
export type NoteFields = (field: string) => unknown;

/**
 * What every note needs to be shown: its text as a Y.Text, a lane and a step. A buggy or
 * hostile client may omit any of them; such an entry is not a note.
 */
export function isWellFormedNote(get: NoteFields): boolean {
  return get('text') instanceof Y.Text && isLane(get('lane')) && typeof get('stepId') === 'string';
}

/**
 * What a new note needs besides: its author's id, by which the roster names it. (A stored
 * note without one is still shown, by an unknown author: `readNote`.)
 */
export function isValidNewNote(get: NoteFields): boolean {
  return isWellFormedNote(get) && typeof get('authorId') === 'string';
}

/** A new note is signed by its writer: nobody writes in another's name. */
export function signedByWriter(w: Pick<BoardWriter, 'participantId'>, authorId: unknown): boolean {
  return authorId === w.participantId;
}
