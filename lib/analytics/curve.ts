import type { Role } from '../domain/roles';
import type { AnalyticsRating, AnalyticsStep } from './types';

/** Summary of a set of valences. */
export interface Stats {
  mean: number;
  median: number;
  /** Population standard deviation: 0 when everyone agrees. */
  spread: number;
  min: number;
  max: number;
  count: number;
}

/**
 * Roles whose ratings count. The facilitator runs the room and does not rate the journey;
 * observers never rate. Ratings from either are ignored by every analytic.
 */
export const RATED_ROLES = ['leader', 'staff', 'customer'] as const satisfies readonly Role[];
export type RatedRole = (typeof RATED_ROLES)[number];

export function isRatedRole(role: Role): role is RatedRole {
  return (RATED_ROLES as readonly Role[]).includes(role);
}

/** One step of the curve. Numbers are raw; rounding is the view's job. */
export interface CurvePoint {
  stepId: string;
  /** Position of the step on the path, from 0. */
  index: number;
  overall: Stats | null;
  byRole: Record<RatedRole, Stats | null>;
}

/** What the curve reads of a rating. */
export type CurveRating = Pick<AnalyticsRating, 'stepId' | 'role' | 'valence'>;

type StepRef = Pick<AnalyticsStep, 'id'>;

/** Mean, median, spread, min, max and count; null when there are no values. */
export function stats(values: readonly number[]): Stats | null {
  const count = values.length;
  if (count === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, v) => sum + v, 0) / count;
  const variance = sorted.reduce((sum, v) => sum + (v - mean) ** 2, 0) / count;
  const mid = Math.floor(count / 2);
  const median =
    count % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return {
    mean,
    median,
    spread: Math.sqrt(variance),
    min: sorted[0] as number,
    max: sorted[count - 1] as number,
    count,
  };
}

/**
 * The counted ratings of each step, keyed by step id: only rated roles, only steps on the
 * path, and only those passing `filter`. Every step has an entry, possibly empty.
 */
export function groupByStep<R extends Pick<AnalyticsRating, 'stepId' | 'role'>>(
  steps: readonly StepRef[],
  ratings: readonly R[],
  filter?: (rating: R) => boolean,
): Map<string, R[]> {
  const groups = new Map<string, R[]>(steps.map((s) => [s.id, []]));
  for (const rating of ratings) {
    if (!isRatedRole(rating.role)) continue;
    if (filter && !filter(rating)) continue;
    groups.get(rating.stepId)?.push(rating);
  }
  return groups;
}

/** Per step, in path order: overall stats and stats per rated role. All rounds are pooled. */
export function curve<R extends CurveRating>(
  steps: readonly StepRef[],
  ratings: readonly R[],
  filter?: (rating: R) => boolean,
): CurvePoint[] {
  const groups = groupByStep(steps, ratings, filter);
  return steps.map((step, index) => {
    const own = groups.get(step.id) ?? [];
    const byRole = Object.fromEntries(
      RATED_ROLES.map((role) => [
        role,
        stats(own.filter((r) => r.role === role).map((r) => r.valence)),
      ]),
    ) as Record<RatedRole, Stats | null>;
    return { stepId: step.id, index, overall: stats(own.map((r) => r.valence)), byRole };
  });
}

/** The roles that rated at least one step of the curve, in RATED_ROLES order. */
export function rolesPresent(points: readonly CurvePoint[]): RatedRole[] {
  return RATED_ROLES.filter((role) => points.some((p) => p.byRole[role] !== null));
}
