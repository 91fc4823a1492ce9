import { describe, expect, it } from 'vitest';
import { analyseJourney } from './journey';
import { analyseRounds, roundChanges } from './rounds';
import { rating, step } from './test-data';

/** Order, Delivery, Invoice. */
const PATH = [step('order'), step('delivery'), step('invoice')];

/**
 * Round 1, everyone in the customer's boots: leaders −2 at Delivery where customer proxies
 * say −3 and staff +1 (a perception gap of 4, only in round 1). Round 2, leaders in staff's
 * boots: leaders +1 at Delivery, staff +1, and everyone agrees elsewhere.
 */
const ROUND_1 = [
  rating('order', 1, { role: 'leader' }),
  rating('order', 1, { role: 'customer' }),
  rating('delivery', -2, { role: 'leader' }),
  rating('delivery', -3, { role: 'customer' }),
  rating('delivery', 1, { role: 'staff', lens: 'customer' }),
];
const ROUND_2 = [
  rating('order', 1, { round: 2, role: 'leader', lens: 'staff' }),
  rating('order', 1, { round: 2, role: 'staff', lens: 'staff' }),
  rating('delivery', 1, { round: 2, role: 'leader', lens: 'staff' }),
  rating('delivery', 1, { round: 2, role: 'staff', lens: 'staff' }),
];

describe('analyseRounds', () => {
  it("keeps round 1's findings after round 2 has other ratings", () => {
    const rounds = analyseRounds(PATH, [...ROUND_1, ...ROUND_2]);
    expect(rounds.map((r) => r.round)).toEqual([1, 2]);
    expect(rounds.map((r) => r.lenses)).toEqual([
      { customer: 5, staff: 0 },
      { customer: 0, staff: 4 },
    ]);
    const [first, second] = rounds;
    // Round 1's perception gap at Delivery: staff +1 against the customer proxies' −3.
    expect(first!.analysis.rankings.perceptionGaps.map((g) => [g.stepId, g.gap])).toEqual([
      ['delivery', 4],
    ]);
    expect(first!.analysis.rankings.leadersVsCustomers[0]?.leadersVsCustomers).toBe(1);
    // Round 2 agrees everywhere: no gap to rank.
    expect(second!.analysis.rankings.perceptionGaps).toEqual([]);
    // Each round's analysis is that round's own, as analyseJourney would give it.
    expect(second!.analysis).toEqual(analyseJourney(PATH, ROUND_2));
  });

  it('leaves out rounds nobody rated in, and gives nothing for no ratings', () => {
    expect(analyseRounds(PATH, [])).toEqual([]);
    expect(analyseRounds(PATH, ROUND_2).map((r) => r.round)).toEqual([2]);
  });
});

describe('roundChanges', () => {
  it('gives each role’s mean per round and the change from the first round to the latest', () => {
    const changes = roundChanges(analyseRounds(PATH, [...ROUND_1, ...ROUND_2]));
    const leadersAtDelivery = changes.find((c) => c.stepId === 'delivery' && c.role === 'leader');
    expect(leadersAtDelivery).toEqual({
      stepId: 'delivery',
      index: 1,
      role: 'leader',
      means: [
        { round: 1, mean: -2 },
        { round: 2, mean: 1 },
      ],
      change: 3,
    });
    // Customer proxies rated only round 1: their means stay, with no change to tell.
    const proxies = changes.find((c) => c.stepId === 'delivery' && c.role === 'customer');
    expect(proxies?.means).toEqual([
      { round: 1, mean: -3 },
      { round: 2, mean: null },
    ]);
    expect(proxies?.change).toBeNull();
    // Path order, then role order; no pair left unrated in every round (invoice, staff at order).
    expect(changes.map((c) => `${c.stepId}:${c.role}:${c.change}`)).toEqual([
      'order:leader:0',
      'order:staff:null',
      'order:customer:null',
      'delivery:leader:3',
      'delivery:staff:0',
      'delivery:customer:null',
    ]);
  });

  it('runs from the first to the latest of three rounds', () => {
    const third = [rating('delivery', 3, { round: 3, role: 'leader' })];
    const changes = roundChanges(analyseRounds(PATH, [...ROUND_1, ...ROUND_2, ...third]));
    const leaders = changes.find((c) => c.stepId === 'delivery' && c.role === 'leader');
    expect(leaders?.means.map((m) => m.mean)).toEqual([-2, 1, 3]);
    expect(leaders?.change).toBe(5);
  });

  it('is empty with a single round', () => {
    expect(roundChanges(analyseRounds(PATH, ROUND_1))).toEqual([]);
  });
});
