import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../protocol/codes';
import { control, NOW, PATH, ratingOf, who } from './command-fixtures';
import { applyCommand, type Command } from './commands';
import type { Timer } from './timer';
import type { ControlState } from './workshop';

const MIN = 60_000;

/** Runs `command` as the facilitator at server time `now`. */
function run(state: ControlState, command: Command, now = NOW) {
  return applyCommand(state, who('facilitator', now), command, PATH);
}

function timerAfter(state: ControlState, command: Command, now = NOW): Timer {
  const result = run(state, command, now);
  if (!result.ok) throw new Error(`${command.type} refused: ${result.code}`);
  return result.state.timer;
}

const running: Timer = { status: 'running', deadline: NOW + 5 * MIN, durationMs: 10 * MIN };
const paused: Timer = { status: 'paused', remainingMs: 3 * MIN, durationMs: 10 * MIN };
const expired: Timer = { status: 'expired', expiredAt: NOW - MIN, durationMs: 10 * MIN };
const idle: Timer = { status: 'idle' };

describe('timer commands', () => {
  it('start sets an absolute deadline of the server’s now plus the duration', () => {
    const result = run(control(), { type: 'timer.start', durationMs: 10 * MIN }, NOW + 42);
    expect(result).toMatchObject({
      ok: true,
      state: {
        revision: 8,
        timer: { status: 'running', deadline: NOW + 42 + 10 * MIN, durationMs: 10 * MIN },
      },
    });
  });

  it('start restarts a timer that was already running', () => {
    expect(
      timerAfter(control({ timer: running }), { type: 'timer.start', durationMs: MIN }),
    ).toEqual({ status: 'running', deadline: NOW + MIN, durationMs: MIN });
  });

  it('pause keeps the time that was left at the moment of pausing', () => {
    expect(timerAfter(control({ timer: running }), { type: 'timer.pause' }, NOW + 2 * MIN)).toEqual(
      { status: 'paused', remainingMs: 3 * MIN, durationMs: 10 * MIN },
    );
  });

  it('resume runs from the server’s now for what was left', () => {
    expect(timerAfter(control({ timer: paused }), { type: 'timer.resume' }, NOW + 9 * MIN)).toEqual(
      { status: 'running', deadline: NOW + 12 * MIN, durationMs: 10 * MIN },
    );
  });

  it('add moves a running timer’s deadline later', () => {
    expect(timerAfter(control({ timer: running }), { type: 'timer.add', ms: MIN })).toMatchObject({
      status: 'running',
      deadline: NOW + 6 * MIN,
    });
  });

  it('add to an expired timer runs it again from now', () => {
    expect(timerAfter(control({ timer: expired }), { type: 'timer.add', ms: MIN })).toMatchObject({
      status: 'running',
      deadline: NOW + MIN,
    });
  });

  it.each([running, paused, expired])('stop makes a $status timer idle', (timer) => {
    expect(timerAfter(control({ timer }), { type: 'timer.stop' })).toEqual({ status: 'idle' });
  });

  it.each<[Timer, Command]>([
    [idle, { type: 'timer.pause' }],
    [paused, { type: 'timer.pause' }],
    [expired, { type: 'timer.pause' }],
    [idle, { type: 'timer.resume' }],
    [running, { type: 'timer.resume' }],
    [expired, { type: 'timer.resume' }],
    [idle, { type: 'timer.add', ms: MIN }],
    [idle, { type: 'timer.stop' }],
  ])('refuses on a %o timer: %o, with INVALID_TRANSITION', (timer, command) => {
    const state = control({ timer });
    expect(run(state, command)).toMatchObject({ ok: false, code: ErrorCode.INVALID_TRANSITION });
  });

  it('runs in any phase, not only the walk', () => {
    expect(
      run(control({ phase: 'ideate' }), { type: 'timer.start', durationMs: MIN }),
    ).toMatchObject({ ok: true, state: { phase: 'ideate', timer: { status: 'running' } } });
  });

  it.each([
    ['expired', expired],
    ['past its deadline', { status: 'running', deadline: NOW - 1, durationMs: 10 * MIN } as Timer],
  ])('clears a timer that is %s when the phase changes, not when it stays', (_, timer) => {
    const state = control({ timer });
    expect(timerAfter(state, { type: 'phase.next' })).toEqual(idle);
    expect(timerAfter(state, { type: 'phase.set', phase: 'walk' })).toEqual(timer);
    expect(timerAfter(state, { type: 'walk.next' })).toEqual(timer);
  });

  it('keeps a running or paused timer across phase and step changes', () => {
    const state = control({ timer: running });
    expect(run(state, { type: 'walk.next' })).toMatchObject({
      ok: true,
      state: { timer: running },
    });
    expect(run(state, { type: 'phase.next' })).toMatchObject({
      ok: true,
      state: { timer: running },
    });
    expect(timerAfter(control({ timer: paused }), { type: 'phase.prev' })).toEqual(paused);
  });
});

