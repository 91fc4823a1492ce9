import type { CurvePoint } from './curve';
import { perceptionGaps, targetGaps } from './gaps';
import type { AnalyticsStep } from './types';

/** Bonus added to a step the path marks as critical. */
const CRITICAL_BONUS = 1;

export interface MomentOfTruth {
  stepId: string;
  index: number;
  /** drop + shortfall + perceptionGap / 2 + critical bonus. See docs/analytics.md. */
  score: number;
  /** max(0, previous step's mean − this step's mean); 0 when either is unrated. */
  drop: number;
  /** max(0, target gap): how far the felt mean fell short of the target; 0 when unknown. */
  shortfall: number;
  /** Largest difference between role means; 0 when fewer than two roles rated. */
  perceptionGap: number;
  critical: boolean;
  rated: boolean;
}

/**
 * Every step scored as a moment of truth, highest score first. On equal scores rated steps
 * come before unrated ones, then path order. An unrated step scores only its critical bonus.
 */
export function momentsOfTruth(
  steps: readonly Pick<AnalyticsStep, 'id' | 'critical' | 'targetFeeling'>[],
  points: readonly CurvePoint[],
): MomentOfTruth[] {
  const targets = targetGaps(steps, points);
  const perceptions = perceptionGaps(points);
  const scored = steps.map((step, index): MomentOfTruth => {
    const mean = points[index]?.overall?.mean ?? null;
    const prevMean = points[index - 1]?.overall?.mean ?? null;
    const drop = mean !== null && prevMean !== null ? Math.max(0, prevMean - mean) : 0;
    const shortfall = Math.max(0, targets[index]?.gap ?? 0);
    const perceptionGap = perceptions[index]?.gap ?? 0;
    const bonus = step.critical ? CRITICAL_BONUS : 0;
    return {
      stepId: step.id,
      index,
      score: drop + shortfall + perceptionGap / 2 + bonus,
      drop,
      shortfall,
      perceptionGap,
      critical: step.critical,
      rated: mean !== null,
    };
  });
  return scored.sort(
    (a, b) => b.score - a.score || Number(b.rated) - Number(a.rated) || a.index - b.index,
  );
}

/**
 * The moments a room talks about in reflect, worst first: steps someone rated that score
 * above zero (an unrated step has nothing to discuss, however critical).
 */
export function momentsToDiscuss(moments: readonly MomentOfTruth[]): MomentOfTruth[] {
  return moments.filter((m) => m.rated && m.score > 0);
}
