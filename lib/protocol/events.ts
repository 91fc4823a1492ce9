import type { z } from 'zod';
import type { ActionItem } from '../domain/actions';
import type { MyRating, RevealedRating } from '../domain/ratings';
import type { MyVotes, VoteResults } from '../domain/votes';
import type { Assignment, WorkshopState, You } from '../domain/workshop';
import type { ErrorCode } from './codes';
import type { WorkshopPatch } from './state-patch';
import { CATALOGUE, type Catalogue, type ClientEventName } from './catalogue';

/**
 * Bumped on every incompatible change; the server refuses other versions. 3: the roster
 * in `workshop:patch` is a `RosterPatch` (entries by id), no longer the whole list.
 */
export const PROTOCOL_VERSION = 3;

/** Socket.io path, and the Yjs endpoint's prefix (`/rt/yjs/:workshopId`). */
export const SOCKET_IO_PATH = '/rt/io';
export const YJS_PATH_PREFIX = '/rt/yjs';

export type { ClientEventName } from './catalogue';

/**
 * Client → server events, each with the zod schema of its payload (from the catalogue,
 * `catalogue.ts`). The server validates every payload against this table before any
 * handler sees it.
 */
export const clientEventSchemas = Object.fromEntries(
  Object.entries(CATALOGUE).map(([name, definition]) => [name, definition.payload]),
) as { readonly [E in ClientEventName]: Catalogue[E]['payload'] };
export type ClientPayload<E extends ClientEventName> = z.infer<(typeof clientEventSchemas)[E]>;

export function isClientEventName(name: string): name is ClientEventName {
  return Object.hasOwn(clientEventSchemas, name);
}

export interface AckError {
  code: ErrorCode;
  message: string;
}
/** Every client event is acknowledged with this: success, or a named error. */
export type Ack<T = undefined> = { ok: true; data?: T } | { ok: false; error: AckError };
export type AckFn = (result: Ack<unknown>) => void;

export type ClientToServerEvents = {
  [E in ClientEventName]: (payload: ClientPayload<E>, ack: AckFn) => void;
};

export interface ServerToClientEvents {
  /** Who this connection is; sent once on every (re)connect, before the first state. */
  'session:you': (you: You) => void;
  /** The whole shared workshop state; sent on every (re)connect. */
  'workshop:state': (state: WorkshopState) => void;
  /** After every change: the sections of the state that changed (`applyPatch`). */
  'workshop:patch': (patch: WorkshopPatch) => void;
  /** Facilitators only: every participant's dealt persona and card, by participant id. */
  'facilitator:assignments': (assignments: Record<string, Assignment>) => void;
  /** This person's own ratings, all of them; sent on connect and after each of theirs. */
  'ratings:mine': (ratings: MyRating[]) => void;
  /**
   * Ratings of revealed steps. `replace`: this is the whole set (on connect, a reveal, or
   * stricter anonymity); otherwise these replace earlier ones with the same key.
   */
  'ratings:revealed': (update: { replace: boolean; ratings: RevealedRating[] }) => void;
  /** This person's own dots and how many they have left; on connect and after each change. */
  'votes:mine': (mine: MyVotes) => void;
  /**
   * The ranked ideas, to everyone, only while votes are not hidden or once voting is
   * closed; `null` means hidden (on connect, and when results stop being visible).
   */
  'votes:results': (results: VoteResults | null) => void;
  /** Every action of the workshop, oldest first; on connect and after each change. */
  'actions:list': (actions: ActionItem[]) => void;
  /** The facilitator removed this person; the connection closes next and must not retry. */
  'session:removed': () => void;
  /** A rejected event that had no acknowledgement callback to answer on. */
  'protocol:error': (error: AckError & { event: string }) => void;
}
