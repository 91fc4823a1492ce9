import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../protocol/codes';
import { checkWarmupAnswer } from './warmup';

const open = { phase: 'warmup' as const, warmupClosed: false };

describe('checkWarmupAnswer', () => {
  it('lets those who take part answer while the warm-up is open', () => {
    for (const role of ['leader', 'staff', 'customer'] as const) {
      expect(checkWarmupAnswer(open, role)).toEqual({ ok: true });
    }
  });

  it('refuses facilitators and observers, whatever the phase', () => {
    for (const role of ['facilitator', 'observer'] as const) {
      expect(checkWarmupAnswer({ ...open, phase: 'lobby' }, role)).toMatchObject({
        code: ErrorCode.FORBIDDEN,
      });
    }
  });

  it('refuses outside the warm-up and once it is closed', () => {
    for (const control of [
      { ...open, phase: 'walk' as const },
      { ...open, warmupClosed: true },
    ]) {
      expect(checkWarmupAnswer(control, 'staff')).toEqual({
        ok: false,
        code: ErrorCode.INVALID_TRANSITION,
        message: 'The warm-up is not open',
      });
    }
  });
});
