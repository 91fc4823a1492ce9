import type { WorkshopState } from '../domain/workshop';

/**
 * After the whole state on connect, a connection gets only the sections of the state that
 * changed (`workshop:patch`). A readiness toggle changes `control`, a rating only
 * `ratingCounts`: sending the whole state (the participant list is most of it) to 40
 * people on every click was most of the bytes the server wrote and its clients parsed.
 */
export type WorkshopPatch = Partial<WorkshopState>;

const SECTIONS = ['info', 'control', 'participants', 'ratingCounts', 'warmup'] as const;
type Section = (typeof SECTIONS)[number];

/**
 * Remembers each section of the state as last sent to a room (as JSON, compared whole) and
 * tells which changed since. A connection that joins between two patches is sent the
 * whole current state first, which is what the last patch left, so the next patch
 * applies to it as well.
 */
export class StatePatcher {
  private sent: Partial<Record<Section, string>> = {};

  /** The changed sections of `state`, or null when nothing changed. */
  next(state: WorkshopState): WorkshopPatch | null {
    const patch: Record<string, unknown> = {};
    let changed = false;
    for (const key of SECTIONS) {
      const json = JSON.stringify(state[key]);
      if (json === this.sent[key]) continue;
      this.sent[key] = json;
      patch[key] = state[key];
      changed = true;
    }
    return changed ? (patch as WorkshopPatch) : null;
  }
}

/** The state after a patch: the sections it carries replace the ones held. */
export function applyPatch(state: WorkshopState, patch: WorkshopPatch): WorkshopState {
  const next = { ...state };
  for (const key of SECTIONS) {
    if (patch[key] !== undefined) (next as Record<Section, unknown>)[key] = patch[key];
  }
  return next;
}
