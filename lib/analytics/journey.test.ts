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
    expect(result.rankings.worstHandoffs.map((h) => [h.fromStepId, h.change])).toEqual([
      ['order', -1.5],
    ]);
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
});
