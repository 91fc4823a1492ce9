import { describe, expect, it } from 'vitest';
import type { Emotion } from './emotions';
import {
  ideationPrompts,
  PROMPTED_MOMENTS,
  type PromptRating,
  seenRatings,
  stepBeside,
} from './ideation-prompts';
import type { Role } from './roles';

const step = (id: string, targetFeeling: string, critical = false) => ({
  id,
  critical,
  targetFeeling,
});

/**
 * Six steps, one role (no perception gaps), planted so the ranking is known by hand:
 * a +2 (its target), b −3 (drop 5 + short of happy by 5 = 10), c −1 (short of calm by 2),
 * d −2 (drop 1 + short of happy by 4 = 5), e +1 (critical 1 + short of delighted by 2 = 3),
 * f 0 (drop 1, its neutral target met = 1). Top three: b, d, e; then c and f.
 */
const STEPS = [
  step('a', 'happy'),
  step('b', 'happy'),
  step('c', 'calm'),
  step('d', 'happy'),
  step('e', 'delighted', true),
  step('f', 'neutral'),
];

const r = (stepId: string, valence: number, emotion: Emotion, role: Role = 'customer') => ({
  stepId,
  role,
  valence,
  emotion,
});

const RATINGS: PromptRating[] = [
  r('a', 2, 'happy'),
  r('a', 2, 'happy'),
  r('b', -3, 'angry'),
  r('b', -3, 'frustrated'),
  r('b', -3, 'frustrated'),
  r('c', -1, 'unsure'),
  r('d', -2, 'anxious'),
  r('d', -2, 'frustrated'),
  r('e', 1, 'relieved'),
  r('f', 0, 'neutral'),
];

describe('ideationPrompts', () => {
  it('prompts the top three moments of truth, worst first, from the finding', () => {
    const prompts = ideationPrompts(STEPS, RATINGS);
    expect(PROMPTED_MOMENTS).toBe(3);
    expect(prompts).toEqual([
      { stepId: 'b', index: 1, rank: 1, target: 'happy', felt: 'frustrated', mean: -3, count: 3 },
      // One anxious, one frustrated: no feeling stands out, none is named.
      { stepId: 'd', index: 3, rank: 2, target: 'happy', felt: null, mean: -2, count: 2 },
      { stepId: 'e', index: 4, rank: 3, target: 'delighted', felt: 'relieved', mean: 1, count: 1 },
    ]);
  });

  it('names no target where the step was felt as intended (a drop made it a moment)', () => {
    const path = [step('a', 'happy'), step('b', 'neutral')];
    const prompts = ideationPrompts(path, [r('a', 3, 'delighted'), r('b', 0, 'neutral')]);
    expect(prompts).toEqual([
      { stepId: 'b', index: 1, rank: 1, target: null, felt: 'neutral', mean: 0, count: 1 },
    ]);
  });

  it('names no target when the target feeling is not one of the palette', () => {
    const path = [step('a', 'happy'), step('b', 'whatever')];
    const [prompt] = ideationPrompts(path, [r('a', 2, 'happy'), r('b', -2, 'anxious')]);
    expect(prompt).toMatchObject({ stepId: 'b', target: null, mean: -2 });
  });

  it('makes fewer prompts when fewer steps stand out, and none without ratings', () => {
    expect(
      ideationPrompts(
        STEPS,
        RATINGS.filter((x) => x.stepId <= 'b'),
      ).map((p) => p.stepId),
    ).toEqual(['b']);
    expect(ideationPrompts(STEPS, [])).toEqual([]);
  });

  it('counts only the roles that rate: a facilitator’s or observer’s rating changes nothing', () => {
    const extra = [r('b', 3, 'delighted', 'facilitator'), r('b', 3, 'happy', 'observer')];
    expect(ideationPrompts(STEPS, [...RATINGS, ...extra])).toEqual(ideationPrompts(STEPS, RATINGS));
  });

  it('names the feeling named most often, and none on a tie', () => {
    const path = [step('a', 'happy')];
    const [prompt] = ideationPrompts(path, [
      r('a', -1, 'unsure'),
      r('a', -3, 'angry'),
      r('a', -1, 'confused'),
    ]);
    // Found by the review: "felt most often: Angry" for one each of three feelings.
    expect(prompt?.felt).toBeNull();
    const [again] = ideationPrompts(path, [
      r('a', -1, 'unsure'),
      r('a', -1, 'unsure'),
      r('a', -3, 'angry'),
    ]);
    expect(again?.felt).toBe('unsure');
  });
});

describe('seenRatings', () => {
  it('keeps only this round’s ratings of revealed steps', () => {
    const ratings = [
      { stepId: 'a', round: 1 },
      { stepId: 'b', round: 1 },
      { stepId: 'a', round: 2 },
    ];
    expect(seenRatings({ round: 1, revealed: ['1:a', '2:a'] }, ratings)).toEqual([
      { stepId: 'a', round: 1 },
    ]);
  });

  it('keeps a worse unrevealed step out of the prompts', () => {
    const rated = RATINGS.map((x) => ({ ...x, round: 1 }));
    const revealed = ['1:a', '1:c', '1:d', '1:e', '1:f'];
    const prompts = ideationPrompts(STEPS, seenRatings({ round: 1, revealed }, rated));
    expect(prompts.map((p) => p.stepId)).toEqual(['d', 'e', 'c']);
  });
});

describe('stepBeside', () => {
  const order = ['b', 'd', 'e'];
  it('moves along the order, and nowhere past its ends', () => {
    expect(stepBeside(order, 'b', 1)).toBe('d');
    expect(stepBeside(order, 'd', -1)).toBe('b');
    expect(stepBeside(order, 'e', 1)).toBeUndefined();
    expect(stepBeside(order, 'b', -1)).toBeUndefined();
  });

  it('goes to the first from a step outside the order, or from none', () => {
    expect(stepBeside(order, 'a', 1)).toBe('b');
    expect(stepBeside(order, null, 1)).toBe('b');
    expect(stepBeside(order, 'a', -1)).toBeUndefined();
    expect(stepBeside([], null, 1)).toBeUndefined();
  });
});
