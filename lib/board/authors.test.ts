import { describe, expect, it } from 'vitest';
import { noteAuthor, rosterOf } from './authors';

const roster = rosterOf([
  { id: 'p1', name: 'Asta', role: 'customer' },
  { id: 'p2', name: 'Leena', role: 'leader' },
]);

describe('a note’s author', () => {
  it('is the roster’s name and role for the note’s authorId', () => {
    expect(noteAuthor('p1', roster, false)).toEqual({ role: 'customer', name: 'Asta' });
  });

  it('has no name in an anonymous workshop, only the role', () => {
    expect(noteAuthor('p2', roster, true)).toEqual({ role: 'leader', name: '' });
  });

  it('is unknown (no role, no name) for an id the roster does not hold', () => {
    expect(noteAuthor('ghost', roster, false)).toEqual({ role: null, name: '' });
  });
});
