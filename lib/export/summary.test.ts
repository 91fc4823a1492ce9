import { describe, expect, it } from 'vitest';
import { buildSummary } from './summary';
import { topNotes } from './summary-findings';
import { analyseJourney } from '../analytics/journey';
import { PATH, RATINGS, sampleExport } from './test-export';
import { exportWords, fill } from './words';

describe('fill', () => {
  it('fills placeholders once, so braces in user text stay as written', () => {
    expect(fill('{step}: {gap}', { step: 'A {gap} B', gap: 3 })).toBe('A {gap} B: 3');
    expect(fill('{missing} x', {})).toBe('{missing} x');
  });
});

describe('buildSummary', () => {
  it('has every part the summary page has, in order', () => {
    const { sections, curve, title } = buildSummary(sampleExport());
    expect(title).toBe(sampleExport().workshop.title);
    expect(sections.map((s) => s.title)).toEqual([
      'Työpaja',
      'Virittäytyminen',
      'Tunne askelittain',
      'Suurimmat näkemyserot',
      'Kauimpana tavoitteesta',
      'Rikotut odotukset',
      'Siirrot osastolta toiselle',
      'Totuuden hetket',
      'Tärkeimmät kipukohdat ja ilahduttajat askelittain',
      'Eniten ääniä saaneet ideat',
      'Toimenpiteet',
    ]);
    expect(curve?.lines.map((l) => [l.role, l.values])).toEqual([
      ['leader', [2, 1, -2]],
      ['staff', [null, -1, null]],
      ['customer', [1, -2, -3]],
    ]);
    expect(curve?.target).toEqual([1, 1, 2]);
  });

  it('ranks broken expectations, and marks a promise broken right after "better"', () => {
    const plain = JSON.stringify(buildSummary(sampleExport({}, 'en')).sections[5]);
    expect(plain).toContain('"3. Lasku | \\"yllätys\\" *: 100% worse than expected"');
    expect(plain).toContain('"2. Vahvistus sähköpostiin: 67% worse than expected"');

    const ratings = RATINGS.map((r) =>
      r.stepId === 'tilaus' ? { ...r, expectation: 'better' as const } : r,
    );
    const exp = sampleExport({ ratings, analysis: analyseJourney(PATH, ratings) }, 'en');
    const broken = JSON.stringify(buildSummary(exp).sections[5]);
    expect(broken).toContain(
      '2. Vahvistus sähköpostiin: 67% worse than expected, right after a step that beat expectations',
    );
  });
});

describe('topNotes', () => {
  it('puts the biggest group first, then loose notes, at most five', () => {
    const exp = sampleExport();
    const words = exportWords('fi');
    expect(topNotes(exp, 'lasku', 'pains', words)).toEqual([
      'Viitteet (×2)',
      'Eräpäivä liian lyhyt',
    ]);
    const many = Array.from({ length: 8 }, (_, i) => ({
      ...exp.notes[0]!,
      id: `m${i}`,
      text: `${i}`,
    }));
    expect(topNotes({ ...exp, notes: many }, 'lasku', 'pains', words)).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
    ]);
  });
});
