import type { ActionItem } from '../../lib/domain/actions';
import type { MyRating, RevealedRating } from '../../lib/domain/ratings';
import type { Role } from '../../lib/domain/roles';
import { expireIfDue } from '../../lib/domain/timer';
import type { MyVotes, VoteResults } from '../../lib/domain/votes';
import type {
  Assignment,
  ControlState,
  Participant,
  WorkshopState,
  You,
} from '../../lib/domain/workshop';
import { MAX_PARTICIPANTS_DEFAULT } from '../../lib/constants';
import { newId } from '../auth';
import type { Storage } from '../storage/storage';
import { Connections } from './connections';
import { type ActorRequest, decide, decideJoin, type Held } from './decide';
import { ExpiryClock } from './expiry-clock';
import {
  type Accepted,
  accepted,
  changeOf,
  type News,
  type Outcome,
  type ReadDocFacts,
  type Refusal,
  STORAGE_FAILED,
  UNKNOWN_PARTICIPANT,
  type WorkshopChange,
} from './workshop-change';
import { WorkshopMemory } from './workshop-memory';

// Where the rest of the server has always found them.
export type { ReadDocFacts, WorkshopChange } from './workshop-change';

type Listener = (change: WorkshopChange) => void;

/**
 * One live workshop in memory: the authoritative state, changed only through pure
 * functions from lib/, stored before anyone hears of the change. Requests run one at a
 * time, in arrival order, all on one road (`run`): the current participant → the
 * decision (`decide.ts`, rules from lib/) → the store (`commit`) → the news (`emit`).
 */
export class WorkshopActor {
  private readonly connections = new Connections();
  private readonly listeners = new Set<Listener>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly expiry = new ExpiryClock(() => void this.serial(() => this.expireTimer()));

  private constructor(
    private readonly memory: WorkshopMemory,
    private readonly storage: Storage,
    private readonly readDocFacts: ReadDocFacts,
  ) {}

  /** `readOnly`: a copy for reading only (another node serves it): its timer is left alone. */
  static async load(
    storage: Storage,
    id: string,
    readDocFacts: ReadDocFacts,
    { readOnly = false } = {},
  ): Promise<WorkshopActor | null> {
    const memory = await WorkshopMemory.load(storage, id);
    if (!memory) return null;
    const actor = new WorkshopActor(memory, storage, readDocFacts);
    // A timer that ran out while the server was down is expired now; a running one resumes.
    if (!readOnly) await actor.expireTimer();
    return actor;
  }

  get id(): string {
    return this.memory.record.id;
  }

  get facilitatorKeyHash(): string {
    return this.memory.record.facilitatorKeyHash;
  }

  /** The control state alone (cheap; the Yjs endpoint reads the board lock per update). */
  get control(): ControlState {
    return this.memory.record.control;
  }

  /**
   * Everyone who ever joined, removed people too: a removed person's notes stay on the
   * board, signed with their name and role (lib/board/authors.ts).
   */
  roster(): ReadonlyMap<string, Pick<Participant, 'name' | 'role'>> {
    return this.memory.participants;
  }

  /** A current (not removed) participant. */
  participant(id: string): Participant | undefined {
    return this.memory.participant(id);
  }

  you(id: string): You | null {
    return this.memory.you(id);
  }

  /** Every current participant's persona and card: for facilitators' eyes only. */
  assignments(): Record<string, Assignment> {
    return this.memory.assignments();
  }

  state(): WorkshopState {
    return this.memory.state((id) => this.connections.isOnline(id));
  }

  myRatings(participantId: string): MyRating[] {
    return this.memory.ratings.mine(participantId);
  }

  /** Everything revealed so far, as everyone may see it. */
  revealedRatings(): RevealedRating[] {
    return this.memory.ratings.revealed(this.control, this.memory.participants);
  }

  /** A person's own votes (null for a screen) and the results if visible; in command order. */
  voteView(
    participantId: string | null,
  ): Promise<{ mine: MyVotes | null; results: VoteResults | null }> {
    return this.serial(async () => {
      const { ideaIds } = await this.readDocFacts(this.id);
      return this.memory.votes.view(participantId, this.control.votes, ideaIds);
    });
  }

