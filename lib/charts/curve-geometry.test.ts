import { describe, expect, it } from 'vitest';
import { curveGeometry, type CurveFrame } from './curve-geometry';

const FRAME: CurveFrame = { left: 40, right: 450, top: 30, plot: 180, col: 100, font: 10, r: 4 };

describe('curveGeometry', () => {
  it('scales +3 to the plot’s top and −3 to its bottom, one tick per whole valence', () => {
    const g = curveGeometry(FRAME, 4, []);
    expect(g.ticks.map((t) => t.value)).toEqual([3, 2, 1, 0, -1, -2, -3]);
    expect(g.ticks.map((t) => t.y)).toEqual([30, 60, 90, 120, 150, 180, 210]);
    expect(g.ticks.filter((t) => t.zero).map((t) => t.value)).toEqual([0]);
    expect(g.plotBottom).toBe(210);
    expect(g.grid).toEqual({ x1: 40, x2: 450 });
    expect(g.tickLabelX).toBe(34);
  });

  it('puts each step at its column’s centre, labels under the plot and marks above it', () => {
    const g = curveGeometry(FRAME, 4, []);
    expect(g.columns).toEqual([
      { index: 0, x: 90 },
      { index: 1, x: 190 },
      { index: 2, x: 290 },
      { index: 3, x: 390 },
    ]);
    expect(g.stepLabelY).toBe(224);
    expect(g.markY).toBe(24);
  });

  it('draws a hand-off on the boundary after its step, and drops one with no next step', () => {
    const g = curveGeometry(FRAME, 4, [], [0, 2, 3, -1]);
    expect(g.handoffs).toEqual([
      { from: 0, x: 140 },
      { from: 2, x: 340 },
    ]);
  });

  it('breaks a line at a missing value and keeps a lone value as a point only', () => {
    const g = curveGeometry(FRAME, 4, [{ key: 'target', values: [1, 0, null, 2], dodge: false }]);
    const [target] = g.series;
    expect(target!.points.map((p) => [p.index, p.value, p.x, p.y])).toEqual([
      [0, 1, 90, 90],
      [1, 0, 190, 120],
      [3, 2, 390, 60],
    ]);
    expect(target!.runs.map((run) => run.map((p) => [p.x, p.y]))).toEqual([
      [
        [90, 90],
        [190, 120],
      ],
    ]);
  });

  it('moves dodging series apart by the marker radius, centred on the column', () => {
    const same = [2, 2];
    const g = curveGeometry(FRAME, 2, [
      { key: 'leader', values: same, dodge: true },
      { key: 'staff', values: same, dodge: true },
      { key: 'customer', values: same, dodge: true },
      { key: 'target', values: same, dodge: false },
    ]);
    expect(g.series.map((s) => s.points[0]!.x)).toEqual([86, 90, 94, 90]);
    expect(g.series.map((s) => s.key)).toEqual(['leader', 'staff', 'customer', 'target']);
  });

  it('draws nothing but the frame for no steps', () => {
    const g = curveGeometry(FRAME, 0, [{ key: 'leader', values: [], dodge: true }]);
    expect(g.columns).toEqual([]);
    expect(g.series[0]).toEqual({ key: 'leader', points: [], runs: [] });
  });
});
