import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { SOCKET_IO_PATH, YJS_PATH_PREFIX } from '../lib/protocol/events';
import { type ConnectionLimits, connectionLimits } from '../lib/domain/rate-bucket';
import { loadSecret, TokenSigner } from './auth';
import type { Ownership } from './cluster/ownership';
import { createHttpApi } from './http-api';
import { applySecurityHeaders } from './security-headers';
import { SimulatedRooms } from './simulation/simulated-rooms';
import { startWhenIdle } from './start-when-idle';
import { coalesceWrites } from './realtime/coalesce-writes';
import { createSocketServer, evictWorkshop, type SocketPing } from './realtime/socket-server';
import type { DocLimits } from './realtime/yjs-doc';
import { YjsEndpoint } from './realtime/yjs-endpoint';
import { SqliteStorage } from './storage/sqlite-storage';
import type { Storage } from './storage/storage';
import { loadTemplates } from './templates';
import type { DocFacts } from './workshops/actor';
import { WorkshopRegistry } from './workshops/registry';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');
/** Next prepares once the event loop was busy less than this share of a window… */
const PAGES_BUSY_BELOW = 0.5;
const PAGES_IDLE_WINDOW_MS = 100;
/** …or this long after the start at the latest (a page request starts it at once). */
const PAGES_MAX_WAIT_MS = 5_000;

export interface AppServerOptions {
  /** Port to listen on; 0 picks a free one. Default 3000. */
  port?: number;
  /** Interface to bind. Default: all interfaces. */
  host?: string;
  /** Where SQLite and the signing secret live. Default `./data`. */
  dataDir?: string;
  /** Base URL for links handed out (join, facilitator). Default: from the Host header. */
  publicUrl?: string;
  /** Trust X-Forwarded-For for the caller's address (behind a proxy). Default false. */
  trustProxy?: boolean;
  /** Serve the Next.js pages. Tests of the realtime layer switch it off. Default true. */
  withNext?: boolean;
  /** Next in development mode (hot reload). Default false. */
  dev?: boolean;
  /** Storage to use instead of SQLite in `dataDir`. */
  storage?: Storage;
  /**
   * Several nodes: which workshops this node serves (leases in Redis). Closed with the
   * server, after storage has flushed, so that no other node claims a workshop while this
   * one still writes it.
   */
  ownership?: Ownership;
  /** How long idle Yjs documents and workshop actors stay in memory. */
  idleUnloadMs?: number;
  /** Yjs compaction thresholds, document size limit and heartbeat (tests lower them). */
  yjs?: Partial<DocLimits> & { keepaliveMs?: number };
  /** Socket.io heartbeat (tests shorten it to simulate a laptop asleep). */
  socketPing?: SocketPing;
  /** Per-connection rate limits (docs/protocol.md); tests lower or raise them. */
  rateLimits?: Partial<ConnectionLimits>;
}

export interface AppServer {
  url: string;
  port: number;
  storage: Storage;
  yjs: YjsEndpoint;
  /**
   * Resolves once Next's pages are prepared (at once without them); rejects if they
   * cannot be. The server listens, and serves the realtime endpoints, before that.
   */
  pagesReady: Promise<void>;
  /** Graceful stop: refuse new connections, close sockets, flush and close storage. */
  close(): Promise<void>;
}

type NextHandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;

async function preparePages(
  options: AppServerOptions,
  upgrades: http.Server,
): Promise<NextHandler> {
  const { default: next } = await import('next');
  const app = next({
    dev: options.dev ?? false,
    dir: PROJECT_ROOT,
    hostname: options.host ?? 'localhost',
    port: options.port ?? 3000,
    httpServer: upgrades,
  });
  await app.prepare();
  return app.getRequestHandler();
}

