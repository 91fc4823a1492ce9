import { describe, expect, it } from 'vitest';
import { initialControl } from '../../lib/domain/commands';
import { PHASES } from '../../lib/domain/phases';
import type { MyRating } from '../../lib/domain/ratings';
import type { Participant, WorkshopState } from '../../lib/domain/workshop';
import type { MessageFor } from '../../lib/protocol/audiences';
import { changeOf, type News } from '../workshops/workshop-change';
import { type ChangeViews, changeMessages } from './change-messages';
import type { Outgoing } from './publish';

const state: WorkshopState = {
  info: {
    id: 'w1',
    title: 'T',
    templateId: 'blank',
    locale: 'en',
    joinCode: 'ABC123',
    createdAt: 1,
  },
  control: initialControl(PHASES),
  participants: [],
  ratingCounts: {},
  warmup: { answered: 0, results: null },
  progress: { doneIds: [], dotsSpent: {} },
};

const change = (news: News) => changeOf(state, news);

const mine: MyRating[] = [
  {
    stepId: 's1',
    round: 1,
    valence: 2,
    emotion: 'happy',
    expectation: 'as',
    effort: null,
    note: null,
  },
];
const views: ChangeViews = {
  myRatings: (id) => (id === 'p1' ? mine : []),
  revealedRatings: () => [],
  assignments: () => ({ p1: { personaId: 'x', cardId: null } }),
  you: (id) => ({
    participantId: id,
    name: 'A',
    role: 'staff',
    lens: 'staff',
    personaId: 'x',
    cardId: null,
    warmup: null,
  }),
};

const person = (id: string, removedAt: number | null = null): Participant => ({
  id,
  workshopId: 'w1',
  name: id,
  role: 'staff',
  lens: 'staff',
  personaId: null,
  cardId: null,
  joinedAt: 1,
  removedAt,
});

const events = (out: Outgoing[], to: Outgoing['to']) =>
  out.filter((o) => o.to === to && 'message' in o).map((o) => ('message' in o ? o.message[0] : ''));

describe('changeMessages: each part of a change to its audience', () => {
  it("sends a rating only to its rater's own connections while it is blind", () => {
    const out = changeMessages(change({ ratedBy: 'p1' }), null, views);
    expect(out).toEqual([{ to: 'person', participantId: 'p1', message: ['ratings:mine', mine] }]);
    expect(events(out, 'room')).toEqual([]);
  });

  it('sends the state patch first, then what the change reveals, to the room', () => {
    const patch = { control: state.control };
    const out = changeMessages(change({ revealedReplace: true, ratedBy: 'p1' }), patch, views);
    expect(out.map((o) => [o.to, 'message' in o ? o.message[0] : 'close'])).toEqual([
      ['room', 'workshop:patch'],
      ['person', 'ratings:mine'],
      ['room', 'ratings:revealed'],
    ]);
  });

  it('sends dealt cards to facilitators only, and who they are to each changed person', () => {
    const out = changeMessages(change({ changedPeople: [person('p1')] }), null, views);
    expect(events(out, 'facilitators')).toEqual(['facilitator:assignments']);
    expect(events(out, 'room')).toEqual([]);
    expect(out.at(-1)).toEqual({
      to: 'person',
      participantId: 'p1',
      message: ['session:you', views.you('p1')],
    });
  });

  it('tells a removed person first, then cuts their connections', () => {
    const out = changeMessages(change({ changedPeople: [person('p2', 9)] }), null, views);
    expect(out.slice(-2)).toEqual([
      { to: 'person', participantId: 'p2', message: ['session:removed'] },
      { to: 'person', participantId: 'p2', close: true },
    ]);
  });

  it('sends each person their own dots, and totals to the room only when given', () => {
    const votesMine = [{ participantId: 'p1', mine: { votes: { i1: 2 }, left: 1 } }];
    const hidden = changeMessages(change({ votesMine }), null, views);
    expect(hidden).toEqual([
      { to: 'person', participantId: 'p1', message: ['votes:mine', votesMine[0]!.mine] },
    ]);
    const shown = changeMessages(change({ voteResults: null }), null, views);
    expect(shown).toEqual([{ to: 'room', message: ['votes:results', null] }]);
  });
});

describe('audiences are checked by the compiler', () => {
  it('refuses a person’s own view addressed to the room or the facilitators', () => {
    const wrong = (m: MessageFor<'room'>) => m;
    // @ts-expect-error: a rater's own ratings are a `person` event
    wrong(['ratings:mine', mine]);
    // @ts-expect-error: who holds which card is for facilitators only
    wrong(['facilitator:assignments', {}]);
    // @ts-expect-error: a person's own dots
    wrong(['votes:mine', { votes: {}, left: 0 }]);
    expect(wrong(['votes:results', null])).toEqual(['votes:results', null]);
  });
});
