import type { z } from 'zod';
import { ErrorCode } from '../protocol/codes';
import type { RatingPayload } from '../protocol/schemas';
import { EMOTIONS, type Emotion } from './emotions';
import { can } from './permissions';
import type { Lens, Role } from './roles';
import type { ControlState } from './workshop';

export const RATING_NOTE_MAX_CHARS = 280;
export const EXPECTATIONS = ['worse', 'as', 'better'] as const;
export type Expectation = (typeof EXPECTATIONS)[number];

/**
 * What a participant sends: their feeling at one step (the round is the current one). The
 * payload schema's output, so the wire and the type cannot drift apart.
 */
export type RatingInput = z.output<typeof RatingPayload>;

/**
 * A rating: the one type. What the rater sent, in which round, who rated (their role,
 * lens, situation card and persona when they rated, from the server's roster) and when.
 * The server stores it whole; every audience sees a view of it (below), every analytic
 * asks for the fields it reads.
 */
export interface Rating extends RatingInput {
  workshopId: string;
  participantId: string;
  round: number;
  role: Role;
  lens: Lens;
  cardId: string | null;
  /** The persona dealt to the rater when they rated; null for none (or stored before kept). */
  personaId: string | null;
  updatedAt: number;
}

/** What the rater sees of their own ratings: what they sent, and the round. */
export const MY_RATING_FIELDS = [
  'stepId',
  'round',
  'valence',
  'emotion',
  'expectation',
  'effort',
  'note',
  'expectedNext',
] as const satisfies readonly (keyof Rating)[];
export type MyRating = Pick<Rating, (typeof MY_RATING_FIELDS)[number]>;

/**
 * What everyone sees of a revealed step's ratings: who rated only as role, lens, card and
 * persona (never a participant id), a key per rating, and the rater's name in named workshops only.
 */
export const REVEALED_RATING_FIELDS = [
  ...MY_RATING_FIELDS,
  'role',
  'lens',
  'cardId',
  'personaId',
] as const satisfies readonly (keyof Rating)[];
export type RevealedRating = {
  /** Stable within a server run; not a participant id (so anonymous stays anonymous). */
  key: string;
} & Pick<Rating, (typeof REVEALED_RATING_FIELDS)[number]> & { name: string | null };

/**
 * One audience's view of a rating: exactly `fields`, in their order, and nothing else, so
 * a field added to `Rating` reaches nobody until a view names it.
 */
export function ratingView<T extends object, K extends keyof T>(
  rating: T,
  fields: readonly K[],
): Pick<T, K> {
  const view = {} as Pick<T, K>;
  for (const field of fields) view[field] = rating[field];
  return view;
}

/** `round:stepId`: the unit that is counted, locked and revealed. */
export function stepKey(round: number, stepId: string): string {
  return `${round}:${stepId}`;
}

/** The named emotion and the valence must point the same way (neutral allows −1…+1). */
export function valenceFitsEmotion(valence: number, emotion: Emotion): boolean {
  const sign = Math.sign(EMOTIONS[emotion]);
  return sign === 0 ? Math.abs(valence) <= 1 : Math.sign(valence) === sign;
}

type Refusal = { ok: false; code: ErrorCode; message: string };

/**
 * May someone of `role` rate `stepId` now? During the walk, on the spotlighted step (or
 * any step when the room may run ahead), until the facilitator locks it.
 */
export function checkRating(
  control: ControlState,
  role: Role,
  input: RatingInput,
  stepIds: readonly string[],
  /** Whether this person has rated the step in this round already. */
  hasRated = false,
): { ok: true } | Refusal {
  const refuse = (code: ErrorCode, message: string): Refusal => ({ ok: false, code, message });
  if (!can(role, 'rate'))
    return refuse(ErrorCode.FORBIDDEN, 'Facilitators and observers do not rate');
  if (control.phase !== 'walk')
    return refuse(ErrorCode.INVALID_TRANSITION, 'Ratings are made during the walk');
  if (!stepIds.includes(input.stepId)) return refuse(ErrorCode.NOT_FOUND, 'No such step');
  if (control.pace === 'hold' && input.stepId !== control.stepId) {
    return refuse(ErrorCode.INVALID_TRANSITION, 'The room is on another step');
  }
  if (control.locked.includes(stepKey(control.round, input.stepId))) {
    return refuse(ErrorCode.INVALID_TRANSITION, 'The facilitator has locked this step');
  }
  // In an anonymous workshop a first rating on a step already revealed would reach the
  // room beside its rater's id in the progress count: the one new rating is theirs.
  const key = stepKey(control.round, input.stepId);
  if (control.anonymous && !hasRated && control.revealed.includes(key)) {
    return refuse(ErrorCode.INVALID_TRANSITION, 'This step is already revealed');
  }
  if (!valenceFitsEmotion(input.valence, input.emotion)) {
    return refuse(ErrorCode.INVALID_PAYLOAD, 'valence: does not fit the emotion');
  }
  // The last step promises nothing: an expectation there would name no step.
  if (input.expectedNext && input.stepId === stepIds.at(-1)) {
    return refuse(ErrorCode.INVALID_PAYLOAD, 'expectedNext: the last step has no next step');
  }
  return { ok: true };
}
