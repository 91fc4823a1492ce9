import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  deleteNote,
  editNoteText,
  groupNotes,
  groupsMap,
  moveNote,
  notesMap,
  readGroups,
  readNotes,
  renameGroup,
  setNoteGroup,
  ungroup,
} from '../../lib/board/board-doc';
import {
  appendCard,
  deleteStep,
  insertStep,
  moveStep,
  personasArray,
  setStepField,
} from '../../lib/board/path-doc';
import { WriteDenied } from '../../lib/protocol/codes';
import { guardUpdate } from './yjs-guard';
import {
  deliver,
  LIMITS,
  note,
  Peer,
  serverDoc,
  snapshot,
  step,
  texts,
  writer,
} from './yjs-guard.fixtures';

const FAC = writer('fran', 'facilitator');
const ANNA = writer('anna', 'customer');
const BEN = writer('ben', 'staff');

/** A server where Anna and Ben each have a note; Fran facilitates. */
function room() {
  const server = serverDoc();
  const fran = new Peer(server, FAC);
  const anna = new Peer(server, ANNA);
  const ben = new Peer(server, BEN);
  expect(anna.edit((d) => note(d, 'a1', 'anna', 'Anna wrote this')).denied).toEqual([]);
  expect(ben.edit((d) => note(d, 'b1', 'ben', 'Ben wrote this')).denied).toEqual([]);
  for (const p of [fran, anna, ben]) p.pull();
  return { server, fran, anna, ben };
}

