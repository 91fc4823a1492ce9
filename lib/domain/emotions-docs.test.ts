import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import en from '../i18n/messages/en.json';
import fi from '../i18n/messages/fi.json';
import { EMOTION_NAMES, EMOTIONS } from './emotions';

const docs = readFileSync(new URL('../../docs/analytics.md', import.meta.url), 'utf8');

/** The rows of the palette table under "## Feelings", as cells. */
function paletteRows(): string[][] {
  const section = docs.split('\n## ').find((s) => s.startsWith('Feelings')) ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}

describe("docs/analytics.md's palette of feelings", () => {
  it('is the code’s: every feeling in order, with its valence and its words', () => {
    const signed = (v: number) => (v > 0 ? `+${v}` : v < 0 ? `−${-v}` : '0');
    expect(paletteRows()).toEqual(
      EMOTION_NAMES.map((name) => [
        `\`${name}\``,
        signed(EMOTIONS[name]),
        en.emotions[name],
        fi.emotions[name],
      ]),
    );
  });
});
