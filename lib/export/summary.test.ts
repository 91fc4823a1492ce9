import { describe, expect, it } from 'vitest';
import type { Role } from '../domain/roles';
import { warmupResults } from '../analytics/warmup';
import { buildSummary } from './summary';
import { topNotes } from './summary-findings';
import { analyseJourney } from '../analytics/journey';
import { PATH, PROMISED, RATINGS, sampleExport } from './test-export';
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
    const warmup = { ...sampleExport().warmup!, count: 3, enps: one, customerEstimate: one };
    const en = JSON.stringify(buildSummary(sampleExport({ warmup }, 'en')).sections[1]);
    expect(en).toContain('1 promoter, 1 passive, 1 detractor;');
    const fi = JSON.stringify(buildSummary(sampleExport({ warmup }, 'fi')).sections[1]);
    expect(fi).toContain('1 suosittelija, 1 passiivinen, 1 arvostelija;');
  });
});

describe('the warm-up by role in the exports', () => {
  const of = (role: Role, workplace: number[], customers: number[]) =>
    workplace.map((w, i) => ({ role, workplace: w, customers: customers[i] as number }));
  // Leaders +60 / +60 and staff −20 / −40 (lib/analytics/warmup.test.ts).
  const planted = warmupResults([
    ...of('leader', [9, 10, 9, 10, 5], [9, 9, 9, 8, 8]),
    ...of('staff', [9, 7, 8, 6, 2], [5, 6, 7, 9, 3]),
    ...of('customer', [10, 8, 7], [10, 10, 4]),
  ]);
  const blocks = (locale: 'fi' | 'en', warmup = planted) =>
    buildSummary(sampleExport({ warmup }, locale)).sections[1]!.blocks;

  it('sets each role beside the others, with leaders minus staff', () => {
    const [, note, table] = blocks('en');
    expect(note).toEqual({
      kind: 'paragraph',
      text: "By role. A role's figures are shown only with at least 3 answers, so that nobody's answer can be worked out.",
    });
    expect(table).toEqual({
      kind: 'table',
      head: ['Role', 'Answers', 'eNPS', "Customers' NPS, as estimated"],
      numeric: [false, true, true, true],
      rows: [
        ['Leader', '5', '+60', '+60'],
        ['Staff', '5', '-20', '-40'],
        ['Customer proxy', '3', '+33', '+33'],
        ['Difference: leaders minus staff', '', '+80', '+100'],
      ],
    });
  });

  it('says in words why a role is hidden, in the workshop’s language', () => {
    // The sample: 2 leaders, 1 staff member, 1 customer proxy; none shows.
    const table = blocks('fi', sampleExport().warmup).find((b) => b.kind === 'table');
    expect(table && table.kind === 'table' && table.rows).toEqual([
      ['Johtaja', '2', 'liian vähän vastauksia näytettäväksi', '–'],
      ['Henkilöstö', '1', 'liian vähän vastauksia näytettäväksi', '–'],
      ['Asiakkaan edustaja', '1', 'liian vähän vastauksia näytettäväksi', '–'],
    ]);
    const staff = blocks('fi').find((b) => b.kind === 'table');
    expect(staff && staff.kind === 'table' && staff.rows[1]).toEqual([
      'Henkilöstö',
      '5',
      '−20',
      '−40',
    ]);
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
      'Rikotut lupaukset',
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

  it('lists the promises broken by role, most broken first', () => {
    const section = (locale: 'fi' | 'en', ratings = PROMISED) =>
      buildSummary(sampleExport({ ratings }, locale)).sections.find((s) =>
        ['Rikotut lupaukset', 'Promises broken'].includes(s.title),
      );
    expect(section('en')?.blocks).toEqual([
      { kind: 'paragraph', text: expect.stringContaining('expected there') },
      {
        kind: 'list',
        label: 'Leader',
        items: ['3. Lasku | "yllätys" *: expected +1.0, felt -2.0 (-3.0)'],
      },
      {
        kind: 'list',
        label: 'Customer proxy',
        items: ['2. Vahvistus sähköpostiin: expected +2.0, felt -2.0 (-4.0)'],
      },
    ]);
    expect(JSON.stringify(section('fi'))).toContain(
      '2. Vahvistus sähköpostiin: odotettiin +2,0, koettiin −2,0 (−4,0)',
    );
    expect(section('en', RATINGS)?.blocks).toEqual([
      { kind: 'paragraph', text: 'Nobody said what they expected at the next step.' },
    ]);
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
    // The broken promise first, before a step more often worse that broke none (the JSON's order).
    expect(exp.analysis.rankings.brokenExpectations.map((e) => e.stepId)).toEqual([
      'vahvistus',
      'lasku',
    ]);
    expect(buildSummary(exp).sections[5]?.blocks).toEqual([
      {
        kind: 'list',
        items: [
          '2. Vahvistus sähköpostiin: 67% worse than expected, right after a step that beat expectations',
          '3. Lasku | "yllätys" *: 100% worse than expected',
        ],
      },
    ]);
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
