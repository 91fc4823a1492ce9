import type { MyRating, RevealedRating } from '../../lib/domain/ratings';
import type { Assignment, You } from '../../lib/domain/workshop';
import type { WorkshopPatch } from '../../lib/protocol/state-patch';
import type { WorkshopChange } from '../workshops/workshop-change';
import type { Outgoing } from './publish';

/** What the messages of a change are read from: the workshop's views after it. */
export interface ChangeViews {
  myRatings(participantId: string): MyRating[];
  revealedRatings(): RevealedRating[];
  assignments(): Record<string, Assignment>;
  you(participantId: string): You | null;
}

/**
 * The messages one change sends, each to its audience, in the order clients apply them:
 * the state first, then what it reveals. Ratings leave the server as the rater's own, or
 * once their step is revealed; votes as each person's own, and totals only while visible.
 */
export function changeMessages(
  change: WorkshopChange,
  patch: WorkshopPatch | null,
  views: ChangeViews,
): Outgoing[] {
  const out: Outgoing[] = [];
  if (patch) out.push({ to: 'room', message: ['workshop:patch', patch] });
  if (change.ratedBy) {
    const participantId = change.ratedBy;
    out.push({
      to: 'person',
      participantId,
      message: ['ratings:mine', views.myRatings(participantId)],
    });
  }
  if (change.revealedReplace) {
    const ratings = views.revealedRatings();
    out.push({ to: 'room', message: ['ratings:revealed', { replace: true, ratings }] });
  } else if (change.revealedUpdate.length > 0) {
    const ratings = change.revealedUpdate;
    out.push({ to: 'room', message: ['ratings:revealed', { replace: false, ratings }] });
  }
  for (const { participantId, mine } of change.votesMine) {
    out.push({ to: 'person', participantId, message: ['votes:mine', mine] });
  }
  if (change.voteResults !== undefined) {
    out.push({ to: 'room', message: ['votes:results', change.voteResults] });
  }
  if (change.actions) out.push({ to: 'room', message: ['actions:list', change.actions] });
  if (change.changedPeople.length === 0) return out;
  out.push({ to: 'facilitators', message: ['facilitator:assignments', views.assignments()] });
  for (const p of change.changedPeople) {
    if (p.removedAt !== null) {
      out.push({ to: 'person', participantId: p.id, message: ['session:removed'] });
      out.push({ to: 'person', participantId: p.id, close: true });
      continue;
    }
    const you = views.you(p.id);
    if (you) out.push({ to: 'person', participantId: p.id, message: ['session:you', you] });
  }
  return out;
}
