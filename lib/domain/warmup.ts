import { ErrorCode } from '../protocol/codes';
import { can } from './permissions';
import type { Role } from './roles';
import type { ControlState } from './workshop';

/** May someone of `role` answer the warm-up now? Only those who take part, while it is open. */
export function checkWarmupAnswer(
  control: Pick<ControlState, 'phase' | 'warmupClosed'>,
  role: Role,
): { ok: true } | { ok: false; code: ErrorCode; message: string } {
  if (!can(role, 'warmup.answer')) {
    const message = 'Facilitators and observers do not answer';
    return { ok: false, code: ErrorCode.FORBIDDEN, message };
  }
  if (control.phase !== 'warmup' || control.warmupClosed) {
    return { ok: false, code: ErrorCode.INVALID_TRANSITION, message: 'The warm-up is not open' };
  }
  return { ok: true };
}
