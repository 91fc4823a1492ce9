import { ErrorCode } from '../protocol/codes';
import type { ControlState } from './workshop';

/**
 * May anonymity change from `state.anonymous` to `anonymous`? Stricter is always allowed.
 * Names may come back only before anything has been shared: in the first round's lobby,
 * and before anyone has rated (back in the lobby, ratings given under anonymity must not
 * be named afterwards). Null when allowed, else why not.
 */
export function anonymityRefusal(
  state: Pick<ControlState, 'anonymous' | 'phase' | 'round'>,
  anonymous: boolean,
  anyoneRated: boolean,
): { ok: false; code: ErrorCode; message: string } | null {
  if (anonymous || !state.anonymous) return null;
  const code = ErrorCode.INVALID_TRANSITION;
  if (anyoneRated) {
    return {
      ok: false,
      code,
      message: 'Anonymity can only be made stricter once anyone has rated',
    };
  }
  if (state.phase !== 'lobby' || state.round > 1) {
    return { ok: false, code, message: 'Anonymity can only be made stricter now' };
  }
  return null;
}
