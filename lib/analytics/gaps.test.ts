import { describe, expect, it } from 'vitest';
import { curve } from './curve';
import { perceptionGaps, targetGaps, targetValence } from './gaps';
import { PATH, rating, step } from './test-data';

describe('targetGaps', () => {
  const path = [step('a', { targetFeeling: 'happy' }), step('b', { targetFeeling: '' })];

  it('is null on steps nobody rated', () => {
    expect(targetGaps(path, curve(path, []))).toEqual([
      { stepId: 'a', index: 0, target: 2, felt: null, gap: null },
      { stepId: 'b', index: 1, target: null, felt: null, gap: null },
    ]);
  });

  it('is the target valence minus the felt mean, positive when felt worse', () => {
    const gaps = targetGaps(path, curve(path, [rating('a', -1), rating('a', -2), rating('b', 1)]));
    expect(gaps[0]).toMatchObject({ target: 2, felt: -1.5, gap: 3.5 });
    expect(gaps[1]).toMatchObject({ target: null, felt: 1, gap: null });
  });

  it('is zero when a single rater feels exactly the target', () => {
    expect(targetGaps(path, curve(path, [rating('a', 2)]))[0]?.gap).toBe(0);
  });

  it('knows the valence of each palette emotion and nothing else', () => {
    expect(targetValence('angry')).toBe(-3);
    expect(targetValence('toString')).toBeNull();
  });
});

describe('perceptionGaps', () => {
  it('is null without ratings and with a single role', () => {
    const gaps = perceptionGaps(curve(PATH, [rating('b', 2), rating('b', -1)]));
    expect(gaps[0]).toEqual({
      stepId: 'a',
      index: 0,
      gap: null,
      high: null,
      low: null,
      leadersVsCustomers: null,
    });
    expect(gaps[1]?.gap).toBeNull();
  });

  it('names the two roles furthest apart', () => {
    const [a] = perceptionGaps(
      curve(PATH, [
        rating('a', 2, { role: 'leader' }),
        rating('a', 0, { role: 'staff' }),
        rating('a', -2),
        rating('a', -3),
      ]),
    );
    expect(a?.gap).toBe(4.5);
    expect(a?.high).toEqual({ role: 'leader', mean: 2 });
    expect(a?.low).toEqual({ role: 'customer', mean: -2.5 });
    expect(a?.leadersVsCustomers).toBe(4.5);
  });

  it('keeps the leaders-versus-customers gap apart from the largest gap', () => {
    const [a] = perceptionGaps(
      curve(PATH, [
        rating('a', -1, { role: 'leader' }),
        rating('a', 3, { role: 'staff' }),
        rating('a', 0),
      ]),
    );
    expect(a?.gap).toBe(4);
    expect([a?.high?.role, a?.low?.role]).toEqual(['staff', 'leader']);
    expect(a?.leadersVsCustomers).toBe(-1);
  });

  it('is zero when every role feels the same, still naming two distinct roles', () => {
    const [a] = perceptionGaps(
      curve(PATH, [
        rating('a', 1, { role: 'leader' }),
        rating('a', 1, { role: 'staff' }),
        rating('a', 1),
      ]),
    );
    expect(a?.gap).toBe(0);
    expect([a?.high?.role, a?.low?.role]).toEqual(['leader', 'customer']);
    expect(a?.leadersVsCustomers).toBe(0);
  });

  it('leaves the leaders-versus-customers gap null when leaders did not rate', () => {
    const [a] = perceptionGaps(curve(PATH, [rating('a', 1, { role: 'staff' }), rating('a', -1)]));
    expect(a?.gap).toBe(2);
    expect(a?.leadersVsCustomers).toBeNull();
  });
});
