import { describe, expect, it } from 'vitest';
import { analyseJourney } from '../analytics/journey';
import { readPdf } from '../../tests/helpers/pdf';
import { renderPdf } from './pdf';
import { LONGEST_UNBROKEN, printable } from './pdf-fonts';
import { PATH, PROMISED, sampleExport, TITLE } from './test-export';

describe('printable', () => {
  it('keeps Finnish and Swedish letters, typographic quotes and dashes', () => {
    const text = 'äöå ÄÖÅ šž ”lainaus” “quote” ‘single’ „low” – — … € ×';
    expect(printable(text)).toBe(text);
  });

  it('keeps what the embedded font draws as typed, and puts "?" for the rest', () => {
    for (const text of ['−2 → 3 ≥ 1', 'Łukasz Ćwik, Őrs', 'Привет', 'Ελένη', '⇄ ★']) {
      expect(printable(text)).toBe(text);
      expect(printable(text, 'bold')).toBe(text);
    }
    expect(printable('ok 👍 🚚')).toBe('ok ? ?');
    // One "?" per emoji, however many code points it is made of (ZWJ family, flag, skin tone).
    expect(printable('👨‍👩‍👧 🇫🇮 👍🏽!')).toBe('? ? ?!');
    expect(printable('王小明 김민준')).toBe('??? ???');
    // The oblique face has no Arabic letters; the upright one has.
    expect(printable('سلام')).toBe('سلام');
    expect(printable('سلام', 'italic')).toBe('????');
  });

  it('composes a letter typed as base and accent', () => {
    expect(printable('Ca\u0301tia')).toBe('Cátia');
  });

  it('gives a long word an invisible place to break after every LONGEST_UNBROKEN graphemes', () => {
    // A word wider than its line costs pdfkit time growing with the square of its length.
    const word = `${'ä'.repeat(60)}👍🏽${'x'.repeat(40)}`;
    const out = printable(`alku ${word} loppu`);
    const runs = out.split(/[ \u200B]/).map((run) => [...new Intl.Segmenter().segment(run)].length);
    expect(Math.max(...runs)).toBe(LONGEST_UNBROKEN);
    expect(out.replaceAll('\u200B', '')).toBe(`alku ${word.replace('👍🏽', '?')} loppu`);
    expect(printable('lyhyet sanat pysyvät')).toBe('lyhyet sanat pysyvät');
  });

  it('folds line breaks and tabs into single spaces', () => {
    expect(printable('a\r\n\tb\nc')).toBe('a b c');
  });
});

