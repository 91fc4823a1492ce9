import type * as Y from 'yjs';
import { readIdeaIds } from '../../lib/board/board-doc';
import { readPath, readPersonas, readSituations } from '../../lib/board/path-doc';
import type { DocFacts } from './workshop-change';

/**
 * What the actor needs of the workshop's Y.Doc: the steps (with what ranks moments of
 * truth) and the dealable ids. The ideas are read only when first asked for (`lazy`):
 * few commands need them, and reading every note of a big board on every command was
 * ~6 % of the server's time under load. A document about to be destroyed is read at once.
 */
export function readDocFacts(doc: Y.Doc, { lazy = true } = {}): DocFacts {
  let ideaIds: string[] | undefined;
  const path = readPath(doc);
  const cards = readSituations(doc);
  const facts: DocFacts = {
    stepIds: path.map((s) => s.id),
    steps: path.map(({ id, critical, targetFeeling }) => ({ id, critical, targetFeeling })),
    personaIds: readPersonas(doc).map((p) => p.id),
    // The deck's cards, with the personas each does not fit.
    cardIds: cards.map((c) => c.id),
    notFor: Object.fromEntries(cards.map((c) => [c.id, c.notFor ?? []])),
    get ideaIds() {
      return (ideaIds ??= readIdeaIds(doc));
    },
  };
  if (!lazy) void facts.ideaIds;
  return facts;
}
