/**
 * Storage errors (issue 8): a full disk and a locked database, produced by SQLite itself
 * (see tests/helpers/storage-faults.ts). The person whose change was not stored is told so
 * (STORAGE_FAILED on the ack, close 4500 on the board), nobody is told of a change that
 * was not stored, the server keeps serving, and once storage works again everything does,
 * without a restart, and nothing acknowledged or edited is lost.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { readNotes } from '../lib/board/board-doc';
import { initialControl } from '../lib/domain/commands';
import { PHASES } from '../lib/domain/phases';
import type { MyRating } from '../lib/domain/ratings';
import type { Participant } from '../lib/domain/workshop';
import type { MyVotes } from '../lib/domain/votes';
import { CloseCode, ErrorCode } from '../lib/protocol/codes';
import { PROTOCOL_VERSION } from '../lib/protocol/events';
import type { AppServer } from '../server/app-server';
import { SqliteStorage } from '../server/storage/sqlite-storage';
import { type BoardClient, boardClient, hasNote, noteText, writeNote } from './helpers/board';
import { ok, refused } from './helpers/control';
import { closeAfterEach } from './helpers/people';
import { rating } from './helpers/ratings';
import {
  connectClient,
  type CreatedWorkshop,
  createWorkshop,
  handshakeError,
  type Joined,
  joinWorkshop,
  rawYjsSocket,
  startTestServer,
  type TestClient,
  tempDataDir,
  waitFor,
} from './helpers/server';
import {
  docLogRows,
  type Fault,
  fillDisk,
  hideTable,
  lockDatabase,
  sqliteFile,
} from './helpers/storage-faults';

const open = closeAfterEach();
afterEach(() => vi.unstubAllGlobals());

/** Short, so a write under the lock fails quickly (the default is 5 s). */
const BUSY_TIMEOUT_MS = 50;

interface Room {
  server: AppServer;
  storage: SqliteStorage;
  file: string;
  a: CreatedWorkshop;
  b: CreatedWorkshop;
  fac: Joined;
  lea: Joined;
  olli: Joined;
  facB: Joined;
  facIo: TestClient;
  leaIo: TestClient;
  facDoc: BoardClient;
  leaDoc: BoardClient;
  /** Close codes each board client has seen, in order. */
  closes: Map<BoardClient, number[]>;
}

/** A server on real SQLite with workshop A (Fran facilitates, Lea leads) and workshop B. */
async function storageRoom(options: { idleUnloadMs?: number } = {}): Promise<Room> {
  const dataDir = tempDataDir();
  const file = sqliteFile(dataDir);
  const storage = new SqliteStorage(file, { busyTimeoutMs: BUSY_TIMEOUT_MS });
  const server = await startTestServer({ dataDir, storage, ...options });
  open.push(server);
  const a = await createWorkshop(server);
  const b = await createWorkshop(server, {
    title: 'Toinen työpaja',
    template: 'b2b-order-to-invoice',
    locale: 'fi',
  });
  const fac = await joinWorkshop(server, a.id, { name: 'Fran' }, a.facilitatorKey);
  const lea = await joinWorkshop(server, a.id, { name: 'Lea', role: 'leader' });
  const olli = await joinWorkshop(server, a.id, { name: 'Olli', role: 'observer' });
  const facB = await joinWorkshop(server, b.id, { name: 'Fanni' }, b.facilitatorKey);
  const facIo = await connectClient(server, fac.token);
  const leaIo = await connectClient(server, lea.token);
  open.push(facIo, leaIo);
  const facDoc = await boardClient(server, a.id, fac.token, open);
  const leaDoc = await boardClient(server, a.id, lea.token, open);
  const closes = new Map<BoardClient, number[]>();
  for (const c of [facDoc, leaDoc]) {
    const codes: number[] = [];
    closes.set(c, codes);
    c.provider.on('connection-close', (event) => codes.push(event?.code ?? 0));
  }
  await waitFor(() => online(facIo) === 2 && online(leaIo) === 2, 5000, 'Fran and Lea online');
  return {
    server,
    storage,
    file,
    a,
    b,
    fac,
    lea,
    olli,
    facB,
    facIo,
    leaIo,
    facDoc,
    leaDoc,
    closes,
  };
}

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

function online(client: TestClient): number {
  return client.state?.participants.filter((p) => p.online).length ?? 0;
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

/** The workshop's document as stored on disk, read through another connection. */
function storedDoc(file: string, workshopId: string): Y.Doc {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db
      .prepare('SELECT data FROM doc_updates WHERE workshop_id = ? ORDER BY seq')
      .all(workshopId) as Array<{ data: Buffer }>;
    const doc = new Y.Doc();
    for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.data));
    return doc;
  } finally {
    db.close();
  }
}

const FRUSTRATED = { valence: -2, emotion: 'frustrated', expectation: 'worse' } as const;

const FAULTS: Array<[string, (room: Room) => Fault]> = [
  ['the disk is full', (room) => fillDisk(room.storage, room.file)],
  ['the database is locked', (room) => lockDatabase(room.file)],
];

