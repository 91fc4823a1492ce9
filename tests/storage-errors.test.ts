/**
 * Storage errors (issue 8): a full disk and a locked database, produced by SQLite itself
 * (see tests/helpers/storage-faults.ts). The person whose change was not stored is told so
 * (STORAGE_FAILED on the ack, close 4500 on the board), nobody is told of a change that
 * was not stored, the server keeps serving, and once storage works again everything does,
 * without a restart, and nothing acknowledged or edited is lost.
 *
 * Here: commands and board edits while the disk is full or the database locked. Storage
 * that cannot be read is storage-errors-load.test.ts; changes stored all or nothing,
 * storage-errors-atomic.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { readNotes } from '../lib/board/board-doc';
import type { MyRating } from '../lib/domain/ratings';
import type { MyVotes } from '../lib/domain/votes';
import { CloseCode, ErrorCode } from '../lib/protocol/codes';
import type { AppServer } from '../server/app-server';
import { SqliteStorage } from '../server/storage/sqlite-storage';
import { boardClient, hasNote, noteText, writeNote } from './helpers/board';
import { ok, refused } from './helpers/control';
import { closeAfterEach } from './helpers/people';
import { rating } from './helpers/ratings';
import { connectClient, type TestClient, waitFor } from './helpers/server';
import { type Fault, fillDisk, lockDatabase } from './helpers/storage-faults';
import { online, type Room, storageRoom, storedDoc } from './helpers/storage-room';

const open = closeAfterEach();

const NEW_WORKSHOP = { title: 'Uusi', template: 'b2b-order-to-invoice', locale: 'fi' };

/** POSTs JSON; the status and the error code, if any. */
async function post(
  server: AppServer,
  route: string,
  body: unknown,
): Promise<{ status: number; code?: string }> {
  const res = await fetch(`${server.url}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { error?: { code: string } };
  return json.error ? { status: res.status, code: json.error.code } : { status: res.status };
}

/** Every payload of `event` a client heard since `mark`. */
function heardSince<T>(client: TestClient, event: string, mark: number): T[] {
  return client.heard
    .slice(mark)
    .filter((h) => h.event === event)
    .map((h) => h.args[0] as T);
}

/**
 * Olli connects and leaves again: both are broadcast to workshop A, after anything the
 * server broadcast before. Once Lea has heard Olli leave, she has heard all of it.
 */
async function barrier(room: Room): Promise<void> {
  const olli = await connectClient(room.server, room.olli.token);
  await waitFor(() => online(room.leaIo) === 3, 5000, 'Lea to see Olli come');
  olli.close();
  await waitFor(() => online(room.leaIo) === 2, 5000, 'Lea to see Olli go');
}

const FRUSTRATED = { valence: -2, emotion: 'frustrated', expectation: 'worse' } as const;

const FAULTS: Array<[string, (room: Room) => Fault]> = [
  ['the disk is full', (room) => fillDisk(room.storage, room.file)],
  ['the database is locked', (room) => lockDatabase(room.file)],
];

describe.each(FAULTS)('when %s', (_name, makeFault) => {
  it('commands get STORAGE_FAILED and change nothing; they work again once storage does', async () => {
    const room = await storageRoom(open);
    const { server, a, b, facIo, leaIo } = room;
    const idea = 'idea-before';
    writeNote(room.facDoc.doc, idea, 'An idea stored before the fault', room.fac.participantId, {
      lane: 'ideas',
    });
    await waitFor(() => hasNote(room.leaDoc.doc, idea), 5000, 'the idea to reach Lea');
    const revision = facIo.state!.control.revision;
    const action = { text: 'Call the customer', owner: null, department: null, dueDate: null };
    const actionBody = { ...action, stepId: null, ideaId: null };

    // In the lobby: a phase move and an action.
    let mark = leaIo.heard.length;
    let fault = makeFault(room);
    await refused(facIo, 'phase:set', { phase: 'walk' }, ErrorCode.STORAGE_FAILED);
    await refused(facIo, 'action:put', actionBody, ErrorCode.STORAGE_FAILED);
    await refused(leaIo, 'phase:next', {}, ErrorCode.FORBIDDEN); // rules still answer first
    await barrier(room);
    // Patches came (people came and went), none with a control that moved on.
    const patches = heardSince<{ control?: object }>(leaIo, 'workshop:patch', mark);
    expect(patches.length).toBeGreaterThan(0);
    for (const s of patches) {
      expect(s.control ?? { phase: 'lobby', revision }).toMatchObject({ phase: 'lobby', revision });
    }
    expect(heardSince(leaIo, 'actions:list', mark)).toEqual([]);
    expect(facIo.state!.control).toMatchObject({ phase: 'lobby', revision });
    // Joining and creating are writes too: a named 503, not a crash.
    expect(
      await post(server, `/api/workshops/${a.id}/participants`, { name: 'Late', role: 'staff' }),
    ).toEqual({ status: 503, code: ErrorCode.STORAGE_FAILED });
    expect(await post(server, '/api/workshops', NEW_WORKSHOP)).toEqual({
      status: 503,
      code: ErrorCode.STORAGE_FAILED,
    });
    fault.release();
    const late = await post(server, `/api/workshops/${a.id}/participants`, {
      name: 'Late',
      role: 'staff',
    });
    expect(late.status).toBe(201);
    expect((await post(server, '/api/workshops', NEW_WORKSHOP)).status).toBe(201);

    await ok(facIo, 'phase:set', { phase: 'walk' });
    const put = await facIo.request('action:put', actionBody);
    expect(put).toMatchObject({ ok: true });
    await waitFor(
      () => heardSince<unknown[]>(leaIo, 'actions:list', mark).at(-1)?.length === 1,
      5000,
      'Lea to see the action',
    );
    expect(leaIo.state!.control).toMatchObject({ phase: 'walk', revision: revision + 1 });
    const stepId = leaIo.state!.control.stepId!;

    // In the walk: a rating.
    mark = leaIo.heard.length;
    const facMark = facIo.heard.length;
    const counts = JSON.stringify(facIo.state!.ratingCounts);
    fault = makeFault(room);
    await refused(leaIo, 'rating:put', rating(stepId, FRUSTRATED), ErrorCode.STORAGE_FAILED);
    await barrier(room);
    expect(heardSince(leaIo, 'ratings:mine', mark)).toEqual([]);
    expect(JSON.stringify(facIo.state!.ratingCounts)).toBe(counts);
    expect(heardSince(facIo, 'workshop:patch', facMark).length).toBeGreaterThan(0);
    fault.release();

    await ok(leaIo, 'rating:put', rating(stepId, FRUSTRATED));
    await waitFor(
      () =>
        heardSince<MyRating[]>(leaIo, 'ratings:mine', mark)
          .at(-1)
          ?.some((r) => r.stepId === stepId && r.valence === FRUSTRATED.valence) === true,
      5000,
      'Lea’s own rating to come back',
    );

    // In the vote: dots.
    await ok(facIo, 'phase:set', { phase: 'vote' });
    await waitFor(() => leaIo.state?.control.phase === 'vote', 5000, 'the vote phase');
    mark = leaIo.heard.length;
    fault = makeFault(room);
    await refused(leaIo, 'vote:set', { ideaId: idea, dots: 2 }, ErrorCode.STORAGE_FAILED);
    await barrier(room);
    for (const mine of heardSince<MyVotes>(leaIo, 'votes:mine', mark)) {
      expect(mine.votes[idea] ?? 0).toBe(0);
    }
    // Reads go on: healthz, a join code, the other workshop's first connection.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/join/${b.joinCode}`)).status).toBe(200);
    const fanni = await connectClient(server, room.facB.token);
    open.push(fanni);
    expect(fanni.state?.info.id).toBe(b.id);
    // SQLite is one file: the other workshop cannot write either, and says so.
    await refused(fanni, 'action:put', actionBody, ErrorCode.STORAGE_FAILED);
    fault.release();

    await ok(leaIo, 'vote:set', { ideaId: idea, dots: 2 });
    await waitFor(
      () => heardSince<MyVotes>(leaIo, 'votes:mine', mark).at(-1)?.votes[idea] === 2,
      5000,
      'Lea’s dots',
    );
    expect(await fanni.request('action:put', actionBody)).toMatchObject({ ok: true });

    // On disk: exactly what was acknowledged, nothing of what was refused.
    const disk = new SqliteStorage(room.file);
    try {
      expect((await disk.getWorkshop(a.id))?.control.phase).toBe('vote');
      expect((await disk.listActions(b.id)).map((x) => x.text)).toEqual([action.text]);
      expect((await disk.listActions(a.id)).map((x) => x.text)).toEqual([action.text]);
      const ratings = await disk.listRatings(a.id);
      expect(ratings.map((r) => [r.participantId, r.stepId, r.valence])).toEqual([
        [room.lea.participantId, stepId, FRUSTRATED.valence],
      ]);
      const votes = await disk.listVotes(a.id);
      expect(votes.map((v) => [v.participantId, v.ideaId, v.dots])).toEqual([
        [room.lea.participantId, idea, 2],
      ]);
    } finally {
      await disk.close();
    }
  });

  it('a board edit is not relayed until stored; the editor is told (4500) and it lands later', async () => {
    const room = await storageRoom(open);
    const { server, a, b, facDoc, leaDoc } = room;
    writeNote(leaDoc.doc, 'note-before', 'Stored before', room.lea.participantId);
    await waitFor(() => hasNote(facDoc.doc, 'note-before'), 5000, 'the first note');

    const fault = makeFault(room);
    writeNote(leaDoc.doc, 'note-during', 'Written while storage fails', room.lea.participantId);
    // Lea is told: her connection closes with 4500 (and every other one on the document).
    await waitFor(
      () => room.closes.get(leaDoc)!.includes(CloseCode.STORAGE_FAILED),
      5000,
      'Lea’s board connection to close with 4500',
    );
    await waitFor(
      () => room.closes.get(facDoc)!.includes(CloseCode.STORAGE_FAILED),
      5000,
      'Fran’s board connection to close with 4500',
    );
    // Fran reconnects and syncs with what is stored; Lea keeps retrying meanwhile.
    await waitFor(() => facDoc.provider.synced, 5000, 'Fran to sync again');
    expect(hasNote(facDoc.doc, 'note-during')).toBe(false);
    expect(hasNote(storedDoc(room.file, a.id), 'note-during')).toBe(false);
    expect(noteText(leaDoc.doc, 'note-during')).toBe('Written while storage fails');

    // The server keeps serving: health, the other workshop's board and control plane.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const other = await boardClient(server, b.id, room.facB.token, open);
    expect(other.doc.getArray('stepOrder').length).toBeGreaterThan(0);
    const fanni = await connectClient(server, room.facB.token);
    open.push(fanni);

    fault.release();
    // Lea's provider resends her edit on its next reconnect; now it is stored and relayed.
    await waitFor(
      () => noteText(facDoc.doc, 'note-during') === 'Written while storage fails',
      10_000,
      'Lea’s edit to reach Fran after recovery',
    );
    expect(hasNote(storedDoc(room.file, a.id), 'note-during')).toBe(true);
    expect(hasNote(storedDoc(room.file, a.id), 'note-before')).toBe(true);
    // And the board works normally again, both ways.
    writeNote(facDoc.doc, 'note-after', 'After', room.fac.participantId);
    await waitFor(() => hasNote(leaDoc.doc, 'note-after'), 5000, 'a new note to reach Lea');
    const late = await boardClient(server, a.id, room.olli.token, open);
    expect(
      readNotes(late.doc)
        .map((n) => n.id)
        .sort(),
    ).toEqual(['note-after', 'note-before', 'note-during']);
  });
});
