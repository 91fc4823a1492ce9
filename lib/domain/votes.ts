import type { Command } from '../protocol/catalogue';
import { ErrorCode } from '../protocol/codes';
import { assertNever } from './assert-never';
import { can } from './permissions';
import { PHASES, type Phase } from './phases';
import type { Role } from './roles';
import type { ControlState } from './workshop';

/** The largest budget a facilitator may give (and so the most dots on one idea). */
export const VOTE_BUDGET_MAX = 20;

/** The facilitator's dot-voting settings, part of the control state. */
export interface VoteSettings {
  /** Dots each participant may place in all. */
  budget: number;
  /** Dots one participant may place on one idea. */
  maxPerIdea: number;
  /** Totals stay on the server, for everyone (facilitators too), until voting is closed. */
  hidden: boolean;
  /** No more votes; the results go to everyone. */
  closed: boolean;
}

export const DEFAULT_VOTE_SETTINGS: VoteSettings = {
  budget: 5,
  maxPerIdea: 3,
  hidden: true,
  closed: false,
};

/** Facilitator commands about voting and about who may write actions. */
export type VoteCommand = Extract<
  Command,
  { type: 'votes.configure' | 'votes.close' | 'votes.reopen' | 'actions.allow' }
>;

/** One participant's dots, by idea id (ideas are notes in the board's ideas lane). */
export type Ballot = Readonly<Record<string, number>>;

/** What a participant sends: put `dots` on one idea (0 takes their dots back). */
export interface VoteInput {
  ideaId: string;
  dots: number;
}

/** A participant's own votes, as they see them. */
export interface MyVotes {
  /** Dots per idea, only ideas that still exist and hold at least one of their dots. */
  votes: Record<string, number>;
  /** Dots they may still place. */
  left: number;
}

export interface IdeaResult {
  ideaId: string;
  dots: number;
  /** How many people put at least one dot on it. */
  voters: number;
}

/** The ranked ideas, sent only while results may be seen (see `resultsVisible`). */
export interface VoteResults {
  /** Every idea, most dots first; ties in the order the ideas were created. */
  ideas: IdeaResult[];
  /** How many people have placed at least one dot. */
  voters: number;
}

type Refusal = { ok: false; code: ErrorCode; message: string };
const refuse = (code: ErrorCode, message: string): Refusal => ({ ok: false, code, message });

/** Results are seen by everyone once voting is closed, or all along when votes are open. */
export function resultsVisible(settings: VoteSettings): boolean {
  return !settings.hidden || settings.closed;
}

/**
 * The dots a ballot holds on one idea. Own keys only: an idea id is a note id, chosen by
 * whoever wrote the note, and ids like "constructor" or "__proto__" would otherwise read
 * what every object inherits. (Found by the fuzz test: an idea named "constructor" made
 * everyone's dots left NaN, sent as null, and switched the budget check off.)
 */
function dotsOn(ballot: Ballot, ideaId: string): number {
  return Object.hasOwn(ballot, ideaId) ? (ballot[ideaId] ?? 0) : 0;
}

/** Dots a ballot holds on ideas that still exist (a deleted idea's dots come back). */
export function spent(ballot: Ballot, ideaIds: readonly string[]): number {
  return ideaIds.reduce((sum, id) => sum + dotsOn(ballot, id), 0);
}

export function myVotes(
  settings: VoteSettings,
  ballot: Ballot,
  ideaIds: readonly string[],
): MyVotes {
  // Object.fromEntries defines own keys, "__proto__" included (an assignment would not).
  const votes: Record<string, number> = Object.fromEntries(
    ideaIds.flatMap((id) => (dotsOn(ballot, id) > 0 ? [[id, dotsOn(ballot, id)]] : [])),
  );
  return { votes, left: Math.max(0, settings.budget - spent(ballot, ideaIds)) };
}

/**
 * May someone of `role`, whose votes so far are `ballot`, put `input.dots` on an idea?
 * Only in the vote phase while voting is open, within the per-idea limit and the budget.
 * Taking dots back is always within budget (it may have been lowered, or an idea revived).
 */
