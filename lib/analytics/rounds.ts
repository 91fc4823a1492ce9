import type { Lens } from '../domain/roles';
import { RATED_ROLES, type RatedRole } from './curve';
import { analyseJourney, type JourneyAnalysis, type JourneyRating } from './journey';
import { byRound } from './segments';
import type { AnalyticsStep } from './types';

/** One round (one walk of the path) analysed on its own. */
export interface RoundAnalysis {
  round: number;
  /** How many counted ratings of the round were given through each lens. */
  lenses: Record<Lens, number>;
  /** `analyseJourney` of this round's ratings only. */
  analysis: JourneyAnalysis;
}

/** How one role's feeling at one step moved from round to round. */
export interface RoundChange {
  stepId: string;
  index: number;
  role: RatedRole;
  /** The role's mean valence at the step in each analysed round, in round order; null if unrated. */
  means: Array<{ round: number; mean: number | null }>;
  /**
   * Latest round's mean − first round's mean (the first and latest rounds that have any
   * counted ratings): positive when the role felt the step better in the latest round.
   * Null when the role did not rate the step in either of them.
   */
  change: number | null;
}

/**
 * Every round analysed on its own, in round order: a round's findings stay when a later
 * round is walked. Rounds without counted ratings are left out (as in `byRound`).
 */
export function analyseRounds(
  steps: readonly AnalyticsStep[],
  ratings: readonly JourneyRating[],
): RoundAnalysis[] {
  return byRound(steps, ratings).map(({ round, lenses }) => ({
    round,
    lenses,
    analysis: analyseJourney(
      steps,
      ratings.filter((r) => r.round === round),
    ),
  }));
}

/**
 * What changed between rounds, per step and role (path order, then RATED_ROLES order):
 * each round's mean, and the change from the first round to the latest. Empty with fewer
 * than two rounds; pairs no round rated are left out.
 */
export function roundChanges(rounds: readonly RoundAnalysis[]): RoundChange[] {
  if (rounds.length < 2) return [];
  const first = rounds[0]!;
  const latest = rounds[rounds.length - 1]!;
  return first.analysis.curve.flatMap((point) =>
    RATED_ROLES.flatMap((role): RoundChange[] => {
      const meanIn = (r: RoundAnalysis) =>
        r.analysis.curve[point.index]?.byRole[role]?.mean ?? null;
      const means = rounds.map((r) => ({ round: r.round, mean: meanIn(r) }));
      if (means.every((m) => m.mean === null)) return [];
      const from = meanIn(first);
      const to = meanIn(latest);
      return [
        {
          stepId: point.stepId,
          index: point.index,
          role,
          means,
          change: from !== null && to !== null ? to - from : null,
        },
      ];
    }),
  );
}

/** The analyses an export carries: the latest round, every round, and the change between. */
export interface WorkshopAnalyses {
  /** The latest round with counted ratings (its `byRound` splits every round). */
  analysis: JourneyAnalysis;
  rounds: RoundAnalysis[];
  roundChanges: RoundChange[];
}

/**
 * The latest round's analysis stays where exports always had it (`analysis`), beside every
 * round's own and the change per role between them.
 */
export function analyseWorkshop(
  steps: readonly AnalyticsStep[],
  ratings: readonly JourneyRating[],
): WorkshopAnalyses {
  const rounds = analyseRounds(steps, ratings);
  const latest = rounds.at(-1);
  const analysis = latest ? { ...latest.analysis } : analyseJourney(steps, []);
  analysis.byRound = byRound(steps, ratings);
  return { analysis, rounds, roundChanges: roundChanges(rounds) };
}
