import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, renderMarkdown } from './markdown';
import { HOSTILE, PROMISED, sampleExport, TITLE } from './test-export';

/** The Markdown as GitHub-flavoured HTML, the way a reader would see it. */
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

describe('escapeMarkdown', () => {
  it('escapes every character that could start or end markup', () => {
    expect(escapeMarkdown('a|b*c_d`e[f]g<h>i#j~k&l\\m')).toBe(
      'a\\|b\\*c\\_d\\`e\\[f\\]g\\<h\\>i\\#j\\~k\\&l\\\\m',
    );
  });

  it('escapes block markers only at the start of a line', () => {
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('+ item')).toBe('\\+ item');
    expect(escapeMarkdown('= setext')).toBe('\\= setext');
    expect(escapeMarkdown('12. ordered')).toBe('12\\. ordered');
    expect(escapeMarkdown('3) ordered')).toBe('3\\) ordered');
    expect(escapeMarkdown('a - b + c 1. d')).toBe('a - b + c 1. d');
    expect(escapeMarkdown('- cell', false)).toBe('- cell');
  });

  it('folds line breaks and leading spaces, which would end a cell or start code', () => {
    expect(escapeMarkdown('    code\r\n# heading\nnext')).toBe('code \\# heading next');
  });

  it('leaves non-ASCII text as it is', () => {
    expect(escapeMarkdown('Hyvä “päivä”, Åsa 😀 – ok')).toBe('Hyvä “päivä”, Åsa 😀 – ok');
  });
});

