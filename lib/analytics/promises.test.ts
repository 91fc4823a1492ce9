import { describe, expect, it } from 'vitest';
import { brokenPromises, promiseGaps } from './promises';
import { PATH, rating, step } from './test-data';
import type { AnalyticsRating } from './types';
import type { Emotion } from '../domain/emotions';

/** One rating at `stepId` that felt `valence` and, if given, expects `next` at the next step. */
const felt = (
  stepId: string,
  valence: number,
  next?: Emotion,
  over: Partial<AnalyticsRating> = {},
) => rating(stepId, valence, { ...over, ...(next ? { expectedNext: next } : {}) });

const FOUR = [...PATH, step('d')];

describe('promiseGaps', () => {
  it('is the role’s felt mean at a step minus the mean valence it expected there', () => {
    // The worked example of docs/analytics.md: two customer proxies expect "happy" (+2)
    // after a; at b three of them feel −1, −2 and −3 (mean −2): the gap is −2 − 2 = −4.
    const gaps = promiseGaps(PATH, [
      felt('a', 1, 'happy'),
      felt('a', 2, 'happy'),
      felt('a', 0),
      felt('b', -1),
      felt('b', -2),
      felt('b', -3),
    ]);
    expect(gaps).toEqual([
      {
        stepId: 'b',
        index: 1,
        fromStepId: 'a',
        role: 'customer',
        expected: 2,
        promises: 2,
        felt: -2,
        count: 3,
        gap: -4,
      },
    ]);
  });

  it('averages different expected feelings', () => {
    const [gap] = promiseGaps(PATH, [
      felt('a', 0, 'delighted'),
      felt('a', 0, 'calm'),
      felt('b', 1),
    ]);
    expect(gap).toMatchObject({ expected: 2, promises: 2, felt: 1, gap: -1 });
  });

  it('leaves out a step whose previous step has no expectation recorded', () => {
    // c felt dreadful, but nobody said after b what they expected at c.
    const gaps = promiseGaps(PATH, [felt('a', 0, 'calm'), felt('b', 1), felt('c', -3)]);
    expect(gaps.map((g) => g.stepId)).toEqual(['b']);
  });

  it('leaves out a promise nobody of the role came to feel, and the first step', () => {
    expect(promiseGaps(PATH, [felt('a', 0, 'happy'), felt('c', -3, 'happy')])).toEqual([]);
  });

  it('keeps each role’s promises to that role', () => {
    const gaps = promiseGaps(PATH, [
      felt('a', 0, 'happy', { role: 'leader' }),
      felt('b', 2, undefined, { role: 'leader' }),
      felt('b', -3, undefined, { role: 'customer' }),
    ]);
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ role: 'leader', expected: 2, felt: 2, gap: 0 });
  });

  it('ignores the facilitator, observers, steps off the path and unknown feelings', () => {
    const gaps = promiseGaps(PATH, [
      felt('a', 0, 'happy', { role: 'facilitator' }),
      felt('a', 0, 'happy', { role: 'observer' }),
      felt('gone', 0, 'happy'),
      // A feeling from a newer build's palette, as an imported file might name one.
      { ...felt('a', 0), expectedNext: 'ecstatic' },
      felt('b', -1, undefined, { role: 'facilitator' }),
      felt('b', -1),
    ]);
    expect(gaps).toEqual([]);
  });

  it('orders the gaps by path, then by role', () => {
    const gaps = promiseGaps(PATH, [
      felt('a', 0, 'calm', { role: 'customer' }),
      felt('a', 0, 'calm', { role: 'leader' }),
      felt('b', 0, 'calm', { role: 'staff' }),
      felt('b', 0, undefined, { role: 'customer' }),
      felt('b', 0, undefined, { role: 'leader' }),
      felt('c', 0, undefined, { role: 'staff' }),
    ]);
    expect(gaps.map((g) => `${g.stepId}:${g.role}`)).toEqual(['b:leader', 'b:customer', 'c:staff']);
  });
});

describe('brokenPromises', () => {
  it('ranks the planted step first, by role', () => {
    // Customers: a promised calm (+1) at b and felt 0 (−1); b promised happy (+2) at c and
    // c felt −3 (−5, planted); c promised neutral at d and d felt +1 (kept).
    // Leaders: only b broke (−2).
    const ratings = [
      felt('a', 0, 'calm'),
      felt('b', 0, 'happy'),
      felt('c', -3, 'neutral'),
      felt('d', 1),
      felt('a', 1, 'happy', { role: 'leader' }),
      felt('b', 0, undefined, { role: 'leader' }),
      felt('c', 3, undefined, { role: 'leader' }),
    ];
    const broken = brokenPromises(promiseGaps(FOUR, ratings));
    expect(broken.customer.map((g) => [g.stepId, g.gap])).toEqual([
      ['c', -5],
      ['b', -1],
    ]);
    expect(broken.leader.map((g) => [g.stepId, g.gap])).toEqual([['b', -2]]);
    expect(broken.staff).toEqual([]);
  });

  it('does not count a promise kept or beaten as broken', () => {
    const gaps = promiseGaps(PATH, [felt('a', 0, 'calm'), felt('b', 1, 'calm'), felt('c', 3)]);
    expect(gaps.map((g) => g.gap)).toEqual([0, 2]);
    expect(brokenPromises(gaps).customer).toEqual([]);
  });

  it('keeps path order on equal gaps, and at most `limit` steps per role', () => {
    const ratings = [
      felt('a', 0, 'calm'),
      felt('b', 0, 'calm'),
      felt('c', 0, 'happy'),
      felt('d', 0),
    ];
    const gaps = promiseGaps(FOUR, ratings);
    expect(brokenPromises(gaps).customer.map((g) => g.stepId)).toEqual(['d', 'b', 'c']);
    expect(brokenPromises(gaps, 2).customer.map((g) => g.stepId)).toEqual(['d', 'b']);
  });
});
