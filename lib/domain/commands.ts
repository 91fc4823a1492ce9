import { LANES } from '../board/lanes';
import type { Command } from '../protocol/catalogue';
import { ErrorCode } from '../protocol/codes';
import { anonymityRefusal } from './anonymity';
import { assertNever } from './assert-never';
import { can } from './permissions';
import {
  canEnterPhase,
  nextPhase,
  normalisePhases,
  type Phase,
  PHASES,
  previousPhase,
} from './phases';
import {
  type EntryFacts,
  revealOnEntering,
  spotlightOnEntering,
  stepBesideSpotlight,
} from './phase-entry';
import { stepKey } from './ratings';
import type { Role } from './roles';
import {
  addTime,
  IDLE_TIMER,
  pauseTimer,
  resumeTimer,
  startTimer,
  type Timer,
  timerForNewPhase,
} from './timer';
import { applyVoteCommand, closeOnLeaving, DEFAULT_VOTE_SETTINGS, type VotesCast } from './votes';
import type { ControlState } from './workshop';

/**
 * A validated request to change the authoritative control state: one per control entry of
 * the catalogue (lib/protocol/catalogue.ts), the command's type with its payload's fields.
 */
export type { Command };

export type CommandResult =
  { ok: true; state: ControlState } | { ok: false; code: ErrorCode; message: string };

/**
 * What the phase machine needs to know of the workshop's document (the steps) and of its
 * ratings (what was walked, the moments of truth of what is revealed, and whether anyone
 * has rated at all). `votesCast`: the ballots and the ideas on the board, read only by
 * new voting limits (reading the ideas costs a walk of the board).
 */
export type PathFacts = EntryFacts & { votesCast?: () => VotesCast };

/** Who asks, and when (server time). */
export interface Actor {
  participantId: string;
  role: Role;
  now: number;
}

function reject(code: ErrorCode, message: string): CommandResult {
  return { ok: false, code, message };
}

/** The readiness scope: one per step of each walk round, one per other phase and round. */
export function readinessScope(state: Pick<ControlState, 'phase' | 'round' | 'stepId'>): string {
  return state.phase === 'walk'
    ? `walk:${state.round}:${state.stepId ?? '-'}`
    : `${state.phase}:${state.round}`;
}

/** Finishes an accepted change: new revision, and readiness reset when the scope moved on. */
function accept(before: ControlState, after: ControlState): CommandResult {
  const scope = readinessScope(after);
  const readiness =
    scope === after.readiness.scope ? after.readiness : { scope, doneIds: [] as string[] };
  return { ok: true, state: { ...after, readiness, revision: before.revision + 1 } };
}

function enter(
  state: ControlState,
  phase: Phase | null,
  path: PathFacts,
  now: number,
): CommandResult {
  if (phase === null || !canEnterPhase(state.enabledPhases, phase)) {
    return reject(ErrorCode.INVALID_TRANSITION, `Cannot move to phase ${String(phase)}`);
  }
  if (phase !== 'lobby' && path.stepIds.length === 0) {
    return reject(ErrorCode.PATH_EMPTY, 'Add at least one step before starting');
  }
  // Entering the walk puts the spotlight on a step that still exists (the first by default).
  const stepId =
    phase === 'walk' && (!state.stepId || !path.stepIds.includes(state.stepId))
      ? (path.stepIds[0] ?? null)
      : state.stepId;
  const timer = phase === state.phase ? state.timer : timerForNewPhase(state.timer, now);
  const closed = closeWarmupOnLeaving(closeOnLeaving(state, phase), phase);
  const revealed = revealOnEntering(state, phase, path);
  const spotlit = spotlightOnEntering({ ...state, stepId, revealed }, phase, path);
  return accept(state, { ...closed, phase, stepId: spotlit, timer, revealed });
}

/**
 * Moving on from the warm-up closes it and shows its results, as moving on from the vote
 * closes the voting: a facilitator who pressed "Next phase" found "Nobody answered the
 * warm-up" in the summary. Going back leaves it open.
 */
function closeWarmupOnLeaving(state: ControlState, next: Phase): ControlState {
  const later = PHASES.indexOf(next) > PHASES.indexOf('warmup');
  if (state.phase !== 'warmup' || !later || state.warmupClosed) return state;
  return { ...state, warmupClosed: true };
}

function spotlight(
  state: ControlState,
  stepId: string | undefined,
  path: PathFacts,
): CommandResult {
  // Reflect moves its spotlight through the moments of truth, as the walk moves through
  // steps; ideate through the steps its prompts are about (lib/domain/ideation-prompts.ts).
  if (state.phase !== 'walk' && state.phase !== 'reflect' && state.phase !== 'ideate') {
    return reject(ErrorCode.INVALID_TRANSITION, 'No step is in the spotlight now');
  }
  if (!stepId || !path.stepIds.includes(stepId)) {
    return reject(ErrorCode.NOT_FOUND, 'No such step');
  }
  return accept(state, { ...state, stepId });
}

function withTimer(state: ControlState, timer: Timer | null, what: string): CommandResult {
  if (!timer) return reject(ErrorCode.INVALID_TRANSITION, `The timer cannot ${what} now`);
  return accept(state, { ...state, timer });
}

