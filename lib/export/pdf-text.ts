/**
 * The PDF uses the standard Helvetica, whose WinAnsi (Windows-1252) encoding covers
 * Finnish, Swedish and the typographic quotes and dashes. Other characters are
 * replaced before they reach it: by a look-alike where there is one (− to -, ł to l,
 * ć to c), otherwise by "?" (one per emoji or other grapheme, not per code point).
 */

/** Windows-1252's printable characters in 0x80–0x9F, beyond Latin-1. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

const LOOK_ALIKES: Record<string, string> = {
  '\u2212': '-', // minus sign (Intl's Finnish negative numbers)
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '–',
  '\u2015': '—',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2194': '<->',
  '\u21D2': '=>',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2248': '~',
  '\u2032': "'",
  '\u2033': '"',
  '\u201B': '‘',
  '\u201F': '“',
  '\u2713': 'v',
  '\u2714': 'v',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ı: 'i',
};

function fits(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char)
  );
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

function oneGrapheme(grapheme: string): string {
  if ([...grapheme].every(fits)) return grapheme;
  if (grapheme in LOOK_ALIKES) return LOOK_ALIKES[grapheme] as string;
  // Letters with marks outside Latin-1 (ć, ő, ș): the base letter.
  const base = grapheme.normalize('NFKD').replace(/\p{M}/gu, '');
  if (base && [...base].every(fits)) return base;
  return '?';
}

/** Text that Helvetica in WinAnsi can show; white space (line breaks, tabs) becomes one space. */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const { segment } of segmenter.segment(text.replace(/\s+/g, ' '))) {
    out += oneGrapheme(segment);
  }
  return out;
}
