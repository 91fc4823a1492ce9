import { curve, type CurvePoint, type RatedRole } from './curve';
import { type EffortAnalysis, effortByStep, type EffortHotspot, effortHotspots } from './effort';
import { byBrokenExpectation, expectations, type ExpectationPoint } from './expectations';
import { perceptionGaps, targetGaps, type PerceptionGap, type TargetGap } from './gaps';
import { type CustomerBoots, handoffEffects, type HandoffEffect } from './handoff-effects';
import { momentsOfTruth, type MomentOfTruth } from './moments';
import { brokenPromises, promiseGaps, type PromiseGap, type PromiseRating } from './promises';
import {
  byCard,
  byPersona,
  byRound,
  type CardSegment,
  type PersonaSegment,
  type RoundSegment,
} from './segments';
import type { AnalyticsRating, AnalyticsStep } from './types';

/** How many items each ranking keeps. */
export const RANKING_SIZE = 5;

/** Each ranking keeps only what stands out: zero and missing values are left out. */
export interface Rankings {
  /** Largest perception gap first. */
  perceptionGaps: PerceptionGap[];
  /** Largest shortfall below the target first (steps felt better than intended are left out). */
  targetGaps: TargetGap[];
  /**
   * Largest fall across a hand-off felt in the customer's boots (`customerChange`) first;
   * rises, and hand-offs they did not rate on both sides, are left out.
   */
  worstHandoffs: HandoffEffect[];
  /**
   * Steps someone found worse than expected: broken promises first, then the largest share
   * of "worse than expected" (see `byBrokenExpectation`).
   */
  brokenExpectations: ExpectationPoint[];
  /** Leaders against customer proxies, the largest difference either way first. */
  leadersVsCustomers: PerceptionGap[];
  /** Highest moments-of-truth score first. */
  momentsOfTruth: MomentOfTruth[];
  /** High effort and low feeling together, the worst trade first (effort.ts). */
  highEffortLowFeeling: EffortHotspot[];
}

export interface JourneyAnalysis {
  curve: CurvePoint[];
  targetGaps: TargetGap[];
  perceptionGaps: PerceptionGap[];
  handoffs: HandoffEffect[];
  bounces: number;
  /** Whose change ranks the hand-offs (see `CustomerBoots`). */
  customerBoots: CustomerBoots;
  expectations: ExpectationPoint[];
  /** All steps, ranked. */
  momentsOfTruth: MomentOfTruth[];
  byCard: CardSegment[];
  byPersona: PersonaSegment[];
  byRound: RoundSegment[];
  /** Effort per step and role, and over the whole path. */
  effort: EffortAnalysis;
  rankings: Rankings;
  /** The promise chain: each step's promise gap per role, and the promises broken most. */
  promises: { gaps: PromiseGap[]; broken: Record<RatedRole, PromiseGap[]> };
}

/** Highest `key` first, path order on ties, keeping only items whose key is above zero. */
function top<T>(items: readonly T[], key: (item: T) => number | null, order: (item: T) => number) {
  return items
    .filter((item) => (key(item) ?? 0) > 0)
    .sort((a, b) => (key(b) ?? 0) - (key(a) ?? 0) || order(a) - order(b))
    .slice(0, RANKING_SIZE);
}

/**
 * What the whole analysis reads of a rating. The feeling expected next as any text: an
 * exported rating names it as a string, and a name this build does not know counts as none.
 */
export type JourneyRating = Omit<AnalyticsRating, 'expectedNext'> & PromiseRating;

/** Every analytic of one walk of the path, and the rankings for the facilitator. */
export function analyseJourney(
  steps: readonly AnalyticsStep[],
  ratings: readonly JourneyRating[],
): JourneyAnalysis {
  const points = curve(steps, ratings);
  const targets = targetGaps(steps, points);
  const perceptions = perceptionGaps(points);
  const { handoffs, bounces, customerBoots } = handoffEffects(steps, ratings);
  const moments = momentsOfTruth(steps, points);
  const expected = expectations(steps, ratings);
  const promises = promiseGaps(steps, ratings);
  const effort = effortByStep(steps, ratings);
  return {
    curve: points,
    targetGaps: targets,
    perceptionGaps: perceptions,
    handoffs,
    bounces,
    customerBoots,
    expectations: expected,
    momentsOfTruth: moments,
    byCard: byCard(steps, ratings),
    byPersona: byPersona(steps, ratings),
    byRound: byRound(steps, ratings),
    effort,
    rankings: {
      perceptionGaps: top(
        perceptions,
        (p) => p.gap,
        (p) => p.index,
      ),
      targetGaps: top(
        targets,
        (t) => t.gap,
        (t) => t.index,
      ),
      worstHandoffs: top(
        handoffs,
        (h) => (h.customerChange === null ? null : -h.customerChange),
        (h) => h.fromIndex,
      ),
      brokenExpectations: expected
        .filter((e) => (e.worse ?? 0) > 0)
        .sort(byBrokenExpectation)
        .slice(0, RANKING_SIZE),
      leadersVsCustomers: top(
        perceptions,
        (p) => (p.leadersVsCustomers === null ? null : Math.abs(p.leadersVsCustomers)),
        (p) => p.index,
      ),
      momentsOfTruth: moments.filter((m) => m.score > 0).slice(0, RANKING_SIZE),
      highEffortLowFeeling: effortHotspots(effort.steps).slice(0, RANKING_SIZE),
    },
    promises: { gaps: promises, broken: brokenPromises(promises, RANKING_SIZE) },
  };
}
