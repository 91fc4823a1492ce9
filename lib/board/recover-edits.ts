import * as Y from 'yjs';
import { assertNever } from '../domain/assert-never';
import {
  addNote,
  deleteNote,
  editNoteText,
  groupNotes,
  groupsMap,
  type Lane,
  linkIdeaToPain,
  moveNote,
  notesMap,
  readNote,
  renameGroup,
  setNoteGroup,
  ungroup,
  type NewNote,
} from './board-doc';

/**
 * One board edit to make again. When the server refuses a page's Yjs client id
 * (`not-your-client`), what the page wrote under it cannot be sent again under another
 * id (Yjs structs carry their id), so the page syncs a fresh document under a new id and
 * makes its unsent edits again there, as new operations.
 */
export type RecoveredEdit =
  | { kind: 'add-group'; groupId: string; stepId: string; title: string }
  | { kind: 'add-note'; note: NewNote; groupId: string | null; painId: string | null }
  | { kind: 'move-note'; noteId: string; stepId?: string; lane?: Lane }
  | { kind: 'set-group'; noteId: string; groupId: string | null }
  | { kind: 'link-pain'; noteId: string; painId: string | null }
  | { kind: 'set-text'; noteId: string; text: string }
  | { kind: 'rename-group'; groupId: string; title: string }
  | { kind: 'delete-note'; noteId: string }
  | { kind: 'delete-group'; groupId: string };

type Entries = Map<string, Y.Item>;

/** A Y.Map's entries with the item that set each (deleted ones too). */
function entries<T>(map: Y.Map<T>): Entries {
  return map._map;
}

/** The kind order in which edits are made again: groups before the notes that join them. */
const ORDER: Record<RecoveredEdit['kind'], number> = {
  'add-group': 0,
  'add-note': 1,
  'move-note': 2,
  'set-group': 3,
  'link-pain': 4,
  'set-text': 5,
  'rename-group': 6,
  'delete-note': 7,
  'delete-group': 8,
};

/**
 * The board edits `local` holds that `server` (a document freshly synced from the
 * server) does not: new notes and groups, notes' texts, lanes, steps, groups and linked
 * pains, group titles, and deletions. Pure: reads both documents, changes neither.
 *
 * An edit counts as unsent when the Yjs item that made it is beyond what the server has
 * seen of its client (its state vector), and a deletion when `local` deleted an item the
 * server still shows. So an edit someone else made meanwhile (only on the server) is
 * never undone, and an edit the server already has is not made twice.
 */
export function unsentEdits(local: Y.Doc, server: Y.Doc): RecoveredEdit[] {
  const unsent = (item: Y.Item) =>
    item.id.clock + item.length > Y.getState(server.store, item.id.client);
  const serverDeletes = Y.createDeleteSetFromStructStore(server.store);
  const shownOnServer = (item: Y.Item) => {
    for (let clock = item.id.clock; clock < item.id.clock + item.length; clock++) {
      if (!Y.isDeleted(serverDeletes, Y.createID(item.id.client, clock))) return true;
    }
    return false;
  };
  /** `local` deleted what the server has and still shows. */
  const unsentDeletion = (item: Y.Item | undefined, onServer: Y.Item | undefined) =>
    !!item && !!onServer && item.deleted && !onServer.deleted && Y.compareIDs(item.id, onServer.id);
  /** The item behind `key` of `map` if it is live and unsent. */
  const changed = (map: Y.Map<unknown>, key: string) => {
    const item = entries(map).get(key);
    return !!item && !item.deleted && unsent(item);
  };
  const edits: RecoveredEdit[] = [];

  const localGroups = groupsMap(local);
  const serverGroups = entries(groupsMap(server));
  for (const [groupId, item] of entries(localGroups)) {
    const onServer = serverGroups.get(groupId);
    const group = localGroups.get(groupId);
    if (!item.deleted && unsent(item) && group) {
      const stepId = group.get('stepId');
      const title = group.get('title');
      if (typeof stepId === 'string' && typeof title === 'string') {
        edits.push({ kind: 'add-group', groupId, stepId, title });
      }
    } else if (unsentDeletion(item, onServer)) {
      edits.push({ kind: 'delete-group', groupId });
    } else if (group && onServer && !onServer.deleted && changed(group, 'title')) {
      const title = group.get('title');
      if (typeof title === 'string') edits.push({ kind: 'rename-group', groupId, title });
    }
  }

  const localNotes = notesMap(local);
  const serverNotes = entries(notesMap(server));
  for (const [noteId, item] of entries(localNotes)) {
    const onServer = serverNotes.get(noteId);
    const map = localNotes.get(noteId);
    const note = map && readNote(noteId, map);
    if (!item.deleted && unsent(item)) {
      if (!note) continue;
      const { groupId, painId, ...rest } = note;
      edits.push({ kind: 'add-note', note: rest, groupId, painId });
    } else if (unsentDeletion(item, onServer)) {
      edits.push({ kind: 'delete-note', noteId });
    } else if (map && note && onServer && !onServer.deleted && Y.compareIDs(item.id, onServer.id)) {
      const stepId = changed(map, 'stepId') ? note.stepId : undefined;
      const lane = changed(map, 'lane') ? note.lane : undefined;
      if (stepId !== undefined || lane !== undefined) {
        edits.push({ kind: 'move-note', noteId, stepId, lane });
      }
      if (changed(map, 'groupId')) edits.push({ kind: 'set-group', noteId, groupId: note.groupId });
      if (changed(map, 'painId')) edits.push({ kind: 'link-pain', noteId, painId: note.painId });
      const text = map.get('text');
      if (text instanceof Y.Text && textUnsent(text, unsent, shownOnServer)) {
        edits.push({ kind: 'set-text', noteId, text: note.text });
      }
    }
  }
  return edits.sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
}

/** Whether `text` holds characters, or deletions of characters, the server does not. */
function textUnsent(
  text: Y.Text,
  unsent: (item: Y.Item) => boolean,
  shownOnServer: (item: Y.Item) => boolean,
): boolean {
  for (let item = text._start; item; item = item.right) {
    if (!item.deleted && unsent(item)) return true;
    if (item.deleted && !unsent(item) && shownOnServer(item)) return true;
  }
  return false;
}

/** Makes `edits` (from `unsentEdits`) in `doc`, in one transaction, with the board's own helpers. */
export function replayEdits(doc: Y.Doc, edits: readonly RecoveredEdit[]): void {
  doc.transact(() => {
    for (const edit of edits) {
      switch (edit.kind) {
        case 'add-group':
          groupNotes(doc, edit.groupId, edit.stepId, edit.title, []);
          break;
        case 'add-note':
          addNote(doc, edit.note);
          if (edit.groupId !== null) setNoteGroup(doc, edit.note.id, edit.groupId);
          if (edit.painId !== null) linkIdeaToPain(doc, edit.note.id, edit.painId);
          break;
        case 'move-note':
          moveNote(doc, edit.noteId, { stepId: edit.stepId, lane: edit.lane });
          break;
        case 'set-group':
          setNoteGroup(doc, edit.noteId, edit.groupId);
          break;
        case 'link-pain':
          linkIdeaToPain(doc, edit.noteId, edit.painId);
          break;
        case 'set-text':
          editNoteText(doc, edit.noteId, edit.text);
          break;
        case 'rename-group':
          renameGroup(doc, edit.groupId, edit.title);
          break;
        case 'delete-note':
          deleteNote(doc, edit.noteId);
          break;
        case 'delete-group':
          ungroup(doc, edit.groupId);
          break;
        default:
          assertNever(edit);
      }
    }
  });
}
