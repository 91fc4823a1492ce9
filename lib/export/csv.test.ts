import { strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CSV_FILES, csvField, csvTable, neutralise, renderCsvFiles, renderCsvZip } from './csv';
import { HOSTILE, PROMISED, sampleExport } from './test-export';

/** An RFC 4180 reader (quoted fields, doubled quotes, CRLF), to read back what was written. */
function parseCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.slice(1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') field += body[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  expect(field).toBe('');
  return rows;
}

/** Rows as records by header name. */
function records(text: string): Array<Record<string, string>> {
  const [head, ...rows] = parseCsv(text);
  for (const r of rows) expect(r).toHaveLength(head!.length);
  return rows.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i]!])));
}

describe('formula injection', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+358 40 123', "'+358 40 123"],
    ['-2 on liikaa', "'-2 on liikaa"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=cmd', "'\t=cmd"],
    ['\r=cmd', "'\r=cmd"],
    ['＝1+1', "'＝1+1"],
    ['a=b', 'a=b'],
    ['Äiti', 'Äiti'],
    ['', ''],
  ])('neutralises text %j as %j', (input, output) => {
    expect(neutralise(input)).toBe(output);
  });

  it('keeps numbers numbers: a valence of −2 is written as -2', () => {
    expect(csvField(-2)).toBe('-2');
    expect(csvField(0)).toBe('0');
    expect(csvField(2.5)).toBe('2.5');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(null)).toBe('');
    expect(csvField('-2')).toBe("'-2");
  });
});

describe('RFC 4180', () => {
  it('quotes commas, quotes and line breaks, and doubles quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=cmd,"x"')).toBe('"\'=cmd,""x"""');
  });

  it('writes a BOM, CRLF line ends and a header', () => {
    expect(
      csvTable(
        ['a', 'b'],
        [
          [1, 'x'],
          [null, 'ä'],
        ],
      ),
    ).toBe('\uFEFFa,b\r\n1,x\r\n,ä\r\n');
  });
});

describe('renderCsvFiles', () => {
  const files = renderCsvFiles(sampleExport());

  it('writes one row per revealed rating, numbers bare and text neutralised', () => {
    const rows = records(files['ratings.csv']);
    expect(rows).toHaveLength(7);
    const last = rows.at(-1)!;
    expect(last).toMatchObject({
      round: '1',
      step_number: '3',
      step_id: 'lasku',
      step_title: 'Lasku | "yllätys" *',
      role: 'customer',
      valence: '-3',
      emotion: 'angry',
      note: `'${HOSTILE}`,
      name: '',
    });
    expect(rows.find((r) => r.note?.includes('liikaa'))).toMatchObject({
      valence: '-2',
      note: "'-2 on liikaa",
    });
    expect(rows.find((r) => r.card_id === 'kiire')?.card_title).toBe('Kiire ⏰');
    expect(rows.filter((r) => r.persona_id === 'maija').map((r) => r.persona_name)).toEqual([
      'Maija Möttönen',
      'Maija Möttönen',
    ]);
    expect(rows[0]).toMatchObject({ persona_id: '', persona_name: '' });
    expect(rows[1]!.note).toBe('Helppoa, “kiitos” 👍');
  });

  it('writes the feeling expected at the next step, empty where none was said', () => {
    const rows = records(renderCsvFiles(sampleExport({ ratings: PROMISED }))['ratings.csv']);
    expect(rows.map((r) => r.expected_next)).toEqual(['', 'happy', 'calm', '', '', '', '']);
  });

  it('writes notes, votes and actions with their step and Finnish text intact', () => {
    const notes = records(files['notes.csv']);
    expect(notes.map((n) => n.note_id)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7']);
    expect(notes[1]).toMatchObject({ lane: 'pains', group_id: 'g1', group_title: 'Viitteet' });
    expect(notes[3]!.text).toBe('Nopea toimitus 🚚 – ”loistava”');

    const votes = records(files['votes.csv']);
    expect(votes).toEqual([
      expect.objectContaining({ rank: '1', idea_id: 'n5', idea: `'${HOSTILE}`, dots: '7' }),
      expect.objectContaining({ rank: '2', idea: "'@SUM(A1:A9) idea", dots: '2' }),
    ]);

    const [action] = records(files['actions.csv']);
    expect(action).toMatchObject({
      text: "'+358 40 soitto: selvitä ”viite” – ÅÄÖ",
      owner: 'Åsa Öberg',
      due_date: '2026-04-30',
      step_number: '3',
      idea: `'${HOSTILE}`,
    });
  });

  it('leaves no text cell that a spreadsheet would run', () => {
    for (const text of Object.values(files)) {
      for (const row of parseCsv(text).slice(1)) {
        for (const cell of row) {
          if (/^-?\d+(\.\d+)?$/.test(cell)) continue; // a number column
          expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
        }
      }
    }
  });
});

describe('renderCsvZip', () => {
  it('packs the four files, byte for byte', () => {
    const exp = sampleExport();
    const unzipped = unzipSync(renderCsvZip(exp));
    expect(Object.keys(unzipped).sort()).toEqual([...CSV_FILES].sort());
    const files = renderCsvFiles(exp);
    for (const name of CSV_FILES) {
      const bytes = unzipped[name]!;
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the UTF-8 BOM
      expect(Buffer.from(bytes).equals(Buffer.from(strToU8(files[name])))).toBe(true);
    }
  });
});
