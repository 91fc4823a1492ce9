import { describe, expect, it } from 'vitest';
import { lineText, linesText } from './plain-text';

const line = lineText(40);
const lines = linesText(400);

describe('names and titles as people type them', () => {
  it('take letters of every script, emoji with joiners, and bidi marks', () => {
    for (const name of ['Aino Möttönen', 'سارة', '👩‍💻 Dev', 'Zoë', 'مریم‌جان', 'a\u200eb', '名前']) {
      expect(line.safeParse(name).success, name).toBe(true);
    }
  });

  it('refuse what hides or reorders: controls, separators, zero-width and fillers', () => {
    const hidden = [
      'Anna\u202EnivuS', // right-to-left override: reads as another name
      'Anna\u2066x\u2069', // isolate
      'Anna\u0007', // bell
      'A\u0085', // next line (C1)
      'Ann\u200Bx', // zero-width space: looks like "Annx"
      'Ann\u2028x', // line separator
      'A\uFEFFb', // byte-order mark (trimmed away at the ends)
      'A\u2060b', // word joiner
      'A\u{E0041}', // tag character
      'A\u3164', // Hangul filler
      'A\uD800', // lone surrogate
    ];
    for (const name of hidden) expect(line.safeParse(name).success, escape(name)).toBe(false);
  });

  it('refuse a name with nothing visible in it', () => {
    for (const name of ['\u200d\u200d', '\u200e', '\u0301']) {
      expect(line.safeParse(name).success, escape(name)).toBe(false);
    }
  });

  it('keep line breaks and tabs in a longer text, and refuse the rest', () => {
    expect(lines.safeParse('First line\nsecond\tline\r\n').success).toBe(true);
    expect(lines.safeParse('Invoice \u202Efdp.exe').success).toBe(false);
    expect(lines.safeParse('\u001b[31mred').success).toBe(false);
  });
});

function escape(text: string): string {
  return [...text].map((c) => `U+${c.codePointAt(0)!.toString(16)}`).join(' ');
}
