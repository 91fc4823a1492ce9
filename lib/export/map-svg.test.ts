import { describe, expect, it } from 'vitest';
import { TARGET_STYLE } from '@/components/charts/palette';
import { analyseJourney } from '../analytics/journey';
import { exportJourneyMap, exportMapSvg } from './map-export';
import { ROLE_STYLE } from '../domain/role-style';
import { curveStyle, estimateWidth, type Measure, wrap } from './map-marks';
import { escapeXml } from './map-svg';
import { PATH, sampleExport, TITLE } from './test-export';

/** The texts of an SVG's <text> elements, unescaped. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1]!
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}

describe('the journey map as SVG', () => {
  it('is a standalone SVG naming the map, every step, its stage, channel and owner', () => {
    const svg = exportMapSvg(sampleExport());
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toMatch(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="\d+" height="\d+"/);
    expect(svg).toContain(
      '<title id="map-title">Polkukartta: Tilauksesta laskuun – ”kevät” 😀</title>',
    );
    const all = texts(svg).join(' ');
    expect(all).toContain(`Polkukartta: ${TITLE}`);
    for (const [i, step] of PATH.entries())
      expect(all).toContain(`${i + 1}. ${step.title.slice(0, 8)}`);
    for (const words of [
      'Oston aikana',
      'Verkko',
      'Sähköposti',
      'Myynti',
      'Asiakaspalvelu',
      'Talous',
      'Kriittinen',
      'Tunnekäyrät',
    ]) {
      expect(all).toContain(words);
    }
  });

  it('has a row for each lane that holds notes, groups with their titles, and escapes what people typed', () => {
    const svg = exportMapSvg(sampleExport());
    const all = texts(svg);
    for (const lane of ['Kipukohdat', 'Ilahduttajat', 'Ideat', 'Kysymykset'])
      expect(all).toContain(lane);
    expect(all).not.toContain('Asiakas tekee'); // no notes there: no row on paper
    expect(all).toContain('Viitteet'); // the group's title
    for (const note of ['Eräpäivä liian lyhyt', 'Viitenumero puuttui', 'Kuka omistaa?']) {
      expect(all).toContain(note);
    }
    expect(all.join(' ')).toContain('<b>');
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain('"http://x"');
  });

  it('draws each role’s curve in its chart colour, the target dashed, and the hand-offs', () => {
    const svg = exportMapSvg(sampleExport());
    for (const role of ['leader', 'staff', 'customer'] as const) {
      expect(svg).toContain(`stroke="${ROLE_STYLE[role].colour}"`);
    }
    expect(svg).toMatch(
      /<path d="M[^"]+" fill="none" stroke="#000000" stroke-width="1.6" stroke-dasharray="6 4"/,
    );
    // Two hand-offs (Myynti → Asiakaspalvelu → Talous): two dashed column rules.
    expect(svg.match(/stroke="#57534e" stroke-width="1.4" stroke-dasharray="4 3"/g)).toHaveLength(
      2,
    );
  });

  it('says the curves come after the reveal, before anything is revealed', () => {
    const exp = sampleExport({ ratings: [], analysis: analyseJourney(PATH, []) });
    expect(exportJourneyMap(exp).curves).toEqual([]);
    expect(texts(exportMapSvg(exp))).toContain('Käyrät näkyvät, kun arviot on paljastettu.');
  });

  it('counts the notes a full cell cannot show', () => {
    const many = Array.from({ length: 9 }, (_, i) => ({
      ...sampleExport().notes[0]!,
      id: `m${i}`,
      text: `Huomio ${i + 1}`,
    }));
    const svg = exportMapSvg(sampleExport({ notes: many, groups: [] }));
    expect(texts(svg)).toContain('+4 lisää');
    expect(texts(svg)).not.toContain('Huomio 6');
  });
});

describe('wrap', () => {
  it('breaks at words, cuts a word too long for a line, and ends a cut text with an ellipsis', () => {
    const w = (text: string, lines: number) => wrap(text, 60, 10, false, lines, estimateWidth);
    expect(w('one two three four', 5)).toEqual(['one two', 'three four']);
    expect(w('x'.repeat(25), 5)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
    expect(w('one two three four five six seven', 2)).toEqual(['one two', 'three fou…']);
  });

  // Review of issue 22 (F2): a 500-character word in each of eight notes held the PDF
  // export, and so the whole node, for 21 s: the cut was sought one character at a time.
  it('measures a very long word a bounded number of times, however long it is', () => {
    let calls = 0;
    let chars = 0;
    const counting: Measure = (text, size, bold) => {
      calls += 1;
      chars += text.length;
      return estimateWidth(text, size, bold);
    };
    const lines = wrap('x'.repeat(4000), 60, 10, false, 4, counting);
    expect(lines).toHaveLength(4);
    expect(lines[3]?.endsWith('…')).toBe(true);
    expect(calls).toBeLessThan(200);
    expect(chars).toBeLessThan(20_000);
  });
});

describe('the printed map’s colours', () => {
  it('are the charts’ colours and markers, so a role looks the same everywhere', () => {
    for (const role of ['leader', 'staff', 'customer'] as const) {
      expect(curveStyle(role)).toEqual({ key: role, ...ROLE_STYLE[role] });
    }
    expect(TARGET_STYLE.colour).toBe('#000000');
  });
});

describe('escapeXml', () => {
  // Review of issue 22 (F4): a participant's note "slow\u0001 invoice" made the SVG export
  // not well-formed XML (control characters are not allowed in XML 1.0 at all).
  it('leaves out what XML 1.0 cannot hold, and escapes markup', () => {
    const hostile = 'a\u0000b\u0001c\u0008d\u000Be\u001Ff\uFFFEg\uFFFF<h>&\ud800i';
    const out = escapeXml(hostile);
    expect(out).toBe('abcdefg&lt;h&gt;&amp;i');
    // Tab, newline and carriage return are allowed, and so are astral characters.
    expect(escapeXml('a\tb\nc\rd 😀')).toBe('a\tb\nc\rd 😀');
  });
});