describe('renderMarkdown', () => {
  it('shows hostile text as written, without links, emphasis, code or HTML', () => {
    const out = html(renderMarkdown(sampleExport()));
    expect(out).not.toMatch(/<(a|em|strong|code|b)\b[^>]*>[^<]*(bold|u|c|l)\b/);
    expect(out).not.toContain('<b>');
    // GitHub's renderer links a bare URL (its text shows the address); nothing else links.
    expect(out).not.toMatch(/<a [^>]*>(?!https?:\/\/)/);
    expect(visible(out)).toContain('[l](u)');
    expect(visible(out)).toContain(HOSTILE);
  });

  it('keeps every table row to its columns, whatever the cells hold', () => {
    const out = html(renderMarkdown(sampleExport()));
    const tables = out.split('<table>').slice(1);
    expect(tables).toHaveLength(7); // warm-up by role, steps, by card, by persona, effort, ideas, actions
    for (const table of tables) {
      const rows = table.split('</table>')[0]!.match(/<tr>[\s\S]*?<\/tr>/g) ?? [];
      const widths = rows.map((r) => (r.match(/<t[hd][ >]/g) ?? []).length);
      expect(new Set(widths).size, table).toBe(1);
    }
    expect(visible(out)).toContain('Lasku | "yllätys" * (kriittinen)');
  });

  it('is in the workshop’s language, with its title, facts and findings', () => {
    const md = renderMarkdown(sampleExport());
    expect(md.startsWith(`# ${TITLE}\n`)).toBe(true);
    for (const words of [
      'Työpajan yhteenveto',
      'Osallistujat:** Fasilitaattori 1, Johtaja 2, Henkilöstö 1, Asiakkaan edustaja 3',
      'Henkilöstön suositteluindeksi (eNPS): +25',
      'Asiakkaiden suosittelu ryhmän arviona: −50',
      '| Johtaja | 2 | liian vähän vastauksia näytettäväksi | – |',
      '| 2 | Vahvistus sähköpostiin | Asiakaspalvelu | Rauhallinen +1,0 | +1,0 | −1,0 | −2,0 | −0,7 |',
      'Suurimmat näkemyserot',
      '2\\. Vahvistus sähköpostiin: Johtaja +1,0, Asiakkaan edustaja −2,0: ero 3',
      'Rikotut odotukset',
      'Polulla on 2 siirtoa.',
      '(Myynti → Asiakaspalvelu): Asiakkaan edustaja −3,0; Johtaja −1,0, Kaikki −2,2',
      'Totuuden hetket',
      '- Viitteet (×2)',
      '- Nopea toimitus 🚚 – ”loistava”',
      '| 2 | @SUM(A1:A9) idea | 1. Tilaus verkkokaupassa | 2 |',
      '| +358 40 soitto: selvitä ”viite” – ÅÄÖ | Åsa Öberg | Talous | 2026-04-30 |',
    ]) {
      expect(md).toContain(words);
    }
    // Questions are not pains or gains: they come with the whole board, after the actions.
    expect(md.indexOf('Kuka omistaa?')).toBeGreaterThan(md.indexOf('## Taulu askelittain'));
    expect(md.indexOf('## Taulu askelittain')).toBeGreaterThan(md.indexOf('## Toimenpiteet'));
  });

  it('splits the feeling by situation card and by persona, as the screens do', () => {
    const md = renderMarkdown(sampleExport());
    for (const words of [
      '## Tunne tilannekorteittain',
      '| \\# | Askel | Kiire ⏰ (n = 1) | Ei tilannekorttia (n = 6) |',
      '| 2 | Vahvistus sähköpostiin | −2,0 | 0,0 |',
      '## Tunne persoonittain',
      // Planted: Maija Möttönen rated step 1 at +1 and step 2 at −2, and nothing else.
      '| \\# | Askel | Maija Möttönen (n = 2) | Ei persoonaa (n = 5) |',
      '| 1 | Tilaus verkkokaupassa | +1,0 | +2,0 |',
      '| 2 | Vahvistus sähköpostiin | −2,0 | 0,0 |',
    ]) {
      expect(md).toContain(words);
    }
  });

  it('shows the effort per step and role and ranks high effort with low feeling', () => {
    // Percentages are spaced with a no-break space in Finnish: read it as a plain one.
    const md = renderMarkdown(sampleExport()).replace(/[\u00a0\u202f]/g, ' ');
    expect(md).toContain('## Vaiva askelittain ja rooleittain');
    // Step 3: the leader answered 3, the customer proxy 5; half of the answers were 4 or 5.
    expect(md).toContain('| 3 | Lasku \\| "yllätys" \\* | 3 (0 %) | – | 5 (100 %) | 4 (50 %) |');
    expect(md).toContain('| Koko polku | 3 (0 %) | – | 3,7 (67 %) | 3,5 (50 %) |');
    // Planted: step 3 (effort 4, feeling −2,5) is the worse trade, then step 2 (4 and −2).
    const hot = md.slice(md.indexOf('## Paljon vaivaa, huono tunne'));
    expect(visible(html(hot))).toContain(
      '3. Lasku | "yllätys" *: vaiva 4/5, tunne −2,5: pisteet 0,4',
    );
    expect(hot.indexOf('Lasku')).toBeLessThan(hot.indexOf('Vahvistus'));
    expect(hot).toContain('Vahvistus sähköpostiin: vaiva 4/5, tunne −2,0: pisteet 0,3');
  });

  it('speaks English for an English workshop', () => {
    const md = renderMarkdown(sampleExport({}, 'en'));
    expect(md).toContain('_Workshop summary_');
    expect(md).toContain('## Biggest perception gaps');
    expect(md).toContain(
      '| 1 | Tilaus verkkokaupassa | Myynti | Calm +1.0 | +2.0 | – | +1.0 | +1.5 |',
    );
  });

  it('shows the promises broken, by role', () => {
    const text = visible(html(renderMarkdown(sampleExport({ ratings: PROMISED }, 'en'))));
    expect(text).toContain('Promises broken');
    expect(text).toContain('Customer proxy');
    expect(text).toContain('2. Vahvistus sähköpostiin: expected +2.0, felt -2.0 (-4.0)');
  });

  it('says so when nothing has been revealed, voted or agreed yet', () => {
    const exp = sampleExport({ ratings: [], ideas: [], actions: [], notes: [], warmup: null });
    const md = renderMarkdown(exp);
    expect(md).toContain('Arvioita ei ole vielä paljastettu.');
    expect(md).toContain('Ei vielä ideoita.');
    expect(md).toContain('Ei vielä toimenpiteitä.');
    expect(md).toContain('Taululla ei ole kipukohtia eikä ilahduttajia.');
    expect(md).toContain('Ei virittäytymisen tuloksia');
    expect(md).toContain(
      '| 1 | Tilaus verkkokaupassa | Myynti | Rauhallinen +1,0 | – | – | – | – |',
    );
  });
});
