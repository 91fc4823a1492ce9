import { describe, expect, it } from 'vitest';
import { control } from '../../lib/domain/command-fixtures';
import type { Participant } from '../../lib/domain/workshop';
import type { RatingRecord } from '../storage/storage';
import { RatingBook } from './rating-book';

const LEA = 'participant-lea-0001';
const CAI = 'participant-cai-0002';
const COR = 'participant-cor-0003';

function person(id: string, name: string, role: Participant['role']): Participant {
  return {
    id,
    workshopId: 'w',
    name,
    role,
    lens: 'customer',
    personaId: null,
    cardId: null,
    joinedAt: 0,
    removedAt: null,
  };
}

const PEOPLE = new Map<string, Participant>([
  [LEA, person(LEA, 'Lea Leader', 'leader')],
  [CAI, person(CAI, 'Cai Customer', 'customer')],
  [COR, person(COR, 'Cor Customer', 'customer')],
]);

function rating(participantId: string, stepId: string, valence: number, more = {}): RatingRecord {
  return {
    workshopId: 'w',
    participantId,
    stepId,
    round: 1,
    valence,
    emotion: valence > 0 ? 'happy' : 'frustrated',
    expectation: 'as',
    effort: null,
    note: `felt ${valence}`,
    role: PEOPLE.get(participantId)?.role ?? 'customer',
    lens: 'customer',
    cardId: null,
    personaId: null,
    updatedAt: 1,
    ...more,
  };
}

/** Leader +2 and two customers −2 and −3 on s1; the leader also rated s2 and s1 of round 2. */
function book(): RatingBook {
  return new RatingBook([
    rating(LEA, 's1', 2),
    rating(CAI, 's1', -2, { cardId: 'in-a-hurry', personaId: 'anneli' }),
    rating(COR, 's1', -3, { emotion: 'angry', effort: 5 }),
    rating(LEA, 's2', 1),
    rating(LEA, 's1', 3, { round: 2 }),
  ]);
}

describe('RatingBook counts', () => {
  it('counts raters per round and step', () => {
    expect(book().counts()).toEqual({ '1:s1': 3, '1:s2': 1, '2:s1': 1 });
  });

  it('counts a changed rating once', () => {
    const b = book();
    b.put(rating(CAI, 's1', -1, { emotion: 'unsure' }));
    expect(b.counts()['1:s1']).toBe(3);
    expect(new RatingBook([]).counts()).toEqual({});
  });
});

describe('RatingBook mine', () => {
  it('gives a person all of their own ratings, with round, and nobody else’s', () => {
    const mine = book().mine(LEA);
    expect(mine).toHaveLength(3);
    expect(mine).toContainEqual({
      stepId: 's1',
      round: 1,
      valence: 2,
      emotion: 'happy',
      expectation: 'as',
      effort: null,
      note: 'felt 2',
    });
    expect(JSON.stringify(mine)).not.toMatch(/cai|cor|-2|-3/);
  });

  it('shows the latest version after a change, and nothing for someone who has not rated', () => {
    const b = book();
    b.put(rating(CAI, 's1', -1, { emotion: 'unsure', note: 'better now' }));
    expect(b.mine(CAI)).toMatchObject([{ valence: -1, emotion: 'unsure', note: 'better now' }]);
    expect(b.mine('someone-else')).toEqual([]);
  });
});

