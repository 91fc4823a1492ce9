import { applyCommand } from '../../lib/domain/commands';
import { applyPeopleCommand } from '../../lib/domain/people';
import { checkRating, stepKey } from '../../lib/domain/ratings';
import { defaultLens, type Role } from '../../lib/domain/roles';
import { seatRefusal } from '../../lib/domain/seats';
import { checkVote } from '../../lib/domain/votes';
import { checkWarmupAnswer } from '../../lib/domain/warmup';
import type { ControlState, Participant } from '../../lib/domain/workshop';
import type { WorkshopRequest } from '../../lib/protocol/catalogue';
import type { Storage } from '../storage/storage';
import {
  type Accepted,
  accepted,
  type Decision,
  type DocFacts,
  type News,
} from './workshop-change';
import type { WorkshopMemory } from './workshop-memory';

/** What the actor runs: every request of the catalogue but `time.sync` (answered at the door). */
export type ActorRequest = Exclude<WorkshopRequest, { type: 'time.sync' }>;

/**
 * What a decision reads, and what its `adopt` may change once the write is stored: the
 * actor's memory, lent for this one request.
 */
export interface Held {
  /** The current participant who asks, and the server time. */
  who: Participant;
  now: number;
  workshopId: string;
  control: ControlState;
  /** The workshop's document, read only by the requests that need it. */
  facts: () => Promise<DocFacts>;
  storage: Storage;
  memory: WorkshopMemory;
  /** New control state to store; once stored the actor adopts it, then `news` is told. */
  controlChange: (control: ControlState, news: () => News) => Accepted;
}

type Decide<T extends ActorRequest['type']> = (
  held: Held,
  request: Extract<ActorRequest, { type: T }>,
) => Promise<Decision> | Decision;

/**
 * Each request's decision: its rules are lib/'s (`applyCommand`, `checkRating`, …); here
 * they are given what the workshop holds, and an accepted request says what to store,
 * what then changes in memory and who hears of it. A new request type does not compile
 * until it is here.
 */
