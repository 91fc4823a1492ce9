import { describe, expect, it } from 'vitest';
import { nps, warmupResults } from './warmup';

describe('nps', () => {
  it('counts 9–10 as promoters, 7–8 as passives and 0–6 as detractors', () => {
    expect(nps([10, 9, 8, 7, 6, 0])).toEqual({
      score: 0,
      promoters: 2,
      passives: 2,
      detractors: 2,
      mean: 6.7,
    });
  });

  it('is the share of promoters minus the share of detractors, in points', () => {
    expect(nps([10, 10, 10, 8, 2])).toMatchObject({ score: 40 });
    expect(nps([0, 1, 2, 9])).toMatchObject({ score: -50 });
  });

  it('rounds the score to whole points and the mean to one decimal', () => {
    // 1 promoter of 3 → 33.33… points; mean 23 / 3 = 7.666…
    expect(nps([9, 7, 7])).toMatchObject({ score: 33, mean: 7.7 });
    // 2 promoters of 3 → 66.66… points
    expect(nps([9, 10, 8])).toMatchObject({ score: 67, mean: 9 });
    // 1 detractor of 3 → −33.33… points
    expect(nps([6, 7, 8])).toMatchObject({ score: -33, mean: 7 });
  });

  it('is null when nobody answered', () => {
    expect(nps([])).toBeNull();
  });

  it('reaches +100 and −100 when everyone answers alike', () => {
    expect(nps([10, 10, 10])).toEqual({
      score: 100,
      promoters: 3,
      passives: 0,
      detractors: 0,
      mean: 10,
    });
    expect(nps([3, 3, 3])).toMatchObject({ score: -100, detractors: 3, mean: 3 });
    expect(nps([7, 7])).toMatchObject({ score: 0, passives: 2, mean: 7 });
  });

  it('counts a single answer as the whole group', () => {
    expect(nps([9])).toEqual({ score: 100, promoters: 1, passives: 0, detractors: 0, mean: 9 });
    expect(nps([6])).toMatchObject({ score: -100, detractors: 1 });
  });
});

describe('warmupResults', () => {
  it('works out the eNPS from the workplace answers and the estimate from the customer answers', () => {
    const results = warmupResults([
      { workplace: 10, customers: 5 },
      { workplace: 8, customers: 9 },
      { workplace: 3, customers: 9 },
    ]);
    expect(results).toEqual({
      count: 3,
      enps: { score: 0, promoters: 1, passives: 1, detractors: 1, mean: 7 },
      customerEstimate: { score: 33, promoters: 2, passives: 0, detractors: 1, mean: 7.7 },
    });
  });

  it('is null when nobody answered', () => {
    expect(warmupResults([])).toBeNull();
  });
});
