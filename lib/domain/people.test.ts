import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../protocol/codes';
import { applyPeopleCommand, type Deck, type PeopleCommand } from './people';
import { defaultLens, ROLES, type Role } from './roles';
import type { Participant } from './workshop';

const NOW = 1_700_000_000_000;
const DECK: Deck = { personaIds: ['p1', 'p2'], cardIds: ['c1', 'c2', 'c3'] };

function person(id: string, role: Role, overrides: Partial<Participant> = {}): Participant {
  return {
    id,
    workshopId: 'w1',
    name: id,
    role,
    lens: defaultLens(role),
    personaId: null,
    cardId: null,
    joinedAt: 1,
    removedAt: null,
    ...overrides,
  };
}

/** A small deterministic generator (mulberry32), so shuffles are repeatable per seed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const people = (): Participant[] => [
  person('fac', 'facilitator'),
  person('lea', 'leader'),
  person('sta', 'staff'),
  person('cu1', 'customer'),
  person('cu2', 'customer'),
  person('obs', 'observer'),
];

function apply(
  command: PeopleCommand,
  list: Participant[] = people(),
  { role = 'facilitator' as Role, deck = DECK, seed = 1 } = {},
) {
  return applyPeopleCommand(list, role, command, deck, seeded(seed), NOW);
}

/** The changed participants, or a failed test with the refusal. */
function changed(result: ReturnType<typeof apply>): Participant[] {
  if (!result.ok) throw new Error(`refused: ${result.code} ${result.message}`);
  return result.changed;
}

const COMMANDS: PeopleCommand[] = [
  { type: 'people.setRole', participantId: 'cu1', role: 'leader' },
  { type: 'people.setLens', participantId: 'cu1', lens: 'staff' },
  { type: 'people.assign', participantId: 'cu1', cardId: 'c1' },
  { type: 'people.dealRandom', what: 'cards', onlyUnassigned: false },
  { type: 'people.remove', participantId: 'cu1' },
];

describe('who may manage people', () => {
  const others = ROLES.filter((r) => r !== 'facilitator');
  for (const role of others) {
    it(`refuses every people command from a ${role} and leaves the inputs alone`, () => {
      for (const command of COMMANDS) {
        const list = people();
        const before = structuredClone(list);
        const result = apply(command, list, { role });
        expect(result).toMatchObject({ ok: false, code: ErrorCode.FORBIDDEN });
        expect(list).toEqual(before);
      }
    });
  }

  it('lets a facilitator run every people command without mutating the inputs', () => {
    for (const command of COMMANDS) {
      const list = people();
      const before = structuredClone(list);
      expect(apply(command, list).ok).toBe(true);
      expect(list).toEqual(before);
    }
  });
});

describe('roles and lenses', () => {
  it('changes a participant role and returns only that participant', () => {
    const result = apply({ type: 'people.setRole', participantId: 'sta', role: 'observer' });
    expect(changed(result)).toEqual([person('sta', 'staff', { role: 'observer' })]);
  });

  it('changes a participant lens and keeps their role', () => {
    const result = apply({ type: 'people.setLens', participantId: 'cu2', lens: 'staff' });
    expect(changed(result)).toEqual([person('cu2', 'customer', { lens: 'staff' })]);
  });

  it("never changes a facilitator's role", () => {
    const result = apply({ type: 'people.setRole', participantId: 'fac', role: 'leader' });
    expect(result).toMatchObject({ ok: false, code: ErrorCode.FORBIDDEN });
  });

  it("lets a facilitator's lens be set", () => {
    const result = apply({ type: 'people.setLens', participantId: 'fac', lens: 'staff' });
    expect(changed(result)).toEqual([person('fac', 'facilitator', { lens: 'staff' })]);
  });

  it('answers NOT_FOUND for an unknown participant', () => {
    const result = apply({ type: 'people.setLens', participantId: 'nobody', lens: 'staff' });
    expect(result).toMatchObject({ ok: false, code: ErrorCode.NOT_FOUND });
  });
});

describe('assigning personas and cards by hand', () => {
  const list = () => [person('fac', 'facilitator'), person('cu1', 'customer', { cardId: 'c2' })];

  it('sets a persona and leaves an undefined card as it was', () => {
    const result = apply({ type: 'people.assign', participantId: 'cu1', personaId: 'p2' }, list());
    expect(changed(result)).toEqual([person('cu1', 'customer', { personaId: 'p2', cardId: 'c2' })]);
  });

  it('sets a card and clears a persona given as null', () => {
    const start = [person('cu1', 'customer', { personaId: 'p1' })];
    const result = apply(
      { type: 'people.assign', participantId: 'cu1', personaId: null, cardId: 'c3' },
      start,
    );
    expect(changed(result)).toEqual([person('cu1', 'customer', { personaId: null, cardId: 'c3' })]);
  });

  it('clears a card given as null', () => {
    const result = apply({ type: 'people.assign', participantId: 'cu1', cardId: null }, list());
    expect(changed(result)[0]?.cardId).toBeNull();
  });

  it('can hand a card to someone who is not a customer proxy', () => {
    const result = apply({ type: 'people.assign', participantId: 'lea', cardId: 'c1' });
    expect(changed(result)).toEqual([person('lea', 'leader', { cardId: 'c1' })]);
  });

  it('refuses a persona or card that is not in the deck with NOT_FOUND', () => {
    for (const command of [
      { type: 'people.assign', participantId: 'cu1', personaId: 'c1' },
      { type: 'people.assign', participantId: 'cu1', cardId: 'p1' },
      { type: 'people.assign', participantId: 'cu1', personaId: 'p1', cardId: 'zz' },
    ] as const) {
      expect(apply(command, list())).toMatchObject({ ok: false, code: ErrorCode.NOT_FOUND });
    }
  });
});

