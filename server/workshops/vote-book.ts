import {
  type Ballot,
  type MyVotes,
  myVotes,
  rankIdeas,
  resultsVisible,
  spent,
  type VoteResults,
  type VoteSettings,
} from '../../lib/domain/votes';
import type { Participant } from '../../lib/domain/workshop';
import type { VoteRecord } from '../storage/storage';

/** What a change of votes or voting settings tells whom (see WorkshopChange). */
export interface VoteNews {
  /** People whose own votes or dots left changed, with their new view. */
  votesMine: Array<{ participantId: string; mine: MyVotes }>;
  /** New results for everyone, `null` to hide them again, or undefined: nothing to send. */
  voteResults: VoteResults | null | undefined;
}

/**
 * A workshop's dot votes in memory, and the only place that decides what of them may
 * leave the server: each person's own ballot to them, and totals to everyone only while
 * results are visible (votes not hidden, or voting closed). Facilitators get no more.
 */
export class VoteBook {
  private readonly ballots = new Map<string, Record<string, number>>();
  /**
   * The idea ids as last read from the document (by a vote, a settings change or a
   * connection's view): a deleted idea's dots come back, as `myVotes` counts them. Null
   * until first read (the document is read only when needed), when every dot counts.
   */
  private ideaIds: readonly string[] | null = null;
  /**
   * Each person's dots spent as counted at their own last vote. While the totals are
   * hidden the room sees only these: a live count fell when an idea left the board,
   * telling whoever removed it who had voted for it, and how much (review of issue 22, F3).
   */
  private readonly spentAtVote = new Map<string, number>();

  constructor(records: VoteRecord[]) {
    for (const r of records) this.put(r);
    for (const [id, ballot] of this.ballots) this.spentAtVote.set(id, this.spentNow(ballot));
  }

  put(record: VoteRecord): void {
    // No prototype: an idea id is any note id, "__proto__" too, and must be a plain key.
    const ballot = this.ballots.get(record.participantId) ?? Object.create(null);
    if (record.dots > 0) ballot[record.ideaId] = record.dots;
    else delete ballot[record.ideaId];
    this.ballots.set(record.participantId, ballot);
  }

  ballot(participantId: string): Ballot {
    return this.ballots.get(participantId) ?? {};
  }

  all(): Ballot[] {
    return [...this.ballots.values()];
  }

  /**
   * Dots each person has placed, by id (ids only: no idea is named, no total told). While
   * the totals are hidden, as counted at each person's own last vote; once they may be
   * seen, as the board now stands.
   */
  spentBy(settings: VoteSettings): Record<string, number> {
    const out: Record<string, number> = {};
    const live = resultsVisible(settings);
    for (const [id, ballot] of this.ballots) {
      const n = live ? this.spentNow(ballot) : (this.spentAtVote.get(id) ?? 0);
      if (n > 0) out[id] = n;
    }
    return out;
  }

  private spentNow(ballot: Ballot): number {
    return this.ideaIds
      ? spent(ballot, this.ideaIds)
      : Object.values(ballot).reduce((sum, dots) => sum + dots, 0);
  }

  /** This person's view (null for a projector screen), and the results if they may be seen. */
  view(
    participantId: string | null,
    settings: VoteSettings,
    ideaIds: readonly string[],
  ): { mine: MyVotes | null; results: VoteResults | null } {
    this.ideaIds = ideaIds;
    return {
      mine: participantId === null ? null : myVotes(settings, this.ballot(participantId), ideaIds),
      results: resultsVisible(settings) ? rankIdeas(ideaIds, this.all()) : null,
    };
  }

  /** After `participantId` voted: their ballot to them, and live results if visible. */
  afterVote(participantId: string, settings: VoteSettings, ideaIds: readonly string[]): VoteNews {
    this.ideaIds = ideaIds;
    this.spentAtVote.set(participantId, this.spentNow(this.ballot(participantId)));
    return {
      votesMine: [{ participantId, mine: myVotes(settings, this.ballot(participantId), ideaIds) }],
      voteResults: resultsVisible(settings) ? rankIdeas(ideaIds, this.all()) : undefined,
    };
  }

  /**
   * After the settings changed: a new budget changes everyone's dots left; results go out
   * when they become (or stay) visible, and `null` when they stop being visible.
   */
  afterSettings(
    before: VoteSettings,
    after: VoteSettings,
    ideaIds: readonly string[],
    people: readonly Participant[],
  ): VoteNews {
    this.ideaIds = ideaIds;
    const voters = before.budget === after.budget ? [] : people;
    const visible = resultsVisible(after);
    return {
      votesMine: voters.map((p) => ({
        participantId: p.id,
        mine: myVotes(after, this.ballot(p.id), ideaIds),
      })),
      voteResults: visible
        ? rankIdeas(ideaIds, this.all())
        : resultsVisible(before)
          ? null
          : undefined,
    };
  }
}
