import type { z } from 'zod';
import type { WarmupAnswer } from '../analytics/warmup';
import type { ActionInput } from '../domain/actions';
import type { Action } from '../domain/permissions';
import type { RatingInput } from '../domain/ratings';
import type { VoteInput } from '../domain/votes';
import * as S from './schemas';

/** What the events that are not a state machine's command ask: each its own check and records. */
type RecordRequest =
  | { type: 'warmup.answer'; answer: WarmupAnswer }
  | { type: 'rating.put'; rating: RatingInput }
  | { type: 'vote.set'; vote: VoteInput }
  | { type: 'action.put'; action: ActionInput & { id?: string } }
  | { type: 'action.delete'; id: string }
  | { type: 'time.sync' };

/**
 * What a client event asks of its workshop, once its payload is valid. `control` and
 * `people` go through the pure state machines (`applyCommand`, `applyPeopleCommand`);
 * the rest each have their own check in lib/domain and their own record in storage.
 * `time.sync` is answered at the door: it asks nothing of the workshop.
 */
export type WorkshopRequest =
  | { type: 'control'; command: Command }
  | { type: 'people'; command: PeopleCommand }
  | RecordRequest;

/** One client event: everything about it, in one place. */
export interface EventDefinition<S extends z.ZodType = z.ZodType, R = WorkshopRequest> {
  /** Every payload is checked against this before anything runs. */
  payload: S;
  /** The permission it needs (lib/domain/permissions.ts), or null: anyone connected. */
  permission: Action | null;
  /** One line for docs/protocol.md's event table. */
  doc: string;
  /** What it asks of the workshop. */
  run: (payload: z.infer<S>) => R;
}

function event<S extends z.ZodType>(
  definition: EventDefinition<S, RecordRequest>,
): EventDefinition<S, RecordRequest> {
  return definition;
}

/** A payload's fields; an empty payload (zod's `Record<string, never>`) has none. */
type Fields<S extends z.ZodType> = string extends keyof z.infer<S> ? unknown : z.infer<S>;

/** `{ type } & fields` as one object type, as a hand-written one reads (editors too: `& {}`). */
type Flat<T> = { [K in keyof T]: T[K] } & {};

/** The command `type` of a state machine: its type with its payload's fields, as they are. */
type CommandOf<T extends string, S extends z.ZodType> = Flat<{ type: T } & Fields<S>>;

/**
 * The command `type` of `machine` (`applyCommand`, `applyPeopleCommand`), its fields the
 * payload's: this entry is the command's one definition (`Command` is read off it, below).
 * Its type is its own, not `Command`, which would make the catalogue's type circular.
 */
function command<M extends 'control' | 'people', T extends string, S extends z.ZodType<object>>(
  machine: M,
  type: T,
  payload: S,
  permission: Action,
  doc: string,
): EventDefinition<S, { type: M; command: CommandOf<T, S> }> {
  // `{ type, ...fields }` is `CommandOf<T, S>`, which TypeScript cannot see for any `S`.
  const run = (fields: z.infer<S>) => ({
    type: machine,
    command: { type, ...fields } as unknown as CommandOf<T, S>,
  });
  return { payload, permission, doc, run };
}

/** A facilitator's control command (permission `phase.change`). */
function facilitator<T extends string, S extends z.ZodType<object>>(
  type: T,
  payload: S,
  doc: string,
) {
  return command('control', type, payload, 'phase.change', doc);
}

/** A facilitator's people command (permission `people.manage`). */
function manage<T extends string, S extends z.ZodType<object>>(type: T, payload: S, doc: string) {
  return command('people', type, payload, 'people.manage', doc);
}

/**
 * Every client → server event (Socket.io), in the protocol's order. From this table come
 * the payload schemas and typings (`events.ts`), the state machines' commands (`Command`,
 * `PeopleCommand`, below), the permission table (`event-access.ts`), the server's dispatch
 * (`server/realtime/dispatch.ts`) and the event table in docs/protocol.md (`npm run
 * docs:protocol`; a test fails when they differ). A new event is one entry here, plus its
 * decision in lib/domain when it is new, plus its UI.
 */
