import { type WarmupAnswer, warmupResults } from '../../lib/analytics/warmup';
import type { ActionInput, ActionItem } from '../../lib/domain/actions';
import { applyCommand, type Command, initialControl } from '../../lib/domain/commands';
import { can } from '../../lib/domain/permissions';
import {
  checkRating,
  stepKey,
  type MyRating,
  type RatingInput,
  type RevealedRating,
} from '../../lib/domain/ratings';
import { expireIfDue } from '../../lib/domain/timer';
import { checkVote, type MyVotes, type VoteInput, type VoteResults } from '../../lib/domain/votes';
import { progressFacts } from '../../lib/domain/progress';
import { applyPeopleCommand, type Deck, type PeopleCommand } from '../../lib/domain/people';
import { defaultLens, type Role } from '../../lib/domain/roles';
import { seatRefusal } from '../../lib/domain/seats';
import type {
  Assignment,
  ControlState,
  Participant,
  WorkshopState,
  You,
} from '../../lib/domain/workshop';
import { MAX_PARTICIPANTS_DEFAULT } from '../../lib/constants';
import { ErrorCode } from '../../lib/protocol/codes';
import { newId } from '../auth';
import type { RatingRecord, Storage, WorkshopRecord } from '../storage/storage';
import { ActionBook } from './action-book';
import { RatingBook } from './rating-book';
import { type VoteNews, VoteBook } from './vote-book';

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
type Listener = (change: WorkshopChange) => void;

/** The longest delay setTimeout takes (2^31 − 1 ms, about 24.8 days). */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export type Outcome =
  { ok: true; data?: unknown } | { ok: false; code: ErrorCode; message: string };

/** After a failed write of an expired timer, the next try comes this much later. */
const EXPIRY_RETRY_MS = 1_000;

const STORAGE_FAILED: Outcome = {
  ok: false,
  code: ErrorCode.STORAGE_FAILED,
  message: 'The change was not saved',
};

/**
 * One live workshop in memory: the authoritative state, changed only through pure
 * functions from lib/, stored before anyone hears of the change. Commands run one at a
 * time, in arrival order.
 */
export class WorkshopActor {
  private readonly participants = new Map<string, Participant>();
  /** Open connections per participant: a person with two tabs is online until both close. */
  private readonly online = new Map<string, number>();
  private readonly listeners = new Set<Listener>();
  private readonly warmup = new Map<string, WarmupAnswer>();
  private ratings = new RatingBook([]);
  private votes = new VoteBook([]);
  private actions = new ActionBook([]);
  private queue: Promise<unknown> = Promise.resolve();
  /** Projector screens connected: they keep the workshop loaded but are nobody's presence. */
  private screens = 0;
  /** Open Yjs document connections: they read rights from this actor, so it stays loaded. */
  private docs = 0;
  private expiryTimer: NodeJS.Timeout | null = null;

  private constructor(
    private record: WorkshopRecord,
    participants: Participant[],
    private readonly storage: Storage,
    private readonly readDocFacts: ReadDocFacts,
  ) {
    for (const p of participants) this.participants.set(p.id, p);
  }

  /** `readOnly`: a copy for reading only (another node serves it): its timer is left alone. */
  static async load(
    storage: Storage,
    id: string,
    readDocFacts: ReadDocFacts,
    { readOnly = false } = {},
  ): Promise<WorkshopActor | null> {
    const record = await storage.getWorkshop(id);
    if (!record) return null;
    const people = await storage.listParticipants(id);
    // Control state stored by an older version lacks newer fields: defaults fill them in.
    const control = { ...initialControl(record.control.enabledPhases), ...record.control };
    const actor = new WorkshopActor({ ...record, control }, people, storage, readDocFacts);
    actor.ratings = new RatingBook(await storage.listRatings(id));
    actor.votes = new VoteBook(await storage.listVotes(id));
    actor.actions = new ActionBook(await storage.listActions(id));
    for (const a of await storage.listWarmupAnswers(id)) {
      actor.warmup.set(a.participantId, { workplace: a.workplace, customers: a.customers });
    }
    // A timer that ran out while the server was down is expired now; a running one resumes.
    if (!readOnly) await actor.expireTimer();
    return actor;
  }

