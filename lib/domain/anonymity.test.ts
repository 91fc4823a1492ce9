import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../protocol/codes';
import { anonymityRefusal } from './anonymity';

const lobby = { anonymous: true, phase: 'lobby' as const, round: 1 };

describe('anonymityRefusal', () => {
  it('always allows stricter, and keeping it as it is', () => {
    expect(anonymityRefusal({ ...lobby, anonymous: false }, true, true)).toBeNull();
    expect(anonymityRefusal({ ...lobby, phase: 'reveal', round: 3 }, true, true)).toBeNull();
    expect(anonymityRefusal({ ...lobby, anonymous: false, phase: 'walk' }, false, true)).toBeNull();
  });

  it('names people again only in the first lobby, before anyone has rated', () => {
    expect(anonymityRefusal(lobby, false, false)).toBeNull();
    expect(anonymityRefusal(lobby, false, true)).toEqual({
      ok: false,
      code: ErrorCode.INVALID_TRANSITION,
      message: 'Anonymity can only be made stricter once anyone has rated',
    });
    for (const state of [
      { ...lobby, phase: 'walk' as const },
      { ...lobby, round: 2 },
    ]) {
      expect(anonymityRefusal(state, false, false)).toEqual({
        ok: false,
        code: ErrorCode.INVALID_TRANSITION,
        message: 'Anonymity can only be made stricter now',
      });
    }
  });

  it('tells of the ratings first: out of the lobby after a rating, that is the reason', () => {
    expect(anonymityRefusal({ ...lobby, phase: 'walk' }, false, true)?.message).toBe(
      'Anonymity can only be made stricter once anyone has rated',
    );
  });
});
