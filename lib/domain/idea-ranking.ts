import type { VoteResults } from './votes';

export interface RankedIdea<T> {
  idea: T;
  /** Dots it got; null while the results are not out. */
  dots: number | null;
  /** People who gave it a dot; null while the results are not out. */
  voters: number | null;
}

/**
 * The board's ideas in the vote's order, most dots first (the server ranks, ties by age).
 * Without results they keep the order given; an idea written after the vote comes last
 * with no dots, and a result whose idea was deleted is dropped.
 */
export function rankedIdeas<T extends { id: string }>(
  ideas: readonly T[],
  results: VoteResults | null,
): RankedIdea<T>[] {
  if (!results) return ideas.map((idea) => ({ idea, dots: null, voters: null }));
  const byId = new Map(ideas.map((idea) => [idea.id, idea]));
  const ranked = results.ideas.flatMap((r) => {
    const idea = byId.get(r.ideaId);
    return idea ? [{ idea, dots: r.dots, voters: r.voters }] : [];
  });
  const counted = new Set(results.ideas.map((r) => r.ideaId));
  const later = ideas
    .filter((i) => !counted.has(i.id))
    .map((idea) => ({ idea, dots: 0, voters: 0 }));
  return [...ranked, ...later];
}
