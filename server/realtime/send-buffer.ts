import type { WebSocket } from 'ws';
import { SLOW_READER_CLOSE_GRACE_MS, YJS_SEND_BUFFER_MAX_BYTES } from '../../lib/constants';
import { CloseCode } from '../../lib/protocol/codes';

/**
 * Backpressure for what the server sends (issue 21, item 3). A socket's unsent bytes live
 * in the server's memory until the client reads them; a client that stops reading would
 * make every broadcast and every answer grow them without end. Past a bound the socket is
 * closed with SLOW_READER and, since a client that does not read never reads the close
 * frame either, cut after SLOW_READER_CLOSE_GRACE_MS, which frees its buffers.
 */

const WS_OPEN = 1;

/** Sockets with another bound than YJS_SEND_BUFFER_MAX_BYTES (the endpoint's option). */
const bounds = new WeakMap<WebSocket, number>();

/** Sets the bound of one socket's queue (bytes). */
export function boundSendBuffer(ws: WebSocket, maxBytes: number): void {
  bounds.set(ws, maxBytes);
}

/**
 * Sends `message` on a Yjs socket, or closes the socket if its queue would pass its
 * bound (a single message always goes to an empty queue). `onSent` runs once the
 * message has been handed to the kernel, or the socket failed.
 */
export function send(ws: WebSocket, message: Uint8Array, onSent?: () => void): void {
  if (ws.readyState !== WS_OPEN) return;
  const maxBytes = bounds.get(ws) ?? YJS_SEND_BUFFER_MAX_BYTES;
  const queued = ws.bufferedAmount;
  if (queued > 0 && queued + message.byteLength > maxBytes) return closeSlowReader(ws);
  ws.send(message, (err) => {
    if (err) ws.terminate();
    onSent?.();
  });
}

/** Closes with SLOW_READER; cut at once if the close handshake has not ended within the grace. */
function closeSlowReader(ws: WebSocket): void {
  if (ws.readyState !== WS_OPEN) return;
  ws.close(CloseCode.SLOW_READER, 'not reading');
  const cut = setTimeout(() => ws.terminate(), SLOW_READER_CLOSE_GRACE_MS);
  cut.unref();
  ws.once('close', () => clearTimeout(cut));
}

/** The parts of an engine.io socket (Socket.io's transport session) used here. */
interface EngineSocket {
  on(event: 'packetCreate', listener: (packet: { data?: unknown }) => void): unknown;
  on(event: 'flush', listener: () => void): unknown;
  /** The websocket transport holds its `ws` socket here; polling has none. */
  transport: object;
  close(discard?: boolean): unknown;
}

/**
 * The same bound for a Socket.io connection. Engine.io queues packets in its session
 * (`writeBuffer`) while the transport is busy, and its websocket transport stays busy
 * until the last frame reached the kernel: a client that stops reading grows that queue
 * with every broadcast. Counted here: the packets queued since the last flush, plus what
 * the websocket still holds. Past `maxBytes` the session is discarded (the client sees
 * "transport close" and reconnects) and its websocket cut after the grace.
 */
export function boundEngineQueue(conn: EngineSocket, maxBytes: number): void {
  let pending = 0;
  let cut = false;
  conn.on('flush', () => (pending = 0));
  conn.on('packetCreate', (packet) => {
    const { data } = packet;
    // A string's length in UTF-16 units: a close enough count of its bytes for a bound.
    pending += typeof data === 'string' ? data.length : ((data as Buffer)?.byteLength ?? 0);
    const ws = (conn.transport as { socket?: WebSocket }).socket;
    const held = typeof ws?.bufferedAmount === 'number' ? ws.bufferedAmount : 0;
    if (cut || pending + held <= maxBytes) return;
    cut = true;
    // After this turn: engine.io is in the middle of queueing the packet.
    setImmediate(() => {
      conn.close(true);
      if (ws && typeof ws.terminate === 'function') {
        setTimeout(() => ws.terminate(), SLOW_READER_CLOSE_GRACE_MS).unref();
      }
    });
  });
}