  actionList(): ActionItem[] {
    return this.memory.actions.list();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Adds a person, unless the workshop is full (`seatRefusal`); resolves once they are
   * stored (a failed write rejects, and the HTTP layer answers it). Joins are applied one
   * at a time, so concurrent ones cannot pass the cap.
   */
  join(
    name: string,
    role: Role,
    maxParticipants = MAX_PARTICIPANTS_DEFAULT,
  ): Promise<{ ok: true; participant: Participant } | Refusal> {
    return this.serial(async () => {
      const seat = { id: newId(), name, role, maxParticipants, now: Date.now() };
      const decision = decideJoin(this.memory, this.storage, seat);
      if (!decision.ok) return decision;
      // Not `commit`: a failed write rejects, and the HTTP layer answers it (503).
      await decision.write();
      this.emit(decision.adopt());
      return { ok: true as const, participant: decision.data as Participant };
    });
  }

  /**
   * Runs one request of a participant (the catalogue's `WorkshopRequest`): in turn, for a
   * current participant only, decided on what is held now, stored before anyone hears.
   */
  run(participantId: string, request: ActorRequest): Promise<Outcome> {
    return this.serial(async () => {
      const who = this.memory.participant(participantId);
      if (!who) return UNKNOWN_PARTICIPANT;
      const { id: workshopId, control } = this.memory.record;
      const held: Held = {
        who,
        now: Date.now(),
        workshopId,
        control,
        // The document is read only by the requests that need it.
        facts: () => this.readDocFacts(workshopId),
        storage: this.storage,
        memory: this.memory,
        controlChange: (next, news) => this.controlChange(next, news),
      };
      const decision = await decide(held, request);
      return decision.ok ? this.commit(decision) : decision;
    });
  }

  /** The one store path: write, then adopt and tell; a failed write is logged and named. */
  private async commit(change: Accepted): Promise<Outcome> {
    try {
      await change.write();
    } catch (err) {
      console.error(`[workshop ${this.id}] could not store ${change.what}`, err);
      return STORAGE_FAILED;
    }
    this.emit(change.adopt());
    return change.data === undefined ? { ok: true } : { ok: true, data: change.data };
  }

  /** New control state to store; once stored it is adopted and the timer's expiry rearmed. */
  private controlChange(control: ControlState, news: () => News = () => ({})): Accepted {
    const write = () => this.storage.saveControl(this.id, control);
    return accepted('control state', write, () => {
      this.memory.record = { ...this.memory.record, control };
      this.expiry.schedule(control.timer);
      return news();
    });
  }

  /** Marks a timer whose deadline has passed as expired, so every screen shows it. */
  private async expireTimer(): Promise<void> {
    const control = this.control;
    const timer = expireIfDue(control.timer, Date.now());
    if (timer === control.timer) return this.expiry.schedule(timer);
    const next = { ...control, timer, revision: control.revision + 1 };
    const saved = await this.commit(this.controlChange(next));
    if (!saved.ok) this.expiry.retryLater();
  }

  /** A participant's session opened or closed (their room counts it): their presence. */
  connected(participantId: string): void {
    this.connections.opened(participantId);
    this.emit();
  }

  disconnected(participantId: string): void {
    this.connections.closed(participantId);
    this.emit();
  }

  /** Resolves when every queued command has finished (used at shutdown and unload). */
  async idle(): Promise<void> {
    await this.queue.catch(() => undefined);
  }

  /**
   * Dropped from memory (unloaded or evicted): its expiry timer stops and it tells nobody
   * anything more. Its last connections, closing now, must not broadcast its state into
   * the rooms of a newer actor of the same workshop.
   */
  dispose(): void {
    this.expiry.stop();
    this.listeners.clear();
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private emit(news: News = {}): void {
    const change = changeOf(this.state(), news);
    for (const listener of this.listeners) listener(change);
  }
}
