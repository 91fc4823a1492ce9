import type * as Y from 'yjs';
import { analyseWorkshop } from '../../lib/analytics/rounds';
import { noteAuthor } from '../../lib/board/authors';
import { readGroups, readNotes } from '../../lib/board/board-doc';
import { readPath, readPersonas, readSituations } from '../../lib/board/path-doc';
import { ratingView } from '../../lib/domain/ratings';
import type { Role } from '../../lib/domain/roles';
import {
  EXPORT_RATING_FIELDS,
  EXPORT_SCHEMA,
  EXPORT_VERSION,
  type ExportAction,
  type ExportIdea,
  type ExportNote,
  type ExportRating,
  type WorkshopExport,
} from '../../lib/export/model';
import type { ActionRecord, Storage, VoteRecord } from '../storage/storage';
import type { WorkshopActor } from '../workshops/actor';
import type { ReadDoc } from '../workshops/stored-doc';
import type { WorkshopRooms } from '../workshops/rooms';

export interface ExportDeps {
  registry: Pick<WorkshopRooms, 'get'>;
  storage: Pick<Storage, 'listVotes' | 'listActions'>;
  readDoc: ReadDoc;
  /** Clock for `exportedAt` (tests pin it). */
  now?: () => number;
}

export class WorkshopNotFoundError extends Error {
  constructor(readonly workshopId: string) {
    super(`No workshop ${workshopId}`);
  }
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** What the Y.Doc holds, read in one go. */
function readBoard(doc: Y.Doc) {
  return {
    path: readPath(doc),
    personas: readPersonas(doc),
    situations: readSituations(doc),
    notes: readNotes(doc),
    groups: readGroups(doc),
  };
}

function toExportAction(a: ActionRecord): ExportAction {
  return {
    id: a.id,
    text: a.text,
    owner: a.owner,
    department: a.department,
    dueDate: a.dueDate,
    stepId: a.stepId,
    ideaId: a.ideaId,
    createdAt: iso(a.createdAt),
  };
}

/** Ideas (notes in the ideas lane) with the dots given to each, most dots first. */
export function rankIdeas(
  notes: readonly ExportNote[],
  votes: readonly VoteRecord[],
): ExportIdea[] {
  const dots = new Map<string, number>();
  for (const v of votes) dots.set(v.ideaId, (dots.get(v.ideaId) ?? 0) + v.dots);
  return notes
    .filter((n) => n.lane === 'ideas')
    .map((n) => ({ noteId: n.id, stepId: n.stepId, text: n.text, dots: dots.get(n.id) ?? 0 }))
    .sort((a, b) => b.dots - a.dots); // stable: creation order on ties
}

/** Revealed ratings only (the book keeps the rest on the server), in round and path order. */
function ratingsOf(actor: WorkshopActor, stepIds: string[]): ExportRating[] {
  const order = (id: string) => {
    const i = stepIds.indexOf(id);
    return i < 0 ? stepIds.length : i;
  };
  return actor
    .revealedRatings()
    .map((r) => ratingView(r, EXPORT_RATING_FIELDS))
    .sort((a, b) => a.round - b.round || order(a.stepId) - order(b.stepId));
}

/**
 * Everything a workshop produced, as the exports render it. Blind stays blind: only
 * revealed ratings, and in an anonymous workshop no names (of raters or note authors).
 */
export async function buildExport(deps: ExportDeps, workshopId: string): Promise<WorkshopExport> {
  const actor = await deps.registry.get(workshopId);
  if (!actor) throw new WorkshopNotFoundError(workshopId);
  const board = await deps.readDoc(workshopId, readBoard);
  const [votes, actions] = await Promise.all([
    deps.storage.listVotes(workshopId),
    deps.storage.listActions(workshopId),
  ]);
  const { info, control, participants, warmup } = actor.state();
  const anonymous = control.anonymous;

  const participantsByRole: Partial<Record<Role, number>> = {};
  for (const p of participants) participantsByRole[p.role] = (participantsByRole[p.role] ?? 0) + 1;

  const roster = actor.roster();
  const notes: ExportNote[] = board.notes.map((n) => {
    // Who wrote it is the roster's word, by the id the server tied to the writer.
    const author = noteAuthor(n.authorId, roster, anonymous);
    return {
      id: n.id,
      stepId: n.stepId,
      lane: n.lane,
      text: n.text,
      authorRole: author.role,
      authorName: author.name,
      createdAt: iso(n.createdAt),
      groupId: n.groupId,
    };
  });

  const ratings = ratingsOf(
    actor,
    board.path.map((s) => s.id),
  );
  // The analytics read the exported ratings as they are (each asks for the fields it needs);
  // every round on its own too, so a later round does not hide what an earlier one found.
  const { analysis, rounds, roundChanges } = analyseWorkshop(board.path, ratings);

  return {
    schema: EXPORT_SCHEMA,
    version: EXPORT_VERSION,
    exportedAt: iso(deps.now?.() ?? Date.now()),
    workshop: {
      id: info.id,
      title: info.title,
      templateId: info.templateId,
      locale: info.locale,
      createdAt: iso(info.createdAt),
      phase: control.phase,
      rounds: control.round,
      anonymous,
    },
    path: board.path,
    personas: board.personas,
    situations: board.situations,
    participantsByRole,
    warmup: warmup.results,
    ratings,
    notes,
    groups: board.groups,
    ideas: rankIdeas(notes, votes),
    actions: actions.map(toExportAction).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    analysis,
    rounds,
    roundChanges,
  };
}
