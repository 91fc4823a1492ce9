import { groupByStep, RATED_ROLES, type RatedRole } from './curve';
import { targetValence } from './gaps';
import type { AnalyticsRating, AnalyticsStep } from './types';

/**
 * What a step promised one role and what the next step then felt like: the role's felt
 * mean at the step against the mean valence of the feelings the role said, after rating
 * the step before, that it expected here. See docs/analytics.md, "Promise gap".
 */
export interface PromiseGap {
  stepId: string;
  /** Position of the step on the path, from 1 (the first step is promised nothing). */
  index: number;
  /** The step before, after which the promise was made. */
  fromStepId: string;
  role: RatedRole;
  /** Mean valence of the feelings expected here. */
  expected: number;
  /** How many of the role's ratings of the step before named a feeling expected here. */
  promises: number;
  /** The role's mean felt valence here. */
  felt: number;
  /** How many of the role rated this step. */
  count: number;
  /** felt − expected: negative when the step felt worse than the step before promised. */
  gap: number;
}

/**
 * What the promise gap reads of a rating. The expected feeling is a name: a file imported
 * from another version may name one this build lacks (it is left out, like no answer).
 */
export type PromiseRating = Pick<AnalyticsRating, 'stepId' | 'role' | 'valence'> & {
  expectedNext?: string | null | undefined;
};

const mean = (values: readonly number[]) => values.reduce((s, v) => s + v, 0) / values.length;

/**
 * The promise gap of every step and role where both are known: someone of the role said
 * after the step before what they expected here, and someone of the role rated this step.
 * In path order, then in RATED_ROLES order. Ratings are not linked across steps (nothing
 * that leaves the server ties one person's ratings together), so a role is compared with
 * itself as a group; all rounds are pooled, as in the curve.
 */
export function promiseGaps<R extends PromiseRating>(
  steps: readonly Pick<AnalyticsStep, 'id'>[],
  ratings: readonly R[],
  filter?: (rating: R) => boolean,
): PromiseGap[] {
  const groups = groupByStep(steps, ratings, filter);
  return steps.flatMap((step, index) => {
    const before = steps[index - 1];
    if (!before) return [];
    const promised = groups.get(before.id) ?? [];
    const here = groups.get(step.id) ?? [];
    return RATED_ROLES.flatMap((role): PromiseGap[] => {
      const expected = promised.flatMap((r) => {
        const v = r.role === role && r.expectedNext ? targetValence(r.expectedNext) : null;
        return v === null ? [] : [v];
      });
      const felt = here.filter((r) => r.role === role).map((r) => r.valence);
      if (expected.length === 0 || felt.length === 0) return [];
      const e = mean(expected);
      const f = mean(felt);
      return [
        {
          stepId: step.id,
          index,
          fromStepId: before.id,
          role,
          expected: e,
          promises: expected.length,
          felt: f,
          count: felt.length,
          gap: f - e,
        },
      ];
    });
  });
}

/**
 * "Promises broken", per role: the steps that felt worse than the step before promised
 * (gap below zero), most broken first, path order on equal gaps, at most `limit` each. A
 * step nobody of the role was promised anything at is not ranked.
 */
export function brokenPromises(
  gaps: readonly PromiseGap[],
  limit = Infinity,
): Record<RatedRole, PromiseGap[]> {
  const ranked = gaps.filter((g) => g.gap < 0).sort((a, b) => a.gap - b.gap || a.index - b.index);
  return Object.fromEntries(
    RATED_ROLES.map((role) => [role, ranked.filter((g) => g.role === role).slice(0, limit)]),
  ) as Record<RatedRole, PromiseGap[]>;
}
