/**
 * Issue 21, item 3: a client that stops reading and asks for the whole board again and
 * again must not make the server queue it again and again. Real server on port 0, a raw
 * `ws` client whose TCP socket is paused (the kernel buffers fill, then the server's),
 * and honest y-websocket clients beside it.
 */
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { addNote } from '../../lib/board/board-doc';
import { LANES } from '../../lib/board/lanes';
import { YJS_SEND_BUFFER_MAX_BYTES } from '../../lib/constants';
import { CloseCode } from '../../lib/protocol/codes';
import { YJS_PATH_PREFIX } from '../../lib/protocol/events';
import { boardClient, noteText, writeNote } from '../helpers/board';
import { closeAfterEach } from '../helpers/people';
import {
  createWorkshop,
  joinWorkshop,
  type Reachable,
  startTestServer,
  waitFor,
} from '../helpers/server';
import { syncStep1 } from '../helpers/fuzz-yjs';

const open = closeAfterEach();
const MiB = 1024 * 1024;
/** Notes of 500 characters seeded into the stored board: about 3 MiB. */
const SEEDED_NOTES = 6_000;
const SYNC_REQUESTS = 60;

/** Bytes the process holds outside and inside the JS heap (queued frames are Buffers). */
function held(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** A stored board of about 3 MiB, in notes as the board writes them. */
function bigBoard(authorId: string): Uint8Array {
  const doc = new Y.Doc();
  const lanes = LANES;
  for (let i = 0; i < SEEDED_NOTES; i++) {
    addNote(doc, {
      id: `seed-${i}`,
      // Spread thin, so that no lane is full: the honest pages still add notes.
      stepId: `seed-step-${i % 60}`,
      lane: lanes[i % lanes.length]!,
      text: String(i).padEnd(500, '.'),
      authorId,
      createdAt: 0,
    });
  }
  return Y.encodeStateAsUpdate(doc);
}

/** A raw Yjs socket whose TCP socket stops reading as soon as it is open. */
async function pausedReader(server: Reachable, workshopId: string, token: string) {
  const url = `${server.url.replace('http', 'ws')}${YJS_PATH_PREFIX}/${workshopId}?token=${token}`;
  const ws = new WebSocket(url);
  ws.on('error', () => undefined);
  open.push({ close: () => ws.terminate() });
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  await new Promise<void>((resolve) => ws.once('open', () => resolve()));
  const tcp = (ws as unknown as { _socket: Socket })._socket;
  tcp.pause();
  return { ws, tcp, closed };
}

describe('a client that stops reading', () => {
  it('costs the server one answer, not sixty, and the others keep syncing', async () => {
    const server = await startTestServer();
    open.push(server);
    const w = await createWorkshop(server);
    const other = await createWorkshop(server);
    const fac = await joinWorkshop(server, w.id, { name: 'Fran' }, w.facilitatorKey);
    const anna = await joinWorkshop(server, w.id, { name: 'Anna', role: 'staff' });
    const eve = await joinWorkshop(server, w.id, { name: 'Eve', role: 'staff' });
    const otherFac = await joinWorkshop(server, other.id, { name: 'Olga' }, other.facilitatorKey);
    const otherAnna = await joinWorkshop(server, other.id, { name: 'Aino', role: 'staff' });
    // Seeded before the document is first loaded, as if written over a long workshop.
    expect(server.rooms.loadedDocs).toBe(0);
    const seed = bigBoard(fac.participantId);
    await server.storage.appendDocUpdate(w.id, seed);

    const reader = await boardClient(server, w.id, fac.token, open);
    const writer = await boardClient(server, w.id, anna.token, open);
    expect(noteText(reader.doc, 'seed-1')?.length).toBe(500);
    const fullSync = Y.encodeStateAsUpdate(reader.doc).byteLength;
    expect(fullSync).toBeGreaterThan(2.5 * MiB);

    const before = held();
    // Eve's page stops reading (its socket is paused) and asks for the board 60 times.
    const eveWs = await pausedReader(server, w.id, eve.token);
    const sv = Y.encodeStateVector(new Y.Doc());
    for (let i = 0; i < SYNC_REQUESTS; i++) eveWs.ws.send(syncStep1(sv));

    // Give the server time to answer every request it is going to answer.
    await new Promise((r) => setTimeout(r, 1_500));
    const grown = held() - before;
    console.log(
      `[slow-reader] full sync ${(fullSync / MiB).toFixed(2)} MiB; held ` +
        `+${(grown / MiB).toFixed(1)} MiB after ${SYNC_REQUESTS} sync requests`,
    );
    // At most the bound (and the kernel's share) rather than 60 copies of the board.
    expect(grown).toBeLessThan(YJS_SEND_BUFFER_MAX_BYTES + 16 * MiB);

    // The honest pages of the same workshop and of another keep syncing all along.
    writeNote(writer.doc, 'during', 'still syncing', anna.participantId);
    await waitFor(() => noteText(reader.doc, 'during') === 'still syncing', 10_000, 'the note');
    const elsewhere = await boardClient(server, other.id, otherAnna.token, open);
    const elsewhereReader = await boardClient(server, other.id, otherFac.token, open);
    writeNote(elsewhere.doc, 'there', 'fine', otherAnna.participantId);
    await waitFor(() => noteText(elsewhereReader.doc, 'there') === 'fine', 10_000, 'elsewhere');
  }, 30_000);

  it('is closed with SLOW_READER once its queue passes the bound, and reconnects', async () => {
    const server = await startTestServer({ yjs: { sendBufferMaxBytes: 256 * 1024 } });
    open.push(server);
    const w = await createWorkshop(server);
    const fac = await joinWorkshop(server, w.id, { name: 'Fran' }, w.facilitatorKey);
    const anna = await joinWorkshop(server, w.id, { name: 'Anna', role: 'staff' });
    const eve = await joinWorkshop(server, w.id, { name: 'Eve', role: 'staff' });
    await server.storage.appendDocUpdate(w.id, bigBoard(fac.participantId));
    const reader = await boardClient(server, w.id, fac.token, open);
    const writer = await boardClient(server, w.id, anna.token, open);

    const eveWs = await pausedReader(server, w.id, eve.token);
    eveWs.ws.send(syncStep1(Y.encodeStateVector(new Y.Doc())));
    // The board's answer sits in the queue (the kernel holds only part of it); the edits
    // relayed after it pass the bound.
    for (let i = 0; i < 20 && eveWs.ws.readyState === WebSocket.OPEN; i++) {
      writeNote(writer.doc, `n${i}`, 'x'.repeat(400), anna.participantId);
      await waitFor(() => noteText(reader.doc, `n${i}`) !== undefined, 10_000, 'the note');
    }
    // Eve's page reads again: what was queued, then the close frame with the code.
    eveWs.tcp.resume();
    expect(await eveWs.closed).toBe(CloseCode.SLOW_READER);
    // The honest pages carry on, and Eve's real page reconnects and syncs.
    const eveBoard = await boardClient(server, w.id, eve.token, open);
    expect(noteText(eveBoard.doc, 'n0')).toBe('x'.repeat(400));
    writeNote(writer.doc, 'after', 'and after', anna.participantId);
    await waitFor(() => noteText(reader.doc, 'after') === 'and after', 10_000, 'the note after');
  }, 30_000);

  it('answers repeated sync requests on one connection once while the answer is unread', async () => {
    const server = await startTestServer();
    open.push(server);
    const w = await createWorkshop(server);
    const fac = await joinWorkshop(server, w.id, { name: 'Fran' }, w.facilitatorKey);
    const eve = await joinWorkshop(server, w.id, { name: 'Eve', role: 'staff' });
    await server.storage.appendDocUpdate(w.id, bigBoard(fac.participantId));
    const url = `${server.url.replace('http', 'ws')}${YJS_PATH_PREFIX}/${w.id}?token=${eve.token}`;
    const eveWs = new WebSocket(url);
    eveWs.on('error', () => undefined);
    open.push({ close: () => eveWs.terminate() });
    let replies = 0;
    eveWs.on('message', (data: Buffer) => {
      // Sync step 2 (type 0, 1) is the answer to a sync step 1.
      if (data[0] === 0 && data[1] === 1) replies++;
    });
    await new Promise<void>((resolve) => eveWs.once('open', () => resolve()));
    const sv = Y.encodeStateVector(new Y.Doc());
    // Sent together: all arrive while the first answer is still being written.
    for (let i = 0; i < 10; i++) eveWs.send(syncStep1(sv));
    await waitFor(() => replies >= 1, 10_000, 'the answer');
    await new Promise((r) => setTimeout(r, 500));
    expect(replies).toBe(1);
    // Once it has been read, a later request (y-websocket's resync) is answered again.
    eveWs.send(syncStep1(sv));
    await waitFor(() => replies >= 2, 10_000, 'the second answer');
  }, 30_000);
});
