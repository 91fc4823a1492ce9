/** Hand-made data for the analytics tests. */
import type { AnalyticsRating, AnalyticsStep } from './types';

export function step(id: string, over: Partial<AnalyticsStep> = {}): AnalyticsStep {
  return {
    id,
    title: `Step ${id}`,
    department: 'Sales',
    critical: false,
    targetFeeling: 'neutral',
    ...over,
  };
}

export function rating(
  stepId: string,
  valence: number,
  over: Partial<AnalyticsRating> = {},
): AnalyticsRating {
  return {
    stepId,
    round: 1,
    role: 'customer',
    lens: 'customer',
    cardId: null,
    personaId: null,
    valence,
    expectation: 'as',
    effort: null,
    ...over,
  };
}

/** Three steps, a, b and c, all owned by Sales and aiming at a neutral feeling. */
export const PATH = [step('a'), step('b'), step('c')];
