/**
 * Issue 21, item 10: a client that reconnects after every RATE_LIMITED (1013) close must
 * not get a fresh allowance each time. Real server on port 0 with its default limits; the
 * flooder is a raw `ws` client sending real note edits; an honest y-websocket client
 * counts what is relayed to it.
 */
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { notesMap } from '../../lib/board/board-doc';
import {
  SOCKET_EVENTS_BURST,
  SOCKET_EVENTS_PER_SECOND,
  YJS_MESSAGES_BURST,
  YJS_MESSAGES_PER_SECOND,
} from '../../lib/constants';
import type { Ack } from '../../lib/protocol/events';
import { YJS_PATH_PREFIX } from '../../lib/protocol/events';
import { boardClient, noteText, writeNote } from '../helpers/board';
import { syncUpdate } from '../helpers/fuzz-yjs';
import { closeAfterEach } from '../helpers/people';
import {
  connectClient,
  createWorkshop,
  joinWorkshop,
  type Reachable,
  startTestServer,
  waitFor,
} from '../helpers/server';

const open = closeAfterEach();
const ATTACK_MS = 3_000;

/**
 * Sends keystrokes into `noteId` as fast as the socket takes them, reconnecting at once
 * whenever the server closes it, until `untilMs`. Each connection first resends the
 * whole local state (what was in flight at the close is dropped by the server).
 */
async function flood(
  server: Reachable,
  workshopId: string,
  token: string,
  doc: Y.Doc,
  noteId: string,
  untilMs: number,
) {
  const url = `${server.url.replace('http', 'ws')}${YJS_PATH_PREFIX}/${workshopId}?token=${token}`;
  const text = notesMap(doc).get(noteId)!.get('text') as Y.Text;
  let connections = 0;
  while (Date.now() < untilMs) {
    const ws = new WebSocket(url);
    connections++;
    ws.on('error', () => undefined);
    const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
    const opened = await Promise.race([
      new Promise<boolean>((resolve) => ws.once('open', () => resolve(true))),
      closed.then(() => false),
    ]);
    if (opened) {
      ws.send(syncUpdate(Y.encodeStateAsUpdate(doc)));
      const onUpdate = (update: Uint8Array) => {
        if (ws.readyState === WebSocket.OPEN) ws.send(syncUpdate(update));
      };
      doc.on('update', onUpdate);
      while (ws.readyState === WebSocket.OPEN && Date.now() < untilMs) {
        text.insert(text.length, 'x');
        // Let the socket write and the close arrive.
        if (text.length % 20 === 0) await new Promise((r) => setImmediate(r));
      }
      doc.off('update', onUpdate);
      ws.terminate();
    }
    await closed;
  }
  return connections;
}

describe('rate limits across reconnects', () => {
  it('follow the participant: reconnecting after 1013 does not refill the allowance', async () => {
    const server = await startTestServer();
    open.push(server);
    const w = await createWorkshop(server);
    const fac = await joinWorkshop(server, w.id, { name: 'Fran' }, w.facilitatorKey);
    const eve = await joinWorkshop(server, w.id, { name: 'Eve', role: 'staff' });
    const sami = await joinWorkshop(server, w.id, { name: 'Sami', role: 'staff' });
    const watcher = await boardClient(server, w.id, fac.token, open);
    const samiBoard = await boardClient(server, w.id, sami.token, open);
    const closes: number[] = [];
    samiBoard.provider.on('connection-close', (e) => closes.push(e?.code ?? 0));

    // Eve's note, written honestly; then her flood into its text.
    const eveBoard = await boardClient(server, w.id, eve.token, open);
    writeNote(eveBoard.doc, 'eve', '', eve.participantId);
    await waitFor(() => noteText(watcher.doc, 'eve') === '', 5000, 'Eve’s note');
    const eveDoc = new Y.Doc();
    Y.applyUpdate(eveDoc, Y.encodeStateAsUpdate(eveBoard.doc));
    eveDoc.clientID = eveBoard.doc.clientID;
    eveBoard.provider.destroy();

    // Updates relayed to the watcher with Eve's structs in them (one per message she
    // got through; the first of each connection carries what the last close dropped).
    let relayed = 0;
    watcher.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === watcher.provider && Y.parseUpdateMeta(update).to.has(eveDoc.clientID)) {
        relayed++;
      }
    });
    // Sami types a note meanwhile, 10 keystrokes a second.
    writeNote(samiBoard.doc, 'sami', '', sami.participantId);
    const samiText = notesMap(samiBoard.doc).get('sami')!.get('text') as Y.Text;
    const typing = setInterval(() => samiText.insert(samiText.length, 's'), 100);

    const start = Date.now();
    const connections = await flood(server, w.id, eve.token, eveDoc, 'eve', start + ATTACK_MS);
    clearInterval(typing);
    const seconds = (Date.now() - start) / 1000;
    await new Promise((r) => setTimeout(r, 300));
    const eveChars = noteText(watcher.doc, 'eve')?.length ?? 0;
    const samiChars = samiText.length;
    console.log(
      `[rate-reconnect] ${connections} connections in ${seconds.toFixed(1)} s; ` +
        `${relayed} of Eve's updates relayed (${(relayed / seconds).toFixed(0)}/s), ` +
        `${eveChars} keystrokes`,
    );
    // No more than the documented allowance: a burst, then the sustained rate.
    const allowed = YJS_MESSAGES_BURST + YJS_MESSAGES_PER_SECOND * seconds;
    expect(relayed).toBeLessThanOrEqual(allowed);

    // Sami was never refused, and everything Sami typed arrived.
    await waitFor(() => noteText(watcher.doc, 'sami')?.length === samiChars, 5000, 'Sami’s text');
    expect(closes).toEqual([]);
  }, 20_000);

  it('follow the participant on Socket.io too: a transport closed for flooding comes back with the same allowance', async () => {
    const server = await startTestServer();
    open.push(server);
    const w = await createWorkshop(server);
    const fac = await joinWorkshop(server, w.id, { name: 'Fran' }, w.facilitatorKey);
    const eve = await joinWorkshop(server, w.id, { name: 'Eve', role: 'staff' });
    const flooder = await connectClient(server, eve.token);
    open.push(flooder);
    const calm = await connectClient(server, fac.token);
    open.push(calm);
    let answered = 0;
    let disconnects = 0;
    flooder.socket.on('disconnect', () => disconnects++);
    const start = Date.now();
    while (Date.now() - start < ATTACK_MS) {
      if (flooder.socket.connected) {
        for (let i = 0; i < 50; i++) {
          flooder.socket.emit('time:sync', {}, (ack: Ack<unknown>) => {
            if (ack.ok) answered++;
          });
        }
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    const seconds = (Date.now() - start) / 1000;
    await new Promise((r) => setTimeout(r, 300));
    console.log(
      `[rate-reconnect] Socket.io: ${answered} events run in ${seconds.toFixed(1)} s ` +
        `(${(answered / seconds).toFixed(0)}/s), ${disconnects} transports closed`,
    );
    expect(disconnects).toBeGreaterThan(0);
    expect(answered).toBeLessThanOrEqual(SOCKET_EVENTS_BURST + SOCKET_EVENTS_PER_SECOND * seconds);
    // The facilitator's own allowance is untouched.
    expect(await calm.request('time:sync', {})).toMatchObject({ ok: true });
  }, 20_000);
});
