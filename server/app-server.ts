import http from 'node:http';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ErrorCode } from '../lib/protocol/codes';
import { SOCKET_IO_PATH, YJS_PATH_PREFIX } from '../lib/protocol/events';
import { ACCEPTS_BURST, ACCEPTS_PER_SECOND } from '../lib/constants';
import { connectionLimits } from '../lib/domain/rate-bucket';
import { loadSecret, TokenSigner } from './auth';
import { createHttpApi } from './http-api';
import { limitAccepts } from './limits/accept-limit';
import {
  answerClientError,
  guardRequests,
  guardUpgrades,
  refuseUpgrade,
  StandInServer,
} from './http-entry';
import { RequestGuard } from './limits/request-guard';
import { applySecurityHeaders } from './security-headers';
import { SimulatedRooms } from './simulation/simulated-rooms';
import { startWhenIdle } from './start-when-idle';
import { coalesceWrites } from './realtime/coalesce-writes';
import { createSocketServer } from './realtime/socket-server';
import { YjsEndpoint } from './realtime/yjs-endpoint';
import type { AppServerOptions } from './app-options';
import { SqliteStorage } from './storage/sqlite-storage';
import type { Storage } from './storage/storage';
import { loadTemplates } from './templates';
import { WorkshopRooms } from './workshops/rooms';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');
/** Next prepares once the event loop was busy less than this share of a window… */
const PAGES_BUSY_BELOW = 0.5;
const PAGES_IDLE_WINDOW_MS = 100;
/** …or this long after the start at the latest (a page request starts it at once). */
const PAGES_MAX_WAIT_MS = 5_000;

export type { AppServerOptions };

export interface AppServer {
  url: string;
  port: number;
  storage: Storage;
  /** The live workshops (tests read their documents, and count those loaded). */
  rooms: WorkshopRooms;
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
  const { keepaliveMs, sendBufferMaxBytes, ...docLimits } = options.yjs ?? {};
  const rooms = new WorkshopRooms(storage, {
    idleUnloadMs: options.idleUnloadMs,
    docLimits,
    ownership: options.ownership,
  });
  options.ownership?.onEvict((id) => rooms.evict(id));
  const simulated = new SimulatedRooms();
  // With several nodes the counts live in their Redis, so N nodes do not allow N times as much.
  const guard = new RequestGuard(options.requestLimits, options.ownership?.shared);
  const api = createHttpApi({
    guard,
    maxParticipants: options.maxParticipants,
    simulated,
    storage,
    registry: rooms,
    tokens,
    templates,
    publicUrl: options.publicUrl,
    allowedHosts: options.allowedHosts,
    trustProxy: options.trustProxy,
    readDoc: (id, read) => rooms.readDoc(id, read),
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

  // Next and Socket.io never see the real server: each gets a stand-in that sees only what
  // the door below routes to it (Next ends any websocket it does not own; Socket.io takes
  // over the request listeners of the server it is given).
  const nextServer = new StandInServer();
  const ioServer = new StandInServer();
  // The server listens before Next is prepared, and Next prepares once the event loop has
  // a moment to spare: after a restart the realtime clients (Socket.io, Yjs) reconnect
  // at once and are served first. The first page request starts it at once.
  const pages =
    (options.withNext ?? true)
      ? startWhenIdle(() => preparePages(options, nextServer as unknown as http.Server), {
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
  // Socket.io's own test of its path (engine.io's `check`), so that what is routed to it
  // is always what it handles: a request it did not handle would never be answered.
  const isSocketIo = (req: http.IncomingMessage) =>
    (req.url ?? '').startsWith(`${SOCKET_IO_PATH}/`);

  // Every request passes the door (`http-entry.ts`): a malformed target is answered 400,
  // and a handler that throws or rejects 500, from the moment the port listens.
  const server = http.createServer(
    guardRequests(async (req, res, target) => {
      if (isSocketIo(req)) return void ioServer.emit('request', req, res);
      applySecurityHeaders(req, res, options.dev ?? false);
      if (await api(req, res, target)) return;
      const handler = await nextHandler();
      if (handler) return handler(req, res);
      res.writeHead(options.withNext === false ? 404 : 503).end();
    }),
  );
  server.on('clientError', answerClientError);
  // Nobody is proxied through here; without a listener Node would drop CONNECT unanswered.
  server.on('connect', (_req: http.IncomingMessage, socket: Duplex) =>
    refuseUpgrade(socket, 405, ErrorCode.BAD_REQUEST, 'CONNECT is not served here'),
  );
  const acceptLimit = options.trustProxy
    ? null
    : options.acceptLimit === undefined
      ? { burst: ACCEPTS_BURST, perSecond: ACCEPTS_PER_SECOND }
      : options.acceptLimit;
  if (acceptLimit) limitAccepts(server, acceptLimit);

  const rateLimits = connectionLimits(options.rateLimits);
  const endpoint = new YjsEndpoint(rooms, tokens, {
    keepaliveMs,
    sendBufferMaxBytes,
    rateLimits,
    trustProxy: options.trustProxy,
  });
  const io = createSocketServer(
    ioServer as unknown as http.Server,
    rooms,
    tokens,
    options.socketPing,
    rateLimits,
  );

  // Upgrades pass the same door, and every one gets an answer: a websocket, or an HTTP
  // error with a JSON body on the raw socket.
  server.on(
    'upgrade',
    guardUpgrades(async (req, socket, head, target) => {
      const yjs = target.path.startsWith(`${YJS_PATH_PREFIX}/`);
      // Realtime sockets send many small frames: one system call per turn, not per frame.
      if (yjs || isSocketIo(req)) coalesceWrites(socket);
      if (yjs) return endpoint.handleUpgrade(req, socket, head, target);
      if (isSocketIo(req)) return void ioServer.emit('upgrade', req, socket, head);
      // Next's own websocket: hot reload, in development only. In production Next leaves
      // upgrades it does not match open, unanswered, "for a custom server": each would hold
      // a socket (and a file descriptor) for good.
      if (options.dev && target.path.startsWith('/_next/') && (await nextHandler())) {
        if (nextServer.listenerCount('upgrade') > 0) {
          return void nextServer.emit('upgrade', req, socket, head);
        }
      }
      refuseUpgrade(socket, 404, ErrorCode.NOT_FOUND, 'No websocket is served at this path');
    }),
  );

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
    rooms,
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
        endpoint.close();
        // Queued commands finish, then every document is stored and compacted.
        await rooms.close();
        await new Promise<void>((resolve) => io.close(() => resolve()));
        server.closeAllConnections();
        await storage.close();
        await options.ownership?.close();
      })();
      return closing;
    },
  };
}