export function checkVote(
  control: ControlState,
  role: Role,
  input: VoteInput,
  ballot: Ballot,
  ideaIds: readonly string[],
): { ok: true } | Refusal {
  const { votes } = control;
  if (!can(role, 'vote'))
    return refuse(ErrorCode.FORBIDDEN, 'Facilitators and observers do not vote');
  if (control.phase !== 'vote') return refuse(ErrorCode.INVALID_TRANSITION, 'Voting is not on');
  if (votes.closed) return refuse(ErrorCode.INVALID_TRANSITION, 'Voting is closed');
  if (!Number.isInteger(input.dots) || input.dots < 0) {
    return refuse(ErrorCode.INVALID_PAYLOAD, 'dots: must be a whole number, 0 or more');
  }
  const before = dotsOn(ballot, input.ideaId);
  // Taking dots off an idea that has since been deleted is allowed: it tidies the ballot.
  if (input.dots > 0 && !ideaIds.includes(input.ideaId)) {
    return refuse(ErrorCode.NOT_FOUND, 'No such idea');
  }
  if (input.dots <= before) return { ok: true };
  if (input.dots > votes.maxPerIdea) {
    return refuse(ErrorCode.OVER_BUDGET, `At most ${votes.maxPerIdea} dots on one idea`);
  }
  const total = spent({ ...ballot, [input.ideaId]: input.dots }, ideaIds);
  if (total > votes.budget) {
    const left = Math.max(0, votes.budget - spent(ballot, ideaIds));
    return refuse(ErrorCode.OVER_BUDGET, `Only ${left} of ${votes.budget} dots left`);
  }
  return { ok: true };
}

/**
 * New limits must fit the votes already cast, so that no stored ballot is ever over
 * budget: lowering them below what someone has placed is refused.
 */
export function checkLimitsFit(
  budget: number,
  maxPerIdea: number,
  ballots: readonly Ballot[],
  ideaIds: readonly string[],
): { ok: true } | Refusal {
  for (const ballot of ballots) {
    if (spent(ballot, ideaIds) > budget) {
      return refuse(ErrorCode.INVALID_TRANSITION, 'Someone has already placed more dots');
    }
    if (ideaIds.some((id) => dotsOn(ballot, id) > maxPerIdea)) {
      return refuse(ErrorCode.INVALID_TRANSITION, 'Someone has already placed more on one idea');
    }
  }
  return { ok: true };
}

/** The votes already cast, and the ideas they may be on (the board's ideas lane). */
export interface VotesCast {
  ballots: readonly Ballot[];
  ideaIds: readonly string[];
}

/**
 * Applies a voting command to the control state (the caller bumps the revision). New
 * limits must fit `votesCast` (`checkLimitsFit`), read only then.
 */
export function applyVoteCommand(
  state: ControlState,
  command: VoteCommand,
  votesCast?: () => VotesCast,
): { ok: true; state: ControlState } | Refusal {
  const votes = state.votes;
  switch (command.type) {
    case 'votes.configure': {
      const { budget, maxPerIdea, hidden } = command;
      const cast = votesCast?.();
      const fit = cast ? checkLimitsFit(budget, maxPerIdea, cast.ballots, cast.ideaIds) : null;
      if (fit && !fit.ok) return fit;
      const whole = Number.isInteger(budget) && Number.isInteger(maxPerIdea);
      if (!whole || budget < 1 || budget > VOTE_BUDGET_MAX) {
        return refuse(ErrorCode.INVALID_PAYLOAD, `budget: 1 to ${VOTE_BUDGET_MAX}`);
      }
      if (maxPerIdea < 1 || maxPerIdea > budget) {
        return refuse(ErrorCode.INVALID_PAYLOAD, 'maxPerIdea: 1 to the budget');
      }
      return { ok: true, state: { ...state, votes: { ...votes, budget, maxPerIdea, hidden } } };
    }
    case 'votes.close':
      if (votes.closed) return refuse(ErrorCode.INVALID_TRANSITION, 'Voting is already closed');
      return { ok: true, state: { ...state, votes: { ...votes, closed: true } } };
    case 'votes.reopen':
      if (!votes.closed) return refuse(ErrorCode.INVALID_TRANSITION, 'Voting is open');
      return { ok: true, state: { ...state, votes: { ...votes, closed: false } } };
    case 'actions.allow':
      return { ok: true, state: { ...state, actionsByParticipants: command.allowed } };
    default:
      return assertNever(command);
  }
}

/** Moving on from the vote phase to a later one closes voting, so its results show. */
export function closeOnLeaving(state: ControlState, next: Phase): ControlState {
  const later = PHASES.indexOf(next) > PHASES.indexOf('vote');
  if (state.phase !== 'vote' || !later || state.votes.closed) return state;
  return { ...state, votes: { ...state.votes, closed: true } };
}

/** Every idea with its dots, most first; ties keep `ideaIds`' order (creation order). */
export function rankIdeas(ideaIds: readonly string[], ballots: readonly Ballot[]): VoteResults {
  const ideas = ideaIds.map((ideaId, index) => {
    let dots = 0;
    let voters = 0;
    for (const ballot of ballots) {
      const n = dotsOn(ballot, ideaId);
      dots += n;
      if (n > 0) voters++;
    }
    return { ideaId, dots, voters, index };
  });
  ideas.sort((a, b) => b.dots - a.dots || a.index - b.index);
  const voters = ballots.filter((b) => spent(b, ideaIds) > 0).length;
  return { ideas: ideas.map(({ index: _index, ...rest }) => rest), voters };
}
