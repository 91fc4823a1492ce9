import type http from 'node:http';
import type net from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import * as encoding from 'lib0/encoding';
import type * as Y from 'yjs';
import {
  CONNECTIONS_PER_PERSON_MAX,
  YJS_IDLE_UNLOAD_MS,
  YJS_KEEPALIVE_MS,
  YJS_MESSAGE_MAX_BYTES,
  YJS_SEND_BUFFER_MAX_BYTES,
} from '../../lib/constants';
import { readIdeaIds } from '../../lib/board/board-doc';
import {
  readPath,
  readPersonas,
  readSituations,
  type SituationCard,
} from '../../lib/board/path-doc';
import { RateBook, rateHolder } from '../../lib/domain/rate-book';
import { addressKey } from '../../lib/domain/address-key';
import { type ConnectionLimits, DEFAULT_CONNECTION_LIMITS } from '../../lib/domain/rate-bucket';
import { CloseCode, ErrorCode } from '../../lib/protocol/codes';
import { YJS_PATH_PREFIX } from '../../lib/protocol/events';
import { decodePathPart, type RequestTarget } from '../../lib/protocol/http-request';
import type { PresenceIdentity } from '../../lib/protocol/presence';
import type { TokenSigner } from '../auth';
import { NotOwnerError } from '../cluster/not-owner';
import { clientAddress } from '../http-util';
import { refuseUpgrade } from '../http-entry';
import type { Storage } from '../storage/storage';
import type { DocFacts, WorkshopActor } from '../workshops/actor';
import type { WorkshopRegistry } from '../workshops/registry';
import { Heartbeat } from './heartbeat';
import { boundSendBuffer } from './send-buffer';
import { type Connection, DEFAULT_DOC_LIMITS, type DocLimits, SharedDoc } from './yjs-doc';
import type { Writer } from './yjs-guard';

/** An awareness message with no states: a no-op for the client, but proof of life. */
const KEEPALIVE = (() => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, new Uint8Array([0]));
  return encoding.toUint8Array(e);
})();

export interface YjsEndpointOptions extends Partial<DocLimits> {
  idleUnloadMs?: number;
  /** Heartbeat period; a socket silent for two beats is dropped (tests shorten it). */
  keepaliveMs?: number;
  /** Messages and bytes per connection (`yjsMessages`, `yjsBytes`). */
  rateLimits?: ConnectionLimits;
  /** Unsent bytes a socket may hold before it is closed with SLOW_READER. @default YJS_SEND_BUFFER_MAX_BYTES */
  sendBufferMaxBytes?: number;
  /** Take the caller's address from X-Forwarded-For (behind a proxy). @default false */
  trustProxy?: boolean;
}

/**
 * Messages a client may still send after we closed its connection (it has not seen the
 * close frame yet): they are dropped, and past this many the socket is cut at once.
 */
const IGNORED_AFTER_CLOSE_MAX = 100;

interface Admitted {
  actor: WorkshopActor;
  participantId: string;
  /** A projector screen's token: it reads and never writes. */
  screen: boolean;
}

