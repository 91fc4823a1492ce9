import { describe, expect, it } from 'vitest';
import { NOTE_TEXT_MAX_CHARS } from './board-doc';
import { charsLeftToShow, NOTE_COUNTER_FROM_CHARS } from './note-length';

describe('charsLeftToShow', () => {
  it('says nothing while a note is far from the limit', () => {
    expect(charsLeftToShow('')).toBeNull();
    expect(charsLeftToShow('x'.repeat(NOTE_COUNTER_FROM_CHARS - 1))).toBeNull();
  });

  it('counts down over the last stretch, to zero at the limit', () => {
    expect(charsLeftToShow('x'.repeat(NOTE_COUNTER_FROM_CHARS))).toBe(
      NOTE_TEXT_MAX_CHARS - NOTE_COUNTER_FROM_CHARS,
    );
    expect(charsLeftToShow('x'.repeat(NOTE_TEXT_MAX_CHARS))).toBe(0);
    // A text pasted over the limit is cut by the board; it never shows a negative count.
    expect(charsLeftToShow('x'.repeat(NOTE_TEXT_MAX_CHARS + 5))).toBe(0);
  });
});
