/**
 * Changes stored all or nothing when storage fails (issue 8): several participants at
 * once on a full disk, and a document's compaction, on unload or half-way through. The
 * faults are tests/helpers/storage-faults.ts; the rest of issue 8 is in
 * storage-errors.test.ts and storage-errors-load.test.ts.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Participant } from '../lib/domain/workshop';
import { boardClient, hasNote, noteText, writeNote } from './helpers/board';
import { closeAfterEach } from './helpers/people';
import { waitFor } from './helpers/server';
import { docLogRows, fillDisk, lockDatabase } from './helpers/storage-faults';
import { bareStorage, storageRoom, storedDoc } from './helpers/storage-room';

const open = closeAfterEach();

describe('a change to several participants when the disk fills up', () => {
  it('is stored all or nothing', async () => {
    const { storage, file } = await bareStorage(open);
    const person = (id: string, personaId: string | null): Participant => ({
      id,
      workshopId: 'w1',
      name: id,
      role: 'staff',
      lens: 'staff',
      personaId,
      cardId: null,
      joinedAt: 0,
      removedAt: null,
    });
    await storage.addParticipant(person('p1', 'aaaa'));
    await storage.addParticipant(person('p2', null));
    const fault = fillDisk(storage, file);
    // Dealing personas: p1's row keeps its size and would fit, p2's grows and does not.
    const deal = [person('p1', 'bbbb'), person('p2', 'a-persona-with-a-long-id')];
    await expect(storage.updateParticipants(deal)).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    expect((await storage.listParticipants('w1')).map((p) => p.personaId)).toEqual(['aaaa', null]);
    // One at a time, the first change would have gone through on its own.
    await storage.updateParticipant(deal[0]!);
    expect((await storage.listParticipants('w1')).map((p) => p.personaId)).toEqual(['bbbb', null]);
    fault.release();
    await storage.updateParticipants(deal);
    expect((await storage.listParticipants('w1')).map((p) => p.personaId)).toEqual([
      'bbbb',
      'a-persona-with-a-long-id',
    ]);
  });
});

describe('compaction and unloading when storage fails', () => {
  it('an unload whose compaction fails loses nothing; the next one compacts', async () => {
    const room = await storageRoom(open, { idleUnloadMs: 100 });
    const { server, a, facDoc, leaDoc } = room;
    for (const id of ['n1', 'n2', 'n3'])
      writeNote(leaDoc.doc, id, `Note ${id}`, room.lea.participantId);
    await waitFor(() => ['n1', 'n2', 'n3'].every((id) => hasNote(facDoc.doc, id)), 5000, 'notes');
    const rows = docLogRows(room.file, a.id);
    expect(rows).toBeGreaterThan(1);

    const fault = lockDatabase(room.file);
    facDoc.provider.destroy();
    leaDoc.provider.destroy();
    // Idle: the document is compacted (which fails under the lock) and dropped from memory.
    await waitFor(() => server.rooms.loadedDocs === 0, 5000, 'the document to unload');
    fault.release();
    expect(docLogRows(room.file, a.id)).toBe(rows);

    const again = await boardClient(server, a.id, room.olli.token, open);
    expect(['n1', 'n2', 'n3'].map((id) => noteText(again.doc, id))).toEqual([
      'Note n1',
      'Note n2',
      'Note n3',
    ]);
    again.provider.destroy();
    await waitFor(() => server.rooms.loadedDocs === 0, 5000, 'the document to unload again');
    expect(docLogRows(room.file, a.id)).toBe(1);
    const compacted = storedDoc(room.file, a.id);
    expect(['n1', 'n2', 'n3'].every((id) => hasNote(compacted, id))).toBe(true);
  });

  it('a compaction that fails half-way (the snapshot does not fit) keeps the whole log', async () => {
    const { storage, file } = await bareStorage(open);
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 5; i++) doc.getMap('notes').set(`n${i}`, `note ${i}`);
    for (const u of updates) await storage.appendDocUpdate('w1', u);
    const before = await storage.loadDoc('w1');
    const fault = fillDisk(storage, file);
    // Deleting the log frees only its small rows; a big snapshot needs new pages.
    const big = new Uint8Array(64 * 1024);
    await expect(storage.compactDoc('w1', big, before.lastSeq)).rejects.toMatchObject({
      code: 'SQLITE_FULL',
    });
    fault.release();
    const after = await storage.loadDoc('w1');
    expect(after.updates.map((u) => Buffer.from(u).toString('hex'))).toEqual(
      before.updates.map((u) => Buffer.from(u).toString('hex')),
    );
    expect(after.lastSeq).toBe(before.lastSeq);
  });
});
