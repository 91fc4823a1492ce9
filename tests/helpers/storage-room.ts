/**
 * The rooms of the storage error tests (tests/storage-errors*.test.ts): a server on real
 * SQLite whose faults tests/helpers/storage-faults.ts makes, with two workshops and their
 * people connected; or the storage alone.
 */
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { initialControl } from '../../lib/domain/commands';
import { PHASES } from '../../lib/domain/phases';
import type { AppServer } from '../../server/app-server';
import { SqliteStorage } from '../../server/storage/sqlite-storage';
import { type BoardClient, boardClient } from './board';
import {
  connectClient,
  type CreatedWorkshop,
  createWorkshop,
  type Joined,
  joinWorkshop,
  startTestServer,
  type TestClient,
  tempDataDir,
  waitFor,
} from './server';
import { sqliteFile } from './storage-faults';

type Open = Array<{ close(): unknown }>;

/** Short, so a write under the lock fails quickly (the default is 5 s). */
export const BUSY_TIMEOUT_MS = 50;

export interface Room {
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
export async function storageRoom(
  open: Open,
  options: { idleUnloadMs?: number } = {},
): Promise<Room> {
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

export function online(client: TestClient): number {
  return client.state?.participants.filter((p) => p.online).length ?? 0;
}

/** The workshop's document as stored on disk, read through another connection. */
export function storedDoc(file: string, workshopId: string): Y.Doc {
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

/** SqliteStorage alone (no server) with one workshop, `w1`. */
export async function bareStorage(open: Open): Promise<{ storage: SqliteStorage; file: string }> {
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
