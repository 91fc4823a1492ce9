import { io as ioClient } from 'socket.io-client';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { PROTOCOL_VERSION, SOCKET_IO_PATH, YJS_PATH_PREFIX } from '../lib/protocol/events';
import type { CreatedRoom } from './setup';

// Each y-websocket provider adds a process 'exit' listener; the restart opens 50 at once.
process.setMaxListeners(Math.max(process.getMaxListeners(), 200));

/**
 * A workshop's board as a browser gets it: a real y-websocket WebsocketProvider (with `ws`
 * as its WebSocket) syncs the document; the board is its notes, as JSON.
 */
export function readBoard(url: string, room: CreatedRoom, timeoutMs = 30_000): Promise<string> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(
    url.replace(/^http/, 'ws') + YJS_PATH_PREFIX,
    room.room,
    doc,
    {
      WebSocketPolyfill: WebSocket as never,
      disableBc: true,
      params: { token: room.members[0]!.token! },
    },
  );
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`board of ${room.room} did not sync`)),
      timeoutMs,
    );
    provider.once('sync', () => {
      clearTimeout(timer);
      resolve(canonical(doc.getMap('notes').toJSON()));
    });
  }).finally(() => {
    provider.destroy();
    doc.destroy();
  });
}

/** JSON with object keys sorted: a reloaded document may list map entries in another order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** Connects a Socket.io client as the room's facilitator; resolves at the first workshop:state. */
export function readState(url: string, room: CreatedRoom, timeoutMs = 30_000): Promise<void> {
  const socket = ioClient(url, {
    path: SOCKET_IO_PATH,
    auth: { v: PROTOCOL_VERSION, token: room.members[0]!.token },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no state for ${room.room}`)), timeoutMs);
    socket.once('connect_error', (err) => reject(new Error(`socket.io: ${err.message}`)));
    socket.once('workshop:state', () => {
      clearTimeout(timer);
      resolve();
    });
  }).finally(() => socket.close());
}
