import type { Rating } from '../domain/ratings';

export type { Expectation } from '../domain/ratings';

/**
 * What of a rating the analytics may read (no names: analytics never need them). Each
 * analytic asks for the fields it reads (a `Pick` of this), so any rating passes as it is:
 * a stored one, a revealed one, an exported one. Nothing is copied into this shape.
 */
export type AnalyticsRating = Pick<
  Rating,
  | 'stepId'
  | 'round'
  | 'role'
  | 'lens'
  | 'cardId'
  | 'personaId'
  | 'valence'
  | 'expectation'
  | 'effort'
  | 'expectedNext'
>;

/** What the analytics need of a path step. */
export interface AnalyticsStep {
  id: string;
  title: string;
  department: string;
  critical: boolean;
  /** An emotion name from lib/domain/emotions.ts; its valence is the target. */
  targetFeeling: string;
}
