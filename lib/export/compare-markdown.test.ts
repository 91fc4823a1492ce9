import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { compareRuns } from './compare';
import { renderComparisonMarkdown } from './compare-markdown';
import type { WorkshopExport } from './model';
import { HOSTILE, PATH, sampleExport, TITLE } from './test-export';

function html(markdown: string): string {
  return marked.parse(markdown, { async: false, gfm: true });
}

/** Text of the HTML with tags dropped and entities read back. */
function visible(markup: string): string {
  return markup
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** A second run a month later: "vahvistus" gone, a hostile step added, not yet rated. */
function runs(locale: 'fi' | 'en' = 'fi'): WorkshopExport[] {
  const first = sampleExport({}, locale);
  const next = sampleExport(
    {
      path: [PATH[0]!, PATH[2]!, { ...PATH[0]!, id: 'uusi', title: HOSTILE }],
      ratings: [],
    },
    locale,
  );
  return [
    first,
    { ...next, workshop: { ...next.workshop, id: 'w-2', createdAt: '2026-04-01T08:00:00.000Z' } },
  ];
}

describe('renderComparisonMarkdown', () => {
  it('has the runs by date, the means per step with the change, and the gaps per run', () => {
    const md = renderComparisonMarkdown(compareRuns(runs()));
    expect(md.startsWith(`# ${TITLE}\n\n_Kertojen vertailu_\n`)).toBe(true);
    for (const words of [
      '- **Kerta 1 · 2. maaliskuuta 2026:** kierros 1: 7 paljastettua arviota',
      '- **Kerta 2 · 1. huhtikuuta 2026:** Arvioita ei ole vielä paljastettu.',
      '| Askel | Kerta 1 · 2. maaliskuuta 2026 | Kerta 2 · 1. huhtikuuta 2026 | Muutos |',
      '| 1. Tilaus verkkokaupassa | +1,5 | – | – |',
      '| 3. =HYPERLINK', // the added step, escaped …
      '| ei polulla | – | – |', // … and not on the first run's path
      'Ei enää polulla: Vahvistus sähköpostiin.',
      '## Johtajat − asiakkaan edustajat',
      '| Askel | Johtaja | Asiakkaan edustaja | Ero |',
      '| 2. Vahvistus sähköpostiin | +1,0 | −2,0 | +3,0 |',
    ]) {
      expect(md).toContain(words);
    }
    // The run without ratings says so instead of a table of dashes.
    expect(md.split('### Kerta 2')[1]).toContain('Arvioita ei ole vielä paljastettu.');
    expect(md.split('### Kerta 2')[1]).not.toContain('|');
  });

  it('shows hostile text as written and keeps every row to its columns', () => {
    const out = html(renderComparisonMarkdown(compareRuns(runs())));
    expect(out).not.toContain('<b>');
    expect(out).not.toMatch(/<(em|strong|code)>(bold|u|c)<\//);
    expect(visible(out)).toContain(`3. ${HOSTILE}`);
    expect(out).not.toMatch(/<a [^>]*>(?!https?:\/\/)/);
    const tables = out.split('<table>').slice(1);
    expect(tables).toHaveLength(2); // the means, and run 1's gaps
    for (const table of tables) {
      const rows = table.split('</table>')[0]!.match(/<tr>[\s\S]*?<\/tr>/g) ?? [];
      const widths = rows.map((r) => (r.match(/<t[hd][ >]/g) ?? []).length);
      expect(new Set(widths).size, table).toBe(1);
    }
  });

  it('speaks the latest run’s language, or the one asked for', () => {
    const en = renderComparisonMarkdown(compareRuns(runs('en')));
    expect(en).toContain('_Comparison of runs_');
    expect(en).toContain('| Step | Run 1 · March 2, 2026 | Run 2 · April 1, 2026 | Change |');
    expect(en).toContain('| not on the path | – | – |');
    const asked = renderComparisonMarkdown(compareRuns(runs('fi')), 'en');
    expect(asked).toContain('## Leaders − customer proxies');
    expect(asked).toContain('| 3. Lasku \\| "yllätys" \\* | -2.0 | -3.0 | +1.0 |');
  });

  it('leaves out the change for a single run', () => {
    const md = renderComparisonMarkdown(compareRuns([sampleExport()]));
    expect(md).toContain('| Askel | Kerta 1 · 2. maaliskuuta 2026 |\n');
    expect(md).not.toContain('Muutos |');
  });
});
