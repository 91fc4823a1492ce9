import fs from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

/**
 * The PDF's font: DejaVu Sans, embedded (pdfkit writes only the glyphs a document uses),
 * so text prints as typed: Finnish and Swedish, Polish and Hungarian names, Cyrillic,
 * Greek, Hebrew, signs like − → ≥ ⇄ ★. What it has no glyph for (most emoji, Chinese,
 * Japanese, Korean) would print as its empty box, or as nothing; such a character is
 * replaced by "?" instead, one per grapheme (an emoji family or a flag is one "?"), so
 * the reader sees that something stood there. Hebrew and Arabic words come out right to
 * left, but pdfkit does not reorder words: a right-to-left phrase shows its words left
 * to right.
 */
export type Face = 'regular' | 'bold' | 'italic';

const FILES: Record<Face, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
};

/** Placeholder for a grapheme the face cannot draw. */
const MISSING = '?';

interface Loaded {
  font: fontkit.Font;
  /** Whether the face draws a code point, as asked so far (fontkit's cmap lookup is slow). */
  has: Map<number, boolean>;
}

const loaded = new Map<Face, Loaded>();

/**
 * Resolved from this module, as a package: under tsx from lib/export, in the server
 * bundle from its chunk in .server-build (packages stay in node_modules there).
 */
const require = createRequire(import.meta.url);

/** A face's file and parsed font, read once per process. */
function load(face: Face): Loaded {
  let l = loaded.get(face);
  if (!l) {
    const data = fs.readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${FILES[face]}`));
    const font = fontkit.create(data);
    if (!('hasGlyphForCodePoint' in font)) throw new Error(`${FILES[face]} is a collection`);
    l = { font, has: new Map() };
    loaded.set(face, l);
  }
  return l;
}

/** pdfkit's font names for the faces, registered by `registerFonts`. */
export const FONT: Record<Face, string> = {
  regular: 'Sans',
  bold: 'Sans-Bold',
  italic: 'Sans-Oblique',
};

/**
 * Registers the faces with a document, each document embedding its own subset. pdfkit
 * takes the parsed font (its own types list only files and bytes): parsed once per
 * process rather than per document, which cut a PDF's time by about half.
 */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const face of Object.keys(FILES) as Face[]) {
    doc.registerFont(FONT[face], load(face).font as unknown as PDFKit.Mixins.PDFFontSource);
  }
}

/** The face's ascender as a fraction of the font size (text is placed by its top). */
export function ascent(face: Face): number {
  const { font } = load(face);
  return font.ascent / font.unitsPerEm;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * `text` as the face can print it: composed (NFC, so a letter typed as base + accent uses
 * the font's accented letter), white space (line breaks, tabs) folded into one space, and
 * each grapheme the face lacks a glyph for replaced by MISSING. Invisible code points
 * (joiners, variation selectors) the face lacks are left out rather than drawn as boxes.
 */
export function printable(text: string, face: Face = 'regular'): string {
  const l = load(face);
  const has = (char: string) => {
    const code = char.codePointAt(0) ?? 0;
    let yes = l.has.get(code);
    if (yes === undefined) l.has.set(code, (yes = l.font.hasGlyphForCodePoint(code)));
    return yes;
  };
  const clean = text.normalize('NFC').replace(/\s+/g, ' ');
  const fits = (word: string) => {
    for (const char of word) if (!has(char)) return false;
    return true;
  };
  // Nearly always every character has its glyph. Graphemes (slow to find) are looked for
  // only in the words that have one missing; a grapheme does not reach across a space.
  if (fits(clean)) return breakLongRuns(clean);
  const word = (w: string) => {
    if (fits(w)) return w;
    let out = '';
    for (const { segment } of segmenter.segment(w)) {
      let kept = '';
      let missing = false;
      for (const char of segment) {
        if (has(char)) kept += char;
        else if (!IGNORABLE.test(char)) missing = true;
      }
      out += missing ? MISSING : kept;
    }
    return out;
  };
  return breakLongRuns(clean.split(' ').map(word).join(' '));
}

/** The most graphemes printed without a place where the line may break. */
export const LONGEST_UNBROKEN = 60;
/** A break opportunity that prints nothing (DejaVu Sans has it, as a zero-width glyph). */
const ZERO_WIDTH_SPACE = '\u200B';
const LONG_RUN = new RegExp(`\\S{${LONGEST_UNBROKEN + 1},}`, 'gu');

/**
 * A word wider than its line is split by pdfkit one character at a time, measuring the
 * rest again after each (its time grows with the square of the word's length: a path of
 * 4,000-character words took 5 s of the event loop per PDF). A zero-width space after
 * every LONGEST_UNBROKEN graphemes of a long run gives it places to break instead.
 */
function breakLongRuns(text: string): string {
  if (!text.match(LONG_RUN)) return text;
  return text.replace(LONG_RUN, (run) => {
    let out = '';
    let n = 0;
    for (const { segment } of segmenter.segment(run)) {
      if (n > 0 && n % LONGEST_UNBROKEN === 0) out += ZERO_WIDTH_SPACE;
      out += segment;
      n++;
    }
    return out;
  });
}

const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;
