import type { Rating } from '../../lib/domain/ratings';
import type { ControlState, Participant, WorkshopInfo } from '../../lib/domain/workshop';

/** A workshop as stored: public facts, the facilitator key's hash, and control state. */
export interface WorkshopRecord extends WorkshopInfo {
  /**
   * The run series: workshops run again on the same path share it (and the facilitator
   * key). A workshop that is nobody's re-run begins its own: its id.
   */
  seriesId: string;
  facilitatorKeyHash: string;
  control: ControlState;
}

/** One participant's feeling at one step in one round: the rating, whole (lib/domain/ratings.ts). */
export type RatingRecord = Rating;

/** One participant's warm-up answers (0–10 each). */
export interface WarmupRecord {
  workshopId: string;
  participantId: string;
  workplace: number;
  customers: number;
  updatedAt: number;
}

export interface VoteRecord {
  workshopId: string;
  participantId: string;
  ideaId: string;
  dots: number;
}

export interface ActionRecord {
  id: string;
  workshopId: string;
  text: string;
  owner: string | null;
  department: string | null;
  dueDate: string | null;
  stepId: string | null;
  ideaId: string | null;
  /** The participant who created it (null: only facilitators edit it). */
  createdBy: string | null;
  createdAt: number;
}

/** The stored Yjs state: one compacted snapshot (maybe none) and the updates after it. */
export interface DocLog {
  updates: Uint8Array[];
  /** Sequence number of the last update read; pass it to compactDoc. */
  lastSeq: number;
  /** Total bytes of `updates`. */
  bytes: number;
}

/** A Yjs client id of a workshop's document, and the participant who first used it. */
export interface DocClientClaim {
  clientId: number;
  participantId: string;
}

/** A client id claim that another participant holds already. Nothing was written. */
export class ClientClaimedError extends Error {
  readonly code = 'CLIENT_CLAIMED';
  constructor(
    readonly workshopId: string,
    readonly clientId: number,
  ) {
    super(`Client id ${clientId} of workshop ${workshopId} is another participant's`);
    this.name = 'ClientClaimedError';
  }
}

/**
 * Everything the server keeps. Every method resolves only once the data is durable, so
 * callers acknowledge to clients after `await`. Implementations: SQLite (embedded) and,
 * later, Postgres; the contract suite in tests/storage runs against each.
 */
export interface Storage {
  createWorkshop(record: WorkshopRecord): Promise<void>;
  getWorkshop(id: string): Promise<WorkshopRecord | null>;
  findWorkshopByCode(joinCode: string): Promise<WorkshopRecord | null>;
  /** Every workshop of a run series, oldest first (same millisecond: in creation order). */
  listSeries(seriesId: string): Promise<WorkshopRecord[]>;
  /** Stores the control state only if `state.revision` is newer than what is stored. */
  saveControl(workshopId: string, state: ControlState): Promise<void>;

  addParticipant(participant: Participant): Promise<void>;
  /** Stores a participant's changed fields (name, role, lens, persona, card, removal). */
  updateParticipant(participant: Participant): Promise<void>;
  /** Stores several participants' changes together: all of them, or (on failure) none. */
  updateParticipants(participants: Participant[]): Promise<void>;
  /** In join order; people who joined in the same millisecond in the order they were added. */
  listParticipants(workshopId: string): Promise<Participant[]>;

  /** Stores or replaces a participant's warm-up answers. */
  putWarmupAnswer(answer: WarmupRecord): Promise<void>;
  listWarmupAnswers(workshopId: string): Promise<WarmupRecord[]>;

  putRating(rating: RatingRecord): Promise<void>;
  listRatings(workshopId: string): Promise<RatingRecord[]>;
  putVote(vote: VoteRecord): Promise<void>;
  listVotes(workshopId: string): Promise<VoteRecord[]>;
  /** Creates an action, or updates its fields (never its workshop, creator or creation time). */
  putAction(action: ActionRecord): Promise<void>;
  listActions(workshopId: string): Promise<ActionRecord[]>;
  /** Deletes an action of that workshop; deleting one that does not exist is no error. */
  deleteAction(workshopId: string, id: string): Promise<void>;

  appendDocUpdate(workshopId: string, update: Uint8Array): Promise<void>;
  loadDoc(workshopId: string): Promise<DocLog>;
  /** Replaces updates up to `upToSeq` with `snapshot`, atomically. */
  compactDoc(workshopId: string, snapshot: Uint8Array, upToSeq: number): Promise<void>;

  /**
   * Records that `participantId` owns these Yjs client ids in the workshop's document
   * (docs/protocol.md, "Yjs client ids"). Ids it owns already change nothing; should
   * another participant own one, the write fails with ClientClaimedError and stores none
   * of them. Written through the same ordered, fenced path as the workshop's other writes.
   */
  claimDocClients(workshopId: string, participantId: string, clientIds: number[]): Promise<void>;
  /** Every claimed client id of the workshop's document, in the order they were claimed. */
  listDocClients(workshopId: string): Promise<DocClientClaim[]>;

  /** Answers once the store can be read (for GET /readyz); rejects when it cannot. */
  ping?(): Promise<void>;

  close(): Promise<void>;
}

/**
 * Where a node's writes get their fencing number (several nodes, issue 11): the number
 * carried by this node's lease on the workshop, or 0 where it holds none. Postgres
 * storage writes a workshop's records only while the workshop's stored fence equals it,
 * so a node whose lease has passed to another can no longer write. A workshop nobody has
 * claimed yet has fence 0: the node that creates it stores its first records.
 */
export interface Fencing {
  fenceFor(workshopId: string): number;
  /** Told when a write was refused: the stored fence has moved past this node's. */
  fenced?(workshopId: string): void;
}

/** A write refused by fencing: another node owns the workshop now. Nothing was written. */
export class FencedError extends Error {
  readonly code = 'FENCED';
  constructor(
    readonly workshopId: string,
    readonly expected: number,
    readonly stored: number,
  ) {
    super(`Workshop ${workshopId} is fenced at ${stored}; this node holds ${expected}`);
    this.name = 'FencedError';
  }
}