  get id(): string {
    return this.record.id;
  }

  get facilitatorKeyHash(): string {
    return this.record.facilitatorKeyHash;
  }

  get connectionCount(): number {
    let n = this.screens + this.docs;
    for (const c of this.online.values()) n += c;
    return n;
  }

  /**
   * Everyone who ever joined, removed people too: a removed person's notes stay on the
   * board, signed with their name and role (lib/board/authors.ts).
   */
  roster(): ReadonlyMap<string, Pick<Participant, 'name' | 'role'>> {
    return this.participants;
  }

  /** A current (not removed) participant. */
  participant(id: string): Participant | undefined {
    const p = this.participants.get(id);
    return p && p.removedAt === null ? p : undefined;
  }

  you(id: string): You | null {
    const p = this.participant(id);
    if (!p) return null;
    const { name, role, lens, personaId, cardId } = p;
    const warmup = this.warmup.get(p.id) ?? null;
    return { participantId: p.id, name, role, lens, personaId, cardId, warmup };
  }

  /** Every current participant's persona and card: for facilitators' eyes only. */
  assignments(): Record<string, Assignment> {
    const out: Record<string, Assignment> = {};
    for (const p of this.current()) out[p.id] = { personaId: p.personaId, cardId: p.cardId };
    return out;
  }

  /** The control state alone (cheap; the Yjs endpoint reads the board lock per update). */
  get control(): ControlState {
    return this.record.control;
  }

