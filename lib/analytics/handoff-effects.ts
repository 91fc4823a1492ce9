import type { CurvePoint } from './curve';
import { handoffs, type Handoff } from './handoffs';
import type { AnalyticsStep } from './types';

export interface HandoffEffect extends Handoff {
  fromMean: number | null;
  toMean: number | null;
  /** Overall mean after − overall mean before; negative when the hand-off hurt. Null if either side is unrated. */
  change: number | null;
}

export interface HandoffEffects {
  handoffs: HandoffEffect[];
  /** How many times the path bounces the customer between departments. */
  bounces: number;
}

/** The change in overall mean valence across each hand-off. `points` is the curve of `steps`. */
export function handoffEffects(
  steps: readonly Pick<AnalyticsStep, 'id' | 'department'>[],
  points: readonly CurvePoint[],
): HandoffEffects {
  const effects = handoffs(steps).map((h) => {
    const fromMean = points[h.fromIndex]?.overall?.mean ?? null;
    const toMean = points[h.fromIndex + 1]?.overall?.mean ?? null;
    const change = fromMean !== null && toMean !== null ? toMean - fromMean : null;
    return { ...h, fromMean, toMean, change };
  });
  return { handoffs: effects, bounces: effects.length };
}
