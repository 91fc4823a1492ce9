import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../protocol/codes';
import { control, PATH, who } from './command-fixtures';
import { applyCommand, initialControl } from './commands';
import { PHASES } from './phases';
import type { Role } from './roles';
import {
  applyVoteCommand,
  type Ballot,
  checkLimitsFit,
  checkVote,
  DEFAULT_VOTE_SETTINGS,
  myVotes,
  rankIdeas,
  resultsVisible,
  spent,
  type VoteSettings,
} from './votes';

const IDEAS = ['i1', 'i2', 'i3', 'i4'];

function voting(votes: Partial<VoteSettings> = {}) {
  return control({ phase: 'vote', votes: { ...DEFAULT_VOTE_SETTINGS, ...votes } });
}

function vote(ballot: Ballot, ideaId: string, dots: number, role: Role = 'customer', c = voting()) {
  return checkVote(c, role, { ideaId, dots }, ballot, IDEAS);
}

const refused = (code: ErrorCode) => expect.objectContaining({ ok: false, code });

describe('voting settings in the control state', () => {
  it('start with a budget of 5, at most 3 on one idea, hidden, open; actions by facilitators', () => {
    const c = initialControl(PHASES);
    expect(c.votes).toEqual({ budget: 5, maxPerIdea: 3, hidden: true, closed: false });
    expect(c.actionsByParticipants).toBe(false);
  });

  it('do not share the default object between workshops', () => {
    const a = initialControl(PHASES);
    a.votes.budget = 9;
    expect(initialControl(PHASES).votes.budget).toBe(5);
    expect(DEFAULT_VOTE_SETTINGS.budget).toBe(5);
  });
});

describe('checkVote', () => {
  it('lets leaders, staff and customer proxies place dots within the limits', () => {
    for (const role of ['leader', 'staff', 'customer'] as const) {
      expect(vote({}, 'i1', 3, role)).toEqual({ ok: true });
    }
    expect(vote({ i1: 3 }, 'i2', 2)).toEqual({ ok: true });
  });

  it('refuses facilitators and observers', () => {
    expect(vote({}, 'i1', 1, 'facilitator')).toEqual(refused(ErrorCode.FORBIDDEN));
    expect(vote({}, 'i1', 1, 'observer')).toEqual(refused(ErrorCode.FORBIDDEN));
  });

  it('refuses outside the vote phase and once voting is closed', () => {
    for (const phase of PHASES.filter((p) => p !== 'vote')) {
      const c = control({ phase });
      expect(vote({}, 'i1', 1, 'customer', c), phase).toEqual(
        refused(ErrorCode.INVALID_TRANSITION),
      );
    }
    expect(vote({}, 'i1', 1, 'customer', voting({ closed: true }))).toEqual(
      refused(ErrorCode.INVALID_TRANSITION),
    );
    // Taking dots back is no exception: a closed vote stays as it was.
    expect(vote({ i1: 2 }, 'i1', 0, 'customer', voting({ closed: true }))).toEqual(
      refused(ErrorCode.INVALID_TRANSITION),
    );
  });

  it('refuses an idea that does not exist, but lets dots come off one deleted since', () => {
    expect(vote({}, 'nope', 1)).toEqual(refused(ErrorCode.NOT_FOUND));
    expect(vote({ gone: 2 }, 'gone', 0)).toEqual({ ok: true });
  });

  it('refuses more than maxPerIdea on one idea with OVER_BUDGET', () => {
    expect(vote({}, 'i1', 4)).toEqual(refused(ErrorCode.OVER_BUDGET));
    expect(vote({ i1: 3 }, 'i1', 4)).toEqual(refused(ErrorCode.OVER_BUDGET));
    expect(vote({}, 'i1', 5, 'customer', voting({ maxPerIdea: 5 }))).toEqual({ ok: true });
  });

  it('refuses going over the budget with OVER_BUDGET and says how many are left', () => {
    const result = vote({ i1: 3, i2: 1 }, 'i3', 2);
    expect(result).toEqual(refused(ErrorCode.OVER_BUDGET));
    expect(result.ok || result.message).toMatch(/1 of 5/);
    expect(vote({ i1: 3, i2: 1 }, 'i3', 1)).toEqual({ ok: true });
    // Moving dots within the budget: the old dots on the same idea do not count twice.
    expect(vote({ i1: 3, i2: 2 }, 'i2', 2)).toEqual({ ok: true });
    expect(vote({ i1: 2, i2: 2 }, 'i2', 3)).toEqual({ ok: true });
  });

  it('always lets someone take dots back, even over a budget they no longer fit', () => {
    const tight = voting({ budget: 2, maxPerIdea: 1 });
    expect(vote({ i1: 3, i2: 3 }, 'i1', 1, 'customer', tight)).toEqual({ ok: true });
    expect(vote({ i1: 3, i2: 3 }, 'i3', 1, 'customer', tight)).toEqual(
      refused(ErrorCode.OVER_BUDGET),
    );
  });

  it('does not count dots on deleted ideas against the budget', () => {
    expect(vote({ gone: 3, i1: 2 }, 'i2', 3)).toEqual({ ok: true });
  });

  it('refuses negative or fractional dots (the schema does too)', () => {
    expect(vote({}, 'i1', -1)).toEqual(refused(ErrorCode.INVALID_PAYLOAD));
    expect(vote({}, 'i1', 1.5)).toEqual(refused(ErrorCode.INVALID_PAYLOAD));
  });
});

