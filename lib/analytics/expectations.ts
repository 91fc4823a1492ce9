import { groupByStep } from './curve';
import type { AnalyticsRating, AnalyticsStep, Expectation } from './types';

export interface ExpectationPoint {
  stepId: string;
  index: number;
  count: number;
  /** Share of each answer, 0..1; null when nobody rated the step. */
  worse: number | null;
  as: number | null;
  better: number | null;
  /**
   * A promise the step broke: the previous step's most common answer was "better than
   * expected" (strictly more often than either other answer, so any share of "better"
   * above one half qualifies) and at least half of this step's answers are "worse than
   * expected". The first step, and any step after an unrated one, never breaks a promise.
   */
  brokenPromise: boolean;
}

/** What the expectations read of a rating. */
export type ExpectationRating = Pick<AnalyticsRating, 'stepId' | 'role' | 'expectation'>;

/** Share of "worse / as / better than expected" per step, and broken promises. */
export function expectations<R extends ExpectationRating>(
  steps: readonly Pick<AnalyticsStep, 'id'>[],
  ratings: readonly R[],
  filter?: (rating: R) => boolean,
): ExpectationPoint[] {
  const groups = groupByStep(steps, ratings, filter);
  const counts = steps.map((step) => {
    const own = groups.get(step.id) ?? [];
    const n = (e: Expectation) => own.filter((r) => r.expectation === e).length;
    return { count: own.length, worse: n('worse'), as: n('as'), better: n('better') };
  });
  return steps.map((step, index) => {
    const c = counts[index] as (typeof counts)[number];
    const prev = counts[index - 1];
    const share = (k: number) => (c.count === 0 ? null : k / c.count);
    const promised = prev !== undefined && prev.better > prev.worse && prev.better > prev.as;
    return {
      stepId: step.id,
      index,
      count: c.count,
      worse: share(c.worse),
      as: share(c.as),
      better: share(c.better),
      brokenPromise: promised && c.count > 0 && c.worse / c.count >= 0.5,
    };
  });
}

/**
 * The order broken expectations are ranked in: broken promises first (a step worse than
 * the step before promised), then by the share of "worse than expected", then path order.
 * A first step never broke a promise, so however bad, it comes after every one that did.
 */
export function byBrokenExpectation(a: ExpectationPoint, b: ExpectationPoint): number {
  return (
    Number(b.brokenPromise) - Number(a.brokenPromise) ||
    (b.worse ?? 0) - (a.worse ?? 0) ||
    a.index - b.index
  );
}