  state(): WorkshopState {
    // The series id is the first run's id: a participant of this run has no business with it.
    const { facilitatorKeyHash: _hash, seriesId: _series, control, ...info } = this.record;
    return {
      info,
      control,
      participants: this.current().map((p) => ({
        id: p.id,
        name: p.name,
        role: p.role,
        lens: p.lens,
        online: (this.online.get(p.id) ?? 0) > 0,
      })),
      ratingCounts: this.ratings.counts(),
      warmup: {
        answered: this.warmup.size,
        // Hidden until the facilitator closes the warm-up: nobody answers to the room.
        results: control.warmupClosed ? warmupResults([...this.warmup.values()]) : null,
      },
      // Ids and dot counts only: who has answered, rated or voted, never what they chose.
      progress: progressFacts(control, {
        answeredIds: () => [...this.warmup.keys()],
        ratedIds: (key) => this.ratings.ratedIds(key),
        dotsSpent: () => this.votes.spentBy(control.votes),
      }),
    };
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Adds a person, unless the workshop is full (`seatRefusal`); resolves once they are
   * stored. Joins are applied one at a time, so concurrent ones cannot pass the cap.
   */
  join(
    name: string,
    role: Role,
    maxParticipants = MAX_PARTICIPANTS_DEFAULT,
  ): Promise<
    { ok: true; participant: Participant } | { ok: false; code: ErrorCode; message: string }
  > {
    return this.serial(async () => {
      const full = seatRefusal([...this.participants.values()], role, maxParticipants);
      if (full) return { ok: false as const, ...full };
      const participant: Participant = {
        id: newId(),
        workshopId: this.record.id,
        name,
        role,
        lens: defaultLens(role),
        personaId: null,
        cardId: null,
        joinedAt: Date.now(),
        removedAt: null,
      };
      await this.storage.addParticipant(participant);
      this.participants.set(participant.id, participant);
      this.emit();
      return { ok: true as const, participant };
    });
  }

  /** Applies a phase command; the state is stored before this resolves. */
  command(participantId: string, command: Command): Promise<Outcome> {
    return this.serial(async () => {
      const who = this.participant(participantId);
      if (!who) return { ok: false, code: ErrorCode.UNAUTHORIZED, message: 'Unknown participant' };
      const facts = await this.readDocFacts(this.record.id);
      const actor = { participantId: who.id, role: who.role, now: Date.now() };
      const before = this.record.control;
      // Back in the lobby, ratings given under anonymity must not be named afterwards.
      if (command.type === 'settings.anonymous' && !command.anonymous && before.anonymous) {
        if (who.role === 'facilitator' && this.ratings.all().length > 0) {
          const message = 'Anonymity can only be made stricter once anyone has rated';
          return { ok: false, code: ErrorCode.INVALID_TRANSITION, message };
        }
      }
      const tooLow = who.role === 'facilitator' && this.votes.refusesLimits(command, facts.ideaIds);
      if (tooLow) return tooLow;
      // The domain reads the ratings to reveal what was walked and rank what is revealed.
      // (No spread of `facts`: it would read the ideas, which it reads only when asked.)
      const path = { stepIds: facts.stepIds, steps: facts.steps, ratings: this.ratings.all() };
      const result = applyCommand(before, actor, command, path);
      if (!result.ok) return result;
      if (!(await this.saveControl(result.state))) return STORAGE_FAILED;
      const after = result.state;
      const revealedReplace =
        after.revealed.length !== before.revealed.length || after.anonymous !== before.anonymous;
      const votes =
        after.votes === before.votes
          ? {}
          : this.votes.afterSettings(before.votes, after.votes, facts.ideaIds, this.current());
      this.emit({ revealedReplace, ...votes });
      return { ok: true };
    });
  }

  /** Stores a participant's rating of a step in the current round. */
  rate(participantId: string, input: RatingInput): Promise<Outcome> {
    return this.serial(async () => {
      const who = this.participant(participantId);
      if (!who) return { ok: false, code: ErrorCode.UNAUTHORIZED, message: 'Unknown participant' };
      const { stepIds } = await this.readDocFacts(this.record.id);
      const control = this.record.control;
      const key = stepKey(control.round, input.stepId);
      const hasRated = this.ratings.ratedIds(key).includes(participantId);
      const check = checkRating(control, who.role, input, stepIds, hasRated);
      if (!check.ok) return check;
      const record: RatingRecord = {
        workshopId: this.record.id,
        participantId,
        round: control.round,
        ...input,
        role: who.role,
        lens: who.lens,
        cardId: who.cardId,
        updatedAt: Date.now(),
      };
      try {
        await this.storage.putRating(record);
      } catch (err) {
        console.error(`[workshop ${this.record.id}] could not store a rating`, err);
        return STORAGE_FAILED;
      }
      this.ratings.put(record);
      const revealed = this.ratings.revealedOne(record, control, this.participants);
      this.emit({ ratedBy: participantId, revealedUpdate: revealed ? [revealed] : [] });
      return { ok: true };
    });
  }

  myRatings(participantId: string): MyRating[] {
    return this.ratings.mine(participantId);
  }

  /** Everything revealed so far, as everyone may see it. */
  revealedRatings(): RevealedRating[] {
    return this.ratings.revealed(this.record.control, this.participants);
  }

  /** Stores a participant's warm-up answers; only while the warm-up is open. */
  answerWarmup(participantId: string, answer: WarmupAnswer): Promise<Outcome> {
    return this.serial(async () => {
      const who = this.participant(participantId);
      if (!who) return { ok: false, code: ErrorCode.UNAUTHORIZED, message: 'Unknown participant' };
      if (!can(who.role, 'warmup.answer')) {
        return {
          ok: false,
          code: ErrorCode.FORBIDDEN,
          message: 'Facilitators and observers do not answer',
        };
      }
      const { phase, warmupClosed } = this.record.control;
      if (phase !== 'warmup' || warmupClosed) {
        return {
          ok: false,
          code: ErrorCode.INVALID_TRANSITION,
          message: 'The warm-up is not open',
        };
      }
      try {
        await this.storage.putWarmupAnswer({
          workshopId: this.record.id,
          participantId,
          ...answer,
          updatedAt: Date.now(),
        });
      } catch (err) {
        console.error(`[workshop ${this.record.id}] could not store a warm-up answer`, err);
        return STORAGE_FAILED;
      }
      this.warmup.set(participantId, answer);
      this.emit({ changedPeople: [who] });
      return { ok: true };
    });
  }

  /** Puts a participant's dots on one idea (0 takes them back); stored before it resolves. */
  vote(participantId: string, input: VoteInput): Promise<Outcome> {
    return this.asPerson(participantId, async (who) => {
      const { ideaIds } = await this.readDocFacts(this.record.id);
      const control = this.record.control;
      const check = checkVote(control, who.role, input, this.votes.ballot(who.id), ideaIds);
      if (!check.ok) return check;
      const record = { workshopId: this.record.id, participantId, ...input };
      if (!(await this.store('a vote', () => this.storage.putVote(record)))) return STORAGE_FAILED;
      this.votes.put(record);
      this.emit(this.votes.afterVote(participantId, control.votes, ideaIds));
      return { ok: true };
    });
  }

  /** A person's own votes (null for a screen) and the results if visible; in command order. */
  voteView(
    participantId: string | null,
  ): Promise<{ mine: MyVotes | null; results: VoteResults | null }> {
    return this.serial(async () => {
      const { ideaIds } = await this.readDocFacts(this.record.id);
      return this.votes.view(participantId, this.record.control.votes, ideaIds);
    });
  }

  actionList(): ActionItem[] {
    return this.actions.list();
  }

  /** Creates (no id) or edits an action; answers with its id once stored. */
  putAction(participantId: string, input: ActionInput & { id?: string }): Promise<Outcome> {
    return this.asPerson(participantId, async (who) => {
      const facts = await this.readDocFacts(this.record.id);
      const { id, control } = this.record;
      const prepared = this.actions.prepare(id, control, who, input, facts, Date.now());
      if (!prepared.ok) return prepared;
      const { record } = prepared;
      if (!(await this.store('an action', () => this.storage.putAction(record)))) {
        return STORAGE_FAILED;
      }
      this.actions.put(record);
      this.emit({ actions: this.actions.list() });
      return { ok: true, data: { id: record.id } };
    });
  }

  deleteAction(participantId: string, actionId: string): Promise<Outcome> {
    return this.asPerson(participantId, async (who) => {
      const check = this.actions.checkDelete(this.record.control, who, actionId);
      if (!check.ok) return check;
      const remove = () => this.storage.deleteAction(this.record.id, actionId);
      if (!(await this.store('an action deletion', remove))) return STORAGE_FAILED;
      this.actions.delete(actionId);
      this.emit({ actions: this.actions.list() });
      return { ok: true };
    });
  }

  /** Runs `task` in turn for a current participant; anyone else is UNAUTHORIZED. */
  private asPerson(id: string, task: (who: Participant) => Promise<Outcome>): Promise<Outcome> {
    return this.serial(async () => {
      const who = this.participant(id);
      if (!who) return { ok: false, code: ErrorCode.UNAUTHORIZED, message: 'Unknown participant' };
      return task(who);
    });
  }

  /** Runs a storage write; false (and logged) when it fails. */
  private async store(what: string, write: () => Promise<void>): Promise<boolean> {
    try {
      await write();
      return true;
    } catch (err) {
      console.error(`[workshop ${this.record.id}] could not store ${what}`, err);
      return false;
    }
  }

  /** Stores new control state, then adopts it and (re)schedules the timer's expiry. */
  private async saveControl(control: ControlState): Promise<boolean> {
    try {
      await this.storage.saveControl(this.record.id, control);
    } catch (err) {
      console.error(`[workshop ${this.record.id}] could not store control state`, err);
      return false;
    }
    this.record = { ...this.record, control };
    this.scheduleExpiry();
    return true;
  }

  private scheduleExpiry(): void {
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.expiryTimer = null;
    const { timer } = this.record.control;
    if (timer.status !== 'running') return;
    this.expiryTimer = setTimeout(
      () => void this.serial(() => this.expireTimer()),
      // Node fires longer delays at once; a far deadline is re-armed when this one fires.
      Math.min(MAX_TIMEOUT_MS, Math.max(0, timer.deadline - Date.now())),
    );
    this.expiryTimer.unref();
  }

  /** Storage refused the expiry: try again in a moment rather than at once. */
  private retryExpiryLater(): void {
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.expiryTimer = setTimeout(
      () => void this.serial(() => this.expireTimer()),
      EXPIRY_RETRY_MS,
    );
    this.expiryTimer.unref();
  }

  /** Marks a timer whose deadline has passed as expired, so every screen shows it. */
  private async expireTimer(): Promise<void> {
    const control = this.record.control;
    const timer = expireIfDue(control.timer, Date.now());
    if (timer === control.timer) return this.scheduleExpiry();
    const next = { ...control, timer, revision: control.revision + 1 };
    if (await this.saveControl(next)) this.emit();
    else this.retryExpiryLater();
  }

  /** Applies a people command (roles, lenses, dealing, removal); stored before it resolves. */
  people(participantId: string, command: PeopleCommand): Promise<Outcome> {
    return this.serial(async () => {
      const who = this.participant(participantId);
      if (!who) return { ok: false, code: ErrorCode.UNAUTHORIZED, message: 'Unknown participant' };
      const deck = await this.readDocFacts(this.record.id);
      const result = applyPeopleCommand(this.current(), who.role, command, deck);
      if (!result.ok) return result;
      try {
        // Together: a refused command must not leave some of its changes on disk.
        await this.storage.updateParticipants(result.changed);
      } catch (err) {
        console.error(`[workshop ${this.record.id}] could not store participants`, err);
        return STORAGE_FAILED;
      }
      const rightsChanged = result.changed.filter((p) => {
        const before = this.participants.get(p.id);
        return before?.role !== p.role || p.removedAt !== null;
      });
      for (const p of result.changed) this.participants.set(p.id, p);
      this.emit({ changedPeople: result.changed, rightsChanged });
      return { ok: true };
    });
  }

  connected(participantId: string): void {
    this.online.set(participantId, (this.online.get(participantId) ?? 0) + 1);
    this.emit();
  }

  screenConnected(): void {
    this.screens++;
  }

  screenDisconnected(): void {
    this.screens = Math.max(0, this.screens - 1);
  }

  docConnected(): void {
    this.docs++;
  }

  docDisconnected(): void {
    this.docs = Math.max(0, this.docs - 1);
  }

  disconnected(participantId: string): void {
    const left = (this.online.get(participantId) ?? 1) - 1;
    if (left > 0) this.online.set(participantId, left);
    else this.online.delete(participantId);
    this.emit();
  }

  /** Resolves when every queued command has finished (used at shutdown and unload). */
  async idle(): Promise<void> {
    await this.queue.catch(() => undefined);
  }

  /**
   * Dropped from memory (unloaded or evicted): its expiry timer stops and it tells nobody
   * anything more. Its last connections, closing now,
   * must not broadcast its state into the rooms of a newer actor of the same workshop.
   */
  dispose(): void {
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.expiryTimer = null;
    this.listeners.clear();
  }

  private current(): Participant[] {
    return [...this.participants.values()].filter((p) => p.removedAt === null);
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private emit(extra: Partial<Omit<WorkshopChange, 'state'>> = {}): void {
    const change: WorkshopChange = {
      state: this.state(),
      changedPeople: [],
      rightsChanged: [],
      ratedBy: null,
      revealedUpdate: [],
      revealedReplace: false,
      votesMine: [],
      voteResults: undefined,
      actions: null,
      ...extra,
    };
    for (const listener of this.listeners) listener(change);
  }
}
