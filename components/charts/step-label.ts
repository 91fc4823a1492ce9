/**
 * Short step names for chart axes: a name cut where it fits, with the full name kept for
 * the title, the tooltip and screen readers. Widths are estimated, not measured: an
 * average glyph is taken as CHAR_EM of the font size (generous, so labels rarely collide).
 */

/** Estimated width of an average glyph, in ems (system sans-serif runs 0.5–0.55). */
const CHAR_EM = 0.6;

/** How many characters fit in `px` at `font` px. */
export function charsIn(px: number, font: number): number {
  return Math.max(1, Math.floor(px / (font * CHAR_EM)));
}

/** `text` cut to at most `max` characters at a word boundary when one is near, with "…". */
export function shortLabel(text: string, max: number): string {
  const clean = text.trim().replace(/\s+/g, ' ');
  if (clean.length <= max) return clean;
  const room = Math.max(1, max - 1);
  const cut = clean.slice(0, room);
  const space = cut.lastIndexOf(' ');
  const head = space >= room / 2 ? cut.slice(0, space) : cut;
  return `${head.trimEnd()}…`;
}

/** `text` wrapped onto at most `lines` lines of `max` characters; the last one cut short. */
export function wrapLabel(text: string, max: number, lines: number): string[] {
  const all: string[] = [];
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const last = all.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= max)
      all[all.length - 1] = `${last} ${word}`;
    else all.push(word);
  }
  if (all.length <= lines) return all.map((line) => shortLabel(line, max));
  const kept = all.slice(0, lines - 1).map((line) => shortLabel(line, max));
  return [...kept, shortLabel(all.slice(lines - 1).join(' '), max)];
}
