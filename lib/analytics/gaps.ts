import { EMOTIONS } from '../domain/emotions';
import { RATED_ROLES, type CurvePoint, type RatedRole } from './curve';
import type { AnalyticsStep } from './types';

export interface TargetGap {
  stepId: string;
  index: number;
  /** Valence of the step's target feeling; null when it names no known emotion. */
  target: number | null;
  /** Overall felt mean; null when nobody rated the step. */
  felt: number | null;
  /** target − felt: positive when people felt worse than intended. Null if either is missing. */
  gap: number | null;
}

export interface PerceptionGap {
  stepId: string;
  index: number;
  /** Highest role mean − lowest role mean; null when fewer than two roles rated the step. */
  gap: number | null;
  /** The role with the highest mean and its mean (first in RATED_ROLES order on a tie). */
  high: { role: RatedRole; mean: number } | null;
  /** The role with the lowest mean and its mean (last in RATED_ROLES order on a tie). */
  low: { role: RatedRole; mean: number } | null;
  /** Leader mean − customer-proxy mean; null when either role did not rate the step. */
  leadersVsCustomers: number | null;
}

type TargetStep = Pick<AnalyticsStep, 'id' | 'targetFeeling'>;

/** Valence of a named emotion, or null when the name is not in the palette. */
export function targetValence(feeling: string): number | null {
  return Object.hasOwn(EMOTIONS, feeling) ? EMOTIONS[feeling as keyof typeof EMOTIONS] : null;
}

/** Target gap per step. `points` is the curve of the same steps, in the same order. */
export function targetGaps(
  steps: readonly TargetStep[],
  points: readonly CurvePoint[],
): TargetGap[] {
  return steps.map((step, index) => {
    const target = targetValence(step.targetFeeling);
    const felt = points[index]?.overall?.mean ?? null;
    const gap = target !== null && felt !== null ? target - felt : null;
    return { stepId: step.id, index, target, felt, gap };
  });
}

/** Perception gap per step: how far apart the roles felt, and leaders against customer proxies. */
export function perceptionGaps(points: readonly CurvePoint[]): PerceptionGap[] {
  return points.map((point) => {
    // A stable sort keeps RATED_ROLES order among equal means.
    const means = RATED_ROLES.flatMap((role) => {
      const s = point.byRole[role];
      return s ? [{ role, mean: s.mean }] : [];
    }).sort((a, b) => b.mean - a.mean);
    const high = means.length >= 2 ? (means[0] ?? null) : null;
    const low = means.length >= 2 ? (means[means.length - 1] ?? null) : null;
    const leader = point.byRole.leader;
    const customer = point.byRole.customer;
    return {
      stepId: point.stepId,
      index: point.index,
      gap: high && low ? high.mean - low.mean : null,
      high,
      low,
      leadersVsCustomers: leader && customer ? leader.mean - customer.mean : null,
    };
  });
}
