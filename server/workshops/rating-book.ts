import { newId } from '../auth';
import {
  MY_RATING_FIELDS,
  type MyRating,
  ratingView,
  REVEALED_RATING_FIELDS,
  type RevealedRating,
  stepKey,
} from '../../lib/domain/ratings';
import type { ControlState, Participant } from '../../lib/domain/workshop';
import type { RatingRecord } from '../storage/storage';

/**
 * A workshop's ratings in memory, and the only place that decides what of them may leave
 * the server: counts and raters' ids for everyone, a person's own ratings for them, and a step's ratings
 * for everyone only once that step is revealed.
 */
export class RatingBook {
  private readonly ratings = new Map<string, RatingRecord>();
  /**
   * Per-run random keys for revealed ratings, one per rating (not per person), so they
   * carry no participant id and do not link one person's ratings across steps: a name
   * seen while the workshop was named must not follow them after it turns anonymous.
   */
  private readonly aliases = new Map<string, string>();

  constructor(records: RatingRecord[]) {
    for (const r of records) this.ratings.set(this.keyOf(r), r);
  }

  private keyOf(r: Pick<RatingRecord, 'round' | 'stepId' | 'participantId'>): string {
    return `${stepKey(r.round, r.stepId)}:${r.participantId}`;
  }

  put(record: RatingRecord): void {
    this.ratings.set(this.keyOf(record), record);
  }

  all(): RatingRecord[] {
    return [...this.ratings.values()];
  }

  /** How many have rated each `round:stepId`. */
  counts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const r of this.ratings.values()) {
      const key = stepKey(r.round, r.stepId);
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  }

  /** Who has rated one `round:stepId`: ids only, never what they felt. */
  ratedIds(key: string): string[] {
    const ids: string[] = [];
    for (const r of this.ratings.values()) {
      if (stepKey(r.round, r.stepId) === key) ids.push(r.participantId);
    }
    return ids;
  }

  mine(participantId: string): MyRating[] {
    return this.all()
      .filter((r) => r.participantId === participantId)
      .map((r) => ratingView(r, MY_RATING_FIELDS));
  }

  /** Every rating of every revealed step, named only in a named workshop. */
  revealed(control: ControlState, people: ReadonlyMap<string, Participant>): RevealedRating[] {
    const open = new Set(control.revealed);
    // In key order (a random alias per rating), not in the order people rated: that order
    // matched the order of who had rated, naming anonymous raters (review of issue 22, F1).
    return this.all()
      .filter((r) => open.has(stepKey(r.round, r.stepId)))
      .map((r) => this.reveal(r, control.anonymous, people))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** One rating as everyone may see it, if its step is revealed; otherwise null. */
  revealedOne(
    record: RatingRecord,
    control: ControlState,
    people: ReadonlyMap<string, Participant>,
  ): RevealedRating | null {
    if (!control.revealed.includes(stepKey(record.round, record.stepId))) return null;
    return this.reveal(record, control.anonymous, people);
  }

  private reveal(
    r: RatingRecord,
    anonymous: boolean,
    people: ReadonlyMap<string, Participant>,
  ): RevealedRating {
    const own = this.keyOf(r);
    let alias = this.aliases.get(own);
    if (!alias) {
      alias = newId(6);
      this.aliases.set(own, alias);
    }
    return {
      key: `${stepKey(r.round, r.stepId)}:${alias}`,
      ...ratingView(r, REVEALED_RATING_FIELDS),
      name: anonymous ? null : (people.get(r.participantId)?.name ?? null),
    };
  }
}
