import { DEFAULT_VOTE_SETTINGS } from './votes';
import { describe, expect, it } from 'vitest';
import { control } from './command-fixtures';
import { PHASES } from './phases';
import { NO_PROGRESS, PHASE_PROGRESS, progressFacts, summariseProgress } from './progress';
import type { ControlState, ParticipantView } from './workshop';

const p = (id: string, role: ParticipantView['role'], online = true): ParticipantView => ({
  id,
  name: id.toUpperCase(),
  role,
  lens: 'customer',
  online,
});
const ROOM = [p('f', 'facilitator'), p('a', 'customer'), p('b', 'leader'), p('o', 'observer')];

const sources = {
  answeredIds: () => ['a', 'gone'],
  ratedIds: (key: string) => (key === '1:s1' ? ['a'] : ['b']),
  dotsSpent: () => ({ a: 5, b: 2 }),
};
const facts = (over: Partial<ControlState>) => progressFacts(control(over), sources);

describe('one signal of progress per phase', () => {
  it('names a signal for every phase, and none for the lobby and the summary', () => {
    for (const phase of PHASES) expect(phase in PHASE_PROGRESS).toBe(true);
    expect(PHASE_PROGRESS.lobby).toBeNull();
    expect(PHASE_PROGRESS.summary).toBeNull();
    expect(PHASE_PROGRESS.walk).toBe('rated');
    expect(PHASE_PROGRESS.vote).toBe('dots');
  });

  it('takes the facts of the current phase only', () => {
    expect(facts({ phase: 'warmup' })).toEqual({ doneIds: ['a', 'gone'], dotsSpent: {} });
    expect(facts({ phase: 'walk', stepId: 's1' }).doneIds).toEqual(['a']);
    expect(facts({ phase: 'walk', stepId: 's2' }).doneIds).toEqual(['b']);
    expect(facts({ phase: 'walk', stepId: null })).toEqual(NO_PROGRESS);
    // Done in the vote: every dot of the budget placed.
    expect(facts({ phase: 'vote' })).toEqual({ doneIds: ['a'], dotsSpent: { a: 5, b: 2 } });
    const ready = { scope: 'reflect:1', doneIds: ['b'] };
    expect(facts({ phase: 'reflect', readiness: ready })).toEqual({
      doneIds: ['b'],
      dotsSpent: {},
    });
    expect(facts({ phase: 'lobby' })).toEqual(NO_PROGRESS);
  });
});

describe('summariseProgress', () => {
  const sum = (over: Partial<ControlState>, participants = ROOM) =>
    summariseProgress({ control: control(over), participants, progress: facts(over) });

  it('counts those who take part, not facilitators, observers or the removed', () => {
    expect(sum({ phase: 'warmup' })).toMatchObject({ signal: 'answered', done: 1, total: 2 });
  });

  it('does not wait for someone away who has not started, but counts one away who has', () => {
    const away = [p('a', 'customer', false), p('b', 'leader', false), p('c', 'staff', false)];
    expect(sum({ phase: 'walk', stepId: 's1' }, away)).toMatchObject({ done: 1, total: 1 });
    // An away voter with dots placed is still waited for: they have dots left.
    const vote = sum({ phase: 'vote' }, away)!;
    expect(vote).toMatchObject({ done: 1, total: 2 });
    expect(vote.dots).toEqual({ spent: 7, budget: 10, left: [{ id: 'b', left: 3 }] });
  });

  it('is null where nothing is counted', () => {
    expect(sum({ phase: 'lobby' })).toBeNull();
    expect(sum({ phase: 'summary' })).toBeNull();
    expect(sum({ phase: 'walk', stepId: null })).toBeNull();
  });

  it('waits for nobody once the warm-up or the voting is closed', () => {
    // Seen: "1 person still has dots" under the ranking, after "Close the voting".
    expect(sum({ phase: 'warmup', warmupClosed: true })).toBeNull();
    expect(sum({ phase: 'vote', votes: { ...DEFAULT_VOTE_SETTINGS, closed: true } })).toBeNull();
  });
});
