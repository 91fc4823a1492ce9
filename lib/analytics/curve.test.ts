import { describe, expect, it } from 'vitest';
import { curve, rolesPresent, stats } from './curve';
import { PATH, rating } from './test-data';

describe('stats', () => {
  it('is null for no values', () => {
    expect(stats([])).toBeNull();
  });

  it('summarises a single rater with no spread', () => {
    expect(stats([-2])).toEqual({ mean: -2, median: -2, spread: 0, min: -2, max: -2, count: 1 });
  });

  it('gives zero spread when all ratings are equal', () => {
    expect(stats([1, 1, 1, 1])).toMatchObject({ mean: 1, median: 1, spread: 0, count: 4 });
  });

  it('takes the middle of an even count as the median and the population deviation', () => {
    const s = stats([3, -3, 1, -1]);
    expect(s).toMatchObject({ mean: 0, median: 0, min: -3, max: 3, count: 4 });
    expect(s?.spread).toBeCloseTo(Math.sqrt(5));
  });

  it('keeps raw numbers, unrounded', () => {
    expect(stats([1, 1, 2])?.mean).toBeCloseTo(4 / 3, 10);
  });
});

describe('curve', () => {
  it('gives every step a point, with nulls where nobody rated', () => {
    const points = curve(PATH, []);
    expect(points.map((p) => [p.stepId, p.index, p.overall])).toEqual([
      ['a', 0, null],
      ['b', 1, null],
      ['c', 2, null],
    ]);
    expect(points[0]?.byRole).toEqual({ leader: null, staff: null, customer: null });
  });

  it('computes overall and per-role stats per step', () => {
    const points = curve(PATH, [
      rating('a', 2, { role: 'leader' }),
      rating('a', -2),
      rating('a', -3),
      rating('b', 1, { role: 'staff' }),
    ]);
    expect(points[0]?.overall).toMatchObject({ mean: -1, count: 3 });
    expect(points[0]?.byRole.leader).toMatchObject({ mean: 2, count: 1 });
    expect(points[0]?.byRole.customer).toMatchObject({ mean: -2.5, median: -2.5, count: 2 });
    expect(points[0]?.byRole.staff).toBeNull();
    expect(points[1]?.overall).toMatchObject({ mean: 1, count: 1 });
    expect(points[2]?.overall).toBeNull();
  });

  it('ignores the facilitator, observers and steps not on the path', () => {
    const points = curve(PATH, [
      rating('a', 3, { role: 'facilitator' }),
      rating('a', 3, { role: 'observer' }),
      rating('zz', 3),
      rating('a', -1),
    ]);
    expect(points[0]?.overall).toMatchObject({ mean: -1, count: 1 });
  });

  it('applies the filter', () => {
    const points = curve(
      PATH,
      [rating('a', 3, { round: 2 }), rating('a', -1)],
      (r) => r.round === 2,
    );
    expect(points[0]?.overall).toMatchObject({ mean: 3, count: 1 });
  });

  it('lists the roles that rated', () => {
    expect(rolesPresent(curve(PATH, []))).toEqual([]);
    const points = curve(PATH, [rating('c', 0), rating('a', 0, { role: 'leader' })]);
    expect(rolesPresent(points)).toEqual(['leader', 'customer']);
  });
});
