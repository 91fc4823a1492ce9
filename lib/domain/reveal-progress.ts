import { stepKey } from './ratings';
import type { ControlState } from './workshop';

export interface RevealProgress {
  /** Steps of this round that someone rated. */
  walked: number;
  /** Of those, how many are revealed. */
  revealed: number;
}

/**
 * How far the reveal of this round has come, from what every screen holds (the counts,
 * never the ratings): so a screen can say what it waits for instead of showing a blank.
 */
export function revealProgress(
  control: Pick<ControlState, 'round' | 'revealed'>,
  ratingCounts: Readonly<Record<string, number>>,
  stepIds: readonly string[],
): RevealProgress {
  const open = new Set(control.revealed);
  const walked = stepIds
    .map((id) => stepKey(control.round, id))
    .filter((key) => (ratingCounts[key] ?? 0) > 0);
  return { walked: walked.length, revealed: walked.filter((key) => open.has(key)).length };
}
