import { describe, expect, it } from 'vitest';
import { revealProgress } from './reveal-progress';

describe('revealProgress', () => {
  const steps = ['a', 'b', 'c'];

  it('counts the steps this round rated, and how many of them are revealed', () => {
    const counts = { '2:a': 3, '2:b': 1, '1:c': 2 };
    expect(revealProgress({ round: 2, revealed: ['2:b', '1:c'] }, counts, steps)).toEqual({
      walked: 2,
      revealed: 1,
    });
  });

  it('does not count a revealed step nobody rated', () => {
    expect(revealProgress({ round: 1, revealed: ['1:a', '1:b'] }, { '1:a': 1 }, steps)).toEqual({
      walked: 1,
      revealed: 1,
    });
  });
});
