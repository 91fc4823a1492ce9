import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addNote,
  deleteNote,
  editNoteText,
  groupNotes,
  linkIdeaToPain,
  moveNote,
  NOTE_TEXT_MAX_CHARS,
  notesMap,
  readGroups,
  readIdeaIds,
  readNotes,
  renameGroup,
  ungroup,
} from './board-doc';

function note(doc: Y.Doc, id: string, text = 'hello', createdAt = 1) {
  addNote(doc, {
    id,
    stepId: 's1',
    lane: 'pains',
    text,
    authorId: 'p1',
    createdAt,
  });
}

/** Exchanges everything both docs have, as two synced clients would. */
function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('the board document', () => {
  it('reads notes back in the order they were made, with their text', () => {
    const doc = new Y.Doc();
    note(doc, 'n2', 'second', 2);
    note(doc, 'n1', 'first', 1);
    expect(readNotes(doc).map((n) => [n.id, n.text, n.lane, n.groupId])).toEqual([
      ['n1', 'first', 'pains', null],
      ['n2', 'second', 'pains', null],
    ]);
  });

  it('cuts a new note at the length limit', () => {
    const doc = new Y.Doc();
    note(doc, 'n1', 'x'.repeat(NOTE_TEXT_MAX_CHARS + 50));
    expect(readNotes(doc)[0]?.text).toHaveLength(NOTE_TEXT_MAX_CHARS);
  });

  it('skips a malformed note instead of failing the whole board', () => {
    const doc = new Y.Doc();
    note(doc, 'good');
    const bad = new Y.Map<unknown>();
    bad.set('lane', 'not-a-lane');
    notesMap(doc).set('bad', bad);
    expect(readNotes(doc).map((n) => n.id)).toEqual(['good']);
  });

  it('lists the ideas in the order readNotes gives, skipping other lanes and malformed ideas', () => {
    const doc = new Y.Doc();
    const idea = (id: string, createdAt: number) =>
      addNote(doc, {
        id,
        stepId: 's1',
        lane: 'ideas',
        text: id,
        authorId: 'p1',
        createdAt,
      });
    idea('i3', 3);
    note(doc, 'pain', 'a pain', 2);
    idea('i1b', 1);
    idea('i1a', 1);
    const noText = new Y.Map<unknown>();
    noText.set('lane', 'ideas');
    noText.set('stepId', 's1');
    notesMap(doc).set('no-text', noText);
    const fromNotes = readNotes(doc).flatMap((n) => (n.lane === 'ideas' ? [n.id] : []));
    expect(readIdeaIds(doc)).toEqual(['i1a', 'i1b', 'i3']);
    expect(readIdeaIds(doc)).toEqual(fromNotes);
  });

  it('edits text as the smallest change, so concurrent typing in one note merges', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    note(a, 'n1', 'The invoice was late');
    sync(a, b);
    editNoteText(a, 'n1', 'The first invoice was late');
    editNoteText(b, 'n1', 'The invoice was late again');
    sync(a, b);
    expect(readNotes(a)[0]?.text).toBe('The first invoice was late again');
    expect(readNotes(b)[0]?.text).toBe(readNotes(a)[0]?.text);
  });

  it('moves a note to another lane, and out of its group when it changes step', () => {
    const doc = new Y.Doc();
    note(doc, 'n1');
    groupNotes(doc, 'g1', 's1', 'Waiting', ['n1']);
    moveNote(doc, 'n1', { lane: 'gains' });
    expect(readNotes(doc)[0]).toMatchObject({ lane: 'gains', groupId: 'g1' });
    moveNote(doc, 'n1', { stepId: 's2' });
    expect(readNotes(doc)[0]).toMatchObject({ stepId: 's2', groupId: null });
  });

  it('groups, renames and ungroups without losing a note', () => {
    const doc = new Y.Doc();
    note(doc, 'n1');
    note(doc, 'n2', 'two', 2);
    groupNotes(doc, 'g1', 's1', 'Waiting times', ['n1', 'n2']);
    expect(readGroups(doc)).toEqual([{ id: 'g1', stepId: 's1', title: 'Waiting times' }]);
    expect(readNotes(doc).map((n) => n.groupId)).toEqual(['g1', 'g1']);
    renameGroup(doc, 'g1', 'Queues');
    expect(readGroups(doc)[0]?.title).toBe('Queues');
    ungroup(doc, 'g1');
    expect(readGroups(doc)).toEqual([]);
    expect(readNotes(doc).map((n) => n.groupId)).toEqual([null, null]);
  });

  it('links an idea to the pain it answers, and unlinks it', () => {
    const doc = new Y.Doc();
    note(doc, 'pain');
    note(doc, 'idea', 'Tell them earlier', 2);
    moveNote(doc, 'idea', { lane: 'ideas' });
    linkIdeaToPain(doc, 'idea', 'pain');
    expect(readNotes(doc).find((n) => n.id === 'idea')?.painId).toBe('pain');
    linkIdeaToPain(doc, 'idea', null);
    expect(readNotes(doc).find((n) => n.id === 'idea')?.painId).toBeNull();
  });

  it('deletes a note', () => {
    const doc = new Y.Doc();
    note(doc, 'n1');
    deleteNote(doc, 'n1');
    expect(readNotes(doc)).toEqual([]);
  });
});
