import type net from 'node:net';
import type { WebSocket } from 'ws';
import { send } from './send-buffer';

/** The period is walked in this many steps, each visiting its share of the sockets. */
const SLICES = 10;

interface Beat {
  socket: net.Socket;
  slice: number;
  /** The socket's byte counters at its last beat. */
  read: number;
  written: number;
  /** Pinged at its last beat for want of anything heard: silent again means dead. */
  pinged: boolean;
}

/**
 * Drops websockets whose peer is gone and keeps quiet ones alive, a slice of them at a
 * time. Visiting all 2,000 sockets of a full server at once (a ping and a keepalive each)
 * blocked the event loop for ~50 ms every period and made every client answer at once:
 * the benchmark's worst latencies (docs/performance.md). Each socket is still visited once
 * per period, and only what it needs is written: a socket that sent anything since its
 * last beat needs no ping, and one that was sent anything needs no keepalive message.
 */
export class Heartbeat {
  private readonly beats = new WeakMap<WebSocket, Beat>();
  private readonly timer: NodeJS.Timeout;
  private next = 0;
  private slice = 0;

  constructor(
    private readonly sockets: () => Iterable<WebSocket>,
    periodMs: number,
    /** Sent to a socket that was sent nothing for a period (y-websocket drops a quiet one). */
    private readonly keepalive: Uint8Array,
  ) {
    this.timer = setInterval(() => this.tick(), Math.max(1, periodMs / SLICES));
    this.timer.unref();
  }

  add(ws: WebSocket, socket: net.Socket): void {
    this.beats.set(ws, {
      socket,
      slice: this.next++ % SLICES,
      read: socket.bytesRead,
      written: socket.bytesWritten,
      pinged: false,
    });
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private tick(): void {
    this.slice = (this.slice + 1) % SLICES;
    for (const ws of this.sockets()) {
      const beat = this.beats.get(ws);
      if (beat && beat.slice === this.slice) this.visit(ws, beat);
    }
  }

  /** Silent since a ping: dead. Silent: ping. Sent nothing: a keepalive message. */
  private visit(ws: WebSocket, beat: Beat): void {
    const { socket } = beat;
    const heard = socket.bytesRead !== beat.read;
    if (!heard && beat.pinged) return ws.terminate();
    if (ws.readyState !== ws.OPEN) return;
    const quiet = socket.bytesWritten === beat.written;
    beat.pinged = !heard;
    if (!heard) ws.ping();
    // Through the bounded send: a socket that does not read is closed, not fed more.
    if (quiet) send(ws, this.keepalive);
    beat.read = socket.bytesRead;
    beat.written = socket.bytesWritten;
  }
}
