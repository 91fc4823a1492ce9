import { WARMUP_ROLE_MIN_ANSWERS } from '../constants';
import type { Role } from '../domain/roles';
import { RATED_ROLES, type RatedRole } from './curve';

/** One person's warm-up answers, each 0–10. */
export interface WarmupAnswer {
  /** "How likely would you recommend your workplace to a friend?" */
  workplace: number;
  /** "How likely would our customers recommend us?" (the person's estimate) */
  customers: number;
}

/** An answer with the role of who gave it; null when the roster no longer knows them. */
export interface RoleAnswer extends WarmupAnswer {
  role: Role | null;
}

export interface NpsFigure {
  /** Share of 9–10 minus share of 0–6, in percentage points (−100…+100), rounded. */
  score: number;
  promoters: number;
  passives: number;
  detractors: number;
  mean: number;
}

/** The warm-up's two figures over one group of answers. */
export interface WarmupFigures {
  /** Employee NPS from the workplace question. */
  enps: NpsFigure;
  /** The group's estimate of the customers' NPS. */
  customerEstimate: NpsFigure;
}

/** One role's part of the warm-up. */
export interface RoleWarmup {
  /** How many of the role answered (the progress already shows who answered). */
  count: number;
  /**
   * Null when hidden: fewer than WARMUP_ROLE_MIN_ANSWERS answers, or showing them would
   * let the room's figure minus the shown roles' give away a smaller group's answers.
   */
  figures: WarmupFigures | null;
}

export interface WarmupResults {
  count: number;
  /**
   * The room's figures; null while fewer than WARMUP_ROLE_MIN_ANSWERS answered: who
   * answered is no secret, so one or two answers would each be told (found by the review).
   */
  enps: NpsFigure | null;
  customerEstimate: NpsFigure | null;
  /** The same figures per answering role, so leaders' picture can be set beside staff's. */
  byRole: Record<RatedRole, RoleWarmup>;
}

/** Net promoter figure of 0–10 answers; null when nobody answered. */
export function nps(values: readonly number[]): NpsFigure | null {
  if (values.length === 0) return null;
  const promoters = values.filter((v) => v >= 9).length;
  const detractors = values.filter((v) => v <= 6).length;
  const passives = values.length - promoters - detractors;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return {
    score: Math.round(((promoters - detractors) / values.length) * 100),
    promoters,
    passives,
    detractors,
    mean: Math.round(mean * 10) / 10,
  };
}

function figures(answers: readonly WarmupAnswer[]): WarmupFigures | null {
  const enps = nps(answers.map((a) => a.workplace));
  const customerEstimate = nps(answers.map((a) => a.customers));
  return enps && customerEstimate ? { enps, customerEstimate } : null;
}

/**
 * Which roles' figures may be shown. A role needs WARMUP_ROLE_MIN_ANSWERS answers; and the
 * answers not shown by role (hidden roles, people no longer in an answering role) must be
 * none or at least that many too, or the room's figure minus the shown ones would give
 * them away: while they are 1 or 2, the smallest shown role is hidden as well (on a tie,
 * the later in RATED_ROLES).
 */
function shownRoles(counts: Record<RatedRole, number>, total: number): Set<RatedRole> {
  const shown = new Set(RATED_ROLES.filter((r) => counts[r] >= WARMUP_ROLE_MIN_ANSWERS));
  const rest = () => total - [...shown].reduce((sum, r) => sum + counts[r], 0);
  while (rest() > 0 && rest() < WARMUP_ROLE_MIN_ANSWERS && shown.size > 0) {
    const smallest = [...shown].reduce((a, b) => (counts[b] <= counts[a] ? b : a));
    shown.delete(smallest);
  }
  return shown;
}

/** The room's figures and each role's; null when nobody answered. */
export function warmupResults(answers: readonly RoleAnswer[]): WarmupResults | null {
  const room = figures(answers);
  if (!room) return null;
  const of = (role: RatedRole) => answers.filter((a) => a.role === role);
  const counts = Object.fromEntries(RATED_ROLES.map((r) => [r, of(r).length])) as Record<
    RatedRole,
    number
  >;
  const shown = shownRoles(counts, answers.length);
  const byRole = Object.fromEntries(
    RATED_ROLES.map((r) => [
      r,
      { count: counts[r], figures: shown.has(r) ? figures(of(r)) : null },
    ]),
  ) as Record<RatedRole, RoleWarmup>;
  const hidden = answers.length < WARMUP_ROLE_MIN_ANSWERS;
  const shownRoom = hidden ? { enps: null, customerEstimate: null } : room;
  return { count: answers.length, ...shownRoom, byRole };
}

/** Leaders' scores minus staff's, in points; null unless both are shown. */
export function leaderStaffGap(
  results: Pick<WarmupResults, 'byRole'>,
): { enps: number; customerEstimate: number } | null {
  const leader = results.byRole.leader.figures;
  const staff = results.byRole.staff.figures;
  if (!leader || !staff) return null;
  return {
    enps: leader.enps.score - staff.enps.score,
    customerEstimate: leader.customerEstimate.score - staff.customerEstimate.score,
  };
}

/** Why a role's figures are hidden, for the words beside it; null when they are shown. */
export function hiddenBecause(role: RoleWarmup): 'none' | 'few' | 'others' | null {
  if (role.figures) return null;
  if (role.count === 0) return 'none';
  return role.count < WARMUP_ROLE_MIN_ANSWERS ? 'few' : 'others';
}
