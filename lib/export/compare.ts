import { curve, isRatedRole, RATED_ROLES, type RatedRole } from '../analytics/curve';
import type { Locale } from '../domain/roles';
import type { WorkshopExport } from './model';

/** A mean valence (−3…+3) per rated role; null where the role did not rate. */
export type RoleMeans = Record<RatedRole, number | null>;

/** Mean feeling at one step: everyone, and per rated role. Raw numbers: views round. */
export interface StepMeans {
  overall: number | null;
  byRole: RoleMeans;
}

/** One step of one run, on that run's own path. */
export interface RunStep extends StepMeans {
  stepId: string;
  title: string;
  /** Leaders' mean − customer proxies' mean; null unless both rated the step. */
  leadersVsCustomers: number | null;
}

export interface ComparedRun {
  id: string;
  title: string;
  locale: Locale;
  createdAt: string;
  /** The round compared: the latest one with revealed ratings (as the summary); null without. */
  round: number | null;
  /** Ratings counted in that round (rated roles, steps on the run's path). */
  ratingCount: number;
  /** The run's own path, in its order. */
  steps: RunStep[];
}

export interface ComparedStep {
  stepId: string;
  /** The title in the latest run. */
  title: string;
  /** Per run, in run order: the step's means, or null when the step was not on that run's path. */
  runs: Array<StepMeans | null>;
  /**
   * Latest mean − earliest mean, over the runs that rated the step (each of overall and
   * the roles on its own); null when fewer than two runs did. Positive: felt better.
   */
  change: StepMeans;
}

export interface RunComparison {
  /** Oldest first. */
  runs: ComparedRun[];
  /** The latest run's path, in its order, matched to earlier runs by step id. */
  steps: ComparedStep[];
  /** Steps of earlier runs that the latest run's path no longer has (newest title, first seen first). */
  removed: Array<{ stepId: string; title: string }>;
}

function roleMeans(pick: (role: RatedRole) => number | null): RoleMeans {
  return Object.fromEntries(RATED_ROLES.map((role) => [role, pick(role)])) as RoleMeans;
}

/** One run: its latest round with ratings, and the means per step of its own path. */
function compareRun(exp: WorkshopExport): ComparedRun {
  const onPath = new Set(exp.path.map((s) => s.id));
  const counted = exp.ratings.filter((r) => isRatedRole(r.role) && onPath.has(r.stepId));
  const round = counted.length ? Math.max(...counted.map((r) => r.round)) : null;
  const mine = counted.filter((r) => r.round === round);
  const points = curve(exp.path, mine);
  return {
    id: exp.workshop.id,
    title: exp.workshop.title,
    locale: exp.workshop.locale,
    createdAt: exp.workshop.createdAt,
    round,
    ratingCount: mine.length,
    steps: exp.path.map((step, i) => {
      const point = points[i];
      const byRole = roleMeans((role) => point?.byRole[role]?.mean ?? null);
      const { leader, customer } = byRole;
      return {
        stepId: step.id,
        title: step.title,
        overall: point?.overall?.mean ?? null,
        byRole,
        leadersVsCustomers: leader !== null && customer !== null ? leader - customer : null,
      };
    }),
  };
}

/** Last − first of the values that are there; null with fewer than two. */
function change(values: Array<number | null>): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length >= 2 ? present[present.length - 1]! - present[0]! : null;
}

/**
 * Runs of the same path side by side: per run its means per step, and per step of the
 * latest run its means in every run (matched by step id) and the change over the runs.
 * Runs are put in order of creation; each run counts its latest round with revealed
 * ratings, as its summary does. Pure.
 */
export function compareRuns(runs: readonly WorkshopExport[]): RunComparison {
  // ISO strings of one format sort as times; sort is stable for equal times.
  const ordered = [...runs].sort((a, b) =>
    a.workshop.createdAt < b.workshop.createdAt
      ? -1
      : a.workshop.createdAt > b.workshop.createdAt
        ? 1
        : 0,
  );
  const compared = ordered.map(compareRun);
  const latest = compared.at(-1);
  if (!latest) return { runs: [], steps: [], removed: [] };

  const steps = latest.steps.map((step): ComparedStep => {
    const perRun = compared.map((run): StepMeans | null => {
      const own = run.steps.find((s) => s.stepId === step.stepId);
      return own ? { overall: own.overall, byRole: own.byRole } : null;
    });
    return {
      stepId: step.stepId,
      title: step.title,
      runs: perRun,
      change: {
        overall: change(perRun.map((m) => m?.overall ?? null)),
        byRole: roleMeans((role) => change(perRun.map((m) => m?.byRole[role] ?? null))),
      },
    };
  });

  const current = new Set(latest.steps.map((s) => s.stepId));
  const removed = new Map<string, string>();
  for (const run of compared) {
    for (const s of run.steps) {
      if (current.has(s.stepId)) continue;
      removed.set(s.stepId, s.title); // a later run's title replaces an earlier one
    }
  }
  return {
    runs: compared,
    steps,
    removed: [...removed].map(([stepId, title]) => ({ stepId, title })),
  };
}
