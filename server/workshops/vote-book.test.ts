import { describe, expect, it } from 'vitest';
import { initialControl } from '../../lib/domain/commands';
import { PHASES } from '../../lib/domain/phases';
import {
  applyVoteCommand,
  DEFAULT_VOTE_SETTINGS,
  type VoteCommand,
  type VoteSettings,
} from '../../lib/domain/votes';
import type { Participant } from '../../lib/domain/workshop';
import type { VoteRecord } from '../storage/storage';
import { VoteBook } from './vote-book';

const IDEAS = ['i1', 'i2', 'i3'];
const HIDDEN: VoteSettings = DEFAULT_VOTE_SETTINGS;
const OPEN: VoteSettings = { ...HIDDEN, hidden: false };
const CLOSED: VoteSettings = { ...HIDDEN, closed: true };

const v = (participantId: string, ideaId: string, dots: number): VoteRecord => ({
  workshopId: 'w',
  participantId,
  ideaId,
  dots,
});

function person(id: string): Participant {
  return {
    id,
    workshopId: 'w',
    name: id,
    role: 'customer',
    lens: 'customer',
    personaId: null,
    cardId: null,
    joinedAt: 0,
    removedAt: null,
  };
}

function book(): VoteBook {
  return new VoteBook([v('a', 'i1', 3), v('a', 'i2', 2), v('b', 'i2', 1), v('b', 'gone', 2)]);
}

describe('VoteBook', () => {
  it('keeps one ballot per person; zero dots remove the idea from it', () => {
    const b = book();
    b.put(v('a', 'i1', 0));
    b.put(v('b', 'i3', 2));
    expect(b.ballot('a')).toEqual({ i2: 2 });
    expect(b.ballot('b')).toEqual({ i2: 1, gone: 2, i3: 2 });
    expect(b.ballot('nobody')).toEqual({});
  });

  it('shows a person their own votes, and totals only while results are visible', () => {
    const b = book();
    expect(b.view('b', HIDDEN, IDEAS)).toEqual({
      mine: { votes: { i2: 1 }, left: 4 },
      results: null,
    });
    expect(b.view(null, HIDDEN, IDEAS)).toEqual({ mine: null, results: null });
    const ranked = b.view(null, CLOSED, IDEAS).results;
    expect(ranked?.ideas.map((i) => [i.ideaId, i.dots])).toEqual([
      ['i1', 3],
      ['i2', 3],
      ['i3', 0],
    ]);
    expect(b.view(null, OPEN, IDEAS).results).toEqual(ranked);
  });

  it('after a hidden vote tells only the voter; after an open one everyone the totals', () => {
    const b = book();
    expect(b.afterVote('a', HIDDEN, IDEAS)).toEqual({
      votesMine: [{ participantId: 'a', mine: { votes: { i1: 3, i2: 2 }, left: 0 } }],
      voteResults: undefined,
    });
    expect(b.afterVote('a', OPEN, IDEAS).voteResults?.ideas[0]).toEqual({
      ideaId: 'i1',
      dots: 3,
      voters: 1,
    });
  });

  it('after a settings change sends results as they show, null as they hide', () => {
    const b = book();
    const people = [person('a'), person('b')];
    expect(b.afterSettings(HIDDEN, CLOSED, IDEAS, people).voteResults).not.toBeNull();
    expect(b.afterSettings(HIDDEN, CLOSED, IDEAS, people).votesMine).toEqual([]);
    expect(b.afterSettings(CLOSED, HIDDEN, IDEAS, people).voteResults).toBeNull();
    expect(b.afterSettings(HIDDEN, HIDDEN, IDEAS, people).voteResults).toBeUndefined();
    const bigger = b.afterSettings(HIDDEN, { ...HIDDEN, budget: 8 }, IDEAS, people);
    expect(bigger.votesMine.map((m) => [m.participantId, m.mine.left])).toEqual([
      ['a', 3],
      ['b', 7],
    ]);
  });

  it('refuses limits below the votes already cast, and only for configure', () => {
    // The rule is lib's (`applyVoteCommand` with the votes cast); the book gives the ballots.
    const b = book();
    const cast = () => ({ ballots: b.all(), ideaIds: IDEAS });
    const control = { ...initialControl(PHASES), phase: 'vote' as const };
    const refusal = (command: VoteCommand) => {
      const result = applyVoteCommand(control, command, cast);
      return result.ok ? null : result;
    };
    const configure = (budget: number, maxPerIdea: number) =>
      refusal({ type: 'votes.configure', budget, maxPerIdea, hidden: true });
    expect(configure(5, 3)).toBeNull();
    expect(configure(4, 3)).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    expect(configure(5, 2)).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    expect(refusal({ type: 'votes.close' })).toBeNull();
  });
});

describe('VoteBook with idea ids like inherited keys', () => {
  it('stores and takes back dots on "__proto__" and "constructor" like any idea (fuzz find)', () => {
    const ideas = ['__proto__', 'constructor'];
    const votes = new VoteBook([v('a', '__proto__', 2), v('a', 'constructor', 1)]);
    expect(votes.view('a', OPEN, ideas).mine).toEqual({
      votes: Object.fromEntries([
        ['__proto__', 2],
        ['constructor', 1],
      ]),
      left: 2,
    });
    votes.put(v('a', '__proto__', 0));
    expect(votes.view('a', OPEN, ideas).mine?.left).toBe(4);
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });
});
