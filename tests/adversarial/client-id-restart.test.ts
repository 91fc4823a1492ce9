import * as encoding from 'lib0/encoding';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as authProtocol from 'y-protocols/auth';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { YJS_PATH_PREFIX } from '../../lib/protocol/events';
import { WriteDenied } from '../../lib/protocol/codes';
import { boardClient, noteText, type BoardClient, writeNote } from '../helpers/board';
import { closeAfterEach } from '../helpers/people';
import {
  createWorkshop,
  joinWorkshop,
  startTestServer,
  tempDataDir,
  waitFor,
} from '../helpers/server';
import { ServerProcess } from '../helpers/server-process';
import { lockDatabase, sqliteFile } from '../helpers/storage-faults';
import { SqliteStorage } from '../../server/storage/sqlite-storage';

const open = closeAfterEach();

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;

/**
 * An attacker's bare socket: sends what it likes and records the reasons the server gives
 * for refusing its writes.
 */
async function attackerSocket(url: string, workshopId: string, token: string) {
  const ws = new WebSocket(
    `${url.replace('http', 'ws')}${YJS_PATH_PREFIX}/${workshopId}?token=${encodeURIComponent(token)}`,
  );
  ws.on('error', () => undefined);
  const denied: string[] = [];
  ws.on('message', (data: Buffer) => {
    const bytes = new Uint8Array(data);
    if (bytes[0] !== MESSAGE_AUTH) return;
    const decoder = { arr: bytes, pos: 1 };
    authProtocol.readAuthMessage(decoder as never, new Y.Doc(), (_doc, reason) =>
      denied.push(reason),
    );
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('close', (code) => reject(new Error(`closed ${code}`)));
  });
  open.push({ close: () => ws.close() });
  return {
    denied,
    /** Presence under `client`, as y-websocket sends it. */
    presence(client: number, state: unknown): void {
      const entries = encoding.createEncoder();
      encoding.writeVarUint(entries, 1);
      encoding.writeVarUint(entries, client);
      encoding.writeVarUint(entries, 1);
      encoding.writeVarString(entries, JSON.stringify(state));
      const message = encoding.createEncoder();
      encoding.writeVarUint(message, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(message, encoding.toUint8Array(entries));
      ws.send(encoding.toUint8Array(message));
    },
    update(update: Uint8Array): void {
      const message = encoding.createEncoder();
      encoding.writeVarUint(message, MESSAGE_SYNC);
      syncProtocol.writeUpdate(message, update);
      ws.send(encoding.toUint8Array(message));
    },
  };
}

/** An update that writes a note into a copy of `board` under Yjs client id `client`. */
function forgedNote(board: Y.Doc, client: number, id: string, authorId: string): Uint8Array {
  const forged = new Y.Doc();
  Y.applyUpdate(forged, Y.encodeStateAsUpdate(board));
  forged.clientID = client;
  let update: Uint8Array | null = null;
  forged.on('update', (u: Uint8Array) => (update = u));
  writeNote(forged, id, 'forged', authorId);
  if (!update) throw new Error('no update');
  return update;
}

/** Every client id `reader` sees in presence, but its own. */
function othersInPresence(reader: BoardClient): number[] {
  return [...reader.provider.awareness.getStates().keys()].filter(
    (id) => id !== reader.doc.clientID,
  );
}

describe('a Yjs client id stays with the participant who first used it', () => {
  it(
    'after a restart, an attacker who learned an honest page’s id from presence cannot take it; the page’s edits are stored and reach others',
    { timeout: 90_000 },
    async () => {
      const server = await ServerProcess.start();
      open.push(server);
      const workshop = await createWorkshop(server);
      const anna = await joinWorkshop(server, workshop.id, { name: 'Anna', role: 'customer' });
      const mallory = await joinWorkshop(server, workshop.id, { name: 'Mal', role: 'staff' });
      const sami = await joinWorkshop(server, workshop.id, { name: 'Sami', role: 'staff' });

      const honest = await boardClient(server, workshop.id, anna.token, open);
      const spy = await boardClient(server, workshop.id, mallory.token, open);
      honest.provider.awareness.setLocalStateField('user', { name: 'Anna' });
      writeNote(honest.doc, 'before', 'written before the restart', anna.participantId);
      await waitFor(() => noteText(spy.doc, 'before') !== undefined, 5000, 'the first note');
      // Presence gives every id in the room away.
      await waitFor(() => othersInPresence(spy).length > 0, 5000, 'presence');
      const [stolen] = othersInPresence(spy);
      expect(stolen).toBe(honest.doc.clientID);

      // The honest page goes offline and goes on writing; the server restarts.
      honest.provider.disconnect();
      spy.provider.disconnect();
      writeNote(honest.doc, 'offline', 'written while offline', anna.participantId);
      await server.stop('SIGKILL');
      await server.restart();

      // The attacker is back first, with presence and an edit under the honest page's id.
      const attacker = await attackerSocket(server.url, workshop.id, mallory.token);
      attacker.presence(stolen!, { user: { name: 'Anna' } });
      attacker.update(forgedNote(spy.doc, stolen!, 'forged', mallory.participantId));
      await waitFor(() => attacker.denied.length > 0, 3000, 'a refusal').catch(() => undefined);
      expect(attacker.denied).toContain(WriteDenied.NOT_YOUR_CLIENT);

      // The honest page comes back: what it wrote offline is taken, and so is what follows.
      honest.provider.connect();
      await waitFor(() => honest.provider.synced, 10_000, 'the honest page to sync again');
      writeNote(honest.doc, 'after', 'written after the restart', anna.participantId);

      const reader = await boardClient(server, workshop.id, sami.token, open);
      await waitFor(
        () => noteText(reader.doc, 'after') !== undefined,
        5000,
        'the last note to arrive',
      ).catch(() => undefined);
      expect({
        before: noteText(reader.doc, 'before'),
        offline: noteText(reader.doc, 'offline'),
        after: noteText(reader.doc, 'after'),
        forged: noteText(reader.doc, 'forged'),
      }).toEqual({
        before: 'written before the restart',
        offline: 'written while offline',
        after: 'written after the restart',
        forged: undefined,
      });
      expect(honest.denied).toEqual([]);
    },
  );

  it('a participant claims a bounded number of client ids, and the bound outlives a restart', async () => {
    const dataDir = tempDataDir();
    const limit = 3;
    let server = await startTestServer({ dataDir, yjs: { clientIdsPerParticipant: limit } });
    const workshop = await createWorkshop(server);
    const mallory = await joinWorkshop(server, workshop.id, { name: 'Mal', role: 'staff' });
    const attacker = await attackerSocket(server.url, workshop.id, mallory.token);
    const board = new Y.Doc();
    const fresh = (id: string) =>
      forgedNote(board, Math.floor(Math.random() * 2 ** 31), id, mallory.participantId);
    // Each page load is a new id: `limit` of them are fine.
    for (let i = 0; i < limit; i++) attacker.update(fresh(`ok-${i}`));
    attacker.update(fresh('one-too-many'));
    await waitFor(() => attacker.denied.length > 0, 3000, 'a refusal').catch(() => undefined);
    expect(attacker.denied).toEqual([WriteDenied.TOO_MANY_CLIENTS]);

    await server.close();
    server = await startTestServer({ dataDir, yjs: { clientIdsPerParticipant: limit } });
    open.push(server);
    const again = await attackerSocket(server.url, workshop.id, mallory.token);
    again.presence(Math.floor(Math.random() * 2 ** 31), {});
    again.update(fresh('after-restart'));
    await waitFor(() => again.denied.length > 0, 3000, 'a refusal').catch(() => undefined);
    expect(again.denied).toEqual([WriteDenied.TOO_MANY_CLIENTS]);
  });

  it('a claim that cannot be stored fails like an update that cannot: 4500, nothing shown, then it lands', async () => {
    const dataDir = tempDataDir();
    const file = sqliteFile(dataDir);
    const storage = new SqliteStorage(file, { busyTimeoutMs: 50 });
    const server = await startTestServer({ dataDir, storage });
    open.push(server);
    const workshop = await createWorkshop(server);
    const fran = await joinWorkshop(server, workshop.id, { name: 'Fran' }, workshop.facilitatorKey);
    const sami = await joinWorkshop(server, workshop.id, { name: 'Sami', role: 'staff' });
    const reader = await boardClient(server, workshop.id, fran.token, open);
    const closes: number[] = [];
    reader.provider.on('connection-close', (event) => closes.push(event?.code ?? 0));

    const fault = lockDatabase(file);
    const writer = await boardClient(server, workshop.id, sami.token, open, { sync: false });
    writer.provider.awareness.setLocalStateField('user', { name: 'Sami' });
    await waitFor(() => closes.includes(4500), 5000, 'the document to fail');
    // Its presence never reached anyone: the claim was not stored.
    expect(reader.provider.awareness.getStates().has(writer.doc.clientID)).toBe(false);
    fault.release();

    await waitFor(() => writer.provider.synced, 10_000, 'the writer to sync');
    writeNote(writer.doc, 'landed', 'stored in the end', sami.participantId);
    await waitFor(() => noteText(reader.doc, 'landed') !== undefined, 10_000, 'the note');
    const db = new Database(file, { readonly: true });
    const owner = db
      .prepare('SELECT participant_id AS owner FROM doc_clients WHERE client_id = ?')
      .get(writer.doc.clientID) as { owner: string } | undefined;
    db.close();
    expect(owner?.owner).toBe(sami.participantId);
  });
});
