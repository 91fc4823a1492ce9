import { describe, expect, it } from 'vitest';
import { effortByStep, effortHotspots, effortStats } from './effort';
import { PATH, rating, step } from './test-data';

describe('effortStats', () => {
  it('is null when nobody answered the effort question', () => {
    expect(effortStats([])).toBeNull();
    expect(effortStats([rating('a', -1)])).toBeNull();
  });

  it('gives the mean effort, the share of 4s and 5s, and how the same ratings felt', () => {
    const stats = effortStats([
      rating('a', -3, { effort: 5 }),
      rating('a', -1, { effort: 4 }),
      rating('a', 2, { effort: 1 }),
      rating('a', 3, { effort: 2 }),
      // No effort answer: counts in neither the effort nor its feeling.
      rating('a', 3),
    ]);
    expect(stats).toEqual({ mean: 3, highShare: 0.5, feeling: 0.25, count: 4 });
  });
});

describe('effortByStep', () => {
  it('gives every step an entry, per role and for everyone, and the whole path', () => {
    const { steps, path } = effortByStep(PATH, [
      rating('a', -2, { effort: 5 }),
      rating('a', 1, { effort: 3, role: 'leader', lens: 'staff' }),
      rating('b', 0, { effort: 2, role: 'staff', lens: 'staff' }),
      // Neither a facilitator's rating nor one of a step off the path counts.
      rating('c', 3, { effort: 1, role: 'facilitator' }),
      rating('gone', -3, { effort: 5 }),
    ]);
    expect(steps.map((p) => [p.stepId, p.index, p.overall?.mean ?? null])).toEqual([
      ['a', 0, 4],
      ['b', 1, 2],
      ['c', 2, null],
    ]);
    expect(steps[0]?.byRole).toEqual({
      leader: { mean: 3, highShare: 0, feeling: 1, count: 1 },
      staff: null,
      customer: { mean: 5, highShare: 1, feeling: -2, count: 1 },
    });
    expect(path.overall).toMatchObject({ mean: 10 / 3, count: 3 });
    expect(path.byRole.customer).toMatchObject({ mean: 5, count: 1 });
  });
});

describe('effortHotspots', () => {
  const rank = (ratings: Parameters<typeof effortByStep>[1], path = PATH) =>
    effortHotspots(effortByStep(path, ratings).steps);

  it('ranks the planted high-effort, low-feeling step first', () => {
    // Planted: b is the hard, bad step (effort 5, −3 for both raters); a is hard but
    // felt fine, c felt bad but was easy, d is a milder version of b.
    const path = [...PATH, step('d')];
    const ranked = rank(
      [
        ...[1, 2].flatMap(() => [
          rating('a', 2, { effort: 5 }),
          rating('b', -3, { effort: 5 }),
          rating('c', -3, { effort: 1 }),
        ]),
        rating('d', -1, { effort: 4 }),
        rating('d', -2, { effort: 5 }),
      ],
      path,
    );
    expect(ranked.map((h) => h.stepId)).toEqual(['b', 'd']);
    expect(ranked[0]).toEqual({ stepId: 'b', index: 1, effort: 5, feeling: -3, score: 1 });
    // d: effort 4.5, feeling −1.5: (4.5 − 3) ÷ 2 × 1.5 ÷ 3 = 0.375.
    expect(ranked[1]?.score).toBeCloseTo(0.375);
  });

  it('needs both: effort above the middle and feeling below zero', () => {
    expect(
      rank([
        rating('a', -3, { effort: 3 }),
        rating('b', 0, { effort: 5 }),
        rating('c', -3), // no effort answer
      ]),
    ).toEqual([]);
  });

  it('keeps path order on equal scores', () => {
    const ranked = rank([rating('c', -3, { effort: 5 }), rating('a', -3, { effort: 5 })]);
    expect(ranked.map((h) => h.stepId)).toEqual(['a', 'c']);
  });
});
