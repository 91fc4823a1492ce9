import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../protocol/codes';
import { RatingPayload } from '../protocol/schemas';
import { control, PATH } from './command-fixtures';
import { EMOTION_NAMES, EMOTIONS, type Emotion } from './emotions';
import {
  checkRating,
  MY_RATING_FIELDS,
  type Rating,
  type RatingInput,
  ratingView,
  REVEALED_RATING_FIELDS,
  stepKey,
  valenceFitsEmotion,
} from './ratings';
import type { Role } from './roles';
import type { ControlState } from './workshop';

function input(overrides: Partial<RatingInput> = {}): RatingInput {
  return {
    stepId: 's1',
    valence: 2,
    emotion: 'happy',
    expectation: 'as',
    effort: null,
    note: null,
    ...overrides,
  };
}

function check(state: ControlState, role: Role = 'customer', rating = input()) {
  return checkRating(state, role, rating, PATH.stepIds);
}

describe('stepKey', () => {
  it('joins round and step id, so the same step in two rounds has two keys', () => {
    expect(stepKey(1, 's1')).toBe('1:s1');
    expect(stepKey(2, 's1')).toBe('2:s1');
    expect(stepKey(1, 's1')).not.toBe(stepKey(1, 's10'));
  });
});

describe('valenceFitsEmotion', () => {
  it('accepts any valence on the emotion’s side of zero', () => {
    for (const v of [1, 2, 3]) expect(valenceFitsEmotion(v, 'happy'), `happy ${v}`).toBe(true);
    for (const v of [1, 2, 3])
      expect(valenceFitsEmotion(v, 'relieved'), `relieved ${v}`).toBe(true);
    for (const v of [-1, -2, -3]) expect(valenceFitsEmotion(v, 'angry'), `angry ${v}`).toBe(true);
  });

  it('refuses a valence on the other side, and zero, for a feeling with a sign', () => {
    for (const v of [0, -1, -3]) expect(valenceFitsEmotion(v, 'delighted'), `+ ${v}`).toBe(false);
    for (const v of [0, 1, 3]) expect(valenceFitsEmotion(v, 'frustrated'), `- ${v}`).toBe(false);
  });

  it('lets neutral be anything from −1 to +1, and nothing stronger', () => {
    for (const v of [-1, 0, 1]) expect(valenceFitsEmotion(v, 'neutral'), `${v}`).toBe(true);
    for (const v of [-3, -2, 2, 3]) expect(valenceFitsEmotion(v, 'neutral'), `${v}`).toBe(false);
  });

  it('accepts every emotion at its own palette valence', () => {
    for (const e of EMOTION_NAMES) expect(valenceFitsEmotion(EMOTIONS[e], e), e).toBe(true);
  });
});

describe('checkRating: who', () => {
  it.each(['leader', 'staff', 'customer'] as const)('lets a %s rate', (role) => {
    expect(check(control(), role)).toEqual({ ok: true });
  });

  it.each(['facilitator', 'observer'] as const)('refuses a %s with FORBIDDEN', (role) => {
    expect(check(control(), role)).toMatchObject({ ok: false, code: ErrorCode.FORBIDDEN });
  });

  it('says FORBIDDEN to an observer even outside the walk (the role is checked first)', () => {
    const result = check(control({ phase: 'lobby' }), 'observer');
    expect(result).toMatchObject({ ok: false, code: ErrorCode.FORBIDDEN });
  });
});

describe('checkRating: when and where', () => {
  it.each(['lobby', 'warmup', 'target', 'reveal', 'reflect', 'summary'] as const)(
    'refuses outside the walk (%s) with INVALID_TRANSITION',
    (phase) => {
      const result = check(control({ phase }));
      expect(result).toMatchObject({ ok: false, code: ErrorCode.INVALID_TRANSITION });
    },
  );

  it('refuses a step the path does not have with NOT_FOUND', () => {
    const result = check(control(), 'leader', input({ stepId: 'nope' }));
    expect(result).toMatchObject({ ok: false, code: ErrorCode.NOT_FOUND });
  });

  it('holds the room on the spotlighted step: another step is INVALID_TRANSITION', () => {
    const result = check(control({ stepId: 's1' }), 'staff', input({ stepId: 's3' }));
    expect(result).toMatchObject({ ok: false, code: ErrorCode.INVALID_TRANSITION });
  });

  it('refuses every step while nothing is spotlighted in hold pace', () => {
    const result = check(control({ stepId: null }), 'staff', input({ stepId: 's1' }));
    expect(result).toMatchObject({ ok: false, code: ErrorCode.INVALID_TRANSITION });
  });

  it('lets the room run ahead (or back) in free pace', () => {
    const state = control({ pace: 'free', stepId: 's2' });
    expect(check(state, 'customer', input({ stepId: 's5' }))).toEqual({ ok: true });
    expect(check(state, 'customer', input({ stepId: 's1' }))).toEqual({ ok: true });
  });
});

