import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io as ioClient, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { PROTOCOL_VERSION, SOCKET_IO_PATH, YJS_PATH_PREFIX } from '../../lib/protocol/events';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '../../lib/protocol/events';
import type { WorkshopState, You } from '../../lib/domain/workshop';
import { applyPatch } from '../../lib/protocol/state-patch';
import { type AppServer, type AppServerOptions, startAppServer } from '../../server/app-server';
import type { RequestLimits } from '../../server/limits/request-guard';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
/** Where clients connect: a server in this process, one in a child process, or a proxy. */
export type Reachable = Pick<AppServer, 'url'>;

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'saappaat-test-'));
}

/**
 * Request limits for a test file that plays one busy host: it creates (and joins) far
 * more workshops from 127.0.0.1 on one server than a real address would.
 */
export const BUSY_HOST_LIMITS: Partial<RequestLimits> = {
  createsPerAddress: { points: 10_000, windowMs: 60_000 },
  importsPerAddress: { points: 10_000, windowMs: 60_000 },
  joinsPerAddress: { points: 10_000, windowMs: 60_000 },
};

/** The real server (without Next's pages) on port 0 in a fresh data directory. */
export async function startTestServer(options: AppServerOptions = {}): Promise<AppServer> {
  return startAppServer({
    port: 0,
    host: '127.0.0.1',
    withNext: false,
    dataDir: tempDataDir(),
    ...options,
  });
}

export interface CreatedWorkshop {
  id: string;
  joinCode: string;
  joinUrl: string;
  facilitatorUrl: string;
  facilitatorKey: string;
}

export async function createWorkshop(
  server: Reachable,
  body: Record<string, unknown> = {
    title: 'Test workshop',
    template: 'b2b-order-to-invoice',
    locale: 'en',
  },
): Promise<CreatedWorkshop> {
  const res = await fetch(`${server.url}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreatedWorkshop;
}

export interface Joined {
  participantId: string;
  role: string;
  token: string;
}

export async function joinWorkshop(
  server: Reachable,
  workshopId: string,
  body: { name: string; role?: string },
  facilitatorKey?: string,
): Promise<Joined> {
  const res = await fetch(`${server.url}/api/workshops/${workshopId}/participants`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(facilitatorKey ? { authorization: `Bearer ${facilitatorKey}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`join failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as Joined;
}

export interface ClientOptions {
  /** Sent as the `workshop` query parameter, by which nginx routes (deploy/nginx.conf). */
  workshopId?: string;
  /** Try again after a refused handshake, as the app does. */
  retryRefusals?: boolean;
}

/** A real socket.io client that records everything it hears. */
export class TestClient {
  readonly socket: TestSocket;
  readonly states: WorkshopState[] = [];
  you: You | null = null;
  readonly heard: Array<{ event: string; args: unknown[] }> = [];
  /** Handshake refusals heard (with `retryRefusals`). */
  readonly refusals: string[] = [];
  private closed = false;

  constructor(url: string, token: string, version = PROTOCOL_VERSION, options: ClientOptions = {}) {
    this.socket = ioClient(url, {
      path: SOCKET_IO_PATH,
      auth: { v: version, token },
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 50,
      reconnectionDelayMax: 200,
      ...(options.workshopId ? { query: { workshop: options.workshopId } } : {}),
    }) as TestSocket;
    if (options.retryRefusals) {
      // As the app does (lib/stores/session-store.ts): a handshake refused for a passing
      // reason (NOT_OWNER, STORAGE_FAILED) ends Socket.io's own retries, so retry here.
      this.socket.on('connect_error', (err) => {
        this.refusals.push(err.message);
        if (this.closed || this.socket.active) return;
        setTimeout(() => {
          if (!this.closed && !this.socket.connected) this.socket.connect();
        }, 100);
      });
    }
    this.socket.on('workshop:state', (s) => this.states.push(s));
    this.socket.on('workshop:patch', (patch) => {
      const current = this.states.at(-1);
      if (current) this.states.push(applyPatch(current, patch));
    });
    this.socket.on('session:you', (y) => (this.you = y));
    this.socket.onAny((event: string, ...args: unknown[]) => this.heard.push({ event, args }));
  }

  get state(): WorkshopState | undefined {
    return this.states.at(-1);
  }

  /** Emits an event and resolves with its acknowledgement. */
  request(event: string, payload: unknown): Promise<Ack<unknown>> {
    return (
      this.socket.timeout(5000) as unknown as {
        emitWithAck: (e: string, p: unknown) => Promise<Ack<unknown>>;
      }
    ).emitWithAck(event, payload);
  }

  close(): void {
    this.closed = true;
    this.socket.close();
  }
}

export async function connectClient(server: Reachable, token: string): Promise<TestClient> {
  const client = new TestClient(server.url, token);
  await waitFor(() => client.state !== undefined && client.you !== null);
  return client;
}

/** A real y-websocket provider (BroadcastChannel off: two in one process would bypass us). */
export function yjsClient(
  server: Reachable,
  workshopId: string,
  token: string,
  doc = new Y.Doc(),
): { doc: Y.Doc; provider: WebsocketProvider } {
  const provider = new WebsocketProvider(
    server.url.replace('http', 'ws') + YJS_PATH_PREFIX,
    workshopId,
    doc,
    { WebSocketPolyfill: WebSocket as never, disableBc: true, params: { token } },
  );
  return { doc, provider };
}

export async function waitFor(
  check: () => boolean,
  timeoutMs = 5000,
  what = 'condition',
): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Tries a Socket.io handshake with `auth` and resolves with the connect_error message.
 * Rejects if the server lets the client in.
 */
export function handshakeError(server: AppServer, auth: unknown): Promise<string> {
  const socket = ioClient(server.url, {
    path: SOCKET_IO_PATH,
    auth: auth as Record<string, unknown>,
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  return new Promise<string>((resolve, reject) => {
    socket.on('connect_error', (err) => resolve(err.message));
    socket.on('connect', () => reject(new Error('handshake was accepted')));
  }).finally(() => socket.close());
}

export interface RawSocket {
  ws: WebSocket;
  /** Resolves once the server has accepted the upgrade. */
  opened: Promise<void>;
  /** Resolves with the close code and reason, however the socket ends. */
  closed: Promise<{ code: number; reason: string }>;
}

/** A bare `ws` client, for sending what no well-behaved client would. `path` starts with `/`. */
export function rawSocket(server: AppServer, path: string): RawSocket {
  const ws = new WebSocket(server.url.replace('http', 'ws') + path);
  ws.on('error', () => undefined); // the close event carries what the tests look at
  const opened = new Promise<void>((resolve) => ws.once('open', () => resolve()));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return { ws, opened, closed };
}

/** A bare socket on the Yjs endpoint of `workshopId`, with `token` if given. */
export function rawYjsSocket(server: AppServer, workshopId: string, token?: string): RawSocket {
  const query = token === undefined ? '' : `?token=${encodeURIComponent(token)}`;
  return rawSocket(server, `${YJS_PATH_PREFIX}/${encodeURIComponent(workshopId)}${query}`);
}
