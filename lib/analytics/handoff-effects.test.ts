import { describe, expect, it } from 'vitest';
import { curve } from './curve';
import { handoffEffects } from './handoff-effects';
import { rating, step } from './test-data';

const path = [
  step('a', { department: 'Sales' }),
  step('b', { department: 'Logistics' }),
  step('c', { department: 'Logistics' }),
  step('d', { department: 'Billing' }),
];

describe('handoffEffects', () => {
  it('counts the bounces even when no step is rated, with null changes', () => {
    const { handoffs, bounces } = handoffEffects(path, curve(path, []));
    expect(bounces).toBe(2);
    expect(handoffs.map((h) => [h.fromStepId, h.toStepId, h.change])).toEqual([
      ['a', 'b', null],
      ['c', 'd', null],
    ]);
  });

  it('is the overall mean after minus the mean before', () => {
    const points = curve(path, [
      rating('a', 2),
      rating('a', 1),
      rating('b', -2, { role: 'leader' }),
      rating('c', 0),
    ]);
    const { handoffs } = handoffEffects(path, points);
    expect(handoffs[0]).toMatchObject({
      fromDepartment: 'Sales',
      toDepartment: 'Logistics',
      fromMean: 1.5,
      toMean: -2,
      change: -3.5,
    });
    expect(handoffs[1]).toMatchObject({ fromMean: 0, toMean: null, change: null });
  });

  it('is zero when a single rater feels the same on both sides', () => {
    const points = curve(path, [rating('a', 1), rating('b', 1)]);
    expect(handoffEffects(path, points).handoffs[0]?.change).toBe(0);
  });

  it('finds no bounces on a path owned by one department', () => {
    const one = [step('a'), step('b')];
    expect(handoffEffects(one, curve(one, []))).toEqual({ handoffs: [], bounces: 0 });
  });
});
