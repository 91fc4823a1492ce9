import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deleteNote, editNoteText, notesMap } from '../lib/board/board-doc';
import { SqliteStorage } from '../server/storage/sqlite-storage';
import type { Storage } from '../server/storage/storage';
import {
  boardClient,
  boardJson,
  boardRoom,
  hasNote,
  noteText,
  noteTexts,
  probe,
  writeNote,
} from './helpers/board';
import { closeAfterEach } from './helpers/people';
import { startTestServer, tempDataDir, waitFor } from './helpers/server';

const open = closeAfterEach();

function textOf(doc: Y.Doc, noteId: string): Y.Text {
  return notesMap(doc).get(noteId)!.get('text') as Y.Text;
}

/** The document a stored log adds up to, as JSON (what a restarted server would serve). */
async function storedJson(storage: Storage, workshopId: string): Promise<unknown> {
  const doc = new Y.Doc();
  for (const update of (await storage.loadDoc(workshopId)).updates) Y.applyUpdate(doc, update);
  return boardJson(doc);
}

/** Every client's clock in `inner` is covered by `outer`: outer has all of inner's edits. */
function covers(outer: Y.Doc, inner: Y.Doc): boolean {
  const have = Y.decodeStateVector(Y.encodeStateVector(outer));
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(inner))) {
    if ((have.get(client) ?? 0) < clock) return false;
  }
  return true;
}

