import type { ActionMix } from './load-spec';

/** The run's parameters: the sizes, or scaled down for `--quick` (CI). */
export interface Params {
  mode: 'full' | 'quick';
  /** Load processes (the machine has 2 cores; the server is a third busy process). */
  loadProcesses: number;
  meanIntervalMs: number;
  many: {
    workshops: number;
    perWorkshop: number;
    warmupS: number;
    measureS: number;
    mix: ActionMix;
  };
  bigRoom: { participants: number; warmupS: number; measureS: number; mix: ActionMix };
}

/** Scenario 1: ratings, readiness, note edits and presence, as in a walk. */
const WALK_MIX: ActionMix = { rating: 0.2, ready: 0.2, note: 0.4, presence: 0.2 };
/** Scenario 2: the board only (editing, and moving between steps). */
const BOARD_MIX: ActionMix = { note: 0.65, presence: 0.35 };

export function paramsFor(quick: boolean): Params {
  const common = { loadProcesses: 2, meanIntervalMs: 5_000 };
  if (quick) {
    return {
      mode: 'quick',
      ...common,
      many: { workshops: 10, perWorkshop: 20, warmupS: 3, measureS: 10, mix: WALK_MIX },
      bigRoom: { participants: 60, warmupS: 2, measureS: 8, mix: BOARD_MIX },
    };
  }
  return {
    mode: 'full',
    ...common,
    many: { workshops: 50, perWorkshop: 40, warmupS: 10, measureS: 60, mix: WALK_MIX },
    bigRoom: { participants: 300, warmupS: 5, measureS: 30, mix: BOARD_MIX },
  };
}
