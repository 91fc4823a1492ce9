import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../protocol/codes';
import { control, PATH, who } from './command-fixtures';
import { applyCommand, type Command } from './commands';
import type { Role } from './roles';
import type { ControlState } from './workshop';

function run(state: ControlState, command: Command, role: Role = 'facilitator', path = PATH) {
  return applyCommand(state, who(role), command, path);
}

const lock = (stepId: string, locked = true): Command => ({ type: 'walk.lock', stepId, locked });
const reveal = (stepId: string): Command => ({ type: 'reveal.step', stepId });

describe('walk.lock', () => {
  it('locks a step of the current round and bumps the revision', () => {
    expect(run(control({ round: 2 }), lock('s3'))).toMatchObject({
      ok: true,
      state: { locked: ['2:s3'], revision: 8 },
    });
  });

  it('unlocks it again, leaving other locks alone', () => {
    const state = control({ locked: ['1:s1', '1:s2', '2:s1'] });
    const result = run(state, lock('s1', false));
    expect(result.ok && result.state.locked).toEqual(['1:s2', '2:s1']);
  });

  it('locks a step only once however often it is asked', () => {
    const result = run(control({ locked: ['1:s1'] }), lock('s1'));
    expect(result.ok && result.state.locked).toEqual(['1:s1']);
  });

  it('refuses a step the path does not have with NOT_FOUND', () => {
    expect(run(control(), lock('nope'))).toMatchObject({ ok: false, code: ErrorCode.NOT_FOUND });
  });

  it('keeps readiness: locking does not move the room', () => {
    const state = control({ readiness: { scope: 'walk:1:s1', doneIds: ['a'] } });
    expect(run(state, lock('s1'))).toMatchObject({
      ok: true,
      state: { readiness: { doneIds: ['a'] }, stepId: 's1' },
    });
  });
});

describe('reveal.step', () => {
  it('reveals one step of the current round, and nothing else', () => {
    expect(run(control({ round: 3 }), reveal('s2'))).toMatchObject({
      ok: true,
      state: { revealed: ['3:s2'], revision: 8 },
    });
  });

  it('adds to what was revealed before', () => {
    const result = run(control({ revealed: ['1:s1'] }), reveal('s2'));
    expect(result.ok && result.state.revealed).toEqual(['1:s1', '1:s2']);
  });

  it('refuses a step already revealed with INVALID_TRANSITION', () => {
    const result = run(control({ revealed: ['1:s2'] }), reveal('s2'));
    expect(result).toMatchObject({ ok: false, code: ErrorCode.INVALID_TRANSITION });
  });

  it('reveals the same step again in a later round', () => {
    const result = run(control({ round: 2, revealed: ['1:s2'] }), reveal('s2'));
    expect(result.ok && result.state.revealed).toEqual(['1:s2', '2:s2']);
  });

  it('refuses a step the path does not have with NOT_FOUND', () => {
    expect(run(control(), reveal('nope'))).toMatchObject({
      ok: false,
      code: ErrorCode.NOT_FOUND,
    });
  });

  it('works outside the walk too (the reveal phase is where it usually happens)', () => {
    expect(run(control({ phase: 'reveal' }), reveal('s1'))).toMatchObject({
      ok: true,
      state: { phase: 'reveal', revealed: ['1:s1'] },
    });
  });
});

describe('reveal.all', () => {
  const path = { stepIds: ['a', 'b', 'c'] };

  it('reveals every step of the only round', () => {
    const result = run(control(), { type: 'reveal.all' }, 'facilitator', path);
    expect(result.ok && [...result.state.revealed].sort()).toEqual(['1:a', '1:b', '1:c']);
  });

  it('reveals every step of every round so far, and no round to come', () => {
    const result = run(control({ round: 3 }), { type: 'reveal.all' }, 'facilitator', path);
    const expected = [1, 2, 3].flatMap((r) => path.stepIds.map((s) => `${r}:${s}`));
    expect(result.ok && [...result.state.revealed].sort()).toEqual(expected.sort());
  });

  it('never takes a reveal back, nor repeats one', () => {
    const state = control({ revealed: ['1:b', '1:gone'] });
    const result = run(state, { type: 'reveal.all' }, 'facilitator', path);
    expect(result.ok && [...result.state.revealed].sort()).toEqual(['1:a', '1:b', '1:c', '1:gone']);
  });
});

describe('who may lock and reveal', () => {
  const commands: Command[] = [lock('s1'), lock('s1', false), reveal('s1'), { type: 'reveal.all' }];

  it.each(['leader', 'staff', 'customer', 'observer'] as const)(
    'refuses a %s with FORBIDDEN',
    (role) => {
      for (const command of commands) {
        expect(run(control(), command, role), command.type).toMatchObject({
          ok: false,
          code: ErrorCode.FORBIDDEN,
        });
      }
    },
  );
});
