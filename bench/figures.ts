import type { Histogram } from './stats';

/** One measured figure: a distribution (p50/p95/p99) or a single value. */
export interface Figure {
  scenario: string;
  name: string;
  unit: string;
  p50?: number;
  p95?: number;
  p99?: number;
  samples?: number;
  value?: number;
  /** The target, as text (e.g. "p99 ≤ 50"), and whether this run met it. */
  target?: string;
  met?: boolean;
}

export function latencyFigure(
  scenario: string,
  name: string,
  h: Histogram | undefined,
  target?: { p99Max: number },
): Figure {
  const s = h?.summary() ?? { p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, samples: 0 };
  const figure: Figure = { scenario, name, unit: 'ms', ...s };
  if (target) {
    figure.target = `p99 ≤ ${target.p99Max}`;
    figure.met = s.p99 <= target.p99Max;
  }
  return figure;
}

export function valueFigure(
  scenario: string,
  name: string,
  unit: string,
  value: number,
  target?: { max: number },
): Figure {
  const figure: Figure = { scenario, name, unit, value: Math.round(value * 100) / 100 };
  if (target) {
    figure.target = `≤ ${target.max}`;
    figure.met = value <= target.max;
  }
  return figure;
}

/** A figure is missing when its numbers did not come out (no samples, NaN). */
export function missing(f: Figure): boolean {
  const numbers = f.value !== undefined ? [f.value] : [f.p50, f.p95, f.p99];
  return numbers.some((n) => n === undefined || !Number.isFinite(n));
}

/** How busy the load processes were: when they fall behind, latencies are theirs too. */
export function loadFigures(
  scenario: string,
  load: { loadCpu: number; loopDelayP99Ms: number },
): Figure[] {
  return [
    valueFigure(scenario, 'load processes CPU, each (mean)', '% of one core', load.loadCpu * 100),
    valueFigure(scenario, 'load process event-loop delay p99 (worst)', 'ms', load.loopDelayP99Ms),
  ];
}
