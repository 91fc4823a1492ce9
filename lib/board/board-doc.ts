import * as Y from 'yjs';
import type { Lane } from './lanes';
import { isWellFormedNote } from './note-rules';

/**
 * The journey board inside the workshop's Y.Doc. Notes live in one Y.Map keyed by id;
 * each note is a Y.Map whose text is a Y.Text, so two people typing in one note merge.
 * Groups live in their own Y.Map; a note points at its group by id.
 */
export const NOTES = 'notes';
export const GROUPS = 'groups';

export { LANES, type Lane } from './lanes';

export const NOTE_TEXT_MAX_CHARS = 500;
export const GROUP_TITLE_MAX_CHARS = 80;
/** Notes one lane of one step may hold; the server refuses more. */
export const NOTES_PER_LANE_MAX = 200;

export interface NoteView {
  id: string;
  stepId: string;
  lane: Lane;
  text: string;
  /**
   * Who wrote it: a participant id, tied to the writer by the server. Names and roles come
   * from the roster (`noteAuthor` in authors.ts), never from the document: a client could
   * write anything there. Old documents may still hold `authorRole`/`authorName`; unread.
   */
  authorId: string;
  createdAt: number;
  groupId: string | null;
  /** For an idea: the pain (a note of the same step) it answers, if its author linked one. */
  painId: string | null;
}

export interface GroupView {
  id: string;
  stepId: string;
  title: string;
}

export function notesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(NOTES);
}

export function groupsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(GROUPS);
}

/** Whether a note's entry has what every note needs (note-rules.ts). */
function wellFormed(map: Y.Map<unknown>): boolean {
  return isWellFormedNote((field) => map.get(field));
}

/** A note as plain data; null for a malformed entry (from a buggy or hostile client). */
export function readNote(id: string, map: Y.Map<unknown>): NoteView | null {
  if (!wellFormed(map)) return null;
  const text = map.get('text') as Y.Text;
  const lane = map.get('lane') as Lane;
  const stepId = map.get('stepId') as string;
  return {
    id,
    stepId,
    lane,
    text: text.toString(),
    authorId: String(map.get('authorId') ?? ''),
    createdAt: Number(map.get('createdAt') ?? 0),
    groupId: typeof map.get('groupId') === 'string' ? (map.get('groupId') as string) : null,
    painId: typeof map.get('painId') === 'string' ? (map.get('painId') as string) : null,
  };
}

export function readNotes(doc: Y.Doc): NoteView[] {
  const out: NoteView[] = [];
  notesMap(doc).forEach((map, id) => {
    const note = readNote(id, map);
    if (note) out.push(note);
  });
  return out.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/**
 * The ideas' ids in `readNotes`' order (creation order), without reading the notes'
 * texts: the server asks for them on every command, on boards of hundreds of notes.
 */
export function readIdeaIds(doc: Y.Doc): string[] {
  const ideas: { id: string; createdAt: number }[] = [];
  notesMap(doc).forEach((map, id) => {
    if (map.get('lane') === 'ideas' && wellFormed(map)) {
      ideas.push({ id, createdAt: Number(map.get('createdAt') ?? 0) });
    }
  });
  ideas.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  return ideas.map((i) => i.id);
}

export function readGroups(doc: Y.Doc): GroupView[] {
  const out: GroupView[] = [];
  groupsMap(doc).forEach((map, id) => {
    const title = map.get('title');
    const stepId = map.get('stepId');
    if (typeof title === 'string' && typeof stepId === 'string') out.push({ id, stepId, title });
  });
  return out.sort((a, b) => a.title.localeCompare(b.title));
}

export interface NewNote {
  id: string;
  stepId: string;
  lane: Lane;
  text: string;
  authorId: string;
  createdAt: number;
}

export function addNote(doc: Y.Doc, note: NewNote): void {
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    const { text, ...rest } = note;
    for (const [key, value] of Object.entries(rest)) map.set(key, value);
    map.set('text', new Y.Text(text.slice(0, NOTE_TEXT_MAX_CHARS)));
    map.set('groupId', null);
    notesMap(doc).set(note.id, map);
  });
}

/**
 * Replaces a note's text with `next`, as the smallest edit (common prefix and suffix kept),
 * so that someone else typing elsewhere in the same note is not overwritten.
 */
export function editNoteText(doc: Y.Doc, noteId: string, next: string): void {
  const text = notesMap(doc).get(noteId)?.get('text');
  if (!(text instanceof Y.Text)) return;
  const before = text.toString();
  const after = next.slice(0, NOTE_TEXT_MAX_CHARS);
  if (before === after) return;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  doc.transact(() => {
    if (endBefore > start) text.delete(start, endBefore - start);
    if (endAfter > start) text.insert(start, after.slice(start, endAfter));
  });
}

/** Moves a note to another lane and/or step; it leaves its group when it changes step. */
export function moveNote(doc: Y.Doc, noteId: string, to: { stepId?: string; lane?: Lane }): void {
  const map = notesMap(doc).get(noteId);
  if (!map) return;
  doc.transact(() => {
    if (to.stepId && to.stepId !== map.get('stepId')) {
      map.set('stepId', to.stepId);
      map.set('groupId', null);
    }
    if (to.lane) map.set('lane', to.lane);
  });
}

export function deleteNote(doc: Y.Doc, noteId: string): void {
  notesMap(doc).delete(noteId);
}

/** Puts the notes into a new group `groupId` with `title`. */
export function groupNotes(
  doc: Y.Doc,
  groupId: string,
  stepId: string,
  title: string,
  noteIds: string[],
): void {
  doc.transact(() => {
    const group = new Y.Map<unknown>();
    group.set('stepId', stepId);
    group.set('title', title.slice(0, GROUP_TITLE_MAX_CHARS));
    groupsMap(doc).set(groupId, group);
    for (const id of noteIds) notesMap(doc).get(id)?.set('groupId', groupId);
  });
}

export function renameGroup(doc: Y.Doc, groupId: string, title: string): void {
  groupsMap(doc).get(groupId)?.set('title', title.slice(0, GROUP_TITLE_MAX_CHARS));
}

/** Removes a group; its notes stay, ungrouped. */
export function ungroup(doc: Y.Doc, groupId: string): void {
  doc.transact(() => {
    notesMap(doc).forEach((map) => {
      if (map.get('groupId') === groupId) map.set('groupId', null);
    });
    groupsMap(doc).delete(groupId);
  });
}

export function setNoteGroup(doc: Y.Doc, noteId: string, groupId: string | null): void {
  notesMap(doc).get(noteId)?.set('groupId', groupId);
}

/** Links an idea to the pain it answers (or unlinks it with null). */
export function linkIdeaToPain(doc: Y.Doc, ideaId: string, painId: string | null): void {
  notesMap(doc).get(ideaId)?.set('painId', painId);
}
