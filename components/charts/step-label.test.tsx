import { describe, expect, it } from 'vitest';
import { charsIn, shortLabel, wrapLabel } from './step-label';

describe('shortLabel', () => {
  it('keeps a name that fits', () => {
    expect(shortLabel('Order', 10)).toBe('Order');
  });

  it('cuts at a word boundary with an ellipsis, never longer than asked', () => {
    expect(shortLabel('The doctor’s appointment', 14)).toBe('The doctor’s…');
    expect(shortLabel('Ajanvarausvahvistus', 8)).toBe('Ajanvar…');
    expect(shortLabel('Ajanvarausvahvistus', 8).length).toBeLessThanOrEqual(8);
  });
});

describe('wrapLabel', () => {
  it('wraps on words and cuts the last line short', () => {
    expect(wrapLabel('5. The doctor’s appointment is booked', 12, 2)).toEqual([
      '5. The',
      'doctor’s…',
    ]);
  });

  it('uses one line when the name fits on it', () => {
    expect(wrapLabel('1. Order', 12, 2)).toEqual(['1. Order']);
  });

  it('never gives a line longer than asked', () => {
    for (const line of wrapLabel('3. Tilausvahvistussähköposti saapuu', 9, 2)) {
      expect(line.length).toBeLessThanOrEqual(9);
    }
  });
});

describe('charsIn', () => {
  it('counts what fits at a font size', () => {
    expect(charsIn(72, 12)).toBe(10);
  });
});
