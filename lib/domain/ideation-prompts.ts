/**
 * Ideate's prompts: the top moments of truth, each turned into a "How might we …?" at the
 * head of its step's ideas lane, and the order the facilitator's spotlight moves through.
 *
 * The prompts are derived, never stored: every screen builds them from the ratings it
 * has been shown (the revealed ones), and the server ranks the same revealed ratings with
 * the same function to place the spotlight. Nothing new is kept or sent, nothing can be
 * forged, edited or deleted (a prompt is not a board note), and a step revealed later
 * changes the prompts on every screen at once. See docs/analytics.md.
 */
import { curve, groupByStep, type CurveRating } from '../analytics/curve';
import { targetValence } from '../analytics/gaps';
import { type MomentOfTruth, momentsOfTruth, momentsToDiscuss } from '../analytics/moments';
import type { AnalyticsStep } from '../analytics/types';
import type { Emotion } from './emotions';
import { type Rating, stepKey } from './ratings';
import type { ControlState } from './workshop';

/** How many moments of truth seed the ideation. */
export const PROMPTED_MOMENTS = 3;

type RankedStep = Pick<AnalyticsStep, 'id' | 'critical' | 'targetFeeling'>;

/**
 * What everyone may see of the ratings: this round's, of revealed steps only. Reflect's
 * ranking and ideate's prompts are made of these alone, on the server as on every screen.
 */
export function seenRatings<R extends Pick<Rating, 'stepId' | 'round'>>(
  state: Pick<ControlState, 'round' | 'revealed'>,
  ratings: readonly R[],
): R[] {
  const open = new Set(state.revealed);
  return ratings.filter((r) => r.round === state.round && open.has(stepKey(r.round, r.stepId)));
}

/** The moments a room discusses, worst first: reflect walks them, ideate prompts the top. */
export function discussionOrder(
  steps: readonly RankedStep[],
  ratings: readonly CurveRating[],
): MomentOfTruth[] {
  return momentsToDiscuss(momentsOfTruth(steps, curve(steps, ratings)));
}

/** One prompt, as data: the screens word it in the workshop's language. */
export interface IdeationPrompt {
  stepId: string;
  /** The step's place on the path, from 0. */
  index: number;
  /** 1 for the worst moment of truth. */
  rank: number;
  /** The step's target feeling, named only when the room felt short of it. */
  target: Emotion | null;
  /** The feeling named most often at the step (the more painful one on a tie). */
  felt: Emotion | null;
  /** The mean valence felt (−3…+3) and how many ratings it is of. */
  mean: number;
  count: number;
}

/** What a prompt reads of a rating: the curve's fields and the feeling named. */
export type PromptRating = CurveRating & Pick<Rating, 'emotion'>;

/**
 * Named more often than any other feeling; none on a tie. "Felt most often: Angry" for one
 * Angry, one Anxious and one Frustrated read as a finding the room had not made (found by
 * the review).
 */
function mostFelt(ratings: readonly PromptRating[]): Emotion | null {
  const counts = new Map<Emotion, number>();
  for (const r of ratings) counts.set(r.emotion, (counts.get(r.emotion) ?? 0) + 1);
  const [first, second] = [...counts].sort((a, b) => b[1] - a[1]);
  return first && (!second || first[1] > second[1]) ? first[0] : null;
}

/**
 * The prompts for the top moments of truth of `ratings` (what is seen: pass
 * `seenRatings`), worst first; none when nothing stands out.
 */
export function ideationPrompts(
  steps: readonly RankedStep[],
  ratings: readonly PromptRating[],
): IdeationPrompt[] {
  const byStep = groupByStep(steps, ratings);
  const points = curve(steps, ratings);
  return discussionOrder(steps, ratings)
    .slice(0, PROMPTED_MOMENTS)
    .flatMap((moment, i): IdeationPrompt[] => {
      const overall = points[moment.index]?.overall;
      const felt = mostFelt(byStep.get(moment.stepId) ?? []);
      const feeling = steps[moment.index]?.targetFeeling ?? '';
      if (!overall) return [];
      const target =
        moment.shortfall > 0 && targetValence(feeling) !== null ? (feeling as Emotion) : null;
      const { mean, count } = overall;
      return [
        { stepId: moment.stepId, index: moment.index, rank: i + 1, target, felt, mean, count },
      ];
    });
}

/**
 * The step beside `current` in `order` (`by` 1: the next, −1: the previous), undefined
 * past either end. From a step outside the order (or none) "next" goes to the first.
 */
export function stepBeside(
  order: readonly string[],
  current: string | null,
  by: 1 | -1,
): string | undefined {
  const at = current === null ? -1 : order.indexOf(current);
  if (at < 0) return by === 1 ? order[0] : undefined;
  return order[at + by];
}
