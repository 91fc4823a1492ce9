/**
 * Storage that cannot be read (issue 8): a handshake or a board that cannot load its
 * workshop is told so (STORAGE_FAILED, close 4500) and works once storage does; and what
 * the app's own stores show a person when a change is not saved or a workshop not loaded.
 * The faults are tests/helpers/storage-faults.ts; the rest of issue 8 is in
 * storage-errors.test.ts and storage-errors-atomic.test.ts.
 */
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { CloseCode, ErrorCode } from '../lib/protocol/codes';
import { PROTOCOL_VERSION } from '../lib/protocol/events';
import type { AppServer } from '../server/app-server';
import { SqliteStorage } from '../server/storage/sqlite-storage';
import { boardClient, hasNote, writeNote } from './helpers/board';
import { closeAfterEach } from './helpers/people';
import {
  connectClient,
  handshakeError,
  rawYjsSocket,
  startTestServer,
  waitFor,
} from './helpers/server';
import { hideTable, lockDatabase } from './helpers/storage-faults';
import { BUSY_TIMEOUT_MS, storageRoom, storedDoc } from './helpers/storage-room';

const open = closeAfterEach();
afterEach(() => vi.unstubAllGlobals());

describe('storage that cannot be read', () => {
  it('a handshake that cannot load the workshop gets STORAGE_FAILED, and works once storage does', async () => {
    const room = await storageRoom(open);
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
    const room = await storageRoom(open);
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
    const room = await storageRoom(open);
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
    const room = await storageRoom(open);
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