const DECIDE: { [T in ActorRequest['type']]: Decide<T> } = {
  control: async (h, { command }) => {
    const doc = await h.facts();
    const before = h.control;
    // The domain reads the ratings to reveal what was walked and rank what is revealed.
    // (No spread of `doc`: it would read the ideas, which it reads only when asked.)
    const path = {
      stepIds: doc.stepIds,
      steps: doc.steps,
      ratings: h.memory.ratings.all(),
      votesCast: () => ({ ballots: h.memory.votes.all(), ideaIds: doc.ideaIds }),
    };
    const actor = { participantId: h.who.id, role: h.who.role, now: h.now };
    const result = applyCommand(before, actor, command, path);
    if (!result.ok) return result;
    const after = result.state;
    return h.controlChange(after, () => ({
      revealedReplace:
        after.revealed.length !== before.revealed.length || after.anonymous !== before.anonymous,
      ...(after.votes === before.votes
        ? {}
        : h.memory.votes.afterSettings(before.votes, after.votes, doc.ideaIds, h.memory.current())),
    }));
  },

  people: async (h, { command }) => {
    const result = applyPeopleCommand(h.memory.current(), h.who.role, command, await h.facts());
    if (!result.ok) return result;
    const { changed } = result;
    // Together: a refused command must not leave some of its changes on disk.
    return accepted(
      'participants',
      () => h.storage.updateParticipants(changed),
      () => {
        const rightsChanged = changed.filter((p) => {
          const before = h.memory.participants.get(p.id);
          return before?.role !== p.role || p.removedAt !== null;
        });
        for (const p of changed) h.memory.participants.set(p.id, p);
        return { changedPeople: changed, rightsChanged };
      },
    );
  },

  'warmup.answer': (h, { answer }) => {
    const check = checkWarmupAnswer(h.control, h.who.role);
    if (!check.ok) return check;
    const record = {
      workshopId: h.workshopId,
      participantId: h.who.id,
      ...answer,
      updatedAt: h.now,
    };
    return accepted(
      'a warm-up answer',
      () => h.storage.putWarmupAnswer(record),
      () => {
        h.memory.warmup.set(h.who.id, answer);
        return { changedPeople: [h.who] };
      },
    );
  },

  'rating.put': async (h, { rating }) => {
    const { who, control } = h;
    const { stepIds } = await h.facts();
    const hasRated = h.memory.ratings
      .ratedIds(stepKey(control.round, rating.stepId))
      .includes(who.id);
    const check = checkRating(control, who.role, rating, stepIds, hasRated);
    if (!check.ok) return check;
    const record = {
      workshopId: h.workshopId,
      participantId: who.id,
      round: control.round,
      ...rating,
      role: who.role,
      lens: who.lens,
      cardId: who.cardId,
      // The persona dealt to the rater now, from the roster: the payload cannot name one.
      personaId: who.personaId,
      updatedAt: h.now,
    };
    return accepted(
      'a rating',
      () => h.storage.putRating(record),
      () => {
        h.memory.ratings.put(record);
        const revealed = h.memory.ratings.revealedOne(record, control, h.memory.participants);
        return { ratedBy: who.id, revealedUpdate: revealed ? [revealed] : [] };
      },
    );
  },

  'vote.set': async (h, { vote }) => {
    const { ideaIds } = await h.facts();
    const check = checkVote(h.control, h.who.role, vote, h.memory.votes.ballot(h.who.id), ideaIds);
    if (!check.ok) return check;
    const record = { workshopId: h.workshopId, participantId: h.who.id, ...vote };
    return accepted(
      'a vote',
      () => h.storage.putVote(record),
      () => {
        h.memory.votes.put(record);
        return h.memory.votes.afterVote(h.who.id, h.control.votes, ideaIds);
      },
    );
  },

  'action.put': async (h, { action }) => {
    const facts = await h.facts();
    const prepared = h.memory.actions.prepare(h.workshopId, h.control, h.who, action, facts, h.now);
    if (!prepared.ok) return prepared;
    const { record } = prepared;
    const change = accepted(
      'an action',
      () => h.storage.putAction(record),
      () => {
        h.memory.actions.put(record);
        return { actions: h.memory.actions.list() };
      },
    );
    return { ...change, data: { id: record.id } };
  },

  'action.delete': (h, { id }) => {
    const check = h.memory.actions.checkDelete(h.control, h.who, id);
    if (!check.ok) return check;
    const remove = () => h.storage.deleteAction(h.workshopId, id);
    return accepted('an action deletion', remove, () => {
      h.memory.actions.delete(id);
      return { actions: h.memory.actions.list() };
    });
  },
};

/** Decides `request` on what `held` holds: refused, or what to store and tell. */
export async function decide(held: Held, request: ActorRequest): Promise<Decision> {
  const decideThis = DECIDE[request.type] as Decide<ActorRequest['type']>;
  return decideThis(held, request as never);
}

/** A newcomer's seat, unless the workshop is full (`seatRefusal`); `data`: the participant. */
export function decideJoin(
  memory: WorkshopMemory,
  storage: Storage,
  seat: { id: string; name: string; role: Role; maxParticipants: number; now: number },
): Decision {
  const { id, name, role, maxParticipants, now } = seat;
  const full = seatRefusal([...memory.participants.values()], role, maxParticipants);
  if (full) return { ok: false, ...full };
  const participant: Participant = {
    id,
    workshopId: memory.record.id,
    name,
    role,
    lens: defaultLens(role),
    personaId: null,
    cardId: null,
    joinedAt: now,
    removedAt: null,
  };
  const change = accepted(
    'a participant',
    () => storage.addParticipant(participant),
    () => {
      memory.participants.set(id, participant);
      return {};
    },
  );
  return { ...change, data: participant };
}
