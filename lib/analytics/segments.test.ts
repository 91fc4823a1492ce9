import { describe, expect, it } from 'vitest';
import { byCard, byPersona, byRound } from './segments';
import { PATH, rating } from './test-data';

describe('byCard', () => {
  it('is empty without ratings', () => {
    expect(byCard(PATH, [])).toEqual([]);
  });

  it('splits the curve by card, cards in id order and "no card" last', () => {
    const segments = byCard(PATH, [
      rating('a', -3, { cardId: 'wheelchair' }),
      rating('a', 1),
      rating('b', 2, { cardId: 'in-a-hurry' }),
      rating('a', -1, { cardId: 'wheelchair' }),
    ]);
    expect(segments.map((s) => [s.cardId, s.count])).toEqual([
      ['in-a-hurry', 1],
      ['wheelchair', 2],
      [null, 1],
    ]);
    const wheelchair = segments[1]?.curve;
    expect(wheelchair?.[0]?.overall).toMatchObject({ mean: -2, count: 2 });
    expect(wheelchair?.[1]?.overall).toBeNull();
  });

  it('keeps a single rater on a single card', () => {
    const [only] = byCard(PATH, [rating('c', 2, { cardId: 'x', role: 'staff' })]);
    expect(only?.curve[2]?.byRole.staff).toMatchObject({ mean: 2, count: 1 });
  });
});

describe('byPersona', () => {
  it('is empty without ratings', () => {
    expect(byPersona(PATH, [])).toEqual([]);
  });

  it('shows each planted persona\'s own curve, personas in id order and "no persona" last', () => {
    // Planted: Anneli felt −3 all along, Juha +2 on the first two steps, the one rater
    // without a persona 0 on the last; a facilitator's rating counts nowhere.
    const segments = byPersona(PATH, [
      rating('c', 0),
      rating('a', 2, { personaId: 'juha' }),
      ...['a', 'b', 'c'].map((s) => rating(s, -3, { personaId: 'anneli' })),
      rating('b', 2, { personaId: 'juha', role: 'staff', lens: 'customer' }),
      rating('a', 3, { personaId: 'anneli', role: 'facilitator' }),
    ]);
    const means = segments.map((s) => [
      s.personaId,
      s.count,
      s.curve.map((p) => p.overall?.mean ?? null),
    ]);
    expect(means).toEqual([
      ['anneli', 3, [-3, -3, -3]],
      ['juha', 2, [2, 2, null]],
      [null, 1, [null, null, 0]],
    ]);
    expect(segments[1]?.curve[1]?.byRole.staff).toMatchObject({ mean: 2, count: 1 });
  });

  it('splits by persona across cards, and by card across personas', () => {
    const ratings = [
      rating('a', -2, { personaId: 'anneli', cardId: 'kiire' }),
      rating('a', 2, { personaId: 'anneli', cardId: null }),
      rating('a', 0, { personaId: null, cardId: 'kiire' }),
    ];
    expect(byPersona(PATH, ratings).map((s) => s.curve[0]?.overall?.mean)).toEqual([0, 0]);
    expect(byCard(PATH, ratings).map((s) => s.curve[0]?.overall?.mean)).toEqual([-1, 2]);
  });
});

describe('byRound', () => {
  it('is empty without ratings', () => {
    expect(byRound(PATH, [])).toEqual([]);
  });

  it('splits the curve by round with the lens mix', () => {
    const segments = byRound(PATH, [
      rating('a', 1, { round: 2, lens: 'staff', role: 'staff' }),
      rating('a', 1, { round: 2, lens: 'customer' }),
      rating('a', 1, { round: 1 }),
      rating('a', 3, { round: 1, role: 'facilitator' }),
    ]);
    expect(segments.map((s) => [s.round, s.count, s.lenses])).toEqual([
      [1, 1, { customer: 1, staff: 0 }],
      [2, 2, { customer: 1, staff: 1 }],
    ]);
    expect(segments[1]?.curve[0]?.overall).toMatchObject({ mean: 1, spread: 0, count: 2 });
  });
});