/** Our Yjs websocket endpoint at `/rt/yjs/:workshopId?token=…`, built on y-protocols. */
export class YjsEndpoint {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: YJS_MESSAGE_MAX_BYTES });
  private readonly docs = new Map<string, SharedDoc>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  private readonly heartbeat: Heartbeat;
  private readonly idleUnloadMs: number;
  private readonly limits: DocLimits;
  /** Messages, bytes and connections per participant or screen (`rateHolder`). */
  private readonly trustProxy: boolean;
  private readonly rates: RateBook<'yjsMessages' | 'yjsBytes' | 'connects'>;
  private readonly sendBufferMaxBytes: number;
  /** Set on shutdown: messages still arriving are ignored (the client resends on reconnect). */
  private closing = false;

  constructor(
    private readonly storage: Storage,
    private readonly registry: WorkshopRegistry,
    private readonly tokens: TokenSigner,
    options: YjsEndpointOptions = {},
  ) {
    const { idleUnloadMs, keepaliveMs, rateLimits, sendBufferMaxBytes, trustProxy, ...limits } =
      options;
    this.trustProxy = trustProxy ?? false;
    this.idleUnloadMs = idleUnloadMs ?? YJS_IDLE_UNLOAD_MS;
    this.sendBufferMaxBytes = sendBufferMaxBytes ?? YJS_SEND_BUFFER_MAX_BYTES;
    const { yjsMessages, yjsBytes, connects } = rateLimits ?? DEFAULT_CONNECTION_LIMITS;
    this.rates = new RateBook({ yjsMessages, yjsBytes, connects });
    this.limits = { ...DEFAULT_DOC_LIMITS };
    for (const [key, value] of Object.entries(limits) as Array<[keyof DocLimits, number]>) {
      if (value !== undefined) this.limits[key] = value;
    }
    this.heartbeat = new Heartbeat(
      () => this.wss.clients,
      keepaliveMs ?? YJS_KEEPALIVE_MS,
      KEEPALIVE,
    );
  }

  /** Documents in memory now (for tests and metrics). */
  get loadedDocs(): number {
    return this.docs.size;
  }

  /**
   * Takes an upgrade the door (`http-entry.ts`) routed here, with its parsed target.
   * Whatever this throws or rejects with is answered there (500 on the raw socket).
   */
  async handleUpgrade(
    req: http.IncomingMessage,
    socket: Duplex,
    head: Buffer,
    target: RequestTarget,
  ): Promise<void> {
    const workshopId = decodePathPart(target.path.slice(YJS_PATH_PREFIX.length + 1));
    if (workshopId === null) {
      return refuseUpgrade(socket, 400, ErrorCode.INVALID_URL, 'Broken %-escape in the path');
    }
    const result = await this.authorise(workshopId, target.query.get('token') ?? '');
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      // A refused client gets an accepted socket closed with a 44xx code: an HTTP
      // error status would make y-websocket retry forever.
      if (typeof result === 'number') return ws.close(result, 'refused');
      boundSendBuffer(ws, this.sendBufferMaxBytes);
      this.heartbeat.add(ws, socket as net.Socket);
      this.accept(ws, workshopId, result, addressKey(clientAddress(req, this.trustProxy)));
    });
  }

  private async authorise(workshopId: string, token: string): Promise<number | Admitted> {
    const checked = this.tokens.check(token);
    if (!checked.ok) {
      return checked.code === ErrorCode.TOKEN_EXPIRED
        ? CloseCode.TOKEN_EXPIRED
        : CloseCode.UNAUTHORIZED;
    }
    const { claims } = checked;
    if (claims.w !== workshopId) return CloseCode.FORBIDDEN;
    // Reconnecting in a loop (after each 1013, say) is limited per person too, before
    // anything is loaded for the connection.
    if (!this.rates.tryTake(rateHolder(workshopId, claims.p), 'connects', Date.now())) {
      return CloseCode.RATE_LIMITED;
    }
    let actor: WorkshopActor | null;
    try {
      actor = await this.registry.get(workshopId);
    } catch (err) {
      if (err instanceof NotOwnerError) return CloseCode.NOT_OWNER;
      // The workshop could not be read: a transient 4500, so the client retries.
      console.error(`[yjs ${workshopId}] could not load the workshop`, err);
      return CloseCode.STORAGE_FAILED;
    }
    if (!actor) return CloseCode.NOT_FOUND;
    if (claims.s) return { actor, participantId: claims.p, screen: true };
    const participant = actor.participant(claims.p);
    if (!participant) return CloseCode.UNAUTHORIZED;
    return { actor, participantId: participant.id, screen: false };
  }

  private accept(
    ws: WebSocket,
    workshopId: string,
    { actor, participantId, screen }: Admitted,
    address: string,
  ): void {
    // The person's buckets, shared by their connections and kept after them (item 10).
    const holder = rateHolder(workshopId, participantId);
    // Counted here, where a connection is admitted in one step: several opened at once
    // cannot all pass a check made before they were counted.
    if (this.rates.openCount(holder) >= CONNECTIONS_PER_PERSON_MAX) {
      this.registry.release(actor);
      return ws.close(CloseCode.RATE_LIMITED, 'too many connections');
    }
    this.rates.opened(holder, Date.now());
    const shared = this.docFor(workshopId);
    // The connection keeps the actor loaded, so the rights it reads stay the live ones.
    actor.docConnected();
    const writer = (): Writer => ({
      participantId,
      role: screen ? null : (actor.participant(participantId)?.role ?? null),
      boardLocked: actor.control.boardLocked,
    });
    const identity = (): PresenceIdentity | null => {
      const who = screen ? undefined : actor.participant(participantId);
      if (!who || who.removedAt !== null) return null;
      return { name: who.name, role: who.role, anonymous: actor.control.anonymous };
    };
    const conn: Connection = {
      ws,
      participantId,
      writer,
      clientIds: new Set(),
      identity,
      address,
    };
    shared.conns.set(ws, conn);
    const early: Uint8Array[] = [];
    let ready = false;
    let ignored = 0;

    const handle = (data: Uint8Array) => {
      if (this.closing) return;
      try {
        shared.receive(conn, data);
      } catch {
        ws.close(CloseCode.PROTOCOL_ERROR, 'malformed message');
      }
    };
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      // Closed by us (bad input, rate, rights): what is still in flight is not applied.
      if (ws.readyState !== ws.OPEN) {
        if (++ignored > IGNORED_AFTER_CLOSE_MAX) ws.terminate();
        return;
      }
      // The rate is checked first, before any decoding: messages, and bytes. Over it the
      // connection closes with 1013 (try again later); the client keeps its edits.
      const now = Date.now();
      if (
        !this.rates.tryTake(holder, 'yjsMessages', now) ||
        !this.rates.tryTake(holder, 'yjsBytes', now, data.byteLength)
      ) {
        return ws.close(CloseCode.RATE_LIMITED, 'rate limited');
      }
      if (!isBinary) return ws.close(CloseCode.PROTOCOL_ERROR, 'binary messages only');
      const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      if (ready) handle(bytes);
      else early.push(bytes);
    });
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      this.rates.closed(holder);
      shared.remove(conn);
      actor.docDisconnected();
      this.registry.release(actor);
      if (shared.conns.size === 0) this.scheduleUnload(shared);
    });

    shared.ready.then(
      () => {
        ready = true;
        shared.greet(conn);
        for (const data of early.splice(0)) handle(data);
      },
      (err) => {
        console.error(`[yjs ${workshopId}] could not load`, err);
        ws.close(CloseCode.STORAGE_FAILED, 'could not load');
      },
    );
  }

  /**
   * Steps (with what ranks moments of truth) and dealable ids, read from the document (loaded for the purpose if need
   * be). The ideas are read only when first asked for: few commands need them, and
   * reading every note of a big board on every command was ~6 % of the server's time
   * under load.
   */
  async facts(workshopId: string): Promise<DocFacts> {
    const shared = this.docFor(workshopId);
    try {
      await shared.ready;
      const { doc } = shared;
      let ideaIds: string[] | undefined;
      const path = readPath(doc);
      return {
        stepIds: path.map((s) => s.id),
        steps: path.map(({ id, critical, targetFeeling }) => ({ id, critical, targetFeeling })),
        personaIds: readPersonas(doc).map((p) => p.id),
        ...dealable(readSituations(doc)),
        get ideaIds() {
          return (ideaIds ??= readIdeaIds(doc));
        },
      };
    } finally {
      if (shared.conns.size === 0) this.scheduleUnload(shared);
    }
  }

  /** Reads the document with `read` (loaded for the purpose if need be, like `facts`). */
  async readDoc<T>(workshopId: string, read: (doc: Y.Doc) => T): Promise<T> {
    const shared = this.docFor(workshopId);
    try {
      await shared.ready;
      return read(shared.doc);
    } finally {
      if (shared.conns.size === 0) this.scheduleUnload(shared);
    }
  }

  /**
   * A person's rights changed: close their document connections. A removed person gets
   * 4401 (do not retry); anyone else 4100 (RIGHTS_CHANGED), and reconnects with the new rights.
   */
  participantChanged(workshopId: string, participantId: string, removed: boolean): void {
    const shared = this.docs.get(workshopId);
    if (!shared) return;
    for (const conn of shared.conns.values()) {
      if (conn.participantId !== participantId) continue;
      conn.ws.close(removed ? CloseCode.UNAUTHORIZED : CloseCode.RIGHTS_CHANGED, 'rights changed');
    }
  }

  private docFor(workshopId: string): SharedDoc {
    clearTimeout(this.unloadTimers.get(workshopId));
    this.unloadTimers.delete(workshopId);
    let shared = this.docs.get(workshopId);
    if (!shared) {
      shared = new SharedDoc(workshopId, this.storage, (failed) => this.drop(failed), this.limits);
      this.docs.set(workshopId, shared);
    }
    return shared;
  }

  private scheduleUnload(shared: SharedDoc): void {
    // A copy dropped after a storage failure must not cancel its successor's unload.
    if (this.docs.get(shared.workshopId) !== shared) return;
    clearTimeout(this.unloadTimers.get(shared.workshopId));
    const timer = setTimeout(() => {
      this.unloadTimers.delete(shared.workshopId);
      void shared.flush(true).then(() => {
        if (shared.conns.size === 0 && this.docs.get(shared.workshopId) === shared)
          this.drop(shared);
      });
    }, this.idleUnloadMs);
    timer.unref();
    this.unloadTimers.set(shared.workshopId, timer);
  }

  private drop(shared: SharedDoc): void {
    if (this.docs.get(shared.workshopId) === shared) this.docs.delete(shared.workshopId);
    shared.destroy();
  }

  /**
   * This node no longer serves the workshop (several nodes: its lease passed on). Its
   * connections close with 4503 and reconnect to the node that serves it now, where their
   * document syncs again; the copy here is dropped without storing (its updates are stored
   * already, or fenced off, and every client still holds its own).
   */
  evict(workshopId: string): void {
    const shared = this.docs.get(workshopId);
    if (!shared) return;
    clearTimeout(this.unloadTimers.get(workshopId));
    this.unloadTimers.delete(workshopId);
    for (const conn of shared.conns.values()) conn.ws.close(CloseCode.NOT_OWNER, 'moved');
    this.drop(shared);
  }

  /** Shutdown: close every socket with SERVER_SHUTDOWN, then store and compact every doc. */
  async close(): Promise<void> {
    this.closing = true;
    this.heartbeat.stop();
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    for (const ws of this.wss.clients) ws.close(CloseCode.SERVER_SHUTDOWN, 'server shutdown');
    await Promise.all([...this.docs.values()].map((d) => d.flush(true)));
    for (const d of [...this.docs.values()]) this.drop(d);
    this.wss.close();
  }
}

/** The deck's cards, with the personas each does not fit. */
function dealable(cards: SituationCard[]): Pick<DocFacts, 'cardIds' | 'notFor'> {
  return {
    cardIds: cards.map((c) => c.id),
    notFor: Object.fromEntries(cards.map((c) => [c.id, c.notFor ?? []])),
  };
}
