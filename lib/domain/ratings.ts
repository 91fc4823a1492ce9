import { ErrorCode } from '../protocol/codes';
import type { Expectation } from '../analytics/types';
import { EMOTIONS, type Emotion } from './emotions';
import { can } from './permissions';
import type { Lens, Role } from './roles';
import type { ControlState } from './workshop';

export const RATING_NOTE_MAX_CHARS = 280;
export const EXPECTATIONS = ['worse', 'as', 'better'] as const;

/** What a participant sends: their feeling at one step (the round is the current one). */
export interface RatingInput {
  stepId: string;
  valence: number;
  emotion: Emotion;
  expectation: Expectation;
  effort: number | null;
  note: string | null;
}

/** A participant's own rating, as they see it. */
export interface MyRating extends RatingInput {
  round: number;
}

/** A rating after its step was revealed: the rater's name only in named workshops. */
export interface RevealedRating extends MyRating {
  /** Stable within a server run; not a participant id (so anonymous stays anonymous). */
  key: string;
  role: Role;
  lens: Lens;
  cardId: string | null;
  name: string | null;
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
  return { ok: true };
}
