import type { Lane } from '../board/lanes';
import type { ExportNote, WorkshopExport } from './model';

/**
 * A note whose text was cleared is a blank sticky, not a finding: every summary (the web
 * page and the exports) leaves out notes that are empty or only white space.
 */
export function hasText(note: Pick<ExportNote, 'text'>): boolean {
  return note.text.trim() !== '';
}

/** The notes of one step and lane that say something, in board order. */
export function stepNotes(
  exp: Pick<WorkshopExport, 'notes'>,
  stepId: string,
  lane: Lane,
): ExportNote[] {
  return exp.notes.filter((n) => n.stepId === stepId && n.lane === lane && hasText(n));
}

/** Whether some step on the path has a pain or a gain that says something. */
export function hasPainsOrGains(exp: Pick<WorkshopExport, 'notes' | 'path'>): boolean {
  return exp.path.some(
    (s) => stepNotes(exp, s.id, 'pains').length + stepNotes(exp, s.id, 'gains').length > 0,
  );
}
