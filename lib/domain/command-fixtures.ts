/** Shared fixtures for the unit tests of `applyCommand` (commands*.test.ts). */
import type { AnalyticsRating } from '../analytics/types';
import { type Actor, initialControl } from './commands';
import { PHASES } from './phases';
import type { Role } from './roles';
import type { ControlState } from './workshop';

export const PATH = { stepIds: ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8'] };
export const NOW = 1_700_000_000_000;

export function who(role: Role, now = NOW): Actor {
  return { participantId: `p-${role}`, role, now };
}

/** Every phase enabled, in the walk on the first step of round 1, at revision 7. */
export function control(overrides: Partial<ControlState> = {}): ControlState {
  return {
    ...initialControl(PHASES),
    phase: 'walk',
    stepId: 's1',
    revision: 7,
    readiness: { scope: 'walk:1:s1', doneIds: [] },
    ...overrides,
  };
}

/** A staff member's neutral rating of `stepId` in round 1. */
export function ratingOf(stepId: string): AnalyticsRating {
  const base = { round: 1, role: 'staff', lens: 'staff', cardId: null, personaId: null } as const;
  return { ...base, stepId, valence: 0, expectation: 'as', effort: null };
}
