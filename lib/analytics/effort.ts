import { groupByStep, RATED_ROLES, type RatedRole } from './curve';
import type { AnalyticsRating, AnalyticsStep } from './types';

/** Effort runs from 1 (very easy) to 5 (very hard); 3 ("some effort") is the middle. */
const EFFORT_MIDDLE = 3;
/** An answer of this or more is high effort (4 hard, 5 very hard). */
const HIGH_EFFORT = 4;

/** What the effort figures read of a rating. */
export type EffortRating = Pick<AnalyticsRating, 'stepId' | 'role' | 'valence' | 'effort'>;

/**
 * The effort of a set of ratings that answered how hard the step was, and how those same
 * ratings felt: the sacrifice beside the benefit, from the same people.
 */
export interface EffortStats {
  /** Mean effort, 1…5. */
  mean: number;
  /** Share (0…1) of answers that were high effort (4 or 5). */
  highShare: number;
  /** Mean valence (−3…+3) of the same ratings. */
  feeling: number;
  /** Ratings that answered the effort question. */
  count: number;
}

export interface EffortFigures {
  overall: EffortStats | null;
  byRole: Record<RatedRole, EffortStats | null>;
}

/** One step's effort, for everyone together and per role. */
export interface EffortPoint extends EffortFigures {
  stepId: string;
  /** Position of the step on the path, from 0. */
  index: number;
}

export interface EffortAnalysis {
  steps: EffortPoint[];
  /** The whole path at once: every counted rating that answered the effort question. */
  path: EffortFigures;
}

/** A step where effort was high and feeling low: a poor trade for the customer. */
export interface EffortHotspot {
  stepId: string;
  index: number;
  /** Everyone's mean effort, above the middle (3). */
  effort: number;
  /** Everyone's mean feeling of the same ratings, below 0. */
  feeling: number;
  /** (effort − 3) ÷ 2 × (−feeling) ÷ 3: above 0, 1 at most (everyone at 5 and −3). */
  score: number;
}

type StepRef = Pick<AnalyticsStep, 'id'>;

/** Null when no rating answered the effort question. */
export function effortStats(ratings: readonly EffortRating[]): EffortStats | null {
  const answered = ratings.filter((r) => r.effort !== null);
  const count = answered.length;
  if (count === 0) return null;
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const efforts = answered.map((r) => r.effort as number);
  return {
    mean: sum(efforts) / count,
    highShare: efforts.filter((e) => e >= HIGH_EFFORT).length / count,
    feeling: sum(answered.map((r) => r.valence)) / count,
    count,
  };
}

function figures(ratings: readonly EffortRating[]): EffortFigures {
  const byRole = Object.fromEntries(
    RATED_ROLES.map((role) => [role, effortStats(ratings.filter((r) => r.role === role))]),
  ) as Record<RatedRole, EffortStats | null>;
  return { overall: effortStats(ratings), byRole };
}

/**
 * Effort per step and role, in path order, and over the whole path. Counts what the curve
 * counts (rated roles, steps on the path); a rating without an effort answer counts nowhere.
 */
export function effortByStep(
  steps: readonly StepRef[],
  ratings: readonly EffortRating[],
): EffortAnalysis {
  const groups = groupByStep(steps, ratings);
  const points = steps.map((step, index) => ({
    stepId: step.id,
    index,
    ...figures(groups.get(step.id) ?? []),
  }));
  return { steps: points, path: figures([...groups.values()].flat()) };
}

/**
 * Steps where effort was high (everyone's mean above the middle, 3) and feeling low (the
 * same ratings' mean below 0), the worst trade first; path order on ties. The score
 * multiplies how far each is past its middle, each scaled to 0…1, so a step needs both.
 */
export function effortHotspots(points: readonly EffortPoint[]): EffortHotspot[] {
  const hotspots: EffortHotspot[] = [];
  for (const p of points) {
    if (!p.overall) continue;
    const high = (p.overall.mean - EFFORT_MIDDLE) / 2;
    const low = -p.overall.feeling / 3;
    if (high <= 0 || low <= 0) continue;
    hotspots.push({
      stepId: p.stepId,
      index: p.index,
      effort: p.overall.mean,
      feeling: p.overall.feeling,
      score: high * low,
    });
  }
  return hotspots.sort((a, b) => b.score - a.score || a.index - b.index);
}
