import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../protocol/codes';
import { control, NOW, PATH, who } from './command-fixtures';
import { applyCommand, type Command } from './commands';
import { normalisePhases } from './phases';
import { ROLES } from './roles';
import type { ControlState } from './workshop';

/** A deep copy, so a test can tell whether `applyCommand` touched its input. */
function snapshot(state: ControlState): ControlState {
  return structuredClone(state);
}

describe('applyCommand for the facilitator', () => {
  it('moves to the next phase and increments the revision', () => {
    const result = applyCommand(control(), who('facilitator'), { type: 'phase.next' }, PATH);
    expect(result).toEqual({
      ok: true,
      state: control({
        phase: 'reveal',
        revision: 8,
        readiness: { scope: 'reveal:1', doneIds: [] },
      }),
    });
  });

  it('moves to the previous phase', () => {
    const result = applyCommand(control(), who('facilitator'), { type: 'phase.prev' }, PATH);
    expect(result).toMatchObject({ ok: true, state: { phase: 'target', revision: 8 } });
  });

  it('jumps to any enabled phase, forward or back', () => {
    expect(
      applyCommand(control(), who('facilitator'), { type: 'phase.set', phase: 'summary' }, PATH),
    ).toMatchObject({
      ok: true,
      state: { phase: 'summary', revision: 8 },
    });
    expect(
      applyCommand(control(), who('facilitator'), { type: 'phase.set', phase: 'lobby' }, PATH),
    ).toMatchObject({
      ok: true,
      state: { phase: 'lobby', revision: 8 },
    });
  });

  it('skips phases the workshop left out', () => {
    const state = control({ phase: 'lobby', enabledPhases: normalisePhases(['walk']) });
    expect(applyCommand(state, who('facilitator'), { type: 'phase.next' }, PATH)).toMatchObject({
      ok: true,
      state: { phase: 'walk' },
    });
  });

  it('refuses to set a phase that is not enabled, with INVALID_TRANSITION', () => {
    const state = control({ enabledPhases: normalisePhases(['walk']) });
    const result = applyCommand(
      state,
      who('facilitator'),
      { type: 'phase.set', phase: 'vote' },
      PATH,
    );
    expect(result).toMatchObject({ ok: false, code: ErrorCode.INVALID_TRANSITION });
  });

  it('refuses to move past the last phase or before the first, with INVALID_TRANSITION', () => {
    const atEnd = applyCommand(
      control({ phase: 'summary' }),
      who('facilitator'),
      {
        type: 'phase.next',
      },
      PATH,
    );
    expect(atEnd).toMatchObject({ ok: false, code: ErrorCode.INVALID_TRANSITION });
    const atStart = applyCommand(
      control({ phase: 'lobby' }),
      who('facilitator'),
      {
        type: 'phase.prev',
      },
      PATH,
    );
    expect(atStart).toMatchObject({ ok: false, code: ErrorCode.INVALID_TRANSITION });
  });

  it('does not mutate the state it was given', () => {
    const state = control();
    const before = snapshot(state);
    const result = applyCommand(state, who('facilitator'), { type: 'phase.next' }, PATH);
    expect(result.ok).toBe(true);
    expect(state).toEqual(before);
    if (result.ok) expect(result.state).not.toBe(state);
  });
});

describe('applyCommand for everyone else', () => {
  const others = ROLES.filter((r) => r !== 'facilitator');
  /** One of each facilitator command, each of which the facilitator could do in `control()`. */
  const commands: Command[] = [
    { type: 'phase.next' },
    { type: 'phase.prev' },
    { type: 'phase.set', phase: 'summary' },
    { type: 'phase.configure', enabled: ['walk'] },
    { type: 'walk.step', stepId: 's3' },
    { type: 'walk.next' },
    { type: 'walk.prev' },
    { type: 'walk.pace', pace: 'free' },
    { type: 'round.start' },
    { type: 'timer.start', durationMs: 60_000 },
    { type: 'timer.pause' },
    { type: 'timer.resume' },
    { type: 'timer.add', ms: 60_000 },
    { type: 'timer.stop' },
    { type: 'warmup.close' },
    { type: 'settings.anonymous', anonymous: true },
  ];
  const runningTimer = { status: 'running', deadline: NOW + 60_000, durationMs: 60_000 } as const;
  const pausedTimer = { status: 'paused', remainingMs: 30_000, durationMs: 60_000 } as const;
  /** The state in which each command is allowed to the facilitator. */
  function stateFor(command: Command): ControlState {
    const timer = command.type === 'timer.resume' ? pausedTimer : runningTimer;
    if (command.type === 'warmup.close') return control({ phase: 'warmup', timer });
    return control({ stepId: 's2', timer });
  }

  it.each(commands)('lets the facilitator do $type (so the refusals below mean something)', (c) => {
    expect(applyCommand(stateFor(c), who('facilitator'), c, PATH)).toMatchObject({ ok: true });
  });

  it.each(others)('refuses every facilitator command from a %s with FORBIDDEN', (role) => {
    for (const command of commands) {
      const state = stateFor(command);
      const before = snapshot(state);
      const result = applyCommand(state, who(role), command, PATH);
      expect(result, command.type).toMatchObject({ ok: false, code: ErrorCode.FORBIDDEN });
      expect(state).toEqual(before);
    }
  });

  it('says FORBIDDEN rather than INVALID_TRANSITION even when the move is impossible', () => {
    const result = applyCommand(
      control({ phase: 'summary' }),
      who('leader'),
      { type: 'phase.next' },
      PATH,
    );
    expect(result).toMatchObject({ ok: false, code: ErrorCode.FORBIDDEN });
  });
});
