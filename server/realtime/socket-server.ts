import type http from 'node:http';
import { Server } from 'socket.io';
import {
  CONNECTIONS_PER_PERSON_MAX,
  SOCKET_JOIN_TIMEOUT_MS,
  SOCKET_SEND_BUFFER_MAX_BYTES,
  TRANSPORT_MESSAGE_MAX_BYTES,
} from '../../lib/constants';
import { RateBook, rateHolder } from '../../lib/domain/rate-book';
import { type ConnectionLimits, DEFAULT_CONNECTION_LIMITS } from '../../lib/domain/rate-bucket';
import { ErrorCode } from '../../lib/protocol/codes';
import {
  type ClientToServerEvents,
  PROTOCOL_VERSION,
  type ServerToClientEvents,
  SOCKET_IO_PATH,
} from '../../lib/protocol/events';
import { HandshakeAuth } from '../../lib/protocol/schemas';
import { StatePatcher } from '../../lib/protocol/state-patch';
import type { TokenSigner } from '../auth';
import { NotOwnerError } from '../cluster/not-owner';
import type { WorkshopActor, WorkshopChange } from '../workshops/actor';
import type { WorkshopRooms } from '../workshops/rooms';
import { dispatch, fail, overLimit, reply, type SocketData, type SocketRates } from './dispatch';
import { changeMessages } from './change-messages';
import { ioRooms, publish, sender } from './publish';
import { boundEngineQueue } from './send-buffer';

export type AppIo = Server<ClientToServerEvents, ServerToClientEvents, object, SocketData>;

/** Heartbeat timing; tests shorten it to cut a client off quickly. Defaults: Socket.io's. */
export interface SocketPing {
  intervalMs?: number;
  timeoutMs?: number;
}