describe('own votes and spending', () => {
  it('counts only ideas that exist, and never reports fewer than 0 left', () => {
    expect(spent({ i1: 2, gone: 3 }, IDEAS)).toBe(2);
    expect(myVotes(DEFAULT_VOTE_SETTINGS, { i1: 2, gone: 3, i2: 0 }, IDEAS)).toEqual({
      votes: { i1: 2 },
      left: 3,
    });
    const low = { ...DEFAULT_VOTE_SETTINGS, budget: 1 };
    expect(myVotes(low, { i1: 2 }, IDEAS).left).toBe(0);
  });

  it('reads only own keys: ideas named like what objects inherit count as ideas (fuzz find)', () => {
    const nasty = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];
    const ideas = [...IDEAS, ...nasty];
    expect(spent({ i1: 1 }, ideas)).toBe(1);
    expect(myVotes(DEFAULT_VOTE_SETTINGS, { i1: 1 }, ideas)).toEqual({ votes: { i1: 1 }, left: 4 });
    const ballot = Object.fromEntries([
      ['__proto__', 2],
      ['constructor', 1],
    ]) as Ballot;
    const mine = myVotes(DEFAULT_VOTE_SETTINGS, ballot, ideas);
    expect(mine.left).toBe(2);
    expect(Object.entries(mine.votes)).toEqual([
      ['constructor', 1],
      ['__proto__', 2],
    ]);
    // The budget still holds: 5 dots, 3 of them already on the nasty ideas.
    const c = voting({ maxPerIdea: 5 });
    expect(checkVote(c, 'customer', { ideaId: 'toString', dots: 3 }, ballot, ideas)).toEqual(
      refused(ErrorCode.OVER_BUDGET),
    );
    expect(checkVote(c, 'customer', { ideaId: 'toString', dots: 2 }, ballot, ideas)).toEqual({
      ok: true,
    });
    expect(rankIdeas(ideas, [ballot]).ideas.slice(0, 2)).toEqual([
      { ideaId: '__proto__', dots: 2, voters: 1 },
      { ideaId: 'constructor', dots: 1, voters: 1 },
    ]);
  });
});