describe.each(FAULTS)('when %s', (_name, makeFault) => {
  it('commands get STORAGE_FAILED and change nothing; they work again once storage does', async () => {
    const room = await storageRoom();
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
    const room = await storageRoom();
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

describe('storage that cannot be read', () => {
  it('a handshake that cannot load the workshop gets STORAGE_FAILED, and works once storage does', async () => {
    const room = await storageRoom();
    const { b, facB } = room;
    // A fresh server on the same data has loaded nothing: the first connection reads B.
    await room.server.close();
    const server = await startTestServer({
      dataDir: path.dirname(room.file),
      storage: new SqliteStorage(room.file, { busyTimeoutMs: BUSY_TIMEOUT_MS }),
    });
    open.push(server);
    const fault = hideTable(room.file, 'ratings');
    expect(await handshakeError(server, { v: PROTOCOL_VERSION, token: facB.token })).toBe(
      ErrorCode.STORAGE_FAILED,
    );
    // The board's endpoint reads the workshop too: a transient 4500, not a dropped socket.
    const raw = rawYjsSocket(server, b.id, facB.token);
    expect((await raw.closed).code).toBe(CloseCode.STORAGE_FAILED);
    fault.release();
    const fanni = await connectClient(server, facB.token);
    open.push(fanni);
    expect(fanni.state?.info.id).toBe(b.id);
  });

  it('a board that cannot be loaded closes with 4500 and loads once storage can be read', async () => {
    const room = await storageRoom();
    const { server, b, facB } = room;
    const fault = hideTable(room.file, 'doc_updates');
    const client = await boardClient(server, b.id, facB.token, open, { sync: false });
    const codes: number[] = [];
    client.provider.on('connection-close', (event) => codes.push(event?.code ?? 0));
    await waitFor(() => codes.includes(CloseCode.STORAGE_FAILED), 5000, 'a 4500 close');
    expect(client.provider.synced).toBe(false);
    fault.release();
    // The client retries by itself; the failed load was not kept, so this one reads afresh.
    await waitFor(() => client.provider.synced, 5000, 'the board to load after recovery');
    expect(client.doc.getArray('stepOrder').length).toBeGreaterThan(0);
  });
});

/** SqliteStorage alone (no server) with one workshop, `w1`. */
async function bareStorage(): Promise<{ storage: SqliteStorage; file: string }> {
  const file = sqliteFile(tempDataDir());
  const storage = new SqliteStorage(file);
  open.push(storage);
  await storage.createWorkshop({
    id: 'w1',
    seriesId: 'w1',
    title: 'T',
    templateId: 't',
    locale: 'en',
    joinCode: 'ABCD-EFGH',
    facilitatorKeyHash: 'x',
    createdAt: 0,
    control: initialControl(PHASES),
  });
  return { storage, file };
}

describe('a change to several participants when the disk fills up', () => {
  it('is stored all or nothing', async () => {
    const { storage, file } = await bareStorage();
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
    const room = await storageRoom({ idleUnloadMs: 100 });
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
    const { storage, file } = await bareStorage();
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

/**
 * The app's own stores (lib/stores), as the browser runs them, against the real server:
 * only the browser's globals are stood in for (its address, and `ws` as its WebSocket).
 */
describe('what the person sees', () => {
  function asBrowser(server: AppServer): void {
    const { protocol, host, hostname, port } = new URL(server.url);
    const location = { protocol, host, hostname, port, href: server.url };
    vi.stubGlobal('location', location);
    vi.stubGlobal('window', { location });
    vi.stubGlobal('WebSocket', WebSocket);
  }

  it('the board says "not saved" after a 4500 and stops once the edit is stored', async () => {
    const room = await storageRoom();
    asBrowser(room.server);
    const { useWorkshopDoc } = await import('../lib/stores/doc-store');
    useWorkshopDoc.getState().open(room.a.id, room.lea.token);
    open.push({ close: () => useWorkshopDoc.getState().close() });
    await waitFor(() => useWorkshopDoc.getState().status === 'synced', 5000, 'the app to sync');
    const doc = useWorkshopDoc.getState().doc!;

    const fault = lockDatabase(room.file);
    writeNote(doc, 'from-the-app', 'Saved in the end', room.lea.participantId);
    await waitFor(() => useWorkshopDoc.getState().storageFailed, 5000, '"not saved" in the app');
    expect(hasNote(room.facDoc.doc, 'from-the-app')).toBe(false);
    fault.release();

    await waitFor(() => !useWorkshopDoc.getState().storageFailed, 10_000, 'the notice to go');
    expect(useWorkshopDoc.getState().status).toBe('synced');
    expect(hasNote(storedDoc(room.file, room.a.id), 'from-the-app')).toBe(true);
    await waitFor(() => hasNote(room.facDoc.doc, 'from-the-app'), 5000, 'the edit to reach Fran');
  });

  it('a workshop that cannot be loaded says so, and the app connects by itself once it can', async () => {
    const room = await storageRoom();
    await room.server.close();
    const server = await startTestServer({
      dataDir: path.dirname(room.file),
      storage: new SqliteStorage(room.file, { busyTimeoutMs: BUSY_TIMEOUT_MS }),
    });
    open.push(server);
    asBrowser(server);
    const { useSession } = await import('../lib/stores/session-store');

    const fault = hideTable(room.file, 'ratings');
    useSession.getState().connect(room.facB.token);
    open.push({ close: () => useSession.getState().disconnect() });
    await waitFor(() => useSession.getState().storageFailed, 5000, '"could not load" in the app');
    expect(useSession.getState().status).toBe('offline');
    expect(useSession.getState().state).toBeNull();
    fault.release();

    // Socket.io gives up after a refused handshake; the store tries again by itself.
    await waitFor(() => useSession.getState().status === 'synced', 10_000, 'the app to connect');
    expect(useSession.getState().storageFailed).toBe(false);
    expect(useSession.getState().state?.info.id).toBe(room.b.id);
  });
});