export const CATALOGUE = {
  'phase:next': facilitator('phase.next', S.EmptyPayload, 'Move on to the next phase in use.'),
  'phase:prev': facilitator('phase.prev', S.EmptyPayload, 'Go back to the previous phase in use.'),
  'phase:set': facilitator('phase.set', S.PhaseSetPayload, 'Move to any phase in use.'),
  'phase:configure': facilitator(
    'phase.configure',
    S.PhaseConfigurePayload,
    'Choose the phases this workshop uses; the current one must stay.',
  ),
  'walk:step': facilitator(
    'walk.step',
    S.WalkStepPayload,
    'Put a step in the spotlight (walk, reflect and ideate only).',
  ),
  'walk:next': facilitator(
    'walk.next',
    S.EmptyPayload,
    'Spotlight the next step (in ideate: the next prompted step).',
  ),
  'walk:prev': facilitator(
    'walk.prev',
    S.EmptyPayload,
    'Spotlight the previous step (in ideate: the previous prompted step).',
  ),
  'walk:pace': facilitator(
    'walk.pace',
    S.WalkPacePayload,
    'Hold everyone on the spotlighted step, or let them rate at their own pace.',
  ),
  'round:start': facilitator(
    'round.start',
    S.EmptyPayload,
    'Start another walk round, from the first step.',
  ),
  'timer:start': facilitator('timer.start', S.TimerStartPayload, 'Start the timer.'),
  'timer:pause': facilitator('timer.pause', S.EmptyPayload, 'Pause the running timer.'),
  'timer:resume': facilitator('timer.resume', S.EmptyPayload, 'Resume the paused timer.'),
  'timer:add': facilitator('timer.add', S.TimerAddPayload, 'Give the timer more time.'),
  'timer:stop': facilitator('timer.stop', S.EmptyPayload, 'Stop the timer.'),
  'ready:set': command(
    'control',
    'ready.set',
    S.ReadyPayload,
    'ready.mark',
    'Mark oneself done ("I\'m done") in this phase or step, or undo it.',
  ),
  'warmup:answer': event({
    payload: S.WarmupAnswerPayload,
    permission: 'warmup.answer',
    doc: "Answer the warm-up's two questions (0–10), while it is open.",
    run: (answer) => ({ type: 'warmup.answer', answer }),
  }),
  'warmup:close': facilitator(
    'warmup.close',
    S.EmptyPayload,
    'Close the warm-up and show its results to everyone.',
  ),
  'settings:anonymous': facilitator(
    'settings.anonymous',
    S.AnonymousPayload,
    'Ratings show roles, not names. Relaxed only in the first lobby, before anyone rated.',
  ),
  'settings:reveal': facilitator(
    'settings.reveal',
    S.RevealModePayload,
    'How entering the reveal reveals: what was walked, or step by step.',
  ),
  'rating:put': event({
    payload: S.RatingPayload,
    permission: 'rate',
    doc: 'Rate a step of this round (again: replaces it), unless it is locked or revealed.',
    run: (rating) => ({ type: 'rating.put', rating }),
  }),
  'walk:lock': facilitator('walk.lock', S.LockPayload, 'Lock or unlock rating a step this round.'),
  'reveal:step': facilitator(
    'reveal.step',
    S.RevealStepPayload,
    "Reveal one step's ratings of this round.",
  ),
  'reveal:all': facilitator('reveal.all', S.EmptyPayload, 'Reveal every step of every round.'),
  'board:lanes': facilitator('board.lanes', S.BoardLanesPayload, "Hide some of the board's lanes."),
  'board:lock': facilitator('board.lock', S.BoardLockPayload, 'Lock or unlock the board.'),
  'time:sync': event({
    payload: S.EmptyPayload,
    permission: null,
    doc: 'Answers `{ serverNow }` (epoch ms), to correct for clock offset (screens too).',
    run: () => ({ type: 'time.sync' }),
  }),
  'people:set-role': manage('people.setRole', S.SetRolePayload, "Change someone's role."),
  'people:set-lens': manage('people.setLens', S.SetLensPayload, "Change someone's lens."),
  'people:assign': manage(
    'people.assign',
    S.AssignPayload,
    'Give someone a persona and/or a card (null takes it away).',
  ),
  'people:deal': manage(
    'people.dealRandom',
    S.DealPayload,
    'Deal cards or personas at random, all or nothing.',
  ),
  'people:remove': manage(
    'people.remove',
    S.RemovePayload,
    'Remove someone: their connections close and may not come back.',
  ),
  'vote:set': event({
    payload: S.VoteSetPayload,
    permission: 'vote',
    doc: "Set (not add) this person's dots on one idea; 0 takes them back.",
    run: (vote) => ({ type: 'vote.set', vote }),
  }),
  'votes:configure': facilitator(
    'votes.configure',
    S.VotesConfigurePayload,
    'Dots per person and per idea, and whether totals stay hidden until closing.',
  ),
  'votes:close': facilitator('votes.close', S.EmptyPayload, 'Close voting: results to everyone.'),
  'votes:reopen': facilitator('votes.reopen', S.EmptyPayload, 'Open voting again.'),
  'actions:allow': facilitator(
    'actions.allow',
    S.ActionsAllowPayload,
    'Let participants write actions too, or not.',
  ),
  'action:put': event({
    payload: S.ActionPutPayload,
    permission: 'action.write',
    doc: 'Create (no `id`) or edit an action; answers `{ id }`. Participants: if allowed, their own.',
    run: (action) => ({ type: 'action.put', action }),
  }),
  'action:delete': event({
    payload: S.ActionDeletePayload,
    permission: 'action.write',
    doc: 'Delete an action. Participants: if allowed, their own.',
    run: ({ id }) => ({ type: 'action.delete', id }),
  }),
};

export type Catalogue = typeof CATALOGUE;
export type ClientEventName = keyof Catalogue;

/** What the events ask of the workshop, each as its entry says. */
type Asked = ReturnType<Catalogue[ClientEventName]['run']>;

/** A validated request to change the control state (`applyCommand`, lib/domain/commands.ts). */
export type Command = Extract<Asked, { type: 'control' }>['command'];
/** A facilitator's request about people (`applyPeopleCommand`, lib/domain/people.ts). */
export type PeopleCommand = Extract<Asked, { type: 'people' }>['command'];
