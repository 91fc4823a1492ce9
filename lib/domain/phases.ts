import type { Lane } from '../board/lanes';

/**
 * The phase machine: which phases exist, in what order, and how the facilitator moves
 * between them. Pure functions of plain data; the server applies them, the client renders.
 *
 * A phase is one name in `PHASES` and one entry in `PHASE_SPECS`: everything the rest of
 * the code asks about a phase is decided there, and `PHASE_SPECS` is a record over every
 * phase, so a new phase does not compile until its entry says it. The screens switch on
 * the phase exhaustively (projector-view's PARTS, participant-stage, facilitator-stage),
 * so they fail to compile too until the phase has its UI; its words are in the catalogues
 * (`phases`, `phaseHelp`, `phaseInstruction`, `phaseGuide`; lib/i18n/messages.test.ts).
 */

export const PHASES = [
  'lobby',
  'warmup',
  'target',
  'walk',
  'reveal',
  'reflect',
  'ideate',
  'vote',
  'actions',
  'summary',
] as const;
export type Phase = (typeof PHASES)[number];

/**
 * What counts as progress in a phase, the same on every screen (lib/domain/progress.ts):
 * - `answered`: has answered the warm-up (both questions);
 * - `rated`: has rated the spotlighted step in this round;
 * - `dots`: has placed every dot of their budget;
 * - `ready`: has pressed "I'm done" (phases with no other signal).
 */
export type ProgressSignal = 'answered' | 'rated' | 'dots' | 'ready';

export interface PhaseSpec {
  /** Part of every workshop: the facilitator cannot leave it out. */
  required: boolean;
  /**
   * How long it usually takes, in minutes, for a room of 8–20 people; null where it
   * scales with the path (the walk, lib/domain/phase-guide.ts).
   */
  minutes: number | null;
  /** It has a working block of its own: the facilitator's guide offers a timer. */
  timer: boolean;
  /** The one signal that counts as done in it; null where nothing is counted. */
  progress: ProgressSignal | null;
  /**
   * The board lanes it asks people to write in, first and open on a phone
   * (lib/board/phase-lanes.ts); `lens`: the lanes of the boots a person walks in (every
   * lens's lanes for a facilitator).
   */
  lanes: 'lens' | readonly Lane[];
}

export const PHASE_SPECS: { readonly [P in Phase]: PhaseSpec } = {
  lobby: { required: true, minutes: 5, timer: false, progress: null, lanes: [] },
  warmup: { required: false, minutes: 5, timer: true, progress: 'answered', lanes: [] },
  target: { required: false, minutes: 10, timer: true, progress: 'ready', lanes: [] },
  walk: { required: false, minutes: null, timer: true, progress: 'rated', lanes: 'lens' },
  reveal: { required: false, minutes: 15, timer: true, progress: 'ready', lanes: [] },
  reflect: {
    required: false,
    minutes: 15,
    timer: true,
    progress: 'ready',
    lanes: ['pains', 'gains', 'questions'],
  },
  ideate: { required: false, minutes: 15, timer: true, progress: 'ready', lanes: ['ideas'] },
  vote: { required: false, minutes: 5, timer: true, progress: 'dots', lanes: ['ideas'] },
  actions: { required: false, minutes: 15, timer: true, progress: 'ready', lanes: ['ideas'] },
  summary: { required: true, minutes: 5, timer: false, progress: null, lanes: [] },
};

/** Lobby and summary are always part of a workshop; the rest can be left out. */
export const REQUIRED_PHASES: readonly Phase[] = PHASES.filter((p) => PHASE_SPECS[p].required);

/** Keeps the canonical order and the required phases, whatever order the input had. */
export function normalisePhases(wanted: readonly Phase[]): Phase[] {
  const set = new Set<Phase>([...wanted, ...REQUIRED_PHASES]);
  return PHASES.filter((p) => set.has(p));
}

export function nextPhase(enabled: readonly Phase[], current: Phase): Phase | null {
  const i = enabled.indexOf(current);
  return i >= 0 && i + 1 < enabled.length ? (enabled[i + 1] ?? null) : null;
}

export function previousPhase(enabled: readonly Phase[], current: Phase): Phase | null {
  const i = enabled.indexOf(current);
  return i > 0 ? (enabled[i - 1] ?? null) : null;
}

/** The facilitator may jump to any enabled phase, forward or back. */
export function canEnterPhase(enabled: readonly Phase[], target: Phase): boolean {
  return enabled.includes(target);
}
