import { describe, expect, it } from 'vitest';
import { linePath, lineRuns, markerPath } from './line-path';

describe('linePath', () => {
  it('draws nothing for no points', () => {
    expect(linePath([])).toBe('');
    expect(linePath([null, null])).toBe('');
  });

  it('draws nothing for a single point, which only its marker shows', () => {
    expect(linePath([{ x: 1, y: 2 }])).toBe('');
  });

  it('joins consecutive points', () => {
    expect(
      linePath([
        { x: 0, y: 10 },
        { x: 5.5, y: 10 },
        { x: 11, y: 10 },
      ]),
    ).toBe('M0,10 L5.5,10 L11,10');
  });

  it('breaks the line at an unrated step', () => {
    expect(linePath([{ x: 0, y: 0 }, { x: 1, y: 1 }, null, { x: 3, y: 3 }, { x: 4, y: 2 }])).toBe(
      'M0,0 L1,1 M3,3 L4,2',
    );
  });

  it('rounds coordinates to two decimals', () => {
    expect(
      linePath([
        { x: 1 / 3, y: 0 },
        { x: 2 / 3, y: 0 },
      ]),
    ).toBe('M0.33,0 L0.67,0');
  });
});

describe('markerPath', () => {
  it('draws a closed, distinct path for each shape', () => {
    const shapes = (['circle', 'square', 'triangle', 'diamond'] as const).map((s) =>
      markerPath(s, 10, 10, 4),
    );
    expect(new Set(shapes).size).toBe(4);
    for (const d of shapes) expect(d.endsWith('Z')).toBe(true);
  });
});

describe('lineRuns', () => {
  it('splits at nulls and leaves out runs of one point', () => {
    const p = (x: number) => ({ x, y: 0 });
    expect(lineRuns([p(1), p(2), null, p(3), null, p(4), p(5), p(6)])).toEqual([
      [p(1), p(2)],
      [p(4), p(5), p(6)],
    ]);
    expect(lineRuns([null, p(1), null])).toEqual([]);
  });
});
