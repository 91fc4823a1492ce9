/**
 * The phase machine: which phases exist, in what order, and how the facilitator moves
 * between them. Pure functions of plain data; the server applies them, the client renders.
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

/** Lobby and summary are always part of a workshop; the rest can be left out. */
export const REQUIRED_PHASES: readonly Phase[] = ['lobby', 'summary'];

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