describe('the Yjs write guard: who may write what', () => {
  it('passes a participant’s own new note through as sent, untouched', () => {
    const server = serverDoc();
    const anna = new Peer(server, ANNA);
    const update = anna.change((d) => note(d, 'a1', 'anna'));
    const verdict = guardUpdate(server, update, ANNA, LIMITS);
    expect(verdict.denied).toEqual([]);
    expect(verdict.update).toBe(update);
    Y.applyUpdate(server, update);
    expect(texts(server)).toEqual({ a1: 'a1 text' });
  });

  it.each([
    ['an observer', writer('olli', 'observer')],
    ['someone without a role (a projector screen, a removed person)', writer('x', null)],
  ])('refuses everything from %s with read-only', (_, who) => {
    const { server } = room();
    const before = snapshot(server);
    const olli = new Peer(server, who);
    expect(olli.edit((d) => note(d, 'o1', who.participantId)).denied).toEqual(['read-only']);
    expect(olli.edit((d) => editNoteText(d, 'a1', 'defaced')).denied).toEqual(['read-only']);
    expect(olli.edit((d) => deleteNote(d, 'b1')).denied).toEqual(['read-only']);
    expect(olli.edit((d) => groupsMap(d).set('g', new Y.Map())).denied).toEqual(['read-only']);
    expect(snapshot(server)).toEqual(before);
  });

  it.each([
    ['edit a step', (d: Y.Doc) => setStepField(d, 'order', 'title', 'Hacked')],
    ['add a step', (d: Y.Doc) => insertStep(d, step('extra'))],
    ['move a step', (d: Y.Doc) => moveStep(d, 'invoice', 0)],
    ['delete a step', (d: Y.Doc) => deleteStep(d, 'order')],
    ['add a persona', (d: Y.Doc) => appendCard(personasArray(d), { id: 'p', name: 'P' })],
  ])('lets only a facilitator %s (path-facilitators-only)', (_, change) => {
    const { server, anna, fran } = room();
    const before = snapshot(server);
    expect(anna.edit(change).denied).toEqual([WriteDenied.PATH_FACILITATORS_ONLY]);
    expect(snapshot(server)).toEqual(before);
    expect(fran.edit(change).denied).toEqual([]);
    expect(snapshot(server)).not.toEqual(before);
  });

  it('refuses every participant edit while the board is locked, and lets the facilitator write', () => {
    const { server, anna, fran } = room();
    anna.who = writer('anna', 'customer', true);
    fran.who = writer('fran', 'facilitator', true);
    expect(anna.edit((d) => editNoteText(d, 'a1', 'Anna changed')).denied).toEqual([
      WriteDenied.BOARD_LOCKED,
    ]);
    expect(anna.edit((d) => note(d, 'a2', 'anna')).denied).toEqual([WriteDenied.BOARD_LOCKED]);
    expect(anna.edit((d) => setNoteGroup(d, 'b1', 'g')).denied).toEqual([WriteDenied.BOARD_LOCKED]);
    expect(texts(server)).toEqual({ a1: 'Anna wrote this', b1: 'Ben wrote this' });
    expect(fran.edit((d) => editNoteText(d, 'b1', 'Fran tidied')).denied).toEqual([]);
    expect(texts(server).b1).toBe('Fran tidied');
  });

  it.each([
    ['edit its text', (d: Y.Doc) => editNoteText(d, 'b1', 'Anna rewrote it')],
    ['move it to another lane', (d: Y.Doc) => moveNote(d, 'b1', { lane: 'gains' })],
    ['move it to another step', (d: Y.Doc) => moveNote(d, 'b1', { stepId: 'invoice' })],
    ['delete it', (d: Y.Doc) => deleteNote(d, 'b1')],
    ['replace it under the same id', (d: Y.Doc) => note(d, 'b1', 'anna', 'mine now')],
    ['claim it', (d: Y.Doc) => notesMap(d).get('b1')?.set('authorId', 'anna')],
  ])('refuses to let a participant %s on someone else’s note (not-your-note)', (_, change) => {
    const { server, anna } = room();
    const before = snapshot(server);
    expect(anna.edit(change).denied).toEqual([WriteDenied.NOT_YOUR_NOTE]);
    expect(snapshot(server)).toEqual(before);
  });

  it('lets the author edit, move and delete their own note', () => {
    const { server, anna } = room();
    expect(anna.edit((d) => editNoteText(d, 'a1', 'Anna wrote this again')).denied).toEqual([]);
    expect(
      anna.edit((d) => moveNote(d, 'a1', { stepId: 'invoice', lane: 'gains' })).denied,
    ).toEqual([]);
    expect(readNotes(server).find((n) => n.id === 'a1')).toMatchObject({
      text: 'Anna wrote this again',
      stepId: 'invoice',
      lane: 'gains',
    });
    expect(anna.edit((d) => deleteNote(d, 'a1')).denied).toEqual([]);
    expect(Object.keys(texts(server))).toEqual(['b1']);
  });

  it('lets the facilitator edit, move and delete anyone’s note', () => {
    const { server, fran } = room();
    expect(fran.edit((d) => editNoteText(d, 'a1', 'Fran edited Anna')).denied).toEqual([]);
    expect(fran.edit((d) => moveNote(d, 'a1', { lane: 'ideas' })).denied).toEqual([]);
    expect(fran.edit((d) => deleteNote(d, 'b1')).denied).toEqual([]);
    expect(readNotes(server).map((n) => [n.id, n.text, n.lane])).toEqual([
      ['a1', 'Fran edited Anna', 'ideas'],
    ]);
  });

  it('lets anyone with board rights group others’ notes and rename or remove groups', () => {
    const { server, anna, ben } = room();
    expect(
      anna.edit((d) => groupNotes(d, 'g1', 'order', 'Slow quotes', ['a1', 'b1'])).denied,
    ).toEqual([]);
    expect(readNotes(server).map((n) => n.groupId)).toEqual(['g1', 'g1']);
    ben.pull();
    expect(ben.edit((d) => renameGroup(d, 'g1', 'Quotes take days')).denied).toEqual([]);
    expect(readGroups(server).map((g) => g.title)).toEqual(['Quotes take days']);
    anna.pull();
    expect(anna.edit((d) => ungroup(d, 'g1')).denied).toEqual([]);
    expect(readGroups(server)).toEqual([]);
    expect(readNotes(server).map((n) => n.groupId)).toEqual([null, null]);
  });

  it('lets nobody, a facilitator neither, re-sign or unsign a note (not-your-note)', () => {
    const { server, anna, fran } = room();
    const before = snapshot(server);
    const own = (d: Y.Doc) => notesMap(d).get('a1')!;
    expect(anna.edit((d) => own(d).delete('authorId')).denied).toEqual([WriteDenied.NOT_YOUR_NOTE]);
    expect(fran.edit((d) => own(d).set('authorId', 'fran')).denied).toEqual([
      WriteDenied.NOT_YOUR_NOTE,
    ]);
    expect(fran.edit((d) => note(d, 'f1', 'anna')).denied).toEqual([WriteDenied.NOT_YOUR_NOTE]);
    expect(snapshot(server)).toEqual(before);
  });

  it('refuses a note written in someone else’s name (not-your-note)', () => {
    const { server, anna } = room();
    expect(anna.edit((d) => note(d, 'forged', 'ben')).denied).toEqual([WriteDenied.NOT_YOUR_NOTE]);
    expect(notesMap(server).has('forged')).toBe(false);
  });

  it.each([
    ['a string instead of a note', (d: Y.Doc) => notesMap(d).set('junk', 'x' as never)],
    [
      'a note in a lane that does not exist',
      (d: Y.Doc) => note(d, 'n', 'anna', 't', { lane: 'nope' as never }),
    ],
    [
      'a note without text',
      (d: Y.Doc) => {
        const m = new Y.Map<unknown>();
        notesMap(d).set('bare', m);
        m.set('authorId', 'anna');
        m.set('stepId', 'order');
        m.set('lane', 'pains');
      },
    ],
  ])('refuses %s (invalid-note)', (_, change) => {
    const { server, anna } = room();
    const before = snapshot(server);
    expect(anna.edit(change).denied).toEqual([WriteDenied.INVALID_NOTE]);
    expect(snapshot(server)).toEqual(before);
  });

  it('applies the allowed part of a mixed update and refuses only the rest', () => {
    const { server, anna } = room();
    const update = Y.mergeUpdates([
      anna.change((d) => editNoteText(d, 'a1', 'Anna: allowed')),
      anna.change((d) => editNoteText(d, 'b1', 'Anna: not allowed')),
    ]);
    expect(deliver(server, update, ANNA).denied).toEqual([WriteDenied.NOT_YOUR_NOTE]);
    expect(texts(server)).toEqual({ a1: 'Anna: allowed', b1: 'Ben wrote this' });
  });

  it('does not blame a participant for deletions the server already has', () => {
    const { server, anna, fran } = room();
    expect(fran.edit((d) => deleteNote(d, 'b1')).denied).toEqual([]);
    anna.pull();
    anna.change((d) => editNoteText(d, 'a1', 'offline edit'));
    // Sync step 2 carries Anna's whole delete set, Fran's deletion of Ben's note included.
    expect(anna.sync().denied).toEqual([]);
    expect(texts(server)).toEqual({ a1: 'offline edit' });
  });
});