describe('dealing at random', () => {
  const deal = (onlyUnassigned = false, what: 'cards' | 'personas' = 'cards') =>
    ({ type: 'people.dealRandom', what, onlyUnassigned }) as const;
  const customers = (n: number, extra: Partial<Participant> = {}) =>
    Array.from({ length: n }, (_, i) => person(`cu${i + 1}`, 'customer', extra));

  it('deals only to customer proxies who have not been removed', () => {
    const list = [...people(), person('gone', 'customer', { removedAt: 5 })];
    const result = changed(apply(deal(), list));
    expect(result.map((p) => p.id).sort()).toEqual(['cu1', 'cu2']);
    for (const p of result) expect(DECK.cardIds).toContain(p.cardId);
  });

  it('deals personas into personaId and leaves cards alone', () => {
    const list = customers(2, { cardId: 'c3' });
    for (const p of changed(apply(deal(false, 'personas'), list))) {
      expect(DECK.personaIds).toContain(p.personaId);
      expect(p.cardId).toBe('c3');
    }
  });

  it('deals only to the unassigned when asked, keeping existing cards', () => {
    const list = [person('cu1', 'customer', { cardId: 'c1' }), person('cu2', 'customer')];
    const result = changed(apply(deal(true), list));
    expect(result.map((p) => p.id)).toEqual(['cu2']);
    expect(changed(apply(deal(false), list)).map((p) => p.id)).toEqual(['cu1', 'cu2']);
  });

  it('gives everyone a different card while there are enough cards, for any seed', () => {
    for (let seed = 1; seed <= 200; seed++) {
      for (const n of [1, 2, 3]) {
        const cards = changed(apply(deal(), customers(n), { seed })).map((p) => p.cardId);
        expect(new Set(cards).size).toBe(n);
      }
    }
  });

  it('does not hand out a card someone already holds while unheld cards remain', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const list = [person('cu1', 'customer', { cardId: 'c1' }), ...customers(3).slice(1)];
      const cards = changed(apply(deal(true), list, { seed })).map((p) => p.cardId);
      expect(cards.sort()).toEqual(['c2', 'c3']);
    }
  });

  it('uses every card before any card repeats when customers outnumber cards', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const cards = changed(apply(deal(), customers(7), { seed })).map((p) => p.cardId);
      expect(new Set(cards.slice(0, 3)).size).toBe(3);
      expect(new Set(cards.slice(3, 6)).size).toBe(3);
      const counts = DECK.cardIds.map((id) => cards.filter((c) => c === id).length);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
  });

  it('shuffles: different seeds give different deals', () => {
    const deals = new Set<string>();
    for (let seed = 1; seed <= 50; seed++) {
      deals.add(
        JSON.stringify(changed(apply(deal(), customers(3), { seed })).map((p) => p.cardId)),
      );
    }
    expect(deals.size).toBeGreaterThan(1);
  });

  it('refuses to deal from an empty deck with INVALID_TRANSITION', () => {
    const deck = { personaIds: [], cardIds: [] };
    expect(apply(deal(), people(), { deck })).toMatchObject({
      ok: false,
      code: ErrorCode.INVALID_TRANSITION,
    });
    expect(apply(deal(false, 'personas'), people(), { deck })).toMatchObject({
      ok: false,
      code: ErrorCode.INVALID_TRANSITION,
    });
  });
});

describe('removing people', () => {
  it('marks the participant removed at the given time', () => {
    const result = apply({ type: 'people.remove', participantId: 'obs' });
    expect(changed(result)).toEqual([person('obs', 'observer', { removedAt: NOW })]);
  });

  it('never removes a facilitator', () => {
    const result = apply({ type: 'people.remove', participantId: 'fac' });
    expect(result).toMatchObject({ ok: false, code: ErrorCode.FORBIDDEN });
  });

  it('answers NOT_FOUND for any command aimed at a removed participant', () => {
    const list = [person('fac', 'facilitator'), person('gone', 'customer', { removedAt: 5 })];
    for (const command of COMMANDS) {
      if (command.type === 'people.dealRandom') continue;
      const result = apply({ ...command, participantId: 'gone' } as PeopleCommand, list);
      expect(result).toMatchObject({ ok: false, code: ErrorCode.NOT_FOUND });
    }
  });
});

describe('defaultLens', () => {
  it('puts staff in their own boots and everyone else in the customer’s', () => {
    expect(ROLES.map((r) => [r, defaultLens(r)])).toEqual([
      ['facilitator', 'customer'],
      ['leader', 'customer'],
      ['staff', 'staff'],
      ['customer', 'customer'],
      ['observer', 'customer'],
    ]);
  });
});
