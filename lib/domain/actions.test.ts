import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../protocol/codes';
import {
  ACTIONS_MAX,
  type ActionInput,
  type ActionItem,
  type ActionWriter,
  checkActionDelete,
  checkActionPut,
} from './actions';
import { control } from './command-fixtures';
import type { Role } from './roles';

const FACTS = { stepIds: ['s1', 's2'], ideaIds: ['i1', 'i2'] };
const open = control({ phase: 'actions', actionsByParticipants: true });
const closed = control({ phase: 'actions' });

const as = (role: Role, id = `p-${role}`): ActionWriter => ({ id, role });

function input(overrides: Partial<ActionInput & { id: string }> = {}): ActionInput & {
  id?: string;
} {
  return {
    text: 'Näytä toimituspäivä vahvistuksessa',
    owner: 'Mirja',
    department: 'Logistiikka',
    dueDate: '2026-06-30',
    stepId: 's1',
    ideaId: 'i1',
    ...overrides,
  };
}

function item(overrides: Partial<ActionItem> = {}): ActionItem {
  const { id: _id, ...fields } = input();
  return { id: 'a1', ...fields, createdBy: 'p-customer', createdAt: 1, ...overrides };
}

const refused = (code: ErrorCode) => expect.objectContaining({ ok: false, code });

describe('checkActionPut', () => {
  it('lets facilitators create and edit any action, allowed or not', () => {
    expect(checkActionPut(closed, as('facilitator'), input(), [], FACTS)).toEqual({
      ok: true,
      existing: null,
    });
    const theirs = item();
    expect(checkActionPut(closed, as('facilitator'), input({ id: 'a1' }), [theirs], FACTS)).toEqual(
      { ok: true, existing: theirs },
    );
  });

  it('refuses participants until the facilitator allows it, and observers always', () => {
    for (const role of ['leader', 'staff', 'customer'] as const) {
      expect(checkActionPut(closed, as(role), input(), [], FACTS)).toEqual(
        refused(ErrorCode.FORBIDDEN),
      );
      expect(checkActionPut(open, as(role), input(), [], FACTS).ok).toBe(true);
    }
    expect(checkActionPut(open, as('observer'), input(), [], FACTS)).toEqual(
      refused(ErrorCode.FORBIDDEN),
    );
  });

  it('lets participants edit only actions they created', () => {
    const mine = item({ createdBy: 'p-customer' });
    const facilitators = item({ id: 'a2', createdBy: 'p-facilitator' });
    const legacy = item({ id: 'a3', createdBy: null });
    const all = [mine, facilitators, legacy];
    const me = as('customer');
    expect(checkActionPut(open, me, input({ id: 'a1' }), all, FACTS)).toEqual({
      ok: true,
      existing: mine,
    });
    for (const id of ['a2', 'a3']) {
      expect(checkActionPut(open, me, input({ id }), all, FACTS), id).toEqual(
        refused(ErrorCode.FORBIDDEN),
      );
    }
    // Once the facilitator takes the right back, their own are closed to them too.
    expect(checkActionPut(closed, me, input({ id: 'a1' }), all, FACTS)).toEqual(
      refused(ErrorCode.FORBIDDEN),
    );
  });

  it('answers NOT_FOUND for an unknown id, but FORBIDDEN first to those who may not write', () => {
    expect(checkActionPut(open, as('staff'), input({ id: 'zz' }), [], FACTS)).toEqual(
      refused(ErrorCode.NOT_FOUND),
    );
    expect(checkActionPut(closed, as('staff'), input({ id: 'zz' }), [], FACTS)).toEqual(
      refused(ErrorCode.FORBIDDEN),
    );
  });

  it('refuses links to a step or idea that does not exist, and accepts no links', () => {
    const fac = as('facilitator');
    expect(checkActionPut(open, fac, input({ stepId: 'nope' }), [], FACTS)).toEqual(
      refused(ErrorCode.NOT_FOUND),
    );
    expect(checkActionPut(open, fac, input({ ideaId: 'nope' }), [], FACTS)).toEqual(
      refused(ErrorCode.NOT_FOUND),
    );
    expect(checkActionPut(open, fac, input({ stepId: null, ideaId: null }), [], FACTS).ok).toBe(
      true,
    );
  });

  it('keeps an unchanged link to a step or idea deleted since, so the text stays editable', () => {
    const old = item({ stepId: 'gone-step', ideaId: 'gone-idea' });
    const edit = input({ id: 'a1', text: 'Uusi teksti', stepId: 'gone-step', ideaId: 'gone-idea' });
    expect(checkActionPut(open, as('customer'), edit, [old], FACTS).ok).toBe(true);
  });

  it(`refuses a new action beyond ${ACTIONS_MAX}, but not an edit`, () => {
    const full = Array.from({ length: ACTIONS_MAX }, (_, i) => item({ id: `a${i}` }));
    const fac = as('facilitator');
    expect(checkActionPut(open, fac, input(), full, FACTS)).toEqual(
      refused(ErrorCode.INVALID_TRANSITION),
    );
    expect(checkActionPut(open, fac, input({ id: 'a7' }), full, FACTS).ok).toBe(true);
  });
});

describe('checkActionDelete', () => {
  const all = [item({ id: 'a1', createdBy: 'p-customer' }), item({ id: 'a2', createdBy: 'x' })];

  it('lets facilitators delete any, participants their own while allowed', () => {
    expect(checkActionDelete(closed, as('facilitator'), 'a2', all)).toMatchObject({ ok: true });
    expect(checkActionDelete(open, as('customer'), 'a1', all)).toMatchObject({ ok: true });
    expect(checkActionDelete(open, as('customer'), 'a2', all)).toEqual(
      refused(ErrorCode.FORBIDDEN),
    );
    expect(checkActionDelete(closed, as('customer'), 'a1', all)).toEqual(
      refused(ErrorCode.FORBIDDEN),
    );
    expect(checkActionDelete(open, as('observer'), 'a1', all)).toEqual(
      refused(ErrorCode.FORBIDDEN),
    );
  });

  it('answers NOT_FOUND for an action that is not there', () => {
    expect(checkActionDelete(open, as('facilitator'), 'zz', all)).toEqual(
      refused(ErrorCode.NOT_FOUND),
    );
  });
});