describe('checkRating: locks', () => {
  it('refuses a step locked in this round with INVALID_TRANSITION', () => {
    const result = check(control({ locked: ['1:s1'] }));
    expect(result).toMatchObject({ ok: false, code: ErrorCode.INVALID_TRANSITION });
  });

  it('refuses a locked step in free pace too', () => {
    const state = control({ pace: 'free', locked: ['1:s4'] });
    const result = check(state, 'leader', input({ stepId: 's4' }));
    expect(result).toMatchObject({ ok: false, code: ErrorCode.INVALID_TRANSITION });
  });

  it('does not carry a lock over to the same step in the next round', () => {
    expect(check(control({ round: 2, locked: ['1:s1'] }))).toEqual({ ok: true });
  });

  it('leaves other steps open when one is locked', () => {
    const state = control({ pace: 'free', locked: ['1:s1'] });
    expect(check(state, 'customer', input({ stepId: 's2' }))).toEqual({ ok: true });
  });
});

describe('checkRating: the feeling', () => {
  it('refuses a valence that contradicts the named emotion with INVALID_PAYLOAD', () => {
    const bad: Array<[number, Emotion]> = [
      [2, 'angry'],
      [-2, 'happy'],
      [0, 'calm'],
      [3, 'neutral'],
    ];
    for (const [valence, emotion] of bad) {
      const result = check(control(), 'customer', input({ valence, emotion }));
      expect(result, `${valence} ${emotion}`).toMatchObject({
        ok: false,
        code: ErrorCode.INVALID_PAYLOAD,
      });
    }
  });

  it('accepts the extremes of the scale with fitting emotions', () => {
    expect(check(control(), 'leader', input({ valence: 3, emotion: 'delighted' }))).toEqual({
      ok: true,
    });
    expect(check(control(), 'leader', input({ valence: -3, emotion: 'angry' }))).toEqual({
      ok: true,
    });
  });
});

describe('checkRating: the feeling expected next', () => {
  it('accepts a feeling expected at the next step, or none', () => {
    expect(check(control(), 'customer', input({ expectedNext: 'calm' }))).toEqual({ ok: true });
    expect(check(control(), 'customer', input())).toEqual({ ok: true });
  });

  it('refuses one on the last step, which has no next step, with INVALID_PAYLOAD', () => {
    const state = control({ pace: 'free' });
    const last = input({ stepId: 's8', expectedNext: 'happy' });
    expect(check(state, 'customer', last)).toMatchObject({
      ok: false,
      code: ErrorCode.INVALID_PAYLOAD,
    });
    expect(check(state, 'customer', input({ stepId: 's8' }))).toEqual({ ok: true });
  });

  it('travels in the payload as a palette feeling, optional for older clients', () => {
    const body = { ...input(), note: 'x' };
    expect(RatingPayload.parse(body)).not.toHaveProperty('expectedNext');
    expect(RatingPayload.parse({ ...body, expectedNext: 'anxious' }).expectedNext).toBe('anxious');
    expect(RatingPayload.safeParse({ ...body, expectedNext: 'ecstatic' }).success).toBe(false);
  });
});

describe('ratingView', () => {
  const stored: Rating = {
    workshopId: 'w1',
    participantId: 'p1',
    ...input({ note: 'slow' }),
    round: 1,
    role: 'customer',
    lens: 'customer',
    cardId: null,
    personaId: null,
    updatedAt: 5,
  };

  it('gives an audience exactly its fields, in their order, and nothing else', () => {
    expect(Object.keys(ratingView(stored, MY_RATING_FIELDS))).toEqual([...MY_RATING_FIELDS]);
    const seen = ratingView(stored, REVEALED_RATING_FIELDS);
    expect(Object.keys(seen)).toEqual([...REVEALED_RATING_FIELDS]);
    expect(seen).not.toHaveProperty('participantId');
    expect(seen).not.toHaveProperty('workshopId');
    expect(seen).toMatchObject({ stepId: 's1', note: 'slow', role: 'customer' });
  });

  it('carries the feeling expected next to the rater, and to everyone once revealed', () => {
    const expecting: Rating = { ...stored, expectedNext: 'relieved' };
    expect(ratingView(expecting, MY_RATING_FIELDS).expectedNext).toBe('relieved');
    expect(ratingView(expecting, REVEALED_RATING_FIELDS).expectedNext).toBe('relieved');
  });
});
