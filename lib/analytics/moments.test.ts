import { describe, expect, it } from 'vitest';
import { curve } from './curve';
import { type MomentOfTruth, momentsOfTruth, momentsToDiscuss } from './moments';
import { PATH, rating, step } from './test-data';

describe('momentsOfTruth', () => {
  it('scores unrated steps by their critical bonus only, ranked by path order', () => {
    const path = [step('a'), step('b', { critical: true }), step('c')];
    const ranked = momentsOfTruth(path, curve(path, []));
    expect(ranked.map((m) => [m.stepId, m.score, m.rated])).toEqual([
      ['b', 1, false],
      ['a', 0, false],
      ['c', 0, false],
    ]);
  });

  it('adds the drop, the shortfall below target, half the perception gap and the critical bonus', () => {
    const path = [step('a'), step('b', { critical: true, targetFeeling: 'happy' })];
    const points = curve(path, [
      rating('a', 2),
      rating('b', 1, { role: 'leader' }),
      rating('b', -2),
      rating('b', -2),
    ]);
    const b = momentsOfTruth(path, points).find((m) => m.stepId === 'b');
    // mean −1: drop 3, shortfall 2 − (−1) = 3, perception gap 3, critical 1.
    expect(b).toMatchObject({
      drop: 3,
      shortfall: 3,
      perceptionGap: 3,
      critical: true,
      rated: true,
    });
    expect(b?.score).toBe(3 + 3 + 1.5 + 1);
  });

  it('ignores rises and steps felt better than the target', () => {
    const path = [step('a'), step('b')];
    const [top] = momentsOfTruth(path, curve(path, [rating('a', -2), rating('b', 3)]));
    expect(top).toMatchObject({ stepId: 'a', score: 2, drop: 0, shortfall: 2 });
  });

  it('scores a single rater without a perception gap', () => {
    const [top] = momentsOfTruth(PATH, curve(PATH, [rating('b', -1)]));
    expect(top).toMatchObject({ stepId: 'b', score: 1, perceptionGap: 0, drop: 0 });
  });

  it('ranks a rated step before an unrated one with the same score', () => {
    const path = [step('a', { critical: true }), step('b')];
    const ranked = momentsOfTruth(path, curve(path, [rating('b', -1)]));
    expect(ranked.map((m) => m.stepId)).toEqual(['b', 'a']);
  });

  it('scores zero everywhere when all ratings equal the neutral target', () => {
    const ratings = PATH.flatMap((s) => [rating(s.id, 0), rating(s.id, 0, { role: 'leader' })]);
    expect(momentsOfTruth(PATH, curve(PATH, ratings)).map((m) => [m.stepId, m.score])).toEqual([
      ['a', 0],
      ['b', 0],
      ['c', 0],
    ]);
  });
});

describe('momentsToDiscuss', () => {
  const m = (stepId: string, score: number, rated: boolean) =>
    ({ stepId, score, rated }) as MomentOfTruth;

  it('keeps rated steps that score above zero, in the order given', () => {
    const kept = momentsToDiscuss([
      m('a', 3, true),
      m('b', 1, false),
      m('c', 0, true),
      m('d', 1, true),
    ]);
    expect(kept.map((x) => x.stepId)).toEqual(['a', 'd']);
  });
});