describe('RatingBook revealed', () => {
  it('reveals nothing until a step is revealed', () => {
    expect(book().revealed(control(), PEOPLE)).toEqual([]);
    expect(book().revealedOne(rating(LEA, 's1', 2), control(), PEOPLE)).toBeNull();
  });

  it('reveals exactly the ratings of revealed round-and-step keys', () => {
    const revealed = book().revealed(control({ revealed: ['1:s1'] }), PEOPLE);
    expect(revealed.map((r) => r.valence).sort((a, b) => a - b)).toEqual([-3, -2, 2]);
    expect(revealed.every((r) => r.round === 1 && r.stepId === 's1')).toBe(true);
    const round2 = book().revealed(control({ revealed: ['2:s1'] }), PEOPLE);
    expect(round2).toMatchObject([{ round: 2, stepId: 's1', valence: 3 }]);
  });

  it('carries role, lens, card, persona and the feeling itself', () => {
    const revealed = book().revealed(control({ anonymous: false, revealed: ['1:s1'] }), PEOPLE);
    expect(revealed.find((r) => r.valence === -2)).toMatchObject({
      role: 'customer',
      lens: 'customer',
      cardId: 'in-a-hurry',
      personaId: 'anneli',
      emotion: 'frustrated',
      expectation: 'as',
      note: 'felt -2',
    });
    expect(revealed.find((r) => r.valence === -3)).toMatchObject({ emotion: 'angry', effort: 5 });
  });

  it('in an anonymous workshop: a persona or card only when 3 ratings of the step share it', () => {
    // A persona held by one person tied their ratings together across steps, and with who
    // had rated each step (progress) named them (found by the review of issue 24).
    const dealt = { cardId: 'in-a-hurry', personaId: 'anneli' };
    const b = new RatingBook([
      rating(LEA, 's1', 2, dealt),
      rating(CAI, 's1', -2, dealt),
      rating(COR, 's1', -3, dealt),
      rating(LEA, 's2', 1, dealt),
      rating(CAI, 's2', 1, { ...dealt, personaId: 'bertta' }),
    ]);
    const revealed = b.revealed(control({ anonymous: true, revealed: ['1:s1', '1:s2'] }), PEOPLE);
    const s1 = revealed.filter((r) => r.stepId === 's1');
    const s2 = revealed.filter((r) => r.stepId === 's2');
    expect(s1.map((r) => [r.personaId, r.cardId])).toEqual(Array(3).fill(['anneli', 'in-a-hurry']));
    expect(s2.map((r) => [r.personaId, r.cardId])).toEqual([
      [null, null],
      [null, null],
    ]);
    // One at a time, as a reveal update sends them: the same rule.
    const one = b.revealedOne(
      rating(LEA, 's2', 1, dealt),
      control({ anonymous: true, revealed: ['1:s2'] }),
      PEOPLE,
    );
    expect(one).toMatchObject({ personaId: null, cardId: null });
    // Named, everyone's name is on it anyway: nothing to hide.
    const named = b.revealed(control({ anonymous: false, revealed: ['1:s2'] }), PEOPLE);
    expect(named.map((r) => r.personaId).sort()).toEqual(['anneli', 'bertta']);
  });

  it('in an anonymous workshop: no name and no participant id anywhere', () => {
    const b = book();
    b.put(rating(CAI, 's1', -2, { note: null }));
    b.put(rating(LEA, 's1', 2, { note: null }));
    b.put(rating(COR, 's1', -3, { note: null, emotion: 'angry' }));
    const revealed = b.revealed(control({ anonymous: true, revealed: ['1:s1', '1:s2'] }), PEOPLE);
    expect(revealed).toHaveLength(4);
    for (const r of revealed) {
      expect(r.name).toBeNull();
      expect(r).not.toHaveProperty('participantId');
      expect(r).not.toHaveProperty('workshopId');
    }
    const text = JSON.stringify(revealed);
    for (const id of [LEA, CAI, COR]) expect(text).not.toContain(id);
    expect(text).not.toMatch(/Lea|Cai|Cor/);
  });

  it('in a named workshop: the rater’s name', () => {
    const revealed = book().revealed(control({ anonymous: false, revealed: ['1:s1'] }), PEOPLE);
    const names = revealed.map((r) => [r.valence, r.name]);
    expect(names).toEqual(
      expect.arrayContaining([
        [2, 'Lea Leader'],
        [-2, 'Cai Customer'],
        [-3, 'Cor Customer'],
      ]),
    );
    expect(JSON.stringify(revealed)).not.toContain(LEA);
  });

  it('keys each rating uniquely and keeps the key when it changes', () => {
    const b = book();
    const state = control({ revealed: ['1:s1', '1:s2', '2:s1'] });
    const keys = b.revealed(state, PEOPLE).map((r) => r.key);
    expect(new Set(keys).size).toBe(5);
    const changed = b.revealedOne(rating(CAI, 's1', -1, { emotion: 'unsure' }), state, PEOPLE);
    const before = b.revealed(state, PEOPLE).find((r) => r.valence === -2);
    expect(changed?.key).toBe(before?.key);
    expect(changed?.key.startsWith('1:s1:')).toBe(true);
  });

  it('does not let one key link a person’s ratings across steps', () => {
    // Otherwise a name seen once (named workshop) follows the person after going anonymous.
    const b = book();
    const keys = b
      .revealed(control({ revealed: ['1:s1', '1:s2', '2:s1'] }), PEOPLE)
      .filter((r) => r.role === 'leader')
      .map((r) => r.key.split(':').slice(2).join(':'));
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(3);
  });
});
