import type http from 'node:http';
import type net from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import * as encoding from 'lib0/encoding';
import {
  CONNECTIONS_PER_PERSON_MAX,
  YJS_KEEPALIVE_MS,
  YJS_MESSAGE_MAX_BYTES,
  YJS_SEND_BUFFER_MAX_BYTES,
} from '../../lib/constants';
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
import type { WorkshopRoom } from '../workshops/room';
import type { WorkshopRooms } from '../workshops/rooms';
import { Heartbeat } from './heartbeat';
import { boundSendBuffer } from './send-buffer';
import type { Connection } from './yjs-connection';
import type { Writer } from './yjs-guard';

/** An awareness message with no states: a no-op for the client, but proof of life. */
const KEEPALIVE = (() => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, new Uint8Array([0]));
  return encoding.toUint8Array(e);
})();

export interface YjsEndpointOptions {
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
  room: WorkshopRoom;
  participantId: string;
  /** A projector screen's token: it reads and never writes. */
  screen: boolean;
}

/**
 * Our Yjs websocket endpoint at `/rt/yjs/:workshopId?token=…`, built on y-protocols: it
 * admits a socket (token, rates) to its workshop's room, whose document it talks to.
 */
export class YjsEndpoint {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: YJS_MESSAGE_MAX_BYTES });
  private readonly heartbeat: Heartbeat;
  /** Messages, bytes and connections per participant or screen (`rateHolder`). */
  private readonly trustProxy: boolean;
  private readonly rates: RateBook<'yjsMessages' | 'yjsBytes' | 'connects'>;
  private readonly sendBufferMaxBytes: number;
  /** Set on shutdown: messages still arriving are ignored (the client resends on reconnect). */
  private closing = false;

  constructor(
    private readonly rooms: WorkshopRooms,
    private readonly tokens: TokenSigner,
    options: YjsEndpointOptions = {},
  ) {
    const { keepaliveMs, rateLimits, sendBufferMaxBytes, trustProxy } = options;
    this.trustProxy = trustProxy ?? false;
    this.sendBufferMaxBytes = sendBufferMaxBytes ?? YJS_SEND_BUFFER_MAX_BYTES;
    const { yjsMessages, yjsBytes, connects } = rateLimits ?? DEFAULT_CONNECTION_LIMITS;
    this.rates = new RateBook({ yjsMessages, yjsBytes, connects });
    this.heartbeat = new Heartbeat(
      () => this.wss.clients,
      keepaliveMs ?? YJS_KEEPALIVE_MS,
      KEEPALIVE,
    );
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
    // `ws` answers a malformed upgrade (no Sec-WebSocket-Key, say) or a client already
    // gone with an error, never calling back: the room admitted for it is let go then.
    let accepted = false;
    if (typeof result !== 'number') {
      socket.once('close', () => accepted || result.room.release());
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      accepted = true;
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
    let room: WorkshopRoom | null;
    try {
      room = await this.rooms.room(workshopId);
    } catch (err) {
      if (err instanceof NotOwnerError) return CloseCode.NOT_OWNER;
      // The workshop could not be read: a transient 4500, so the client retries.
      console.error(`[yjs ${workshopId}] could not load the workshop`, err);
      return CloseCode.STORAGE_FAILED;
    }
    if (!room) return CloseCode.NOT_FOUND;
    if (claims.s) return { room, participantId: claims.p, screen: true };
    const participant = room.actor.participant(claims.p);
    if (!participant) {
      // Refused (a removed person's token): the workshop unloads when idle, as after any use.
      room.release();
      return CloseCode.UNAUTHORIZED;
    }
    return { room, participantId: participant.id, screen: false };
  }

  private accept(
    ws: WebSocket,
    workshopId: string,
    { room, participantId, screen }: Admitted,
    address: string,
  ): void {
    // The person's buckets, shared by their connections and kept after them (item 10).
    const holder = rateHolder(workshopId, participantId);
    // Counted here, where a connection is admitted in one step: several opened at once
    // cannot all pass a check made before they were counted.
    if (this.rates.openCount(holder) >= CONNECTIONS_PER_PERSON_MAX) {
      room.release();
      return ws.close(CloseCode.RATE_LIMITED, 'too many connections');
    }
    this.rates.opened(holder, Date.now());
    // The connection keeps the room loaded, so the rights it reads stay the live ones.
    const leave = room.enter({ close: () => ws.close(CloseCode.NOT_OWNER, 'moved') });
    ws.on('close', () => {
      this.rates.closed(holder);
      leave();
    });
    if (room.closed) return;
    const { actor } = room;
    const shared = room.doc.open();
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
    ws.on('close', () => room.doc.left(shared, conn));

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
   * Shutdown: every socket closes with SERVER_SHUTDOWN, and messages still arriving are
   * ignored. The rooms then store and compact their documents (`WorkshopRooms.close`).
   */
  close(): void {
    this.closing = true;
    this.heartbeat.stop();
    for (const ws of this.wss.clients) ws.close(CloseCode.SERVER_SHUTDOWN, 'server shutdown');
    this.wss.close();
  }
}
