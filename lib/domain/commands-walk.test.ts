import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../protocol/codes';
import { control, NOW, PATH, who } from './command-fixtures';
import { applyCommand, type Command, readinessScope } from './commands';
import { normalisePhases } from './phases';
import type { ControlState } from './workshop';

const fac = who('facilitator');

function run(state: ControlState, command: Command, path = PATH) {
  return applyCommand(state, fac, command, path);
}

describe('phase.configure', () => {
  it('keeps the canonical order and always keeps lobby and summary', () => {
    const result = run(control(), { type: 'phase.configure', enabled: ['reveal', 'walk'] });
    expect(result).toMatchObject({
      ok: true,
      state: { enabledPhases: ['lobby', 'walk', 'reveal', 'summary'], phase: 'walk', revision: 8 },
    });
  });

  it('refuses to leave out the phase the workshop is in, with INVALID_TRANSITION', () => {
    const result = run(control(), { type: 'phase.configure', enabled: ['warmup', 'reveal'] });
    expect(result).toMatchObject({ ok: false, code: ErrorCode.INVALID_TRANSITION });
  });

  it('keeps readiness: the phase and step did not move', () => {
    const state = control({ readiness: { scope: 'walk:1:s1', doneIds: ['a'] } });
    const result = run(state, { type: 'phase.configure', enabled: ['walk'] });
    expect(result).toMatchObject({ ok: true, state: { readiness: { doneIds: ['a'] } } });
  });
});

describe('entering the walk', () => {
  it('spotlights the first step when none was spotlighted', () => {
    const state = control({ phase: 'target', stepId: null });
    expect(run(state, { type: 'phase.next' })).toMatchObject({
      ok: true,
      state: { phase: 'walk', stepId: 's1', readiness: { scope: 'walk:1:s1', doneIds: [] } },
    });
  });

  it('keeps the spotlighted step when coming back to the walk', () => {
    const state = control({ phase: 'reveal', stepId: 's4' });
    expect(run(state, { type: 'phase.prev' })).toMatchObject({
      ok: true,
      state: { phase: 'walk', stepId: 's4' },
    });
  });

  it('goes back to the first step when the spotlighted one was deleted', () => {
    const state = control({ phase: 'target', stepId: 'gone' });
    expect(run(state, { type: 'phase.set', phase: 'walk' })).toMatchObject({
      ok: true,
      state: { phase: 'walk', stepId: 's1' },
    });
  });

  it('refuses any phase but the lobby while the path is empty, with PATH_EMPTY', () => {
    const state = control({ phase: 'lobby', stepId: null });
    const empty = { stepIds: [] };
    expect(run(state, { type: 'phase.set', phase: 'walk' }, empty)).toMatchObject({
      ok: false,
      code: ErrorCode.PATH_EMPTY,
    });
    expect(run(state, { type: 'phase.set', phase: 'lobby' }, empty)).toMatchObject({ ok: true });
  });
});

describe('walk.step, walk.next and walk.prev', () => {
  it('spotlights any step of the path by id', () => {
    expect(run(control(), { type: 'walk.step', stepId: 's5' })).toMatchObject({
      ok: true,
      state: { stepId: 's5', revision: 8 },
    });
  });

  it('moves the spotlight one step forward and back', () => {
    const state = control({ stepId: 's3' });
    expect(run(state, { type: 'walk.next' })).toMatchObject({ ok: true, state: { stepId: 's4' } });
    expect(run(state, { type: 'walk.prev' })).toMatchObject({ ok: true, state: { stepId: 's2' } });
  });

  it('refuses an unknown step id with NOT_FOUND', () => {
    expect(run(control(), { type: 'walk.step', stepId: 'nope' })).toMatchObject({
      ok: false,
      code: ErrorCode.NOT_FOUND,
    });
  });

  it('refuses to move past the last step or before the first, with NOT_FOUND', () => {
    expect(run(control({ stepId: 's8' }), { type: 'walk.next' })).toMatchObject({
      ok: false,
      code: ErrorCode.NOT_FOUND,
    });
    expect(run(control({ stepId: 's1' }), { type: 'walk.prev' })).toMatchObject({
      ok: false,
      code: ErrorCode.NOT_FOUND,
    });
  });

  it.each<Command>([
    { type: 'walk.step', stepId: 's2' },
    { type: 'walk.next' },
    { type: 'walk.prev' },
  ])('refuses $type outside the walk with INVALID_TRANSITION', (command) => {
    const state = control({ phase: 'reveal', stepId: 's3' });
    expect(run(state, command)).toMatchObject({ ok: false, code: ErrorCode.INVALID_TRANSITION });
  });
});

describe('walk.pace', () => {
  it('lets the room run ahead and holds it in step again', () => {
    const free = run(control(), { type: 'walk.pace', pace: 'free' });
    expect(free).toMatchObject({ ok: true, state: { pace: 'free', revision: 8 } });
    if (!free.ok) return;
    expect(run(free.state, { type: 'walk.pace', pace: 'hold' })).toMatchObject({
      ok: true,
      state: { pace: 'hold', revision: 9 },
    });
  });
});

