import { type Phase, PHASE_SPECS } from './phases';

/*
 * How long each phase usually takes, in minutes, for a room of 8–20 people, is in
 * `PHASE_SPECS`. The walk scales with the path: about three minutes a step (read the step
 * aloud, rate, a word or two about it), and at least ten. The facilitator's guide shows
 * these as suggestions and offers to start the timer with them; nothing enforces them.
 */

const WALK_MINUTES_PER_STEP = 3;
const WALK_MINUTES_MIN = 10;

/** The suggested length of `phase`, in whole minutes, for a path of `stepCount` steps. */
export function suggestedMinutes(phase: Phase, stepCount: number): number {
  const fixed = PHASE_SPECS[phase].minutes;
  if (fixed !== null) return fixed;
  return Math.max(WALK_MINUTES_MIN, WALK_MINUTES_PER_STEP * Math.max(0, stepCount));
}