/** Facilitator-only commands; the rest (readiness) any participant who takes part may send. */
function facilitatorCommand(
  state: ControlState,
  command: Exclude<Command, { type: 'ready.set' }>,
  path: PathFacts,
  now: number,
): CommandResult {
  switch (command.type) {
    case 'phase.set':
      return enter(state, command.phase, path, now);
    case 'phase.next':
      return enter(state, nextPhase(state.enabledPhases, state.phase), path, now);
    case 'phase.prev':
      return enter(state, previousPhase(state.enabledPhases, state.phase), path, now);
    case 'phase.configure': {
      const enabledPhases = normalisePhases(command.enabled);
      if (!enabledPhases.includes(state.phase)) {
        return reject(ErrorCode.INVALID_TRANSITION, 'The current phase must stay in use');
      }
      return accept(state, { ...state, enabledPhases });
    }
    case 'walk.step':
      return spotlight(state, command.stepId, path);
    case 'walk.next':
      return spotlight(state, stepBesideSpotlight(state, path, 1), path);
    case 'walk.prev':
      return spotlight(state, stepBesideSpotlight(state, path, -1), path);
    case 'walk.pace':
      return accept(state, { ...state, pace: command.pace });
    case 'round.start': {
      if (!state.enabledPhases.includes('walk')) {
        return reject(ErrorCode.INVALID_TRANSITION, 'The walk is not among the phases');
      }
      if (path.stepIds.length === 0) return reject(ErrorCode.PATH_EMPTY, 'The path is empty');
      const next = { ...state, round: state.round + 1, phase: 'walk' as const };
      return accept(state, { ...next, stepId: path.stepIds[0] ?? null, timer: IDLE_TIMER });
    }
    case 'timer.start':
      return withTimer(state, startTimer(command.durationMs, now), 'start');
    case 'timer.pause':
      return withTimer(state, pauseTimer(state.timer, now), 'pause');
    case 'timer.resume':
      return withTimer(state, resumeTimer(state.timer, now), 'resume');
    case 'timer.add':
      return withTimer(state, addTime(state.timer, command.ms, now), 'take more time');
    case 'timer.stop':
      return withTimer(state, state.timer.status === 'idle' ? null : IDLE_TIMER, 'stop');
    case 'warmup.close':
      // Closing is final, so only from inside the warm-up: no accidental close in the lobby.
      if (state.phase !== 'warmup')
        return reject(ErrorCode.INVALID_TRANSITION, 'Not in the warm-up');
      if (state.warmupClosed) return reject(ErrorCode.INVALID_TRANSITION, 'Already closed');
      return accept(state, { ...state, warmupClosed: true });
    case 'walk.lock': {
      if (!path.stepIds.includes(command.stepId))
        return reject(ErrorCode.NOT_FOUND, 'No such step');
      const key = stepKey(state.round, command.stepId);
      const others = state.locked.filter((k) => k !== key);
      return accept(state, { ...state, locked: command.locked ? [...others, key] : others });
    }
    case 'reveal.step': {
      if (!path.stepIds.includes(command.stepId))
        return reject(ErrorCode.NOT_FOUND, 'No such step');
      const key = stepKey(state.round, command.stepId);
      if (state.revealed.includes(key))
        return reject(ErrorCode.INVALID_TRANSITION, 'Already revealed');
      return accept(state, { ...state, revealed: [...state.revealed, key] });
    }
    case 'reveal.all': {
      // Every step of every round so far: a reveal is never taken back.
      const keys = new Set(state.revealed);
      for (let round = 1; round <= state.round; round++) {
        for (const id of path.stepIds) keys.add(stepKey(round, id));
      }
      return accept(state, { ...state, revealed: [...keys] });
    }
    case 'board.lanes':
      return accept(state, {
        ...state,
        hiddenLanes: LANES.filter((l) => command.hidden.includes(l)),
      });
    case 'board.lock':
      return accept(state, { ...state, boardLocked: command.locked });
    case 'votes.configure':
    case 'votes.close':
    case 'votes.reopen':
    case 'actions.allow': {
      const result = applyVoteCommand(state, command, path.votesCast);
      return result.ok ? accept(state, result.state) : result;
    }
    case 'settings.anonymous': {
      const anyoneRated = (path.ratings?.length ?? 0) > 0;
      const refused = anonymityRefusal(state, command.anonymous, anyoneRated);
      return refused ?? accept(state, { ...state, anonymous: command.anonymous });
    }
    case 'settings.reveal':
      return accept(state, { ...state, revealMode: command.mode });
    default:
      return assertNever(command);
  }
}

/** Applies one command for `actor`. Never mutates `state`. */
export function applyCommand(
  state: ControlState,
  actor: Actor,
  command: Command,
  path: PathFacts,
): CommandResult {
  if (command.type === 'ready.set') {
    if (!can(actor.role, 'ready.mark')) {
      return reject(ErrorCode.FORBIDDEN, 'Only participants who take part mark themselves done');
    }
    const others = state.readiness.doneIds.filter((id) => id !== actor.participantId);
    const doneIds = command.ready ? [...others, actor.participantId] : others;
    return accept(state, { ...state, readiness: { ...state.readiness, doneIds } });
  }
  if (!can(actor.role, 'phase.change')) {
    return reject(ErrorCode.FORBIDDEN, 'Only a facilitator can do that');
  }
  return facilitatorCommand(state, command, path, actor.now);
}

/** A new workshop's control state. */
export function initialControl(enabled: readonly Phase[]): ControlState {
  const base = { phase: 'lobby' as const, round: 1, stepId: null };
  return {
    ...base,
    enabledPhases: normalisePhases(enabled),
    revision: 1,
    pace: 'hold',
    timer: IDLE_TIMER,
    readiness: { scope: readinessScope(base), doneIds: [] },
    warmupClosed: false,
    anonymous: true,
    revealMode: 'walked',
    locked: [],
    revealed: [],
    hiddenLanes: [],
    boardLocked: false,
    votes: { ...DEFAULT_VOTE_SETTINGS },
    actionsByParticipants: false,
  };
}