export async function startAppServer(options: AppServerOptions = {}): Promise<AppServer> {
  const dataDir = path.resolve(options.dataDir ?? 'data');
  const templates = loadTemplates(path.join(PROJECT_ROOT, 'seeds', 'templates'));
  const storage = options.storage ?? SqliteStorage.inDataDir(dataDir);
  const tokens = new TokenSigner(loadSecret(dataDir));
  // The actors read step counts and decks from the documents the Yjs endpoint holds.
  const registry: WorkshopRegistry = new WorkshopRegistry(
    storage,
    (id): Promise<DocFacts> => endpoint.facts(id),
    options.idleUnloadMs,
    options.ownership,
  );
  options.ownership?.onEvict((id) => registry.evict(id));
  const simulated = new SimulatedRooms();
  const api = createHttpApi({
    simulated,
    storage,
    registry,
    tokens,
    templates,
    publicUrl: options.publicUrl,
    trustProxy: options.trustProxy,
    readDoc: (id, read) => endpoint.readDoc(id, read),
    readiness: async () => {
      const check = (probe?: () => Promise<void>) =>
        probe
          ? probe().then(
              () => 'ok',
              () => 'unreachable',
            )
          : Promise.resolve('off');
      const [store, redis] = await Promise.all([
        check(storage.ping?.bind(storage)),
        check(options.ownership && (() => options.ownership!.ping())),
      ]);
      return {
        ok: store !== 'unreachable' && redis !== 'unreachable',
        storage: store,
        redis,
        ...(options.ownership
          ? { node: options.ownership.nodeId, workshops: options.ownership.owned.length }
          : {}),
      };
    },
  });

  // Next attaches its own upgrade listener to whatever server it is given and ends any
  // websocket it does not own, so it gets a stand-in that sees only /_next/ upgrades.
  const nextUpgrades = new EventEmitter();
  // The server listens before Next is prepared, and Next prepares once the event loop has
  // a moment to spare: after a restart the realtime clients (Socket.io, Yjs) reconnect
  // at once and are served first. The first page request starts it at once.
  const pages =
    (options.withNext ?? true)
      ? startWhenIdle(() => preparePages(options, nextUpgrades as unknown as http.Server), {
          windowMs: PAGES_IDLE_WINDOW_MS,
          busyBelow: PAGES_BUSY_BELOW,
          maxWaitMs: PAGES_MAX_WAIT_MS,
        })
      : null;
  const nextHandler = (): Promise<NextHandler | null> =>
    pages ? pages.now().catch(() => null) : Promise.resolve(null);
  // Observed here so that a failed start is reported through `pagesReady`, not unhandled.
  const pagesReady = pages ? pages.result.then(() => undefined) : Promise.resolve();
  pagesReady.catch(() => undefined);

  const server = http.createServer((req, res) => {
    applySecurityHeaders(req, res, options.dev ?? false);
    void api(req, res).then(async (handled) => {
      if (handled) return;
      const handler = await nextHandler();
      if (handler) return handler(req, res);
      res.writeHead(options.withNext === false ? 404 : 503).end();
    });
  });

  const rateLimits = connectionLimits(options.rateLimits);
  const endpoint: YjsEndpoint = new YjsEndpoint(storage, registry, tokens, {
    ...options.yjs,
    idleUnloadMs: options.idleUnloadMs,
    rateLimits,
  });
  const io = createSocketServer(
    server,
    registry,
    tokens,
    (id, pid, removed) => endpoint.participantChanged(id, pid, removed),
    options.socketPing,
    rateLimits,
  );
  registry.onEvict((id) => {
    endpoint.evict(id);
    evictWorkshop(io, id);
  });

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = req.url ?? '/';
    // Realtime sockets send many small frames: one system call per turn, not per frame.
    if (url.startsWith(`${YJS_PATH_PREFIX}/`) || url.startsWith(`${SOCKET_IO_PATH}/`)) {
      coalesceWrites(socket);
    }
    if (url.startsWith(`${YJS_PATH_PREFIX}/`)) endpoint.handleUpgrade(req, socket, head);
    else if (url.startsWith('/_next/')) {
      void nextHandler().then(() => nextUpgrades.emit('upgrade', req, socket, head));
    } else if (!url.startsWith(`${SOCKET_IO_PATH}/`)) socket.destroy();
    // Socket.io's own upgrade listener takes /rt/io/.
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3000, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost =
    !options.host || options.host === '0.0.0.0' || options.host === '::'
      ? 'localhost'
      : options.host;

  // Simulated participants are clients of this very server, over loopback when we can.
  const anyInterface = !options.host || options.host === '0.0.0.0' || options.host === '::';
  const selfHost = anyInterface
    ? '127.0.0.1'
    : options.host!.includes(':')
      ? `[${options.host}]`
      : options.host;
  simulated.listening(`http://${selfHost}:${port}`);

  let closing: Promise<void> | null = null;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    storage,
    yjs: endpoint,
    pagesReady,
    close() {
      closing ??= (async () => {
        options.ownership?.quiesce();
        simulated.close();
        // Pages not yet being prepared are not started for nothing.
        pages?.cancel();
        if (pages?.started) await pagesReady.catch(() => undefined);
        server.close();
        // Closing the engine drops every client with "transport close"; they reconnect.
        io.engine.close();
        await endpoint.close();
        await registry.idle();
        await new Promise<void>((resolve) => io.close(() => resolve()));
        server.closeAllConnections();
        await storage.close();
        await options.ownership?.close();
      })();
      return closing;
    },
  };
}
