import { describe, expect, it } from 'vitest';
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
    const { handoffs, bounces, customerBoots } = handoffEffects(path, []);
    expect(bounces).toBe(2);
    expect(customerBoots).toBe('everyone');
    expect(handoffs.map((h) => [h.fromStepId, h.toStepId, h.change, h.customerChange])).toEqual([
      ['a', 'b', null, null],
      ['c', 'd', null, null],
    ]);
    expect(handoffs[0]?.byRole).toEqual({ leader: null, staff: null, customer: null });
    expect(handoffs[0]?.byLens).toEqual({ customer: null, staff: null });
  });

  it('gives everyone’s change as the mean after minus the mean before', () => {
    const { handoffs } = handoffEffects(path, [
      rating('a', 2),
      rating('a', 1),
      rating('b', -2, { role: 'leader' }),
      rating('c', 0),
    ]);
    expect(handoffs[0]).toMatchObject({
      fromDepartment: 'Sales',
      toDepartment: 'Logistics',
      fromMean: 1.5,
      toMean: -2,
      change: -3.5,
      // The proxies rated only the side before: their change is unknown.
      customerChange: null,
      byRole: { leader: null, staff: null, customer: null },
    });
    expect(handoffs[1]).toMatchObject({ fromMean: 0, toMean: null, change: null });
  });

  it('is zero when a single rater feels the same on both sides', () => {
    const { handoffs } = handoffEffects(path, [rating('a', 1), rating('b', 1)]);
    expect(handoffs[0]).toMatchObject({ change: 0, customerChange: 0 });
  });

  it('measures the customer proxies’ fall apart from the leaders in the customer’s lens', () => {
    // Three proxies fall 5 points; three leaders (in the customer's lens, their default) and
    // three staff rise 1. Everyone together falls only 1.
    const ratings = [
      ...[1, 2, 3].flatMap(() => [rating('a', 2), rating('b', -3)]),
      ...[1, 2, 3].flatMap(() => [
        rating('a', 0, { role: 'leader' }),
        rating('b', 1, { role: 'leader' }),
        rating('a', 0, { role: 'staff', lens: 'staff' }),
        rating('b', 1, { role: 'staff', lens: 'staff' }),
      ]),
    ];
    const { handoffs, customerBoots } = handoffEffects(path, ratings);
    expect(customerBoots).toBe('proxies');
    const [first] = handoffs;
    expect(first?.customerChange).toBe(-5);
    expect(first?.change).toBeCloseTo(-1);
    expect(first?.byRole).toEqual({ leader: 1, staff: 1, customer: -5 });
    // Through the customer's lens: three proxies −5 and three leaders +1 pooled.
    expect(first?.byLens).toEqual({ customer: -2, staff: 1 });
  });

  it('counts only proxies in the customer’s lens as proxies walking in the customer’s boots', () => {
    const { handoffs, customerBoots } = handoffEffects(path, [
      rating('a', 2),
      rating('b', -2),
      rating('a', -3, { lens: 'staff' }),
      rating('b', 3, { lens: 'staff' }),
    ]);
    expect(customerBoots).toBe('proxies');
    expect(handoffs[0]).toMatchObject({ customerChange: -4, byRole: { customer: 1 } });
  });

  it('falls back to anyone in the customer’s lens when no proxy rated in it', () => {
    const { handoffs, customerBoots } = handoffEffects(path, [
      rating('a', 2, { role: 'leader' }),
      rating('b', 0, { role: 'leader' }),
      rating('a', 1, { role: 'staff', lens: 'staff' }),
      rating('b', 3, { role: 'staff', lens: 'staff' }),
      rating('a', 0, { lens: 'staff' }),
      rating('b', 3, { lens: 'staff' }),
    ]);
    expect(customerBoots).toBe('customerLens');
    expect(handoffs[0]).toMatchObject({ customerChange: -2, change: 1 });
  });

  it('falls back to everyone when nobody rated in the customer’s lens', () => {
    const { handoffs, customerBoots } = handoffEffects(path, [
      rating('a', 2, { role: 'staff', lens: 'staff' }),
      rating('b', 0, { role: 'staff', lens: 'staff' }),
      rating('a', 1, { role: 'leader', lens: 'staff' }),
      rating('b', 0, { role: 'leader', lens: 'staff' }),
    ]);
    expect(customerBoots).toBe('everyone');
    expect(handoffs[0]).toMatchObject({ customerChange: -1.5, change: -1.5 });
  });

  it('ignores the facilitator and observers when choosing whose boots count', () => {
    const { customerBoots } = handoffEffects(path, [
      rating('a', 2, { role: 'facilitator' }),
      rating('b', -2, { role: 'observer' }),
      rating('a', 2, { role: 'staff', lens: 'staff' }),
    ]);
    expect(customerBoots).toBe('everyone');
  });

  it('finds no bounces on a path owned by one department', () => {
    const one = [step('a'), step('b')];
    expect(handoffEffects(one, [])).toEqual({
      handoffs: [],
      bounces: 0,
      customerBoots: 'everyone',
    });
  });
});
