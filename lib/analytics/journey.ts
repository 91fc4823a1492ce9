import { curve, type CurvePoint } from './curve';
import { type EffortAnalysis, effortByStep, type EffortHotspot, effortHotspots } from './effort';
import { expectations, type ExpectationPoint } from './expectations';
import { perceptionGaps, targetGaps, type PerceptionGap, type TargetGap } from './gaps';
import { handoffEffects, type HandoffEffect } from './handoff-effects';
import { momentsOfTruth, type MomentOfTruth } from './moments';
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
  /** Largest fall in mean valence across a hand-off first (rises are left out). */
  worstHandoffs: HandoffEffect[];
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
  expectations: ExpectationPoint[];
  /** All steps, ranked. */
  momentsOfTruth: MomentOfTruth[];
  byCard: CardSegment[];
  byPersona: PersonaSegment[];
  byRound: RoundSegment[];
  /** Effort per step and role, and over the whole path. */
  effort: EffortAnalysis;
  rankings: Rankings;
}

/** Highest `key` first, path order on ties, keeping only items whose key is above zero. */
function top<T>(items: readonly T[], key: (item: T) => number | null, order: (item: T) => number) {
  return items
    .filter((item) => (key(item) ?? 0) > 0)
    .sort((a, b) => (key(b) ?? 0) - (key(a) ?? 0) || order(a) - order(b))
    .slice(0, RANKING_SIZE);
}

/** Every analytic of one walk of the path, and the rankings for the facilitator. */
export function analyseJourney(
  steps: readonly AnalyticsStep[],
  ratings: readonly AnalyticsRating[],
): JourneyAnalysis {
  const points = curve(steps, ratings);
  const targets = targetGaps(steps, points);
  const perceptions = perceptionGaps(points);
  const { handoffs, bounces } = handoffEffects(steps, points);
  const moments = momentsOfTruth(steps, points);
  const effort = effortByStep(steps, ratings);
  return {
    curve: points,
    targetGaps: targets,
    perceptionGaps: perceptions,
    handoffs,
    bounces,
    expectations: expectations(steps, ratings),
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
        (h) => (h.change === null ? null : -h.change),
        (h) => h.fromIndex,
      ),
      leadersVsCustomers: top(
        perceptions,
        (p) => (p.leadersVsCustomers === null ? null : Math.abs(p.leadersVsCustomers)),
        (p) => p.index,
      ),
      momentsOfTruth: moments.filter((m) => m.score > 0).slice(0, RANKING_SIZE),
      highEffortLowFeeling: effortHotspots(effort.steps).slice(0, RANKING_SIZE),
    },
  };
}
