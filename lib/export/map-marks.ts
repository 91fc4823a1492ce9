import type { RatedRole } from '../analytics/curve';
import type { MarkerShape } from '../analytics/line-path';
import { ROLE_STYLE } from '../domain/role-style';

/**
 * The marks and measures of the printed journey map: text wrapping, the critical star,
 * the hand-off arrows, each curve's look and the valence scale. Pure, shared by the
 * print layout (map-layout.ts) and the live map's curve band.
 */

/** Width of a text in layout units (the PDF measures its own font; the SVG estimates). */
export type Measure = (text: string, size: number, bold: boolean) => number;

/** Helvetica's average advance is about 0.52 em (bold 0.57); a little more keeps text inside. */
export const estimateWidth: Measure = (text, size, bold) =>
  text.length * size * (bold ? 0.6 : 0.55);

const TARGET = { colour: '#000000', shape: 'diamond' as MarkerShape, dash: [6, 4] as const };

/**
 * Breaks text into lines no wider than `width`; the last kept line ends in "…" if cut.
 * Bounded work whatever the text (it runs on the server's one thread, in the PDF): it
 * stops once one line more than `maxLines` is known, and finds where a word too long for
 * a line is cut by halving, not one character at a time (review of issue 22, F2).
 */
export function wrap(
  text: string,
  width: number,
  size: number,
  bold: boolean,
  maxLines: number,
  measure: Measure,
): string[] {
  const fits = (s: string) => measure(s, size, bold) <= width;
  // The longest prefix of `word` (at least one character) that fits after `lead`.
  const longestFitting = (lead: string, word: string) => {
    let lo = 1;
    let hi = word.length - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fits(lead + word.slice(0, mid))) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const lines: string[] = [];
  let line = '';
  const full = () => lines.length > maxLines;
  // No glyph is narrower than 0.15 em: more characters than this cannot fit the lines kept.
  const most = Math.ceil(((maxLines + 1) * width) / (size * 0.15)) + 1;
  const words = text.replace(/\s+/g, ' ').trim().slice(0, most).split(' ');
  for (let word of words) {
    if (full()) break;
    // A word wider than the line (a URL) is cut into pieces that fit.
    while (!full() && !fits(word)) {
      const lead = line ? `${line} ` : '';
      const cut = longestFitting(lead, word);
      if (line && !fits(lead + word.slice(0, cut))) {
        lines.push(line);
        line = '';
        continue;
      }
      lines.push(lead + word.slice(0, cut));
      line = '';
      word = word.slice(cut);
    }
    if (full()) break;
    const next = line ? `${line} ${word}` : word;
    if (fits(next)) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line && !full()) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1] as string;
  while (last && !fits(`${last}…`)) last = last.slice(0, -1);
  kept[maxLines - 1] = `${last.trimEnd()}…`;
  return kept;
}

/** A five-pointed star centred on (x, y): the critical mark, drawn (fonts may lack ★). */
export function starPath(x: number, y: number, r: number): string {
  const points = Array.from({ length: 10 }, (_, i) => {
    const radius = i % 2 === 0 ? r : r * 0.45;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    return `${(x + radius * Math.cos(angle)).toFixed(2)},${(y + radius * Math.sin(angle)).toFixed(2)}`;
  });
  return `M${points.join(' L')} Z`;
}

/** Two opposed arrows (⇄) centred on (x, y): the hand-off mark, drawn. */
export function handoffPath(x: number, y: number, r: number): string {
  const h = r * 0.45;
  const f = (v: number) => v.toFixed(2);
  return [
    `M${f(x - r)},${f(y - h)} L${f(x + r)},${f(y - h)}`,
    `M${f(x + r * 0.45)},${f(y - h * 2)} L${f(x + r)},${f(y - h)} L${f(x + r * 0.45)},${f(y)}`,
    `M${f(x + r)},${f(y + h)} L${f(x - r)},${f(y + h)}`,
    `M${f(x - r * 0.45)},${f(y)} L${f(x - r)},${f(y + h)} L${f(x - r * 0.45)},${f(y + h * 2)}`,
  ].join(' ');
}

export interface CurveStyle {
  key: RatedRole | 'target';
  colour: string;
  shape: MarkerShape;
  dash?: readonly [number, number];
}

/** Each curve's colour, marker and dash: the roles as on every chart, the target dashed black. */
export function curveStyle(key: RatedRole | 'target'): CurveStyle {
  return key === 'target' ? { key, ...TARGET } : { key, ...ROLE_STYLE[key] };
}

/**
 * The y of a valence inside a band of `height` starting at `top`, with `inset` kept free
 * above +3 and below −3 for the markers.
 */
export function valenceY(v: number, top: number, height: number, inset: number): number {
  return top + inset + ((3 - v) / 6) * (height - 2 * inset);
}