describe('round.start', () => {
  it('walks the path again from the first step, in the next round, with the timer reset', () => {
    const state = control({
      phase: 'reveal',
      stepId: 's8',
      timer: { status: 'running', deadline: NOW + 1000, durationMs: 60_000 },
      readiness: { scope: 'reveal:1', doneIds: ['a', 'b'] },
    });
    expect(run(state, { type: 'round.start' })).toEqual({
      ok: true,
      state: {
        ...state,
        phase: 'walk',
        round: 2,
        stepId: 's1',
        timer: { status: 'idle' },
        readiness: { scope: 'walk:2:s1', doneIds: [] },
        revision: 8,
      },
    });
  });

  it('refuses when the walk is not among the phases, with INVALID_TRANSITION', () => {
    const state = control({ phase: 'lobby', enabledPhases: normalisePhases(['vote']) });
    expect(run(state, { type: 'round.start' })).toMatchObject({
      ok: false,
      code: ErrorCode.INVALID_TRANSITION,
    });
  });

  it('refuses when the path is empty, with PATH_EMPTY', () => {
    expect(run(control(), { type: 'round.start' }, { stepIds: [] })).toMatchObject({
      ok: false,
      code: ErrorCode.PATH_EMPTY,
    });
  });
});

describe('ready.set', () => {
  const ready = (state: ControlState, id: string, value = true) =>
    applyCommand(
      state,
      { participantId: id, role: 'customer', now: NOW },
      {
        type: 'ready.set',
        ready: value,
      },
      PATH,
    );

  it('adds and removes the asking participant, and nobody else', () => {
    const one = ready(control(), 'anna');
    expect(one).toMatchObject({ ok: true, state: { readiness: { doneIds: ['anna'] } } });
    if (!one.ok) return;
    const two = ready(one.state, 'ben');
    expect(two).toMatchObject({ ok: true, state: { readiness: { doneIds: ['anna', 'ben'] } } });
    if (!two.ok) return;
    expect(ready(two.state, 'anna', false)).toMatchObject({
      ok: true,
      state: { readiness: { scope: 'walk:1:s1', doneIds: ['ben'] } },
    });
  });

  it('is idempotent: twice ready is listed once, not-ready when not listed changes nothing', () => {
    const once = ready(control(), 'anna');
    if (!once.ok) throw new Error('expected ok');
    const twice = ready(once.state, 'anna');
    expect(twice).toMatchObject({ ok: true, state: { readiness: { doneIds: ['anna'] } } });
    expect(ready(control(), 'anna', false)).toMatchObject({
      ok: true,
      state: { readiness: { doneIds: [] } },
    });
  });

  it.each(['leader', 'staff', 'customer'] as const)('lets a %s mark themselves done', (role) => {
    const result = applyCommand(control(), who(role), { type: 'ready.set', ready: true }, PATH);
    expect(result).toMatchObject({ ok: true, state: { readiness: { doneIds: [`p-${role}`] } } });
  });

  it.each(['facilitator', 'observer'] as const)('refuses a %s with FORBIDDEN', (role) => {
    const result = applyCommand(control(), who(role), { type: 'ready.set', ready: true }, PATH);
    expect(result).toMatchObject({ ok: false, code: ErrorCode.FORBIDDEN });
  });
});

describe('readiness follows the scope', () => {
  const done = (overrides: Partial<ControlState> = {}) => {
    const base = control(overrides);
    return { ...base, readiness: { scope: readinessScope(base), doneIds: ['anna', 'ben'] } };
  };

  it('names one scope per step of each round and one per other phase and round', () => {
    expect(readinessScope({ phase: 'walk', round: 2, stepId: 's3' })).toBe('walk:2:s3');
    expect(readinessScope({ phase: 'walk', round: 1, stepId: null })).toBe('walk:1:-');
    expect(readinessScope({ phase: 'reflect', round: 2, stepId: 's3' })).toBe('reflect:2');
  });

  it.each<[string, Partial<ControlState>, Command]>([
    ['the phase changes', {}, { type: 'phase.next' }],
    ['another step is spotlighted', {}, { type: 'walk.next' }],
    ['a step is chosen by id', {}, { type: 'walk.step', stepId: 's6' }],
    ['a new round starts', { phase: 'reflect' }, { type: 'round.start' }],
  ])('resets when %s', (_what, overrides, command) => {
    const before = done(overrides);
    const result = run(before, command);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.state.readiness.doneIds).toEqual([]);
    expect(result.state.readiness.scope).not.toBe(before.readiness.scope);
  });

  it.each<Command>([
    { type: 'timer.start', durationMs: 60_000 },
    { type: 'walk.pace', pace: 'free' },
    { type: 'walk.step', stepId: 's1' },
    { type: 'settings.anonymous', anonymous: true },
  ])('is kept on $type, which leaves the scope where it was', (command) => {
    const result = run(done(), command);
    expect(result).toMatchObject({
      ok: true,
      state: { readiness: { scope: 'walk:1:s1', doneIds: ['anna', 'ben'] } },
    });
  });

  it('is kept through a pause, a resume, more time and a stop of the timer', () => {
    let state: ControlState = done();
    const steps: Command[] = [
      { type: 'timer.start', durationMs: 60_000 },
      { type: 'timer.pause' },
      { type: 'timer.resume' },
      { type: 'timer.add', ms: 30_000 },
      { type: 'timer.stop' },
    ];
    for (const command of steps) {
      const result = run(state, command);
      if (!result.ok) throw new Error(`${command.type}: ${result.code}`);
      state = result.state;
    }
    expect(state.readiness).toEqual({ scope: 'walk:1:s1', doneIds: ['anna', 'ben'] });
  });
});
