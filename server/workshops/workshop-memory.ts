import { type RoleAnswer, type WarmupAnswer, warmupResults } from '../../lib/analytics/warmup';
import { initialControl } from '../../lib/domain/commands';
import { progressFacts } from '../../lib/domain/progress';
import type { Assignment, Participant, WorkshopState, You } from '../../lib/domain/workshop';
import type { Storage, WorkshopRecord } from '../storage/storage';
import { ActionBook } from './action-book';
import { RatingBook } from './rating-book';
import { VoteBook } from './vote-book';

/**
 * What one workshop holds in memory, as loaded from storage, and the views of it that
 * leave the server. Changed only by the actor, after a decision's write is stored.
 */
export class WorkshopMemory {
  /** Everyone who ever joined, removed people too. */
  readonly participants = new Map<string, Participant>();
  readonly warmup = new Map<string, WarmupAnswer>();

  private constructor(
    public record: WorkshopRecord,
    people: Participant[],
    readonly ratings: RatingBook,
    readonly votes: VoteBook,
    readonly actions: ActionBook,
  ) {
    for (const p of people) this.participants.set(p.id, p);
  }

  static async load(storage: Storage, id: string): Promise<WorkshopMemory | null> {
    const record = await storage.getWorkshop(id);
    if (!record) return null;
    const people = await storage.listParticipants(id);
    // Control state stored by an older version lacks newer fields: defaults fill them in.
    const control = { ...initialControl(record.control.enabledPhases), ...record.control };
    const memory = new WorkshopMemory(
      { ...record, control },
      people,
      new RatingBook(await storage.listRatings(id)),
      new VoteBook(await storage.listVotes(id)),
      new ActionBook(await storage.listActions(id)),
    );
    for (const a of await storage.listWarmupAnswers(id)) {
      memory.warmup.set(a.participantId, { workplace: a.workplace, customers: a.customers });
    }
    return memory;
  }

  /** A current (not removed) participant. */
  participant(id: string): Participant | undefined {
    const p = this.participants.get(id);
    return p && p.removedAt === null ? p : undefined;
  }

  current(): Participant[] {
    return [...this.participants.values()].filter((p) => p.removedAt === null);
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

  /** Every warm-up answer with its giver's role; removed people's answers count too. */
  private warmupByRole(): RoleAnswer[] {
    return [...this.warmup].map(([id, answer]) => ({
      ...answer,
      role: this.participants.get(id)?.role ?? null,
    }));
  }

  /** The shared state, as everyone in the room sees it. */
  state(online: (participantId: string) => boolean): WorkshopState {
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
        online: online(p.id),
      })),
      ratingCounts: this.ratings.counts(),
      warmup: {
        answered: this.warmup.size,
        // Hidden until the facilitator closes the warm-up: nobody answers to the room.
        // By role too, as the roster has them now (a role corrected later moves the answer).
        results: control.warmupClosed ? warmupResults(this.warmupByRole()) : null,
      },
      // Ids and dot counts only: who has answered, rated or voted, never what they chose.
      progress: progressFacts(control, {
        answeredIds: () => [...this.warmup.keys()],
        ratedIds: (key) => this.ratings.ratedIds(key),
        dotsSpent: () => this.votes.spentBy(control.votes),
      }),
    };
  }
}
