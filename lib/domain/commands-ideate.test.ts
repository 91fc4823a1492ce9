/**
 * Ideate opens on the top moment of truth and the facilitator moves through the prompted
 * steps (the top three) with walk.next / walk.prev; nothing unrevealed decides where.
 */
import { describe, expect, it } from 'vitest';
import type { AnalyticsRating } from '../analytics/types';
import { ErrorCode } from '../protocol/codes';
import { control, who } from './command-fixtures';
import { applyCommand, type Command, type PathFacts } from './commands';
import type { ControlState } from './workshop';

const step = (id: string, targetFeeling: string, critical = false) => ({
  id,
  critical,
  targetFeeling,
});

/** The planted path of ideation-prompts.test.ts: the top three are b, d and e, then c, f. */
const STEPS = [
  step('a', 'happy'),
  step('b', 'happy'),
  step('c', 'calm'),
  step('d', 'happy'),
  step('e', 'delighted', true),
  step('f', 'neutral'),
];
const VALENCE = { a: 2, b: -3, c: -1, d: -2, e: 1, f: 0 };

const rating = (stepId: keyof typeof VALENCE, round = 1): AnalyticsRating => ({
  stepId,
  role: 'customer',
  valence: VALENCE[stepId],
  round,
  lens: 'customer',
  cardId: null,
  personaId: null,
  expectation: 'as',
  effort: null,
});

const ALL = Object.keys(VALENCE) as (keyof typeof VALENCE)[];
const REVEALED = ALL.map((id) => `1:${id}`);
const FACTS: PathFacts = { stepIds: ALL, steps: STEPS, ratings: ALL.map((id) => rating(id)) };

function attempt(state: ControlState, command: Command, facts = FACTS) {
  return applyCommand(state, who('facilitator'), command, facts);
}

function run(state: ControlState, command: Command, facts = FACTS) {
  const result = attempt(state, command, facts);
  if (!result.ok) throw new Error(`refused: ${result.code}`);
  return result.state;
}

const enterIdeate: Command = { type: 'phase.set', phase: 'ideate' };
const next: Command = { type: 'walk.next' };
const prev: Command = { type: 'walk.prev' };
const reflecting = (over: Partial<ControlState> = {}) =>
  control({ phase: 'reflect', stepId: 'f', revealed: REVEALED, ...over });

describe('entering ideate', () => {
  it('puts the spotlight on the top moment of truth', () => {
    expect(run(reflecting(), enterIdeate).stepId).toBe('b');
  });

  it('ranks only what is revealed: a worse unrevealed step is not chosen', () => {
    const state = reflecting({
      revealMode: 'stepwise',
      revealed: REVEALED.filter((k) => k !== '1:b'),
    });
    expect(run(state, enterIdeate).stepId).toBe('d');
  });

  it('keeps the spotlight where it was when nothing revealed stands out', () => {
    const state = reflecting({ revealMode: 'stepwise', revealed: [], stepId: 'c' });
    expect(run(state, enterIdeate).stepId).toBe('c');
  });

  it('ranks this round only', () => {
    const facts = { ...FACTS, ratings: ALL.map((id) => rating(id, 2)) };
    const state = reflecting({ round: 2, revealMode: 'stepwise', revealed: REVEALED, stepId: 'a' });
    expect(run(state, enterIdeate, facts).stepId).toBe('a');
  });

  it('leaves the spotlight alone when ideate is entered from itself', () => {
    const state = control({ phase: 'ideate', stepId: 'a', revealed: REVEALED });
    expect(run(state, enterIdeate).stepId).toBe('a');
  });
});

describe('moving through the prompted steps in ideate', () => {
  const ideating = (stepId: string | null) =>
    control({ phase: 'ideate', stepId, revealed: REVEALED });

  it('walk.next goes to the next prompted step, in ranking order, and stops after the third', () => {
    expect(run(ideating('b'), next).stepId).toBe('d');
    expect(run(ideating('d'), next).stepId).toBe('e');
    expect(attempt(ideating('e'), next)).toMatchObject({ ok: false, code: ErrorCode.NOT_FOUND });
  });

  it('walk.prev goes back, and not before the first', () => {
    expect(run(ideating('e'), prev).stepId).toBe('d');
    expect(run(ideating('d'), prev).stepId).toBe('b');
    expect(attempt(ideating('b'), prev)).toMatchObject({ ok: false, code: ErrorCode.NOT_FOUND });
  });

  it('walk.step puts any step in the spotlight; walk.next from there returns to the first prompt', () => {
    const elsewhere = run(ideating('b'), { type: 'walk.step', stepId: 'a' });
    expect(elsewhere.stepId).toBe('a');
    expect(run(elsewhere, next).stepId).toBe('b');
  });

  it('has nothing to move through when nothing revealed stands out', () => {
    const state = control({ phase: 'ideate', stepId: 'a', revealed: [] });
    expect(attempt(state, next)).toMatchObject({ ok: false, code: ErrorCode.NOT_FOUND });
  });

  it('keeps the walk moving along the path', () => {
    expect(run(control({ phase: 'walk', stepId: 'b', revealed: REVEALED }), next).stepId).toBe('c');
  });

  it('is the facilitator’s alone', () => {
    const result = applyCommand(ideating('b'), who('leader'), next, FACTS);
    expect(result).toMatchObject({ ok: false, code: ErrorCode.FORBIDDEN });
  });
});
