import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPeopleCommand, cardFits, type Deck } from './people';
import { defaultLens } from './roles';
import type { Participant } from './workshop';

function customer(id: string, over: Partial<Participant> = {}): Participant {
  return {
    id,
    workshopId: 'w1',
    name: id,
    role: 'customer',
    lens: defaultLens('customer'),
    personaId: null,
    cardId: null,
    joinedAt: 1,
    removedAt: null,
    ...over,
  };
}

/** The clinic's own case: the card "You are 82…" does not fit Anneli, 68, nor the others. */
const CLINIC: Deck = {
  personaIds: ['anneli', 'juha', 'laura'],
  cardIds: ['hurry', 'first', 'aged', 'worried'],
  notFor: { aged: ['anneli', 'juha', 'laura'], hurry: ['anneli'] },
};

function deal(
  people: Participant[],
  what: 'cards' | 'personas',
  deck: Deck,
  random: () => number,
  onlyUnassigned = false,
): Participant[] {
  const result = applyPeopleCommand(
    people,
    'facilitator',
    { type: 'people.dealRandom', what, onlyUnassigned },
    deck,
    random,
  );
  if (!result.ok) throw new Error(result.message);
  return result.changed;
}

describe('cards that fit personas', () => {
  it('knows which card fits which persona; anything fits someone with no persona or card', () => {
    expect(cardFits(CLINIC, 'anneli', 'aged')).toBe(false);
    expect(cardFits(CLINIC, 'anneli', 'hurry')).toBe(false);
    expect(cardFits(CLINIC, 'juha', 'hurry')).toBe(true);
    expect(cardFits(CLINIC, null, 'aged')).toBe(true);
    expect(cardFits(CLINIC, 'anneli', null)).toBe(true);
    expect(cardFits({ personaIds: ['a'], cardIds: ['c'] }, 'a', 'c')).toBe(true);
  });

  // Review of issue 22 (F5): a card id that names an object's own property ("toString",
  // dealt by hand, then gone from the deck) threw inside the dealer: INTERNAL.
  it('answers for card ids that name built-in properties, without throwing', () => {
    const deck: Deck = { personaIds: ['a'], cardIds: ['c'], notFor: { c: ['a'] } };
    for (const id of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf']) {
      expect(cardFits(deck, 'a', id)).toBe(true);
    }
  });

  it('never deals Anneli a card that does not fit her, whatever the shuffle', () => {
    for (let i = 0; i < 200; i++) {
      const people = [customer('c1', { personaId: 'anneli' })];
      const [dealt] = deal(people, 'cards', CLINIC, Math.random);
      expect(['first', 'worried']).toContain(dealt!.cardId);
    }
  });

  it('deals a persona that fits the card someone holds', () => {
    for (let i = 0; i < 200; i++) {
      const people = [customer('c1', { cardId: 'hurry' })];
      const [dealt] = deal(people, 'personas', CLINIC, Math.random);
      expect(['juha', 'laura']).toContain(dealt!.personaId);
    }
  });

  it('leaves the card empty when none fits the persona, rather than deal a misfit', () => {
    const deck: Deck = {
      personaIds: ['staff'],
      cardIds: ['a', 'b'],
      notFor: { a: ['staff'], b: ['staff'] },
    };
    const [dealt] = deal(
      [customer('c1', { personaId: 'staff', cardId: 'a' })],
      'cards',
      deck,
      Math.random,
    );
    expect(dealt!.cardId).toBeNull();
  });

  it('random dealing never gives a misfit, for any deck, room and order of dealing', () => {
    const arbitrary = fc
      .record({
        personas: fc.integer({ min: 1, max: 4 }),
        cards: fc.integer({ min: 1, max: 8 }),
        people: fc.integer({ min: 1, max: 10 }),
        misfit: fc.array(fc.boolean(), { minLength: 32, maxLength: 32 }),
        held: fc.array(fc.integer({ min: -1, max: 7 }), { minLength: 10, maxLength: 10 }),
        cardsFirst: fc.boolean(),
        onlyUnassigned: fc.boolean(),
        seed: fc.integer(),
      })
      .map((r) => {
        const personaIds = Array.from({ length: r.personas }, (_, i) => `p${i}`);
        const cardIds = Array.from({ length: r.cards }, (_, i) => `c${i}`);
        const notFor: Record<string, string[]> = {};
        cardIds.forEach((c, ci) => {
          notFor[c] = personaIds.filter((_, pi) => r.misfit[ci * 4 + pi]);
        });
        const people = Array.from({ length: r.people }, (_, i) => {
          const h = r.held[i] ?? -1;
          return customer(`u${i}`, { cardId: h >= 0 && h < r.cards ? `c${h}` : null });
        });
        return { ...r, deck: { personaIds, cardIds, notFor }, people };
      });
    fc.assert(
      fc.property(arbitrary, ({ deck, people, cardsFirst, onlyUnassigned, seed }) => {
        const random = mulberry(seed);
        let room = people;
        for (const what of cardsFirst
          ? (['cards', 'personas'] as const)
          : (['personas', 'cards'] as const)) {
          const changed = deal(room, what, deck, random, onlyUnassigned);
          room = room.map((p) => changed.find((c) => c.id === p.id) ?? p);
          for (const p of changed) {
            // Whoever was dealt holds a pair that fits.
            expect(cardFits(deck, p.personaId, p.cardId)).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});

function mulberry(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
