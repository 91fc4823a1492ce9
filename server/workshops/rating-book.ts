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
 * In an anonymous workshop a revealed rating names the persona and the situation card its
 * rater held only when at least this many ratings of the step share it. A persona or card
 * held by one or two people tied their ratings together across steps, and with who had
 * rated each step (the progress everyone sees) named the holder and their feelings (found
 * by the review of issue 24).
 */
const DEALT_GROUP_MIN = 3;

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
    const shown = this.all().filter((r) => open.has(stepKey(r.round, r.stepId)));
    const sharing = dealtCounts(shown);
    // In key order (a random alias per rating), not in the order people rated: that order
    // matched the order of who had rated, naming anonymous raters (review of issue 22, F1).
    return shown
      .map((r) => this.reveal(r, control.anonymous, people, sharing))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** One rating as everyone may see it, if its step is revealed; otherwise null. */
  revealedOne(
    record: RatingRecord,
    control: ControlState,
    people: ReadonlyMap<string, Participant>,
  ): RevealedRating | null {
    const key = stepKey(record.round, record.stepId);
    if (!control.revealed.includes(key)) return null;
    const step = this.all().filter((r) => stepKey(r.round, r.stepId) === key);
    return this.reveal(record, control.anonymous, people, dealtCounts(step));
  }

  private reveal(
    r: RatingRecord,
    anonymous: boolean,
    people: ReadonlyMap<string, Participant>,
    sharing: ReadonlyMap<string, number>,
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
      ...(anonymous && {
        personaId: shared(sharing, r, 'persona', r.personaId),
        cardId: shared(sharing, r, 'card', r.cardId),
      }),
      name: anonymous ? null : (people.get(r.participantId)?.name ?? null),
    };
  }
}

type Dealt = 'persona' | 'card';
const dealtKey = (r: RatingRecord, what: Dealt, id: string) =>
  `${stepKey(r.round, r.stepId)}:${what}:${id}`;

/** How many ratings of each step share each persona and each card. */
function dealtCounts(ratings: readonly RatingRecord[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of ratings) {
    for (const [what, id] of [
      ['persona', r.personaId],
      ['card', r.cardId],
    ] as const) {
      if (id !== null)
        counts.set(dealtKey(r, what, id), (counts.get(dealtKey(r, what, id)) ?? 0) + 1);
    }
  }
  return counts;
}

/** The persona or card, if enough ratings of the step share it; else none. */
function shared(
  sharing: ReadonlyMap<string, number>,
  r: RatingRecord,
  what: Dealt,
  id: string | null,
): string | null {
  return id !== null && (sharing.get(dealtKey(r, what, id)) ?? 0) >= DEALT_GROUP_MIN ? id : null;
}
