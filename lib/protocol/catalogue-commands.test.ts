/**
 * The state machines' commands (`Command`, `PeopleCommand`) are read off the catalogue, so
 * that a command is written once: its entry. The type checks below run in `tsc`, not at
 * run time; they pin down that a command is its type with its payload's fields, no more
 * and no fewer, and that a wrong command does not compile.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Phase } from '../domain/phases';
import type { VoteCommand } from '../domain/votes';
import { CATALOGUE, type Command, type PeopleCommand } from './catalogue';

describe('commands read off the catalogue', () => {
  it('are the command type with the payload fields, as they are', () => {
    type Of<C, T> = Extract<C, { type: T }>;
    expectTypeOf<Of<Command, 'phase.next'>>().toEqualTypeOf<{ type: 'phase.next' }>();
    expectTypeOf<Of<Command, 'phase.set'>>().toEqualTypeOf<{ type: 'phase.set'; phase: Phase }>();
    expectTypeOf<Of<PeopleCommand, 'people.assign'>>().toEqualTypeOf<{
      type: 'people.assign';
      participantId: string;
      personaId?: string | null;
      cardId?: string | null;
    }>();
    expectTypeOf<Of<Command, 'votes.configure'>>().toEqualTypeOf<{
      type: 'votes.configure';
      budget: number;
      maxPerIdea: number;
      hidden: boolean;
    }>();
    expectTypeOf<VoteCommand['type']>().toEqualTypeOf<
      'votes.configure' | 'votes.close' | 'votes.reopen' | 'actions.allow'
    >();
  });

  it('hold only the commands of their own machine', () => {
    expectTypeOf<Command['type']>().toExtend<`${string}.${string}`>();
    expectTypeOf<'ready.set' | 'warmup.close'>().toExtend<Command['type']>();
    expectTypeOf<'people.remove'>().not.toExtend<Command['type']>();
    expectTypeOf<'warmup.answer' | 'rating.put' | 'time.sync'>().not.toExtend<Command['type']>();
    expectTypeOf<PeopleCommand['type']>().toEqualTypeOf<
      'people.setRole' | 'people.setLens' | 'people.assign' | 'people.dealRandom' | 'people.remove'
    >();
  });

  it('refuse a command that does not fit its payload', () => {
    const wrong: Command[] = [
      // @ts-expect-error a phase that does not exist
      { type: 'phase.set', phase: 'nowhere' },
      // @ts-expect-error a field its payload does not have
      { type: 'phase.next', phase: 'walk' },
      // @ts-expect-error a field its payload requires
      { type: 'timer.start' },
      // @ts-expect-error not a control command
      { type: 'people.remove', participantId: 'p1' },
    ];
    expect(wrong).toHaveLength(4);
  });

  it('ask their machine for the command, with the fields of the payload', () => {
    const ready = CATALOGUE['ready:set'].run({ ready: true });
    expect(ready).toEqual({ type: 'control', command: { type: 'ready.set', ready: true } });
    const remove = CATALOGUE['people:remove'].run({ participantId: 'p-1234567' });
    expect(remove).toEqual({
      type: 'people',
      command: { type: 'people.remove', participantId: 'p-1234567' },
    });
    expect(CATALOGUE['phase:next'].run({})).toEqual({
      type: 'control',
      command: { type: 'phase.next' },
    });
  });
});
