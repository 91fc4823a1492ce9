import { describe, expect, it } from 'vitest';
import type { PathStep } from '../board/path-doc';
import { compareRuns } from './compare';
import type { ExportRating, WorkshopExport } from './model';
import { PATH, sampleExport } from './test-export';

function rating(stepId: string, valence: number, over: Partial<ExportRating> = {}): ExportRating {
  return {
    stepId,
    round: 1,
    role: 'customer',
    lens: 'customer',
    cardId: null,
    personaId: null,
    valence,
    emotion: 'calm',
    expectation: 'as',
    effort: null,
    note: null,
    name: null,
    ...over,
  };
}

function run(id: string, createdAt: string, over: Partial<WorkshopExport> = {}): WorkshopExport {
  const exp = sampleExport(over);
  return { ...exp, workshop: { ...exp.workshop, id, createdAt } };
}

const [tilaus, , lasku] = PATH as [PathStep, PathStep, PathStep];
/** The second run's path: "vahvistus" gone, the invoice renamed, a new step at the end. */
const LATER_PATH: PathStep[] = [
  tilaus,
  { ...lasku, title: 'Lasku – ”selkeä” 🧾' },
  { ...tilaus, id: 'palaute', title: 'Palautekysely ✉️' },
];

/** Run A: the sample (round 1). B: a new path, two rounds. C: the same path, no ratings yet. */
function threeRuns() {
  const a = run('run-a', '2026-03-02T08:00:00.000Z');
  const b = run('run-b', '2026-04-02T08:00:00.000Z', {
    path: LATER_PATH,
    ratings: [
      rating('tilaus', -3, { role: 'leader' }), // round 1: not the latest, not counted
      rating('tilaus', 3, { round: 2 }),
      rating('lasku', -1, { round: 2 }),
      rating('lasku', 1, { round: 2, role: 'leader' }),
      rating('lasku', -3, { round: 2, role: 'facilitator' }), // facilitators do not count
      rating('vahvistus', 0, { round: 3 }), // not on this path: neither counted nor a round
    ],
  });
  const c = run('run-c', '2026-05-02T08:00:00.000Z', { path: LATER_PATH, ratings: [] });
  return { a, b, c };
}

describe('compareRuns', () => {
  it('puts the runs in order of creation, each with its latest round and its own path', () => {
    const { a, b, c } = threeRuns();
    const cmp = compareRuns([c, a, b]);
    expect(cmp.runs.map((r) => [r.id, r.round, r.ratingCount])).toEqual([
      ['run-a', 1, 7],
      ['run-b', 2, 3],
      ['run-c', null, 0],
    ]);
    expect(cmp.runs[0]!.steps.map((s) => s.stepId)).toEqual(['tilaus', 'vahvistus', 'lasku']);
    expect(cmp.runs[1]!.steps.map((s) => [s.stepId, s.leadersVsCustomers])).toEqual([
      ['tilaus', null],
      ['lasku', 2],
      ['palaute', null],
    ]);
    const confirmation = cmp.runs[0]!.steps[1]!;
    expect(confirmation.overall).toBeCloseTo(-2 / 3);
    expect(confirmation.byRole).toEqual({ leader: 1, staff: -1, customer: -2 });
    expect(confirmation.leadersVsCustomers).toBe(3);
  });

  it('matches the latest run’s steps by id, with the change from the first to the last run that rated them', () => {
    const { a, b, c } = threeRuns();
    const cmp = compareRuns([a, b, c]);
    expect(cmp.steps.map((s) => [s.stepId, s.title])).toEqual([
      ['tilaus', 'Tilaus verkkokaupassa'],
      ['lasku', 'Lasku – ”selkeä” 🧾'],
      ['palaute', 'Palautekysely ✉️'],
    ]);
    const [order, invoice, feedback] = cmp.steps;
    expect(order!.runs).toEqual([
      { overall: 1.5, byRole: { leader: 2, staff: null, customer: 1 } },
      { overall: 3, byRole: { leader: null, staff: null, customer: 3 } },
      { overall: null, byRole: { leader: null, staff: null, customer: null } },
    ]);
    // Leaders rated the order only in the first run: no change to show for them.
    expect(order!.change).toEqual({
      overall: 1.5,
      byRole: { leader: null, staff: null, customer: 2 },
    });
    expect(invoice!.runs.map((m) => m?.overall)).toEqual([-2.5, 0, null]);
    expect(invoice!.change).toEqual({
      overall: 2.5,
      byRole: { leader: 3, staff: null, customer: 2 },
    });
    // A step added later: not on the first run's path, never rated.
    expect(feedback!.runs[0]).toBeNull();
    expect(feedback!.change).toEqual({
      overall: null,
      byRole: { leader: null, staff: null, customer: null },
    });
  });

  it('names the steps that the latest path no longer has', () => {
    const { a, b } = threeRuns();
    expect(compareRuns([a, b]).removed).toEqual([
      { stepId: 'vahvistus', title: 'Vahvistus sähköpostiin' },
    ]);
    // The order given does not matter: B is the later run.
    expect(compareRuns([b, a]).removed).toEqual(compareRuns([a, b]).removed);
  });

  it('takes the path of the run created last: a step only earlier runs had is removed', () => {
    const { a, b } = threeRuns();
    const later = { ...a, workshop: { ...a.workshop, createdAt: '2026-06-01T00:00:00.000Z' } };
    const cmp = compareRuns([b, later]);
    expect(cmp.runs.map((r) => r.id)).toEqual(['run-b', 'run-a']);
    expect(cmp.steps.map((s) => s.stepId)).toEqual(['tilaus', 'vahvistus', 'lasku']);
    expect(cmp.removed).toEqual([{ stepId: 'palaute', title: 'Palautekysely ✉️' }]);
  });

  it('keeps runs without ratings, and copes with one run or none', () => {
    const { c } = threeRuns();
    const only = compareRuns([c]);
    expect(only.runs).toHaveLength(1);
    expect(only.runs[0]!.round).toBeNull();
    expect(only.steps.every((s) => s.runs[0]?.overall === null && s.change.overall === null)).toBe(
      true,
    );
    expect(compareRuns([])).toEqual({ runs: [], steps: [], removed: [] });
  });

  it('keeps non-ASCII titles and ids as they are', () => {
    const path: PathStep[] = [{ ...tilaus, id: 'äö-1', title: 'Tilaus 😀 – ”ÅÄÖ” 日本語' }];
    const first = run('r1', '2026-01-01T00:00:00.000Z', { path, ratings: [rating('äö-1', -1)] });
    const second = run('r2', '2026-02-01T00:00:00.000Z', { path, ratings: [rating('äö-1', 2)] });
    const cmp = compareRuns([first, second]);
    expect(cmp.steps).toEqual([
      expect.objectContaining({ stepId: 'äö-1', title: 'Tilaus 😀 – ”ÅÄÖ” 日本語' }),
    ]);
    expect(cmp.steps[0]!.change.overall).toBe(3);
  });
});
