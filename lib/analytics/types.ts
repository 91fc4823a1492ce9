import type { Lens, Role } from '../domain/roles';

export type Expectation = 'worse' | 'as' | 'better';

/** One revealed rating, as the analytics see it (no names: analytics never need them). */
export interface AnalyticsRating {
  stepId: string;
  round: number;
  /** The rater's role and lens when they rated. */
  role: Role;
  lens: Lens;
  /** The situation card the rater held when they rated, if any. */
  cardId: string | null;
  /** −3..+3 */
  valence: number;
  expectation: Expectation;
  /** 1 (easy) … 5 (hard), optional. */
  effort: number | null;
}

/** What the analytics need of a path step. */
export interface AnalyticsStep {
  id: string;
  title: string;
  department: string;
  critical: boolean;
  /** An emotion name from lib/domain/emotions.ts; its valence is the target. */
  targetFeeling: string;
}