describe('the shared board over y-websocket', () => {
  it('merges two people typing into the same note at the same moment', async () => {
    const room = await boardRoom(open);
    const { workshop: w } = room;
    const anna = await boardClient(room.server, w.id, room.anna.token, open);
    const fran = await boardClient(room.server, w.id, room.fac.token, open);
    writeNote(anna.doc, 'a1', 'The quote took a week', room.anna.participantId);
    await waitFor(() => noteText(fran.doc, 'a1') === 'The quote took a week');

    // Both type before either hears of the other's edit.
    textOf(anna.doc, 'a1').insert(0, 'Again: ');
    textOf(fran.doc, 'a1').insert('The quote took a week'.length, ' (Fran: twice)');
    const merged = 'Again: The quote took a week (Fran: twice)';
    await waitFor(
      () => noteText(anna.doc, 'a1') === merged && noteText(fran.doc, 'a1') === merged,
      5000,
      'both to converge',
    );
    expect(anna.denied.concat(fran.denied)).toEqual([]);
  });

  it('delivers edits made while disconnected once the client reconnects', async () => {
    const room = await boardRoom(open);
    const { workshop: w } = room;
    const anna = await boardClient(room.server, w.id, room.anna.token, open);
    const sami = await boardClient(room.server, w.id, room.sami.token, open);
    writeNote(anna.doc, 'a1', 'Before the Wi-Fi dropped', room.anna.participantId);
    await waitFor(() => noteText(sami.doc, 'a1') === 'Before the Wi-Fi dropped');

    anna.provider.disconnect();
    editNoteText(anna.doc, 'a1', 'Edited while offline');
    writeNote(anna.doc, 'a2', 'Added while offline', room.anna.participantId, { lane: 'ideas' });
    writeNote(sami.doc, 's1', 'Meanwhile, online', room.sami.participantId);
    await probe(sami, await boardClient(room.server, w.id, room.fac.token, open));
    expect(noteText(sami.doc, 'a1')).toBe('Before the Wi-Fi dropped');
    expect(hasNote(sami.doc, 'a2')).toBe(false);

    anna.provider.connect();
    const expected = {
      a1: 'Edited while offline',
      a2: 'Added while offline',
      s1: 'Meanwhile, online',
    };
    await waitFor(
      () =>
        isDeepStrictEqual(noteTexts(sami.doc), expected) &&
        isDeepStrictEqual(noteTexts(anna.doc), expected),
      5000,
      'the offline edits to arrive',
    );
    expect(anna.denied).toEqual([]);
  });

  it('keeps the document identical through compaction and a restart', async () => {
    const room = await boardRoom(open, { yjs: { compactAfterUpdates: 8 } });
    const { workshop: w, server } = room;
    const anna = await boardClient(server, w.id, room.anna.token, open);
    const fran = await boardClient(server, w.id, room.fac.token, open);
    for (let i = 0; i < 30; i++) {
      writeNote(anna.doc, `n${i}`, `note ${i}`, room.anna.participantId, { lane: 'gains' });
      if (i % 3 === 0) editNoteText(anna.doc, `n${i}`, `note ${i}, edited`);
      if (i % 5 === 4) deleteNote(anna.doc, `n${i - 1}`);
    }
    await waitFor(() => noteText(fran.doc, 'n29') === 'note 29', 5000, 'the last note');
    await probe(anna, fran);
    const before = boardJson(fran.doc);

    const log = await server.storage.loadDoc(w.id);
    expect(log.updates.length).toBeLessThan(30); // compaction ran, more than once
    expect(await storedJson(server.storage, w.id)).toEqual(before);

    anna.provider.destroy();
    fran.provider.destroy();
    await server.close(); // compacts once more on the way out
    const again = await startTestServer({ dataDir: room.dataDir });
    open.push(again);
    expect((await again.storage.loadDoc(w.id)).updates).toHaveLength(1);
    const fresh = await boardClient(again, w.id, room.sami.token, open);
    expect(boardJson(fresh.doc)).toEqual(before);
    expect(Y.encodeStateVector(fresh.doc)).toEqual(Y.encodeStateVector(fran.doc));
  });

  it('loses no update that had been relayed when the server stops in the middle of typing', async () => {
    // Storage that takes its time: had the server relayed before storing, the watcher
    // would see edits that are not on disk yet.
    const dataDir = tempDataDir();
    const storage = slowAppends(SqliteStorage.inDataDir(dataDir), 15);
    const room = await boardRoom(open, { dataDir, storage });
    const { workshop: w, server } = room;
    const anna = await boardClient(server, w.id, room.anna.token, open);
    const sami = await boardClient(server, w.id, room.sami.token, open);
    writeNote(anna.doc, 'a1', '', room.anna.participantId);
    let typing = true;
    const typed = (async () => {
      for (let i = 0; typing; i++) {
        textOf(anna.doc, 'a1').insert(textOf(anna.doc, 'a1').length, String(i % 10));
        await new Promise((r) => setTimeout(r, 8));
      }
    })();
    await waitFor(() => (noteText(sami.doc, 'a1')?.length ?? 0) >= 40, 10_000, 'typing');

    // What the watcher has seen must already be on disk (read through a second connection).
    const seen = Y.encodeStateAsUpdate(sami.doc);
    const disk = SqliteStorage.inDataDir(dataDir);
    const onDisk = new Y.Doc();
    for (const u of (await disk.loadDoc(w.id)).updates) Y.applyUpdate(onDisk, u);
    await disk.close();
    const seenDoc = new Y.Doc();
    Y.applyUpdate(seenDoc, seen);
    expect(covers(onDisk, seenDoc)).toBe(true);

    await server.close();
    typing = false;
    await typed;
    anna.provider.destroy();
    sami.provider.destroy();
    const again = await startTestServer({ dataDir });
    open.push(again);
    const fresh = await boardClient(again, w.id, room.fac.token, open);
    expect(covers(fresh.doc, seenDoc)).toBe(true);
    expect(noteText(fresh.doc, 'a1')!.startsWith(noteText(seenDoc, 'a1')!)).toBe(true);
  });
});

/** Storage whose document appends each take `delayMs` longer. */
function slowAppends(storage: Storage, delayMs: number): Storage {
  return new Proxy(storage, {
    get(target, prop) {
      if (prop === 'appendDocUpdate') {
        return async (workshopId: string, update: Uint8Array) => {
          await new Promise((r) => setTimeout(r, delayMs));
          return target.appendDocUpdate(workshopId, update);
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
