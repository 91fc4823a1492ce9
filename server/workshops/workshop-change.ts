import type { ActionItem } from '../../lib/domain/actions';
import type { Deck } from '../../lib/domain/people';
import type { RevealedRating } from '../../lib/domain/ratings';
import type { Participant, WorkshopState } from '../../lib/domain/workshop';
import { ErrorCode } from '../../lib/protocol/codes';
import type { VoteNews } from './vote-book';

/** What the actor needs to know of the workshop's Y.Doc (read by the Yjs endpoint). */
export interface DocFacts extends Deck {
  /** The path's step ids, in order. */
  stepIds: string[];
  /** The path's steps, in order, with what ranks them as moments of truth. */
  steps: Array<{ id: string; critical: boolean; targetFeeling: string }>;
  /** Ideas (notes in the ideas lane), in the order they were created. */
  ideaIds: string[];
}
export type ReadDocFacts = (workshopId: string) => Promise<DocFacts>;

/** What every listener hears after a change (socket-server.ts sends each part to its audience). */
export interface WorkshopChange {
  state: WorkshopState;
  /** People whose own view (role, lens, persona, card, removal) changed. */
  changedPeople: Participant[];
  /** Of those, the ones whose rights changed: a new role, or removal. */
  rightsChanged: Participant[];
  /** A participant whose own ratings changed (they get theirs again). */
  ratedBy: string | null;
  /** Revealed ratings that changed, for everyone. */
  revealedUpdate: RevealedRating[];
  /** What is revealed changed as a whole (a reveal, or stricter anonymity): send it all again. */
  revealedReplace: boolean;
  /** Own votes to their owners; results to everyone (or null to hide them), if any. */
  votesMine: VoteNews['votesMine'];
  voteResults: VoteNews['voteResults'];
  /** The whole action list, when it changed. */
  actions: ActionItem[] | null;
}

/** What a change tells beyond the new state; the rest are "nothing". */
export type News = Partial<Omit<WorkshopChange, 'state'>>;

/** The change to `state` that tells `news` and nothing else. */
export function changeOf(state: WorkshopState, news: News = {}): WorkshopChange {
  return {
    state,
    changedPeople: [],
    rightsChanged: [],
    ratedBy: null,
    revealedUpdate: [],
    revealedReplace: false,
    votesMine: [],
    voteResults: undefined,
    actions: null,
    ...news,
  };
}

export type Refusal = { ok: false; code: ErrorCode; message: string };

export const UNKNOWN_PARTICIPANT: Refusal = {
  ok: false,
  code: ErrorCode.UNAUTHORIZED,
  message: 'Unknown participant',
};

export const STORAGE_FAILED: Refusal = {
  ok: false,
  code: ErrorCode.STORAGE_FAILED,
  message: 'The change was not saved',
};

/** How a request ended, as its acknowledgement says it. */
export type Outcome = { ok: true; data?: unknown } | Refusal;

/**
 * An accepted request, not yet stored: one write, then what it changes in memory (only
 * once stored) and what that tells whom.
 */
export interface Accepted {
  ok: true;
  /** For the log: "could not store <what>". */
  what: string;
  write: () => Promise<void>;
  adopt: () => News;
  /** Answered on the acknowledgement (e.g. a new action's id). */
  data?: unknown;
}

/** A request decided: refused, or accepted with what to store. */
export type Decision = Refusal | Accepted;

export function accepted(what: string, write: () => Promise<void>, adopt: () => News): Accepted {
  return { ok: true, what, write, adopt };
}
