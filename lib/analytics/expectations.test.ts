import { describe, expect, it } from 'vitest';
import { expectations } from './expectations';
import { PATH, rating } from './test-data';
import type { Expectation } from './types';

const said = (stepId: string, expectation: Expectation) => rating(stepId, 0, { expectation });

describe('expectations', () => {
  it('gives null shares and no broken promise on unrated steps', () => {
    expect(expectations(PATH, [])[1]).toEqual({
      stepId: 'b',
      index: 1,
      count: 0,
      worse: null,
      as: null,
      better: null,
      brokenPromise: false,
    });
  });

  it('gives the shares of each answer', () => {
    const [a] = expectations(PATH, [
      said('a', 'worse'),
      said('a', 'worse'),
      said('a', 'better'),
      said('a', 'as'),
    ]);
    expect(a).toMatchObject({ count: 4, worse: 0.5, as: 0.25, better: 0.25 });
  });

  it('finds a broken promise after a step rated better than expected', () => {
    const points = expectations(PATH, [
      said('a', 'better'),
      said('a', 'better'),
      said('a', 'as'),
      said('b', 'worse'),
      said('b', 'as'),
    ]);
    expect(points.map((p) => p.brokenPromise)).toEqual([false, true, false]);
  });

  it('counts a single rater: better, then worse', () => {
    const points = expectations(PATH, [said('a', 'better'), said('b', 'worse')]);
    expect(points[1]).toMatchObject({ worse: 1, brokenPromise: true });
  });

  it('needs "better" to be the most common answer on the previous step', () => {
    const tie = expectations(PATH, [said('a', 'better'), said('a', 'as'), said('b', 'worse')]);
    expect(tie[1]?.brokenPromise).toBe(false);
    const plurality = expectations(PATH, [
      said('a', 'better'),
      said('a', 'better'),
      said('a', 'as'),
      said('a', 'worse'),
      said('b', 'worse'),
    ]);
    expect(plurality[1]?.brokenPromise).toBe(true);
  });

  it('needs at least half "worse" on this step', () => {
    const points = expectations(PATH, [
      said('a', 'better'),
      said('b', 'worse'),
      said('b', 'as'),
      said('b', 'as'),
    ]);
    expect(points[1]?.brokenPromise).toBe(false);
  });

  it('breaks no promise when everyone answered the same on every step', () => {
    const all = PATH.flatMap((s) => [said(s.id, 'worse'), said(s.id, 'worse')]);
    expect(expectations(PATH, all).map((p) => [p.worse, p.brokenPromise])).toEqual([
      [1, false],
      [1, false],
      [1, false],
    ]);
  });

  it('ignores the facilitator', () => {
    const [a] = expectations(PATH, [rating('a', 0, { role: 'facilitator', expectation: 'worse' })]);
    expect(a?.count).toBe(0);
  });
});
