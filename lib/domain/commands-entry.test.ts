import { describe, expect, it } from 'vitest';
import type { AnalyticsRating } from '../analytics/types';
import { ErrorCode } from '../protocol/codes';
import { control, who } from './command-fixtures';
import { applyCommand, type Command, initialControl, type PathFacts } from './commands';
import type { ControlState } from './workshop';

const step = (id: string, critical = false) => ({ id, critical, targetFeeling: 'neutral' });
const STEPS = [step('a'), step('b'), step('c', true), step('d')];

const rating = (
  stepId: string,
  role: AnalyticsRating['role'],
  valence: number,
  round = 1,
): AnalyticsRating => ({
  stepId,
  role,
  valence,
  round,
  lens: 'customer',
  cardId: null,
  personaId: null,
  expectation: 'as',
  effort: null,
});

/** Round 1 walked a, b and c (not d); b is where leaders and customer proxies part. */
const RATINGS = [
  rating('a', 'leader', 2),
  rating('a', 'customer', 2),
  rating('b', 'leader', 3),
  rating('b', 'customer', -3),
  rating('c', 'leader', 1),
  rating('c', 'customer', 1),
];

function facts(ratings: AnalyticsRating[] = RATINGS): PathFacts {
  return { stepIds: STEPS.map((s) => s.id), steps: STEPS, ratings };
}

function run(state: ControlState, command: Command, path = facts()) {
  const result = applyCommand(state, who('facilitator'), command, path);
  if (!result.ok) throw new Error(`refused: ${result.code}`);
  return result.state;
}

const enter = (phase: ControlState['phase']): Command => ({ type: 'phase.set', phase });

describe('a new workshop', () => {
  it('reveals what was walked on entering the reveal, unless the facilitator chooses otherwise', () => {
    expect(initialControl(['walk', 'reveal']).revealMode).toBe('walked');
  });
});

describe('entering the reveal', () => {
  it('reveals the steps of this round that someone rated, and no other', () => {
    const state = run(control({ stepId: 'c' }), enter('reveal'));
    expect([...state.revealed].sort()).toEqual(['1:a', '1:b', '1:c']);
  });

  it('reveals only the current round, keeping earlier reveals', () => {
    const ratings = [...RATINGS, rating('d', 'staff', 0, 2)];
    const state = run(control({ round: 2, revealed: ['1:a'] }), enter('reveal'), facts(ratings));
    expect([...state.revealed].sort()).toEqual(['1:a', '2:d']);
  });

  it('reveals nothing in step-by-step mode', () => {
    const state = run(control({ revealMode: 'stepwise' }), enter('reveal'));
    expect(state.revealed).toEqual([]);
  });

  it('also reveals when the room goes past the reveal phase straight from the walk', () => {
    const state = run(control(), enter('reflect'));
    expect([...state.revealed].sort()).toEqual(['1:a', '1:b', '1:c']);
  });

  it('reveals nothing on entering a phase before the reveal', () => {
    const state = run(control({ phase: 'reveal' }), enter('walk'));
    expect(state.revealed).toEqual([]);
  });

  it('ignores ratings of steps no longer on the path', () => {
    const state = run(control(), enter('reveal'), facts([rating('gone', 'staff', 1)]));
    expect(state.revealed).toEqual([]);
  });
});

describe('settings.reveal', () => {
  it('switches to step by step and back', () => {
    const stepwise = run(control(), { type: 'settings.reveal', mode: 'stepwise' });
    expect(stepwise.revealMode).toBe('stepwise');
    expect(run(stepwise, { type: 'settings.reveal', mode: 'walked' }).revealMode).toBe('walked');
  });

  it('is for facilitators only', () => {
    const result = applyCommand(
      control(),
      who('leader'),
      { type: 'settings.reveal', mode: 'stepwise' },
      facts(),
    );
    expect(result).toMatchObject({ ok: false, code: ErrorCode.FORBIDDEN });
  });
});

describe('entering reflect', () => {
  it('puts the spotlight on the top moment of truth of what was revealed', () => {
    const revealed = ['1:a', '1:b', '1:c'];
    const state = run(control({ phase: 'reveal', stepId: 'c', revealed }), enter('reflect'));
    // b: a drop of 2 from a and a perception gap of 6; c only its critical bonus and no drop.
    expect(state.stepId).toBe('b');
  });

  it('ranks only what everyone may see: an unrevealed step is not chosen', () => {
    const state = run(
      control({ phase: 'reveal', stepId: 'a', revealMode: 'stepwise', revealed: ['1:c'] }),
      enter('reflect'),
    );
    expect(state.stepId).toBe('c');
  });

  it('keeps the current step when nothing is revealed', () => {
    const state = run(
      control({ phase: 'reveal', stepId: 'd', revealMode: 'stepwise' }),
      enter('reflect'),
    );
    expect(state.stepId).toBe('d');
  });

  it('leaves the spotlight alone when reflect is entered from itself', () => {
    const state = run(
      control({ phase: 'reflect', stepId: 'a', revealed: ['1:a', '1:b'] }),
      enter('reflect'),
    );
    expect(state.stepId).toBe('a');
  });
});

describe('moving the spotlight in reflect', () => {
  it('lets the facilitator put another step in the spotlight', () => {
    const state = run(control({ phase: 'reflect', stepId: 'b' }), {
      type: 'walk.step',
      stepId: 'd',
    });
    expect(state.stepId).toBe('d');
  });

  it('still refuses it in phases without a spotlight', () => {
    const result = applyCommand(
      control({ phase: 'vote' }),
      who('facilitator'),
      { type: 'walk.step', stepId: 'a' },
      facts(),
    );
    expect(result).toMatchObject({ ok: false, code: ErrorCode.INVALID_TRANSITION });
  });
});