export function createSocketServer(
  httpServer: http.Server,
  workshops: WorkshopRooms,
  tokens: TokenSigner,
  ping: SocketPing = {},
  limits: ConnectionLimits = DEFAULT_CONNECTION_LIMITS,
): AppIo {
  const io: AppIo = new Server(httpServer, {
    path: SOCKET_IO_PATH,
    serveClient: false,
    pingInterval: ping.intervalMs ?? 25_000,
    pingTimeout: ping.timeoutMs ?? 20_000,
    maxHttpBufferSize: TRANSPORT_MESSAGE_MAX_BYTES,
    // Websockets only, as every client of ours connects: a long-polling handshake opened a
    // session per HTTP request, with no token asked, and one keep-alive connection could
    // open thousands a second (663,796 in 45 s, +3 GB). A websocket session takes a TCP
    // connection of its own, which the accept limit counts per address.
    transports: ['websocket'],
    // A session that has not joined with a valid token by then is closed (default 45 s).
    connectTimeout: SOCKET_JOIN_TIMEOUT_MS,
    // Other upgrade paths (Yjs, Next's HMR) are ours to route, not Socket.io's to close.
    destroyUpgrade: false,
  });
  // Engine.io keeps each session's first HTTP request for its lifetime; nothing here reads
  // it after the handshake (the token is in `auth`), and dropping it saves a few KB per
  // connection (Socket.io's "Memory usage" guide; docs/performance.md, scenario 1).
  io.engine.on('connection', (raw: { request: http.IncomingMessage | null }) => {
    const req = raw.request;
    raw.request = null;
    // engine.io's upgrade response object keeps the request for the connection's life (a
    // close listener on the TCP socket holds it): let go of what it carries, which nothing
    // reads after the handshake (found with heap snapshots, docs/performance.md).
    if (req) {
      req.headers = {};
      req.rawHeaders = [];
    }
  });

  // The person's buckets, shared by their connections and kept after them (item 10).
  const { socketEvents, socketRefusals, connects } = limits;
  const rates: SocketRates = new RateBook({ socketEvents, socketRefusals, connects });

  io.use(async (socket, next) => {
    const auth = HandshakeAuth.safeParse(socket.handshake.auth);
    if (!auth.success) return next(new Error(ErrorCode.UNAUTHORIZED));
    if (auth.data.v !== PROTOCOL_VERSION) return next(new Error(ErrorCode.PROTOCOL_MISMATCH));
    // UNAUTHORIZED, or TOKEN_EXPIRED: the client sends the person to join again.
    const checked = tokens.check(auth.data.token);
    if (!checked.ok) return next(new Error(checked.code));
    const { claims } = checked;
    // Before any storage is read: reconnecting in a loop costs a refusal, not a load.
    if (!rates.tryTake(rateHolder(claims.w, claims.p), 'connects', Date.now())) {
      return next(new Error(ErrorCode.RATE_LIMITED));
    }
    try {
      const room = await workshops.room(claims.w);
      if (!room) return next(new Error(ErrorCode.NOT_FOUND));
      const { actor } = room;
      const screen = claims.s === true;
      if (!screen && !actor.participant(claims.p)) {
        // Refused (a removed person's token): the workshop unloads when idle, as after any use.
        room.release();
        return next(new Error(ErrorCode.UNAUTHORIZED));
      }
      socket.data.actor = actor;
      socket.data.room = room;
      socket.data.participantId = claims.p;
      socket.data.screen = screen;
      next();
    } catch (err) {
      // Another node serves the workshop: the client retries, and the balancer sends it there.
      if (err instanceof NotOwnerError) return next(new Error(ErrorCode.NOT_OWNER));
      console.error('[socket] handshake failed', err);
      next(new Error(ErrorCode.STORAGE_FAILED));
    }
  });

  // Listeners are per workshop, so each actor is subscribed once, not once per socket.
  const patchers = new WeakMap<WorkshopActor, StatePatcher>();
  function broadcast(actor: WorkshopActor, change: WorkshopChange): void {
    const patch = patchers.get(actor)?.next(change.state) ?? null;
    publish(io, actor.id, changeMessages(change, patch, actor));
  }

  io.on('connection', (socket) => {
    const { actor, room, participantId, screen } = socket.data;
    // A client that stops reading must not grow engine.io's queue with every broadcast.
    boundEngineQueue(socket.conn, SOCKET_SEND_BUFFER_MAX_BYTES);
    const holder = rateHolder(actor.id, participantId);
    // As on the Yjs channel: a person holds at most this many sessions at once, each of
    // which may queue up to its send bound for a client that stops reading.
    if (rates.openCount(holder) >= CONNECTIONS_PER_PERSON_MAX) {
      sender<'person'>(socket)('protocol:error', {
        code: ErrorCode.RATE_LIMITED,
        message: 'Too many connections',
        event: 'connect',
      });
      room.release();
      return void socket.disconnect(true);
    }
    socket.data.rate = { book: rates, holder, flooded: false };
    rates.opened(holder, Date.now());
    socket.on('disconnect', () => rates.closed(holder));
    if (!patchers.has(actor)) {
      const patcher = new StatePatcher();
      patcher.next(actor.state());
      patchers.set(actor, patcher);
      actor.subscribe((change) => broadcast(actor, change));
    }
    void socket.join(ioRooms.room(actor.id));
    // A screen receives what the room sees; a participant also their own.
    const toRoom = sender<'room'>(socket);
    toRoom('ratings:revealed', { replace: true, ratings: actor.revealedRatings() });
    toRoom('actions:list', actor.actionList());
    // Queued behind pending commands, so a later change's broadcast cannot arrive first.
    actor.voteView(screen ? null : participantId).then(
      ({ mine, results }) => {
        if (mine) sender<'person'>(socket)('votes:mine', mine);
        toRoom('votes:results', results);
      },
      (err: unknown) => console.error('[socket] could not read the votes', err),
    );
    if (screen) {
      // A projector watches the room: the shared state only, never anyone's private view.
      socket.on('disconnect', room.enter({ close: () => socket.conn.close() }));
      toRoom('workshop:state', actor.state());
      // A screen only watches; it may still ask the time, to count the timer down correctly.
      socket.use((packet, _next) => {
        // The acknowledgement is the last argument, wherever that is (as in `dispatch`):
        // found by the fuzz test, a screen's event without a payload, or with extra
        // arguments, got no answer on its callback at all (it waited for its timeout).
        const [event] = packet;
        const ack = packet.at(-1);
        if (event === 'time:sync') return void dispatch(socket, packet);
        if (overLimit(socket, String(event), ack)) return;
        reply(
          socket,
          String(event),
          ack,
          fail(ErrorCode.FORBIDDEN, 'A projector screen cannot act'),
        );
      });
      return;
    }
    const you = actor.you(participantId);
    if (!you) {
      // Nothing below holds the room for this socket then: let it go now.
      room.release();
      return socket.disconnect(true);
    }
    void socket.join(ioRooms.person(actor.id, participantId));
    const toPerson = sender<'room' | 'person'>(socket);
    toPerson('session:you', you);
    toPerson('workshop:state', actor.state());
    toPerson('ratings:mine', actor.myRatings(participantId));
    if (you.role === 'facilitator') {
      void socket.join(ioRooms.facilitators(actor.id));
      sender<'facilitators'>(socket)('facilitator:assignments', actor.assignments());
    }
    // Eviction (the lease passed on) closes the transport: the client reconnects by itself.
    const leave = room.enter({ participantId, close: () => socket.conn.close() });
    socket.use((packet, _next) => {
      void dispatch(socket, packet);
    });
    socket.on('disconnect', leave);
  });

  return io;
}
