import { describe, expect, it } from 'vitest';
import { handoffs } from './handoffs';

const step = (id: string, department: string) => ({ id, department });

describe('handoffs', () => {
  it('finds each change of department between consecutive steps', () => {
    const path = [
      step('a', 'Sales'),
      step('b', 'Sales'),
      step('c', 'Logistics'),
      step('d', 'Billing'),
      step('e', 'Sales'),
    ];
    expect(handoffs(path).map((h) => [h.fromStepId, h.toStepId])).toEqual([
      ['b', 'c'],
      ['c', 'd'],
      ['d', 'e'],
    ]);
    expect(handoffs(path)[0]).toMatchObject({
      fromIndex: 1,
      fromDepartment: 'Sales',
      toDepartment: 'Logistics',
    });
  });

  it('treats case and surrounding spaces as the same department', () => {
    expect(handoffs([step('a', 'Myynti '), step('b', 'myynti')])).toEqual([]);
  });

  it('does not count a step without a department as a hand-off', () => {
    expect(handoffs([step('a', 'Sales'), step('b', ''), step('c', 'Billing')])).toEqual([]);
  });

  it('has none on an empty or one-step path', () => {
    expect(handoffs([])).toEqual([]);
    expect(handoffs([step('a', 'Sales')])).toEqual([]);
  });
});