describe('warmup.close', () => {
  it('closes the warm-up once', () => {
    const state = control({ phase: 'warmup' });
    const closed = run(state, { type: 'warmup.close' });
    expect(closed).toMatchObject({ ok: true, state: { warmupClosed: true, revision: 8 } });
    if (!closed.ok) return;
    expect(run(closed.state, { type: 'warmup.close' })).toMatchObject({
      ok: false,
      code: ErrorCode.INVALID_TRANSITION,
    });
  });

  it('closes when the facilitator moves on from it, and stays open when they go back', () => {
    // A first facilitator pressed "Next phase" and the summary said "Nobody answered the
    // warm-up": only a separate button closed it and showed the answers.
    const state = control({ phase: 'warmup' });
    expect(run(state, { type: 'phase.next' })).toMatchObject({
      ok: true,
      state: { warmupClosed: true },
    });
    expect(run(state, { type: 'phase.set', phase: 'summary' })).toMatchObject({
      ok: true,
      state: { warmupClosed: true },
    });
    expect(run(state, { type: 'phase.prev' })).toMatchObject({
      ok: true,
      state: { phase: 'lobby', warmupClosed: false },
    });
  });

  it('refuses to close outside the warm-up, where a close could only be a slip', () => {
    for (const phase of ['lobby', 'target', 'walk'] as const) {
      expect(run(control({ phase }), { type: 'warmup.close' })).toMatchObject({
        ok: false,
        code: ErrorCode.INVALID_TRANSITION,
      });
    }
  });
});

describe('settings.anonymous', () => {
  const anon = (anonymous: boolean): Command => ({ type: 'settings.anonymous', anonymous });

  it('starts anonymous', () => {
    expect(control().anonymous).toBe(true);
  });

  it('is made stricter in any phase and round', () => {
    for (const overrides of [{ phase: 'lobby' as const }, { phase: 'walk' as const, round: 3 }]) {
      expect(run(control({ ...overrides, anonymous: false }), anon(true))).toMatchObject({
        ok: true,
        state: { anonymous: true },
      });
    }
  });

  it('is made looser in the lobby of the first round', () => {
    const state = control({ phase: 'lobby', stepId: null, round: 1 });
    expect(run(state, anon(false))).toMatchObject({ ok: true, state: { anonymous: false } });
  });

  it.each<Partial<ControlState>>([
    { phase: 'warmup' },
    { phase: 'walk' },
    { phase: 'summary' },
    { phase: 'lobby', round: 2 },
  ])('refuses to be made looser in %o, with INVALID_TRANSITION', (overrides) => {
    expect(run(control({ ...overrides, anonymous: true }), anon(false))).toMatchObject({
      ok: false,
      code: ErrorCode.INVALID_TRANSITION,
    });
  });

  it('is not made looser once anyone has rated, even back in the first lobby', () => {
    const state = control({ phase: 'lobby', stepId: null, round: 1 });
    const rated = { ...PATH, ratings: [ratingOf('s1')] };
    expect(applyCommand(state, who('facilitator'), anon(false), rated)).toEqual({
      ok: false,
      code: ErrorCode.INVALID_TRANSITION,
      message: 'Anonymity can only be made stricter once anyone has rated',
    });
    expect(applyCommand(state, who('facilitator'), anon(true), rated).ok).toBe(true);
  });
});
