import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { notesMap } from '../../lib/board/board-doc';
import { WriteDenied } from '../../lib/protocol/codes';
import {
  boardClient,
  boardRoom,
  FIRST_STEP,
  handled,
  noteTexts,
  writeNote,
} from '../helpers/board';
import { closeAfterEach } from '../helpers/people';
import { waitFor } from '../helpers/server';

/**
 * Issue 21, item 2: one participant must not stall every workshop on the node. Yjs
 * encodes root types quadratically, so an update creating thousands of them made every
 * later full sync and compaction block the event loop for seconds. Only the roots and the
 * note structure the app writes are accepted; everything else is refused with a reason.
 */
const open = closeAfterEach();

const ROOTS = 20_000;
/** The board's own roots: nothing else may appear in the document. */
const APP_ROOTS = ['notes', 'groups', 'steps', 'stepOrder', 'personas', 'situations'];
/** A full sync of the server's document must not block the event loop longer than this. */
const FULL_SYNC_MAX_MS = 50;

/** The root names a stored log creates when it is loaded into a fresh document. */
function storedRoots(updates: Uint8Array[]): string[] {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return [...doc.share.keys()];
}

describe('the board’s shape (issue 21, item 2)', () => {
  it('refuses an update creating thousands of roots before it is applied or stored', async () => {
    const room = await boardRoom(open);
    const w = room.workshop.id;
    const anna = await boardClient(room.server, w, room.anna.token, open);
    const fran = await boardClient(room.server, w, room.fac.token, open);

    anna.doc.transact(() => {
      for (let i = 0; i < ROOTS; i++) anna.doc.getMap(`r${i}`).set('x', i);
    });
    writeNote(anna.doc, 'after', 'still works', room.anna.participantId);
    await handled(anna, fran);
    await waitFor(() => noteTexts(fran.doc).after === 'still works', 5000, 'the honest note');

    const fullSyncMs = await room.server.rooms.readDoc(w, (doc) => {
      const start = performance.now();
      Y.encodeStateAsUpdate(doc);
      return performance.now() - start;
    });
    const serverRoots = await room.server.rooms.readDoc(w, (doc) => [...doc.share.keys()]);
    console.log(
      `[board-shape] ${ROOTS} roots sent: server roots ${serverRoots.length}, full sync ${fullSyncMs.toFixed(1)} ms`,
    );
    expect(anna.denied).toContain(WriteDenied.UNKNOWN_ROOT);
    expect(serverRoots.filter((r) => !APP_ROOTS.includes(r))).toEqual([]);
    expect(fullSyncMs).toBeLessThan(FULL_SYNC_MAX_MS);
    const log = await room.server.storage.loadDoc(w);
    expect(storedRoots(log.updates).filter((r) => !APP_ROOTS.includes(r))).toEqual([]);
    const fresh = await boardClient(room.server, w, room.sami.token, open);
    expect([...fresh.doc.share.keys()].filter((r) => !APP_ROOTS.includes(r))).toEqual([]);
    expect(noteTexts(fresh.doc)).toEqual({ after: 'still works' });
  });

  it('refuses notes with unknown fields or wrong types, and keeps the well-formed one', async () => {
    const room = await boardRoom(open);
    const w = room.workshop.id;
    const anna = await boardClient(room.server, w, room.anna.token, open);
    const fran = await boardClient(room.server, w, room.fac.token, open);
    const me = room.anna.participantId;
    const raw = (id: string, fields: Record<string, unknown>) => {
      const map = new Y.Map<unknown>();
      const base = { lane: 'pains', stepId: FIRST_STEP, authorId: me, createdAt: 1, groupId: null };
      for (const [k, v] of Object.entries({ ...base, text: new Y.Text('x'), ...fields })) {
        map.set(k, v);
      }
      notesMap(anna.doc).set(id, map as never);
    };
    raw('extra', { colour: 'red' });
    raw('nested', { meta: new Y.Map() });
    raw('created-as-text', { createdAt: 'yesterday' });
    raw('group-as-number', { groupId: 7 });
    raw('text-as-string', { text: 'plain' });
    raw('text-as-array', { text: new Y.Array() });
    raw('lane-as-number', { lane: 3 });
    // An array entry in the map root, made in a document of its own (Yjs keeps one kind per root).
    const side = new Y.Doc();
    side.getArray('notes').push(['an array entry in a map root']);
    Y.applyUpdate(anna.doc, Y.encodeStateAsUpdate(side));
    writeNote(anna.doc, 'fine', 'a proper note', me);
    await handled(anna, fran);
    await waitFor(() => noteTexts(fran.doc).fine === 'a proper note', 5000, 'the proper note');

    expect(anna.denied).toContain(WriteDenied.INVALID_SHAPE);
    expect(anna.denied).not.toContain(WriteDenied.UNKNOWN_ROOT);
    const fresh = await boardClient(room.server, w, room.sami.token, open);
    expect([...notesMap(fresh.doc).keys()]).toEqual(['fine']);
    expect(Object.keys(notesMap(fresh.doc).get('fine')!.toJSON()).sort()).toEqual(
      ['authorId', 'createdAt', 'groupId', 'id', 'lane', 'stepId', 'text'].sort(),
    );
  });

  it('refuses notes under a step the path does not have, new or moved there', async () => {
    // The review: notes under made-up steps were stored, shown nowhere, and nobody
    // could find them to delete them; 18 tokens of one person filled a board that way.
    const room = await boardRoom(open);
    const w = room.workshop.id;
    const anna = await boardClient(room.server, w, room.anna.token, open);
    const fran = await boardClient(room.server, w, room.fac.token, open);
    writeNote(anna.doc, 'nowhere', 'hidden', room.anna.participantId, { stepId: 'k0-0-0' });
    writeNote(anna.doc, 'moved', 'visible', room.anna.participantId);
    await handled(anna, fran);
    await waitFor(() => noteTexts(fran.doc).moved === 'visible', 5000, 'the honest note');
    notesMap(anna.doc).get('moved')!.set('stepId', 'k0-0-1');
    await handled(anna, fran);
    expect(anna.denied).toContain(WriteDenied.INVALID_NOTE);
    const onServer = await room.server.rooms.readDoc(w, (doc) => ({
      nowhere: notesMap(doc).has('nowhere'),
      movedTo: notesMap(doc).get('moved')?.get('stepId'),
    }));
    expect(onServer).toEqual({ nowhere: false, movedTo: FIRST_STEP });
  });
});
