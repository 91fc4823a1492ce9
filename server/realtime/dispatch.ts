import type { Socket } from 'socket.io';
import { EVENT_PAYLOAD_MAX_BYTES } from '../../lib/constants';
import type { RateBook } from '../../lib/domain/rate-book';
import { ErrorCode } from '../../lib/protocol/codes';
import { CATALOGUE, type WorkshopRequest } from '../../lib/protocol/catalogue';
import {
  type Ack,
  type AckFn,
  type ClientEventName,
  type ClientToServerEvents,
  clientEventSchemas,
  isClientEventName,
  type ServerToClientEvents,
} from '../../lib/protocol/events';
import type { WorkshopActor } from '../workshops/actor';
import type { WorkshopRoom } from '../workshops/room';
import { sender } from './publish';

/**
 * The generic road of every client event (Socket.io): rate, name, size and payload are
 * checked at the door, then the catalogue (lib/protocol/catalogue.ts) says what the event
 * asks of the workshop, and the actor runs it. Nothing here is per event.
 */

export interface SocketData {
  /** The participant, or for a projector screen its own id (which no command accepts). */
  participantId: string;
  screen: boolean;
  actor: WorkshopActor;
  /** The workshop's room on this node: the connection is counted there while open. */
  room: WorkshopRoom;
  /**
   * Whose event and refusal buckets this connection takes from (the person's, shared by
   * their connections: `rateHolder`), and whether it was cut for flooding.
   */
  rate: { book: SocketRates; holder: string; flooded: boolean };
}
export type SocketRates = RateBook<'socketEvents' | 'socketRefusals' | 'connects'>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, object, SocketData>;

export function fail(code: ErrorCode, message: string): Ack<unknown> {
  return { ok: false, error: { code, message } };
}

/**
 * Runs a valid event: what the catalogue says it asks of the workshop, for this
 * connection's participant. Only `time:sync` is answered here, without the workshop.
 */
async function run(
  socket: AppSocket,
  name: ClientEventName,
  payload: unknown,
): Promise<Ack<unknown>> {
  const toRequest = CATALOGUE[name].run as (payload: unknown) => WorkshopRequest;
  const request = toRequest(payload);
  if (request.type === 'time.sync') return { ok: true, data: { serverNow: Date.now() } };
  const outcome = await socket.data.actor.run(socket.data.participantId, request);
  if (!outcome.ok) return fail(outcome.code, outcome.message);
  return outcome.data === undefined ? { ok: true } : { ok: true, data: outcome.data };
}

/** Answers on the ack if the client gave one, else on `protocol:error`. */
export function reply(socket: AppSocket, event: string, ack: unknown, result: Ack<unknown>): void {
  if (typeof ack === 'function') (ack as AckFn)(result);
  else if (!result.ok) sender<'person'>(socket)('protocol:error', { ...result.error, event });
}

function payloadBytes(payload: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(payload) ?? '');
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/**
 * The connection's event rate, checked before anything else about an event (parsing costs
 * too). Over the limit the event is answered RATE_LIMITED and not run. A connection that
 * floods on regardless, past its refusal allowance, is told once on `protocol:error` and
 * its transport is closed: the client sees "transport close" and reconnects after
 * Socket.io's delay, to the same buckets (they are the person's, kept across reconnects).
 */
export function overLimit(socket: AppSocket, name: string, ack: unknown): boolean {
  const { book, holder, ...rate } = socket.data.rate;
  const now = Date.now();
  if (book.tryTake(holder, 'socketEvents', now)) return false;
  if (book.tryTake(holder, 'socketRefusals', now)) {
    reply(socket, name, ack, fail(ErrorCode.RATE_LIMITED, 'Too many events; slow down'));
  } else if (!rate.flooded) {
    socket.data.rate.flooded = true;
    const message = 'Too many events; disconnected';
    sender<'person'>(socket)('protocol:error', {
      code: ErrorCode.RATE_LIMITED,
      message,
      event: name,
    });
    socket.conn.close();
  }
  return true;
}

/**
 * Handles one incoming packet: rate, name, size and payload are checked here, at the
 * boundary, before any handler runs. Everything that fails gets a named error.
 */
export async function dispatch(socket: AppSocket, args: unknown[]): Promise<void> {
  const [event, payload] = args;
  const name = typeof event === 'string' ? event : String(event);
  const lastArg = args.at(-1);
  const ackFn = typeof lastArg === 'function' ? lastArg : null;
  if (overLimit(socket, name, ackFn)) return;
  if (!isClientEventName(name)) {
    return reply(socket, name, ackFn, fail(ErrorCode.UNKNOWN_EVENT, `Unknown event ${name}`));
  }
  // Exactly one payload, then optionally the acknowledgement: nothing may ride along.
  if (args.length !== (ackFn ? 3 : 2)) {
    return reply(socket, name, ackFn, fail(ErrorCode.INVALID_PAYLOAD, 'Expected one payload'));
  }
  if (payloadBytes(payload) > EVENT_PAYLOAD_MAX_BYTES) {
    return reply(socket, name, ackFn, fail(ErrorCode.PAYLOAD_TOO_LARGE, 'Payload too large'));
  }
  const parsed = clientEventSchemas[name].safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'payload';
    return reply(
      socket,
      name,
      ackFn,
      fail(ErrorCode.INVALID_PAYLOAD, `${where}: ${issue?.message}`),
    );
  }
  let result: Ack<unknown>;
  try {
    result = await run(socket, name, parsed.data);
  } catch (err) {
    console.error(`[socket] handler ${name} failed`, err);
    result = fail(ErrorCode.INTERNAL, 'Internal error');
  }
  reply(socket, name, ackFn, result);
}
