import { describe, expect, it } from 'vitest';
import { PHASES } from '../domain/phases';
import { LANES } from './lanes';
import { boardLanes } from './phase-lanes';

const customer = { role: 'customer', lens: 'customer' } as const;
const staff = { role: 'staff', lens: 'staff' } as const;
const facilitator = { role: 'facilitator', lens: 'customer' } as const;
const focused = (l: ReturnType<typeof boardLanes>) => l.filter((x) => x.focus).map((x) => x.lane);
const order = (l: ReturnType<typeof boardLanes>) => l.map((x) => x.lane);

describe('the lanes a phase is about', () => {
  it('puts the ideas lane first while ideas are written', () => {
    const lanes = boardLanes('ideate', customer, []);
    expect(focused(lanes)).toEqual(['ideas']);
    expect(order(lanes)[0]).toBe('ideas');
  });

  it('in the walk, opens the lanes of the boots the person walks in', () => {
    expect(focused(boardLanes('walk', customer, []))).toEqual([
      'customerDoes',
      'customerThinks',
      'customerFeels',
    ]);
    expect(focused(boardLanes('walk', staff, []))).toEqual([
      'staffDoes',
      'staffFeels',
      'backstage',
    ]);
    // A leader walking in the customer's boots fills the customer's lanes.
    expect(focused(boardLanes('walk', { role: 'leader', lens: 'customer' }, []))).toEqual([
      'customerDoes',
      'customerThinks',
      'customerFeels',
    ]);
  });

  it('shows a facilitator in the walk every lane the room fills, whatever their lens', () => {
    expect(focused(boardLanes('walk', facilitator, []))).toEqual([
      'customerDoes',
      'customerThinks',
      'customerFeels',
      'staffDoes',
      'staffFeels',
      'backstage',
    ]);
  });

  it('in reflect, opens pains, gains and questions, first and in that order', () => {
    const lanes = boardLanes('reflect', customer, []);
    expect(focused(lanes)).toEqual(['pains', 'gains', 'questions']);
    expect(order(lanes).slice(0, 3)).toEqual(['pains', 'gains', 'questions']);
  });

  it('keeps every other lane, once, in the board order after the focused ones', () => {
    for (const phase of PHASES) {
      const lanes = order(boardLanes(phase, staff, []));
      expect([...lanes].sort(), phase).toEqual([...LANES].sort());
      const rest = boardLanes(phase, staff, [])
        .filter((l) => !l.focus)
        .map((l) => l.lane);
      expect(rest, phase).toEqual(LANES.filter((l) => rest.includes(l)));
    }
  });

  it('leaves out the lanes the facilitator hid, focused or not', () => {
    const lanes = boardLanes('reflect', customer, ['gains', 'backstage']);
    expect(focused(lanes)).toEqual(['pains', 'questions']);
    expect(order(lanes)).not.toContain('gains');
    expect(order(lanes)).not.toContain('backstage');
  });

  it('focuses nothing in a phase without a board task, keeping the board order', () => {
    const lanes = boardLanes('lobby', customer, []);
    expect(focused(lanes)).toEqual([]);
    expect(order(lanes)).toEqual([...LANES]);
  });
});
