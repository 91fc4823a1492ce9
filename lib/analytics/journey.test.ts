import { describe, expect, it } from 'vitest';
import { analyseJourney, RANKING_SIZE } from './journey';
import { rating, step } from './test-data';

const path = [
  step('welcome', { targetFeeling: 'happy' }),
  step('order', { targetFeeling: 'calm' }),
  step('delivery', { department: 'Logistics', targetFeeling: 'relieved', critical: true }),
  step('invoice', { department: 'Billing', targetFeeling: 'neutral' }),
];

describe('analyseJourney', () => {
  it('returns empty rankings and null figures when nobody has rated', () => {
    const result = analyseJourney(path, []);
    expect(result.curve).toHaveLength(4);
    expect(result.bounces).toBe(2);
    expect(result.byCard).toEqual([]);
    expect(result.byPersona).toEqual([]);
    expect(result.effort.steps.map((p) => p.overall)).toEqual([null, null, null, null]);
    expect(result.rankings).toEqual({
      perceptionGaps: [],
      targetGaps: [],
      worstHandoffs: [],
      brokenExpectations: [],
      leadersVsCustomers: [],
      momentsOfTruth: [expect.objectContaining({ stepId: 'delivery', score: 1, rated: false })],
      highEffortLowFeeling: [],
    });
  });

  it('ranks what stands out, largest first', () => {
    const result = analyseJourney(path, [
      rating('welcome', 2),
      rating('welcome', 2, { role: 'leader' }),
      rating('order', 1, { role: 'leader' }),
      rating('order', 0),
      rating('delivery', 2, { role: 'leader' }),
      rating('delivery', -2),
      rating('delivery', -3),
      rating('invoice', -1),
    ]);
    expect(result.rankings.perceptionGaps.map((p) => [p.stepId, p.gap])).toEqual([
      ['delivery', 4.5],
      ['order', 1],
    ]);
    expect(result.rankings.leadersVsCustomers.map((p) => p.stepId)).toEqual(['delivery', 'order']);
    expect(result.rankings.targetGaps.map((t) => t.stepId)).toEqual([
      'delivery',
      'invoice',
      'order',
    ]);
    // Ranked by the customer proxies' fall (0 to −2.5); everyone's fell 1.5.
    expect(
      result.rankings.worstHandoffs.map((h) => [h.fromStepId, h.customerChange, h.change]),
    ).toEqual([['order', -2.5, -1.5]]);
    expect(result.rankings.momentsOfTruth[0]?.stepId).toBe('delivery');
  });

  it('splits by persona and ranks the step where effort was high and feeling low', () => {
    const result = analyseJourney(path, [
      rating('order', 1, { effort: 4, personaId: 'anneli' }),
      rating('delivery', -3, { effort: 5, personaId: 'anneli' }),
      rating('invoice', -1, { effort: 4 }),
    ]);
    expect(result.byPersona.map((s) => [s.personaId, s.count])).toEqual([
      ['anneli', 2],
      [null, 1],
    ]);
    expect(result.rankings.highEffortLowFeeling.map((h) => h.stepId)).toEqual([
      'delivery',
      'invoice',
    ]);
  });

  it('leaves all-equal ratings on the target out of every ranking but the critical bonus', () => {
    const flat = path.map((s) => ({ ...s, targetFeeling: 'happy' }));
    const ratings = flat.flatMap((s) => [rating(s.id, 2), rating(s.id, 2, { role: 'staff' })]);
    const { rankings } = analyseJourney(flat, ratings);
    expect(rankings.perceptionGaps).toEqual([]);
    expect(rankings.targetGaps).toEqual([]);
    expect(rankings.worstHandoffs).toEqual([]);
    expect(rankings.momentsOfTruth.map((m) => m.stepId)).toEqual(['delivery']);
  });

  it(`keeps at most ${RANKING_SIZE} items per ranking`, () => {
    const long = Array.from({ length: 8 }, (_, i) => step(`s${i}`));
    const ratings = long.flatMap((s, i) => [
      rating(s.id, -1 - (i % 3)),
      rating(s.id, 3, { role: 'leader' }),
    ]);
    const { rankings } = analyseJourney(long, ratings);
    expect(rankings.perceptionGaps).toHaveLength(RANKING_SIZE);
    expect(rankings.momentsOfTruth).toHaveLength(RANKING_SIZE);
  });

  it('ranks first the hand-off where the customers fell, though the internal roles rose', () => {
    // Planted: at order → delivery three customer proxies fall 5 while three leaders (in
    // the customer's lens, their default) and three staff rise 1: everyone together falls
    // 1. At delivery → invoice the proxies stay level while the leaders and staff fall 3:
    // everyone together falls 2, the larger pooled fall.
    const three = (make: () => ReturnType<typeof rating>[]) => [0, 1, 2].flatMap(make);
    const staff = { role: 'staff', lens: 'staff' } as const;
    const ratings = [
      ...three(() => [rating('order', 2), rating('delivery', -3), rating('invoice', -3)]),
      ...three(() => [
        rating('order', 0, { role: 'leader' }),
        rating('delivery', 1, { role: 'leader' }),
        rating('invoice', -2, { role: 'leader' }),
        rating('order', 0, staff),
        rating('delivery', 1, staff),
        rating('invoice', -2, staff),
      ]),
    ];
    const result = analyseJourney(path, ratings);
    expect(result.customerBoots).toBe('proxies');
    const worst = result.rankings.worstHandoffs;
    expect(worst.map((h) => h.toStepId)).toEqual(['delivery']);
    expect(worst[0]).toMatchObject({
      customerChange: -5,
      byRole: { leader: 1, staff: 1, customer: -5 },
    });
    // The pooled figure that used to rank it: everyone fell only 1 here, 2 at the invoice.
    expect(worst[0]?.change).toBeCloseTo(-1);
    expect(result.handoffs[1]).toMatchObject({ toStepId: 'invoice', customerChange: 0 });
    expect(result.handoffs[1]?.change).toBeCloseTo(-2);
  });

  it('never ranks a first step as a broken promise, however badly it went', () => {
    // Planted: the first step is 100% worse than expected; the second beat expectations;
    // the third is half worse than expected, a promise broken.
    const said = (stepId: string, expectation: 'worse' | 'as' | 'better') =>
      rating(stepId, 0, { expectation });
    const { rankings, expectations } = analyseJourney(path, [
      said('welcome', 'worse'),
      said('welcome', 'worse'),
      said('order', 'better'),
      said('order', 'better'),
      said('delivery', 'worse'),
      said('delivery', 'as'),
    ]);
    expect(expectations.map((e) => e.brokenPromise)).toEqual([false, false, true, false]);
    expect(rankings.brokenExpectations.map((e) => [e.stepId, e.worse, e.brokenPromise])).toEqual([
      ['delivery', 0.5, true],
      ['welcome', 1, false],
    ]);
  });

  it(`ranks the promises broken by role, at most ${RANKING_SIZE} each`, () => {
    const long = Array.from({ length: 8 }, (_, i) => step(`s${i}`));
    // Every step promises "happy" (+2) at the next; s5 is planted far below the rest.
    const ratings = long.map((s, i) =>
      rating(s.id, i === 5 ? -3 : 0, { expectedNext: 'happy', role: 'staff' }),
    );
    const { promises } = analyseJourney(long, ratings);
    expect(promises.gaps).toHaveLength(7);
    expect(promises.broken.staff).toHaveLength(RANKING_SIZE);
    expect(promises.broken.staff[0]).toMatchObject({ stepId: 's5', gap: -5 });
    expect(promises.broken.customer).toEqual([]);
  });
});
