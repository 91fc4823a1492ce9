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

  it('agrees counted words with their count, in each language (ICU plurals)', () => {
    const hand = '{count, plural, =0 {none} one {# hand-off} other {# hand-offs}} at {step}';
    expect(fill(hand, { count: 1, step: 'A {count} B' }, 'en')).toBe('1 hand-off at A {count} B');
    expect(fill(hand, { count: 2, step: 'x' }, 'en')).toBe('2 hand-offs at x');
    expect(fill(hand, { count: 0, step: 'x' }, 'en')).toBe('none at x');
  });

  it('says "1 promoter" and "1 suosittelija" in the warm-up line of the exports', () => {
    const one = { score: 0, promoters: 1, passives: 1, detractors: 1, mean: 7 };
    const warmup = { count: 3, enps: one, customerEstimate: one };
    const en = JSON.stringify(buildSummary(sampleExport({ warmup }, 'en')).sections[1]);
    expect(en).toContain('1 promoter, 1 passive, 1 detractor;');
    const fi = JSON.stringify(buildSummary(sampleExport({ warmup }, 'fi')).sections[1]);
    expect(fi).toContain('1 suosittelija, 1 passiivinen, 1 arvostelija;');
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
      'Tunne tilannekorteittain',
      'Tunne persoonittain',
      'Vaiva askelittain ja rooleittain',
      'Paljon vaivaa, huono tunne',
      'Tärkeimmät kipukohdat ja ilahduttajat askelittain',
      'Eniten ääniä saaneet ideat',
      'Toimenpiteet',
      'Taulu askelittain',
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
