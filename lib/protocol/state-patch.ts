import type { ParticipantView, WorkshopState } from '../domain/workshop';

/**
 * What changed in the roster, by participant id: entries added or changed (`put`: an
 * id already held is replaced where it stands, a new one goes to the end) and entries
 * gone (`removed`). One person joining a room of 100 is one entry, not 100.
 */
export interface RosterPatch {
  put?: ParticipantView[];
  removed?: string[];
}

/**
 * After the whole state on connect, a connection gets only what changed
 * (`workshop:patch`): the sections that changed, whole, except the roster, which comes
 * as a `RosterPatch`. A readiness toggle changes `control`, a rating only `ratingCounts`,
 * a join one roster entry: sending the whole state (the roster is most of it) to everyone
 * on every click was most of the bytes the server wrote and its clients parsed.
 */
export type WorkshopPatch = Partial<Omit<WorkshopState, 'participants'>> & {
  participants?: RosterPatch;
};

const WHOLE_SECTIONS = ['info', 'control', 'ratingCounts', 'warmup', 'progress'] as const;
type WholeSection = (typeof WHOLE_SECTIONS)[number];

/**
 * Remembers the state as last sent to a room (each section, and each roster entry, as
 * JSON) and tells what changed since. A connection that joins between two patches is
 * sent the whole current state first, which is what the last patch left, so the next
 * patch applies to it as well.
 */
export class StatePatcher {
  private sent: Partial<Record<WholeSection, string>> = {};
  /** The roster as last sent: entries by id, in order. */
  private roster: ReadonlyMap<string, string> | null = null;

  /** What changed in `state`, or null when nothing did. */
  next(state: WorkshopState): WorkshopPatch | null {
    const patch: Record<string, unknown> = {};
    for (const key of WHOLE_SECTIONS) {
      const json = JSON.stringify(state[key]);
      if (json === this.sent[key]) continue;
      this.sent[key] = json;
      patch[key] = state[key];
    }
    const roster = this.rosterPatch(state.participants);
    if (roster) patch.participants = roster;
    return Object.keys(patch).length > 0 ? (patch as WorkshopPatch) : null;
  }

  private rosterPatch(people: ParticipantView[]): RosterPatch | null {
    const now = new Map(people.map((p) => [p.id, JSON.stringify(p)]));
    const before = this.roster;
    this.roster = now;
    // The first state after a patcher is made: the whole roster, as a list of puts.
    if (!before) return { put: people };
    // Kept entries keep their order and new ones go last, as applyRoster does; anything
    // else (never today: the roster only grows at its end) is sent as a new roster.
    const kept = [...before.keys()].filter((id) => now.has(id));
    const order = [...kept, ...people.filter((p) => !before.has(p.id)).map((p) => p.id)];
    if (order.some((id, i) => people[i]!.id !== id)) {
      return { removed: [...before.keys()], put: people };
    }
    const removed = [...before.keys()].filter((id) => !now.has(id));
    const put = people.filter((p) => before.get(p.id) !== now.get(p.id));
    if (removed.length === 0 && put.length === 0) return null;
    return { ...(put.length > 0 ? { put } : {}), ...(removed.length > 0 ? { removed } : {}) };
  }
}

/** The roster after a roster patch: removed ids dropped, puts replaced in place or added last. */
function applyRoster(people: ParticipantView[], patch: RosterPatch): ParticipantView[] {
  const gone = new Set(patch.removed ?? []);
  const next = people.filter((p) => !gone.has(p.id));
  const at = new Map(next.map((p, i) => [p.id, i]));
  for (const entry of patch.put ?? []) {
    const i = at.get(entry.id);
    if (i === undefined) {
      at.set(entry.id, next.length);
      next.push(entry);
    } else next[i] = entry;
  }
  return next;
}

/** The state after a patch: the sections it carries replace the ones held; the roster is patched. */
export function applyPatch(state: WorkshopState, patch: WorkshopPatch): WorkshopState {
  const next = { ...state };
  for (const key of WHOLE_SECTIONS) {
    if (patch[key] !== undefined) (next as Record<WholeSection, unknown>)[key] = patch[key];
  }
  if (patch.participants) next.participants = applyRoster(state.participants, patch.participants);
  return next;
}
