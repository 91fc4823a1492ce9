import { LENSES, type Lens } from '../domain/roles';
import { curve, type CurveRating, isRatedRole, type CurvePoint } from './curve';
import type { AnalyticsRating, AnalyticsStep } from './types';

export interface CardSegment {
  /** The situation card; null gathers the ratings given without a card. */
  cardId: string | null;
  /** Counted ratings in this segment. */
  count: number;
  curve: CurvePoint[];
}

export interface PersonaSegment {
  /** The persona the rater held when they rated; null gathers the ratings without one. */
  personaId: string | null;
  /** Counted ratings in this segment. */
  count: number;
  curve: CurvePoint[];
}

export interface RoundSegment {
  round: number;
  count: number;
  /** How many counted ratings of the round were given through each lens. */
  lenses: Record<Lens, number>;
  curve: CurvePoint[];
}

type StepRef = Pick<AnalyticsStep, 'id'>;

/** Ratings that count: a rated role, on a step of the path. */
function counted<R extends CurveRating>(steps: readonly StepRef[], ratings: readonly R[]): R[] {
  const ids = new Set(steps.map((s) => s.id));
  return ratings.filter((r) => isRatedRole(r.role) && ids.has(r.stepId));
}

/**
 * The curve split by what each rating held (`held`: a card, a persona): ids in id order,
 * "none" (null) last.
 */
function splitBy<R extends CurveRating>(
  steps: readonly StepRef[],
  ratings: readonly R[],
  held: (rating: R) => string | null,
): Array<{ id: string | null; count: number; curve: CurvePoint[] }> {
  const own = counted(steps, ratings);
  const ids = [...new Set(own.map(held))].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a.localeCompare(b),
  );
  return ids.map((id) => {
    const mine = own.filter((r) => held(r) === id);
    return { id, count: mine.length, curve: curve(steps, mine) };
  });
}

/** The curve split by situation card, cards in id order, "no card" last. */
export function byCard(
  steps: readonly StepRef[],
  ratings: readonly (CurveRating & Pick<AnalyticsRating, 'cardId'>)[],
): CardSegment[] {
  return splitBy(steps, ratings, (r) => r.cardId).map(({ id, ...rest }) => ({
    cardId: id,
    ...rest,
  }));
}

/** The curve split by persona, personas in id order, "no persona" last. */
export function byPersona(
  steps: readonly StepRef[],
  ratings: readonly (CurveRating & Pick<AnalyticsRating, 'personaId'>)[],
): PersonaSegment[] {
  return splitBy(steps, ratings, (r) => r.personaId).map(({ id, ...rest }) => ({
    personaId: id,
    ...rest,
  }));
}

/** The curve split by round (one walk of the path), with the lens mix of each round. */
export function byRound(
  steps: readonly StepRef[],
  ratings: readonly (CurveRating & Pick<AnalyticsRating, 'round' | 'lens'>)[],
): RoundSegment[] {
  const own = counted(steps, ratings);
  const rounds = [...new Set(own.map((r) => r.round))].sort((a, b) => a - b);
  return rounds.map((round) => {
    const mine = own.filter((r) => r.round === round);
    const lenses = Object.fromEntries(
      LENSES.map((lens) => [lens, mine.filter((r) => r.lens === lens).length]),
    ) as Record<Lens, number>;
    return { round, count: mine.length, lenses, curve: curve(steps, mine) };
  });
}