describe('voting commands', () => {
  it('configure the budget, the per-idea limit and hiding; only facilitators', () => {
    const command = { type: 'votes.configure', budget: 8, maxPerIdea: 4, hidden: false } as const;
    const result = applyCommand(voting(), who('facilitator'), command, PATH);
    expect(result).toMatchObject({
      ok: true,
      state: { votes: { budget: 8, maxPerIdea: 4, hidden: false, closed: false }, revision: 8 },
    });
    expect(applyCommand(voting(), who('leader'), command, PATH)).toEqual(
      refused(ErrorCode.FORBIDDEN),
    );
  });

  it('refuse a budget outside 1–20 and a per-idea limit outside 1–budget', () => {
    const c = voting();
    for (const [budget, maxPerIdea] of [
      [0, 1],
      [21, 3],
      [5, 0],
      [5, 6],
      [2.5, 1],
    ] as const) {
      const command = { type: 'votes.configure', budget, maxPerIdea, hidden: true } as const;
      expect(applyVoteCommand(c, command), `${budget}/${maxPerIdea}`).toEqual(
        refused(ErrorCode.INVALID_PAYLOAD),
      );
    }
    const edge = { type: 'votes.configure', budget: 20, maxPerIdea: 20, hidden: true } as const;
    expect(applyVoteCommand(c, edge).ok).toBe(true);
  });

  it('close and reopen voting, each only once in a row', () => {
    const closed = applyVoteCommand(voting(), { type: 'votes.close' });
    expect(closed).toMatchObject({ ok: true, state: { votes: { closed: true } } });
    if (!closed.ok) return;
    expect(applyVoteCommand(closed.state, { type: 'votes.close' })).toEqual(
      refused(ErrorCode.INVALID_TRANSITION),
    );
    const reopened = applyVoteCommand(closed.state, { type: 'votes.reopen' });
    expect(reopened).toMatchObject({ ok: true, state: { votes: { closed: false } } });
    expect(applyVoteCommand(voting(), { type: 'votes.reopen' })).toEqual(
      refused(ErrorCode.INVALID_TRANSITION),
    );
  });

  it('allow and disallow actions by participants', () => {
    const allowed = applyCommand(
      voting(),
      who('facilitator'),
      { type: 'actions.allow', allowed: true },
      PATH,
    );
    expect(allowed).toMatchObject({ ok: true, state: { actionsByParticipants: true } });
    expect(
      applyCommand(voting(), who('customer'), { type: 'actions.allow', allowed: true }, PATH),
    ).toEqual(refused(ErrorCode.FORBIDDEN));
  });

  it('close voting when the facilitator moves on from the vote phase, not back', () => {
    const fac = who('facilitator');
    const next = applyCommand(voting(), fac, { type: 'phase.next' }, PATH);
    expect(next).toMatchObject({ ok: true, state: { phase: 'actions', votes: { closed: true } } });
    const back = applyCommand(voting(), fac, { type: 'phase.prev' }, PATH);
    expect(back).toMatchObject({ ok: true, state: { phase: 'ideate', votes: { closed: false } } });
    // Skipping past the vote phase from before it leaves voting as it was.
    const skip = applyCommand(
      control({ phase: 'ideate' }),
      fac,
      { type: 'phase.set', phase: 'summary' },
      PATH,
    );
    expect(skip).toMatchObject({ ok: true, state: { votes: { closed: false } } });
  });
});

describe('checkLimitsFit', () => {
  const ballots: Ballot[] = [{ i1: 3, i2: 2 }, { i3: 1 }, { gone: 9 }];

  it('accepts limits every ballot fits, counting only ideas that exist', () => {
    expect(checkLimitsFit(5, 3, ballots, IDEAS)).toEqual({ ok: true });
    expect(checkLimitsFit(20, 20, [], IDEAS)).toEqual({ ok: true });
  });

  it('refuses a budget or per-idea limit below what someone has placed', () => {
    expect(checkLimitsFit(4, 3, ballots, IDEAS)).toEqual(refused(ErrorCode.INVALID_TRANSITION));
    expect(checkLimitsFit(5, 2, ballots, IDEAS)).toEqual(refused(ErrorCode.INVALID_TRANSITION));
  });
});

describe('new limits through applyVoteCommand', () => {
  const configure = { type: 'votes.configure' as const, budget: 4, maxPerIdea: 3, hidden: true };

  it('must fit the votes cast, read only for new limits', () => {
    let reads = 0;
    const cast = () => (reads++, { ballots: [{ i1: 3, i2: 2 }], ideaIds: IDEAS });
    expect(applyVoteCommand(voting(), configure, cast)).toEqual(
      refused(ErrorCode.INVALID_TRANSITION),
    );
    expect(applyVoteCommand(voting(), { ...configure, budget: 5 }, cast).ok).toBe(true);
    expect(applyVoteCommand(voting(), { type: 'votes.close' }, cast).ok).toBe(true);
    expect(reads).toBe(2);
  });
});

describe('results', () => {
  it('are visible when not hidden, or once closed', () => {
    const s = DEFAULT_VOTE_SETTINGS;
    expect(resultsVisible(s)).toBe(false);
    expect(resultsVisible({ ...s, hidden: false })).toBe(true);
    expect(resultsVisible({ ...s, closed: true })).toBe(true);
  });

  it('rank every idea by total dots, ties in creation order, with voters per idea', () => {
    const ballots: Ballot[] = [{ i2: 3, i4: 2 }, { i4: 3, i1: 2 }, { i2: 1, i3: 3, gone: 3 }, {}];
    expect(rankIdeas(IDEAS, ballots)).toEqual({
      ideas: [
        { ideaId: 'i4', dots: 5, voters: 2 },
        { ideaId: 'i2', dots: 4, voters: 2 },
        { ideaId: 'i3', dots: 3, voters: 1 },
        { ideaId: 'i1', dots: 2, voters: 1 },
      ],
      voters: 3,
    });
  });

  it('keep the given order for ideas without dots', () => {
    const order = ['z', 'a', 'm'];
    expect(rankIdeas(order, [{ m: 1 }]).ideas.map((i) => i.ideaId)).toEqual(['m', 'z', 'a']);
    expect(rankIdeas([], [{ x: 1 }])).toEqual({ ideas: [], voters: 0 });
  });
});