describe('renderPdf', () => {
  it('writes a PDF that a reader opens, with the title and every step', async () => {
    const bytes = await renderPdf(sampleExport());
    expect(Buffer.from(bytes.slice(0, 5)).toString('latin1')).toBe('%PDF-');
    const pdf = await readPdf(bytes);
    const text = pdf.text.join(' ');
    expect(pdf.info.Title).toBe(TITLE); // metadata keeps even the emoji
    // Printed as typed: the embedded font has this emoji (not the truck: "?" stands for it).
    expect(text).toContain('Tilauksesta laskuun – ”kevät” 😀');
    for (const step of PATH) expect(text).toContain(step.title);
    for (const words of [
      'Työpajan yhteenveto',
      'Tunnekäyrä',
      'Johtaja Henkilöstö Asiakkaan edustaja Tavoite', // the curve's legend
      'Henkilöstön suositteluindeksi (eNPS): +25',
      'liian vähän vastauksia näytettäväksi', // the warm-up by role
      'Vahvistus sähköpostiin: Johtaja +1,0, Asiakkaan edustaja −2,0: ero 3', // a minus sign
      'Nopea toimitus ? – ”loistava”',
      '=HYPERLINK("http://x","ä") | *bold* _u_ `c` [l](u) <b> # - + \\',
      '+358 40 soitto: selvitä ”viite” – ÅÄÖ Åsa Öberg Talous 2026-04-30',
    ]) {
      expect(text).toContain(words);
    }
    expect(pdf.text.at(-1)).toContain(`Sivu ${pdf.pages}/${pdf.pages}`);
  });

  it('prints the splits by situation card and by persona, and the effort, as the Markdown does', async () => {
    const text = (await readPdf(await renderPdf(sampleExport()))).text.join(' ');
    for (const words of [
      'Tunne tilannekorteittain',
      'Tunne persoonittain',
      'Maija Möttönen',
      'Vaiva askelittain ja rooleittain',
      'Koko polku',
      'Paljon vaivaa, huono tunne',
      'vaiva 4/5, tunne −2,5: pisteet 0,4',
    ]) {
      expect(text).toContain(words);
    }
  });

  it('prints names in any script as typed, in its embedded font, and "?" for what it lacks', async () => {
    const owners = ['Łukasz Ćwik', 'Ольга Петрова', 'Ελένη Παππά', 'Ngô Bảo Châu', '王小明 🚚'];
    const base = sampleExport().actions[0]!;
    const actions = owners.map((owner, i) => ({ ...base, id: `a${i}`, owner }));
    const bytes = await renderPdf(sampleExport({ actions }));
    const text = (await readPdf(bytes)).text.join(' ');
    for (const owner of owners.slice(0, -1)) expect(text).toContain(owner);
    expect(text).toContain('??? ?');
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toMatch(/\/FontFile2 \d+ 0 R/); // a TrueType font, embedded
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/); // as a subset
    expect(raw).not.toContain('Helvetica');
  });

  it('prints a path of very long words whole, the breaks unseen', async () => {
    const word = 'k'.repeat(600);
    const path = PATH.map((s) => ({ ...s, title: word, description: word }));
    const { text } = await readPdf(await renderPdf(sampleExport({ path })));
    // Text extraction reads each line, and each break, as a space.
    const all = text.join('').replace(/[\s\u200B]/g, '');
    expect(all).toContain(word);
  });

  it('runs onto more pages and repeats a long table’s header', async () => {
    const path = Array.from({ length: 12 }, (_, i) => ({
      ...PATH[i % 3]!,
      id: `s${i}`,
      title: `Askel ${i + 1}: ${'pitkä otsikko '.repeat(3)}`,
      department: i % 2 ? 'Myynti' : 'Talous',
    }));
    const ratings = path.flatMap((s, i) =>
      (['leader', 'staff', 'customer'] as const).map((role, j) => ({
        ...sampleExport().ratings[0]!,
        stepId: s.id,
        role,
        valence: ((i + j) % 7) - 3,
      })),
    );
    const actions = Array.from({ length: 60 }, (_, i) => ({
      ...sampleExport().actions[0]!,
      id: `a${i}`,
      text: `Toimenpide ${i + 1}: ${'sovitaan ja tehdään '.repeat(4)}`,
    }));
    const exp = sampleExport({ path, ratings, actions, analysis: analyseJourney(path, ratings) });
    const pdf = await readPdf(await renderPdf(exp));
    expect(pdf.pages).toBeGreaterThan(3);
    pdf.text.forEach((page, i) => expect(page).toContain(`Sivu ${i + 1}/${pdf.pages}`));
    const headers = pdf.text.filter((page) => page.includes('Toimenpide Vastuuhenkilö Osasto'));
    expect(headers.length).toBeGreaterThan(1);
    const text = pdf.text.join(' ');
    for (const step of path) expect(text).toContain(step.title.trim());
    expect(text).toContain('Toimenpide 60:');
  });

  it('prints the promises broken, by role', async () => {
    const bytes = await renderPdf(sampleExport({ ratings: PROMISED }, 'en'));
    const text = (await readPdf(bytes)).text.join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('Promises broken');
    // The text as read back may write the minus sign as a hyphen.
    expect(text).toMatch(/expected \+2\.0, felt [−-]2\.0 \([−-]4\.0\)/);
  });

  it('renders a blank workshop, and one in English', async () => {
    const blank = sampleExport({
      path: [],
      ratings: [],
      notes: [],
      ideas: [],
      actions: [],
      warmup: null,
      analysis: analyseJourney([], []),
    });
    const text = (await readPdf(await renderPdf(blank))).text.join(' ');
    expect(text).toContain('Arvioita ei ole vielä paljastettu.');
    expect(text).not.toContain('Tunnekäyrä');

    const english = (await readPdf(await renderPdf(sampleExport({}, 'en')))).text.join(' ');
    expect(english).toContain('Workshop summary');
    expect(english).toContain('Emotion curve');
    expect(english).toContain('Page 1 of');
  });
});

/** Each page's MediaBox [x0 y0 x1 y1], read from the PDF's page objects, in page order. */
function mediaBoxes(bytes: Uint8Array): number[][] {
  const raw = Buffer.from(bytes).toString('latin1');
  return [...raw.matchAll(/\/Type \/Page\b[^]*?\/MediaBox \[([^\]]+)\]/g)].map((m) =>
    m[1]!.trim().split(/\s+/).map(Number),
  );
}

describe('the journey map page', () => {
  it('is a landscape A3 page after the A4 summary, with the steps, lanes and notes', async () => {
    const bytes = await renderPdf(sampleExport());
    const boxes = mediaBoxes(bytes);
    const pdf = await readPdf(bytes);
    expect(boxes).toHaveLength(pdf.pages);
    const a3 = boxes.map((b) => Math.round(b[2]!) === 1191 && Math.round(b[3]!) === 842);
    expect(a3.at(-1)).toBe(true); // 420 × 297 mm, wider than tall
    expect(a3.filter(Boolean)).toHaveLength(1);
    for (const box of boxes.slice(0, -1)) expect(box.map(Math.round)).toEqual([0, 0, 595, 842]);
    const page = pdf.text.at(-1)!;
    for (const words of [
      'Polkukartta: Tilauksesta laskuun',
      'Oston aikana',
      '1. Tilaus',
      'Kriittinen',
      'Tunnekäyrät',
      'Kipukohdat',
      'Viitteet',
      'Eräpäivä liian lyhyt',
      'Kuka omistaa?',
      `Sivu ${pdf.pages}/${pdf.pages}`,
    ]) {
      expect(page).toContain(words);
    }
  });

  it('is left out of a workshop with no path', async () => {
    const blank = sampleExport({
      path: [],
      notes: [],
      ratings: [],
      analysis: analyseJourney([], []),
    });
    const boxes = mediaBoxes(await renderPdf(blank));
    expect(boxes.every((b) => Math.round(b[2]!) === 595)).toBe(true);
  });
});
