import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addNote,
  deleteNote,
  editNoteText,
  groupNotes,
  linkIdeaToPain,
  moveNote,
  notesMap,
  readGroups,
  readNotes,
  renameGroup,
  setNoteGroup,
  ungroup,
} from './board-doc';
import { replayEdits, unsentEdits } from './recover-edits';

function note(doc: Y.Doc, id: string, text: string, authorId = 'anna', createdAt = 1) {
  addNote(doc, {
    id,
    stepId: 's1',
    lane: 'pains',
    text,
    authorId,
    createdAt,
  });
}

/** Sends what `from` has and `to` lacks, as the server relays an accepted update. */
function send(from: Y.Doc, to: Y.Doc) {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

function docWithId(clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  return doc;
}

/** The server's copy, a copy synced afresh from it, and Anna's page, all in step. */
function room() {
  const server = docWithId(1);
  const others = docWithId(2);
  note(others, 'theirs', 'Sami wrote this', 'sami');
  groupNotes(others, 'g-old', 's1', 'Old group', []);
  send(others, server);
  const page = docWithId(100);
  send(server, page);
  note(page, 'mine', 'hello', 'anna', 2);
  note(page, 'doomed', 'delete me', 'anna', 3);
  note(page, 'idea', 'an idea', 'anna', 4);
  moveNote(page, 'idea', { lane: 'ideas' });
  send(page, server);
  send(server, others);
  return { server, others, page };
}

/** The state the server would hold after the page's edits, made again under a new id. */
function recover(page: Y.Doc, server: Y.Doc) {
  const fresh = docWithId(200);
  send(server, fresh);
  const before = Y.encodeStateVector(fresh);
  const edits = unsentEdits(page, fresh);
  replayEdits(fresh, edits);
  const made = Y.encodeStateAsUpdate(fresh, before);
  return { fresh, edits, made };
}

describe('unsentEdits and replayEdits', () => {
  it('find nothing to do when the server has everything', () => {
    const { server, page } = room();
    expect(unsentEdits(page, server)).toEqual([]);
  });

  it('make every unsent edit of the page again under a new id, and nothing the server has', () => {
    const { server, others, page } = room();
    // Refused from here on: the page's edits stay on the page.
    editNoteText(page, 'mine', 'hello, world');
    moveNote(page, 'mine', { lane: 'gains' });
    note(page, 'new', 'written while refused', 'anna', 5);
    groupNotes(page, 'g-new', 's1', 'New group', ['new', 'theirs']);
    deleteNote(page, 'doomed');
    renameGroup(page, 'g-old', 'Renamed');
    linkIdeaToPain(page, 'idea', 'mine');
    // Meanwhile someone else works on the server.
    note(others, 'later', 'after Anna was cut off', 'sami', 6);
    editNoteText(others, 'theirs', 'Sami wrote this, and more');
    send(others, server);

    const { fresh, edits, made } = recover(page, server);
    expect(edits.map((e) => e.kind)).toEqual([
      'add-group',
      'add-note',
      'move-note',
      'set-group',
      'link-pain',
      'set-text',
      'rename-group',
      'delete-note',
    ]);
    expect(readNotes(fresh).map((n) => [n.id, n.text, n.lane, n.groupId, n.painId])).toEqual([
      ['theirs', 'Sami wrote this, and more', 'pains', 'g-new', null],
      ['mine', 'hello, world', 'gains', null, null],
      ['idea', 'an idea', 'ideas', null, 'mine'],
      ['new', 'written while refused', 'pains', 'g-new', null],
      ['later', 'after Anna was cut off', 'pains', null, null],
    ]);
    expect(readGroups(fresh).map((g) => g.title)).toEqual(['New group', 'Renamed']);
    // Every struct made is under the new id: the server takes them.
    expect([...Y.parseUpdateMeta(made).to.keys()]).toEqual([200]);
    // The server, given them, shows what the page showed (and what others added since).
    send(fresh, server);
    expect(readNotes(server).find((n) => n.id === 'mine')?.text).toBe('hello, world');
    expect(notesMap(server).has('doomed')).toBe(false);
  });

  it('make a deletion of text again, and leave a note the page never changed alone', () => {
    const { server, others, page } = room();
    editNoteText(page, 'mine', 'hel');
    editNoteText(others, 'theirs', 'Sami changed this meanwhile');
    send(others, server);
    const { fresh, edits } = recover(page, server);
    expect(edits).toEqual([{ kind: 'set-text', noteId: 'mine', text: 'hel' }]);
    expect(readNotes(fresh).find((n) => n.id === 'theirs')?.text).toBe(
      'Sami changed this meanwhile',
    );
  });

  it('do not bring back a note someone else deleted meanwhile, nor undo their grouping', () => {
    const { server, others, page } = room();
    editNoteText(page, 'mine', 'edited in vain');
    deleteNote(others, 'mine');
    setNoteGroup(others, 'idea', 'g-old');
    send(others, server);
    const { fresh, edits } = recover(page, server);
    expect(edits).toEqual([]);
    expect(notesMap(fresh).has('mine')).toBe(false);
    expect(readNotes(fresh).find((n) => n.id === 'idea')?.groupId).toBe('g-old');
  });

  it('make a group deletion again, ungrouping its notes', () => {
    const { server, others, page } = room();
    setNoteGroup(others, 'theirs', 'g-old');
    send(others, server);
    send(server, page);
    ungroup(page, 'g-old');
    const { fresh, edits } = recover(page, server);
    expect(edits).toEqual([
      { kind: 'set-group', noteId: 'theirs', groupId: null },
      { kind: 'delete-group', groupId: 'g-old' },
    ]);
    expect(readGroups(fresh)).toEqual([]);
    expect(readNotes(fresh).find((n) => n.id === 'theirs')?.groupId).toBeNull();
  });

  it('skip a note created and deleted while refused', () => {
    const { server, page } = room();
    note(page, 'fleeting', 'gone again', 'anna', 9);
    deleteNote(page, 'fleeting');
    expect(recover(page, server).edits).toEqual([]);
  });
});
