import { describe, expect, it } from 'vitest';
import { type Phase, PHASES } from './phases';
import { suggestedMinutes } from './phase-guide';

/** The whole workshop's suggested length over the phases it uses. */
function totalMinutes(phases: readonly Phase[], stepCount: number): number {
  return phases.reduce((sum, phase) => sum + suggestedMinutes(phase, stepCount), 0);
}

describe('suggested phase durations', () => {
  it('suggest a positive whole number of minutes for every phase', () => {
    for (const phase of PHASES) {
      const minutes = suggestedMinutes(phase, 8);
      expect(Number.isInteger(minutes), phase).toBe(true);
      expect(minutes, phase).toBeGreaterThan(0);
    }
  });

  it('scale the walk with the path, three minutes a step and at least ten', () => {
    expect(suggestedMinutes('walk', 8)).toBe(24);
    expect(suggestedMinutes('walk', 12)).toBe(36);
    expect(suggestedMinutes('walk', 2)).toBe(10);
    expect(suggestedMinutes('walk', 0)).toBe(10);
    expect(suggestedMinutes('reveal', 12)).toBe(suggestedMinutes('reveal', 2));
  });

  it('add up over the phases a workshop uses', () => {
    expect(totalMinutes(['lobby', 'walk', 'summary'], 8)).toBe(5 + 24 + 5);
    expect(totalMinutes(PHASES, 8)).toBe(5 + 5 + 10 + 24 + 15 + 15 + 15 + 5 + 15 + 5);
  });
});
