import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deleteNote, editNoteText, moveNote, readNotes } from '../../lib/board/board-doc';
import { WriteDenied } from '../../lib/protocol/codes';
import {
  deliver,
  LIMITS,
  note,
  Peer,
  serverDoc,
  snapshot,
  texts,
  writer,
} from './yjs-guard.fixtures';

const ANNA = writer('anna', 'customer');
const BEN = writer('ben', 'staff');
const TWO_PER_LANE = { ...LIMITS, notesPerLane: 2 };

describe('the Yjs write guard: limits', () => {
  it('refuses a note past the lane limit with lane-full, and takes it in another lane or step', () => {
    const server = serverDoc();
    const anna = new Peer(server, ANNA);
    expect(anna.edit((d) => note(d, 'n1', 'anna'), TWO_PER_LANE).denied).toEqual([]);
    expect(anna.edit((d) => note(d, 'n2', 'anna'), TWO_PER_LANE).denied).toEqual([]);
    expect(anna.edit((d) => note(d, 'n3', 'anna'), TWO_PER_LANE).denied).toEqual([
      WriteDenied.LANE_FULL,
    ]);
    const other = anna.edit((d) => note(d, 'n4', 'anna', 'x', { lane: 'gains' }), TWO_PER_LANE);
    const nextStep = anna.edit(
      (d) => note(d, 'n5', 'anna', 'x', { stepId: 'invoice' }),
      TWO_PER_LANE,
    );
    expect([other.denied, nextStep.denied]).toEqual([[], []]);
    expect(Object.keys(texts(server)).sort()).toEqual(['n1', 'n2', 'n4', 'n5']);
  });

  it('counts several new notes in one update against the room left in the lane', () => {
    const server = serverDoc();
    const anna = new Peer(server, ANNA);
    anna.edit((d) => note(d, 'n1', 'anna'), TWO_PER_LANE);
    const verdict = anna.edit((d) => {
      note(d, 'n2', 'anna');
      note(d, 'n3', 'anna');
      note(d, 'n4', 'anna');
    }, TWO_PER_LANE);
    expect(verdict.denied).toEqual([WriteDenied.LANE_FULL]);
    expect(readNotes(server).filter((n) => n.lane === 'pains')).toHaveLength(2);
  });

  it('refuses moving a note into a full lane and leaves it where it was', () => {
    const server = serverDoc();
    const anna = new Peer(server, ANNA);
    anna.edit((d) => {
      note(d, 'g1', 'anna', 'x', { lane: 'gains' });
      note(d, 'g2', 'anna', 'x', { lane: 'gains' });
      note(d, 'p1', 'anna', 'stays a pain');
    }, TWO_PER_LANE);
    expect(anna.edit((d) => moveNote(d, 'p1', { lane: 'gains' }), TWO_PER_LANE).denied).toEqual([
      WriteDenied.LANE_FULL,
    ]);
    expect(readNotes(server).find((n) => n.id === 'p1')).toMatchObject({
      lane: 'pains',
      text: 'stays a pain',
    });
    // Out of a full lane is always fine.
    expect(anna.edit((d) => moveNote(d, 'g1', { lane: 'ideas' }), TWO_PER_LANE).denied).toEqual([]);
  });

  it('refuses new content past the size limit with board-full, and still lets deletions through', () => {
    const server = serverDoc();
    const anna = new Peer(server, ANNA);
    anna.edit((d) => note(d, 'old', 'anna', 'kept'));
    const full = { ...LIMITS, docMaxBytes: 10_000, docBytes: 9_990 };
    const before = snapshot(server);
    expect(anna.edit((d) => note(d, 'new', 'anna'), full).denied).toEqual([WriteDenied.BOARD_FULL]);
    expect(anna.edit((d) => editNoteText(d, 'old', 'kept, and longer'), full).denied).toEqual([
      WriteDenied.BOARD_FULL,
    ]);
    expect(snapshot(server)).toEqual(before);
    expect(anna.edit((d) => deleteNote(d, 'old'), full).denied).toEqual([]);
    expect(texts(server)).toEqual({});
  });

  it('keeps a refused edit’s clocks, so the same client’s later edits still apply', () => {
    const server = serverDoc();
    const ben = new Peer(server, BEN);
    ben.edit((d) => note(d, 'b1', 'ben', 'Ben'));
    const anna = new Peer(server, ANNA);
    expect(anna.edit((d) => editNoteText(d, 'b1', 'Anna was here')).denied).toEqual([
      WriteDenied.NOT_YOUR_NOTE,
    ]);
    // Anna's copy keeps her edit; the server holds those clocks as garbage.
    expect(texts(anna.doc).b1).toBe('Anna was here');
    expect(Y.encodeStateVector(server)).toEqual(Y.encodeStateVector(anna.doc));
    expect(anna.edit((d) => note(d, 'a1', 'anna', 'Anna’s own')).denied).toEqual([]);
    expect(texts(server)).toEqual({ b1: 'Ben', a1: 'Anna’s own' });
    expect(server.store.pendingStructs).toBeNull();
  });

  it('takes a reconnecting client’s offline edits even if it still holds a refused deletion', () => {
    const server = serverDoc();
    const ben = new Peer(server, BEN);
    ben.edit((d) => note(d, 'b1', 'ben', 'Ben'));
    const anna = new Peer(server, ANNA);
    anna.edit((d) => note(d, 'a1', 'anna', 'draft'));
    expect(anna.edit((d) => deleteNote(d, 'b1')).denied).toEqual([WriteDenied.NOT_YOUR_NOTE]);
    // Offline: Anna edits her own note; on reconnect her sync step 2 carries everything.
    anna.change((d) => editNoteText(d, 'a1', 'written offline'));
    expect(anna.sync().denied).toEqual([WriteDenied.NOT_YOUR_NOTE]);
    expect(texts(server)).toEqual({ b1: 'Ben', a1: 'written offline' });
  });

  it('drops structs that skip clocks the server never got (out-of-sync), and takes them in order', () => {
    const server = serverDoc();
    const anna = new Peer(server, ANNA);
    const first = anna.change((d) => note(d, 'a1', 'anna'));
    const second = anna.change((d) => note(d, 'a2', 'anna'));
    expect(deliver(server, second, ANNA)).toEqual({ update: null, denied: ['out-of-sync'] });
    expect(texts(server)).toEqual({});
    expect(server.store.pendingStructs).toBeNull();
    expect(deliver(server, first, ANNA).denied).toEqual([]);
    expect(deliver(server, second, ANNA).denied).toEqual([]);
    expect(Object.keys(texts(server))).toEqual(['a1', 'a2']);
  });

  it('refuses an edit that builds on structs nobody sent (out-of-sync)', () => {
    const server = serverDoc();
    const anna = new Peer(server, ANNA);
    const unseen = new Peer(serverDoc(), ANNA); // a document the server never saw
    unseen.change((d) => note(d, 'ghost', 'anna'));
    Y.applyUpdate(anna.doc, Y.encodeStateAsUpdate(unseen.doc));
    const update = anna.change((d) => editNoteText(d, 'ghost', 'boo'));
    expect(deliver(server, update, ANNA).denied).toEqual([WriteDenied.OUT_OF_SYNC]);
    expect(server.store.pendingStructs).toBeNull();
    expect(texts(server)).toEqual({});
  });

  it('answers an update the server already has with nothing to say', () => {
    const server = serverDoc();
    const anna = new Peer(server, ANNA);
    const update = anna.change((d) => note(d, 'a1', 'anna'));
    deliver(server, update, ANNA);
    expect(deliver(server, update, ANNA).denied).toEqual([]);
    expect(deliver(server, update, writer('o', 'observer')).denied).toEqual([]);
  });
});
