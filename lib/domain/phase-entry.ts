/**
 * What entering a phase does beyond changing the phase: the reveal shows what was walked
 * (unless the facilitator reveals step by step), and reflect and ideate open on the top
 * moment of truth; where the spotlight's next and previous step are. Pure functions of
 * the control state and the facts the server holds.
 */
import type { AnalyticsRating, AnalyticsStep } from '../analytics/types';
import { discussionOrder, PROMPTED_MOMENTS, seenRatings, stepBeside } from './ideation-prompts';
import { type Phase, PHASES } from './phases';
import { stepKey } from './ratings';
import type { ControlState } from './workshop';

/** What the phase entry needs to know: the path's steps and every rating held. */
export interface EntryFacts {
  stepIds: readonly string[];
  /** Critical flags and target feelings, for ranking moments of truth. Default: none. */
  steps?: readonly Pick<AnalyticsStep, 'id' | 'critical' | 'targetFeeling'>[];
  /** Every rating held, revealed or not: this decides what of them counts. Default: none. */
  ratings?: readonly Pick<AnalyticsRating, 'stepId' | 'round' | 'role' | 'valence'>[];
}

/**
 * Steps of this round that someone rated ("walked"), as `round:stepId` keys. Revealing
 * only these, not the whole path, keeps a step walked later (back in the walk) blind.
 */
function walkedKeys(
  round: number,
  stepIds: readonly string[],
  ratings: readonly Pick<AnalyticsRating, 'stepId' | 'round'>[],
): string[] {
  const rated = new Set(ratings.filter((r) => r.round === round).map((r) => r.stepId));
  return stepIds.filter((id) => rated.has(id)).map((id) => stepKey(round, id));
}

/**
 * Entering the reveal, or any later phase (a facilitator may skip the reveal), reveals
 * what this round walked, unless the facilitator chose to reveal step by step. The room
 * otherwise met a blank curve at the key moment and thought its ratings were lost.
 */
export function revealOnEntering(state: ControlState, phase: Phase, facts: EntryFacts): string[] {
  const past = PHASES.indexOf(phase) >= PHASES.indexOf('reveal');
  if (!past || state.revealMode !== 'walked') return state.revealed;
  const keys = new Set(state.revealed);
  const before = keys.size;
  for (const key of walkedKeys(state.round, facts.stepIds, facts.ratings ?? [])) keys.add(key);
  return keys.size === before ? state.revealed : [...keys];
}

/**
 * The steps worth discussing in this round, worst moment of truth first, from what is
 * revealed only (what everyone may see). Reflect's ranking and its opening spotlight.
 */
function reflectRanking(state: Pick<ControlState, 'round' | 'revealed'>, facts: EntryFacts) {
  const steps = (facts.steps ?? []).filter((s) => facts.stepIds.includes(s.id));
  return discussionOrder(steps, seenRatings(state, facts.ratings ?? [])).map((m) => m.stepId);
}

/**
 * The steps ideate prompts ideas for, in order: the top of reflect's ranking, as every
 * screen derives its prompts (lib/domain/ideation-prompts.ts).
 */
function promptedSteps(state: Pick<ControlState, 'round' | 'revealed'>, facts: EntryFacts) {
  return reflectRanking(state, facts).slice(0, PROMPTED_MOMENTS);
}

/**
 * Reflect opens on the top moment of truth, ideate on the first prompted step (the same
 * one); with nothing revealed that stands out the spotlight stays.
 */
export function spotlightOnEntering(
  state: ControlState,
  phase: Phase,
  facts: EntryFacts,
): string | null {
  if (phase === state.phase) return state.stepId;
  if (phase === 'reflect') return reflectRanking(state, facts)[0] ?? state.stepId;
  if (phase === 'ideate') return promptedSteps(state, facts)[0] ?? state.stepId;
  return state.stepId;
}

/**
 * The step next to the spotlight (`by` 1) or before it (−1): ideate moves through its
 * prompted steps, worst first; the walk and reflect along the path.
 */
export function stepBesideSpotlight(
  state: ControlState,
  facts: EntryFacts,
  by: 1 | -1,
): string | undefined {
  const order = state.phase === 'ideate' ? promptedSteps(state, facts) : facts.stepIds;
  return stepBeside(order, state.stepId, by);
}
