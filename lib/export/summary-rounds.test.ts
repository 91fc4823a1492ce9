import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';
import { buildSummary } from './summary';
import { RATINGS, sampleExport } from './test-export';

/**
 * Round 1 is the sample's walk in the customer's boots; round 2 (leaders and staff in
 * staff's boots) agrees at every step, so round 1's perception gaps are its own.
 */
const ROUND_2 = (['tilaus', 'vahvistus', 'lasku'] as const).flatMap((stepId) =>
  (['leader', 'staff'] as const).map((role) => ({
    ...RATINGS[0]!,
    stepId,
    role,
    lens: 'staff' as const,
    round: 2,
    valence: 1,
    expectation: 'as' as const,
  })),
);

const titles = (locale: 'fi' | 'en', ratings = [...RATINGS, ...ROUND_2]) =>
  buildSummary(sampleExport({ ratings }, locale)).sections.map((s) => s.title);

describe('the summary of a workshop of two rounds', () => {
  it("keeps round 1's findings in a section of its own, and what changed by role", () => {
    const exp = sampleExport({ ratings: [...RATINGS, ...ROUND_2] }, 'en');
    // The latest round agrees everywhere; round 1's gap at "lasku" is only in round 1.
    expect(exp.analysis.rankings.perceptionGaps).toEqual([]);
    const summary = buildSummary(exp);
    const round1 = summary.sections.find(
      (s) => s.title === "Round 1 (Customer's boots, Staff's boots): findings",
    );
    expect(round1?.blocks[0]).toEqual({
      kind: 'paragraph',
      text: 'What round 1 found on its own, from 7 revealed ratings. The findings above are of the latest round, round 2.',
    });
    const gaps = round1?.parts?.find((p) => p.title === 'Biggest perception gaps');
    expect(JSON.stringify(gaps)).toContain(
      '2. Vahvistus sähköpostiin: Leader +1.0, Customer proxy -2.0: a gap of 3',
    );

    const changes = summary.sections.find((s) => s.title === 'What changed between rounds');
    const leaders = changes?.blocks.findIndex((b) => b.kind === 'paragraph' && b.text === 'Leader');
    expect(changes?.blocks[leaders! + 1]).toMatchObject({
      kind: 'table',
      head: ['#', 'Step', 'Round 1', 'Round 2', 'Change'],
      rows: [
        ['1', 'Tilaus verkkokaupassa', '+2.0', '+1.0', '-1.0'],
        ['2', 'Vahvistus sähköpostiin', '+1.0', '+1.0', '0.0'],
        ['3', 'Lasku | "yllätys" *', '-2.0', '+1.0', '+3.0'],
      ],
    });
    const md = renderMarkdown(exp);
    expect(md).toContain("## Round 1 (Customer's boots, Staff's boots): findings");
    expect(md).toContain('## What changed between rounds');
  });

  it('speaks Finnish, and shows nothing more with one round', () => {
    expect(titles('fi')).toContain(
      'Kierros 1 (Asiakkaan saappaat, Henkilöstön saappaat): havainnot',
    );
    expect(titles('fi')).toContain('Mikä muuttui kierrosten välillä');
    const one = titles('en', RATINGS);
    expect(one.some((t) => t.startsWith('Round'))).toBe(false);
    expect(one).not.toContain('What changed between rounds');
    // An export made before rounds were kept has none to show either.
    const { rounds: _r, roundChanges: _c, ...older } = sampleExport({}, 'en');
    expect(buildSummary(older).sections.map((s) => s.title)).toEqual(one);
  });
});
