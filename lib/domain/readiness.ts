import { can } from './permissions';
import type { ParticipantView, Readiness } from './workshop';

export interface ReadinessSummary {
  done: number;
  total: number;
  /** Present participants who take part and have not marked themselves done. */
  waiting: ParticipantView[];
}

/** Counts who is done among the people who take part (not facilitators or observers). */
export function summariseReadiness(
  readiness: Readiness,
  participants: readonly ParticipantView[],
): ReadinessSummary {
  const takers = participants.filter((p) => can(p.role, 'ready.mark'));
  const done = new Set(readiness.doneIds);
  const counted = takers.filter((p) => done.has(p.id) || p.online);
  return {
    done: counted.filter((p) => done.has(p.id)).length,
    total: counted.length,
    waiting: counted.filter((p) => !done.has(p.id)),
  };
}
