import { describe, expect, it } from 'vitest';
import { rankedIdeas } from './idea-ranking';
import type { VoteResults } from './votes';

const ideas = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
const results: VoteResults = {
  ideas: [
    { ideaId: 'c', dots: 5, voters: 3 },
    { ideaId: 'a', dots: 2, voters: 1 },
    { ideaId: 'b', dots: 0, voters: 0 },
  ],
  voters: 3,
};

describe('rankedIdeas', () => {
  it('lists ideas most dots first, with their dots and voters', () => {
    expect(rankedIdeas(ideas, results)).toEqual([
      { idea: { id: 'c' }, dots: 5, voters: 3 },
      { idea: { id: 'a' }, dots: 2, voters: 1 },
      { idea: { id: 'b' }, dots: 0, voters: 0 },
    ]);
  });

  it('keeps the board order and has no dots while the results are not out', () => {
    expect(rankedIdeas(ideas, null)).toEqual([
      { idea: { id: 'a' }, dots: null, voters: null },
      { idea: { id: 'b' }, dots: null, voters: null },
      { idea: { id: 'c' }, dots: null, voters: null },
    ]);
  });

  it('puts an idea written after the results last, with no dots, and drops deleted ones', () => {
    const later = [{ id: 'd' }, ...ideas.filter((i) => i.id !== 'a')];
    expect(rankedIdeas(later, results).map((r) => [r.idea.id, r.dots])).toEqual([
      ['c', 5],
      ['b', 0],
      ['d', 0],
    ]);
  });
});
