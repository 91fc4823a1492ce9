import { assertNever } from './assert-never';
import { type Action, can } from './permissions';
import { type Phase, PHASE_SPECS, PHASES, type ProgressSignal } from './phases';
import { stepKey } from './ratings';
import type { ControlState, ParticipantView } from './workshop';

/** What counts as progress in each phase (`ProgressSignal`), as `PHASE_SPECS` says. */
export const PHASE_PROGRESS = Object.fromEntries(
  PHASES.map((p) => [p, PHASE_SPECS[p].progress]),
) as { readonly [P in Phase]: ProgressSignal | null };

/** Who takes part in each signal: the people who may do what it counts. */
const TAKES_PART: { readonly [S in ProgressSignal]: Action } = {
  answered: 'warmup.answer',
  rated: 'rate',
  dots: 'vote',
  ready: 'ready.mark',
};

/**
 * The current phase's progress as the server tells everyone: ids and counts only, never
 * what anyone chose (no rating, no answer, no idea a dot is on), so it is not blind data.
 */
export interface ProgressFacts {
  /** Who has done what the phase counts (see `ProgressSignal`); empty in lobby and summary. */
  doneIds: string[];
  /** In the vote: dots each person has placed, by id (nobody listed placed none); else empty. */
  dotsSpent: Record<string, number>;
}

/** Where the server finds each signal's facts; only the current phase's one is read. */
export interface ProgressSources {
  answeredIds(): string[];
  ratedIds(stepKey: string): string[];
  dotsSpent(): Record<string, number>;
}

export const NO_PROGRESS: ProgressFacts = { doneIds: [], dotsSpent: {} };

/** The facts of the current phase's signal (server side: it alone holds the sources). */
export function progressFacts(
  control: Pick<ControlState, 'phase' | 'round' | 'stepId' | 'readiness' | 'votes'>,
  sources: ProgressSources,
): ProgressFacts {
  const facts = signalFacts(control, sources);
  // Sorted ids: the order in which people answered, rated or voted told the room who gave
  // which anonymous rating once the reveal listed them in the same order (review, F1).
  return { ...facts, doneIds: [...facts.doneIds].sort() };
}

function signalFacts(
  control: Pick<ControlState, 'phase' | 'round' | 'stepId' | 'readiness' | 'votes'>,
  sources: ProgressSources,
): ProgressFacts {
  const signal = PHASE_PROGRESS[control.phase];
  switch (signal) {
    case null:
      return NO_PROGRESS;
    case 'answered':
      return { doneIds: sources.answeredIds(), dotsSpent: {} };
    case 'rated':
      if (control.stepId === null) return NO_PROGRESS;
      return { doneIds: sources.ratedIds(stepKey(control.round, control.stepId)), dotsSpent: {} };
    case 'dots': {
      const dotsSpent = sources.dotsSpent();
      const { budget } = control.votes;
      const doneIds = Object.keys(dotsSpent).filter((id) => (dotsSpent[id] ?? 0) >= budget);
      return { doneIds, dotsSpent };
    }
    case 'ready':
      return { doneIds: control.readiness.doneIds, dotsSpent: {} };
    default:
      return assertNever(signal);
  }
}

export interface ProgressSummary {
  signal: ProgressSignal;
  done: number;
  /** People who take part and are here, or have done it while away. */
  total: number;
  /** Of those, the ones not done yet, in roster order. */
  waiting: ParticipantView[];
  /** In the vote: dots placed of all the counted people's budgets, and who still has dots. */
  dots: { spent: number; budget: number; left: Array<{ id: string; left: number }> } | null;
}

/**
 * How far the room is in the current phase, from the state every screen gets; null where
 * nothing is counted (lobby, summary, a walk with no step spotlighted yet).
 */
export function summariseProgress(state: {
  control: ControlState;
  participants: readonly ParticipantView[];
  progress: ProgressFacts;
}): ProgressSummary | null {
  const { control, participants, progress } = state;
  const signal = PHASE_PROGRESS[control.phase];
  if (signal === null || (signal === 'rated' && control.stepId === null)) return null;
  // Closed: nothing more is taken, so nobody is waited for.
  if (
    (signal === 'answered' && control.warmupClosed) ||
    (signal === 'dots' && control.votes.closed)
  )
    return null;
  const done = new Set(progress.doneIds);
  const spentBy = (id: string) =>
    Object.hasOwn(progress.dotsSpent, id) ? (progress.dotsSpent[id] ?? 0) : 0;
  // Someone away who has not started is not waited for; someone away who voted still counts.
  const counted = participants.filter(
    (p) => can(p.role, TAKES_PART[signal]) && (p.online || done.has(p.id) || spentBy(p.id) > 0),
  );
  const waiting = counted.filter((p) => !done.has(p.id));
  const { budget } = control.votes;
  return {
    signal,
    done: counted.length - waiting.length,
    total: counted.length,
    waiting,
    dots:
      signal === 'dots'
        ? {
            spent: counted.reduce((sum, p) => sum + Math.min(budget, spentBy(p.id)), 0),
            budget: budget * counted.length,
            left: waiting.map((p) => ({ id: p.id, left: Math.max(0, budget - spentBy(p.id)) })),
          }
        : null,
  };
}
