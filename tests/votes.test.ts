import { describe, expect, it } from 'vitest';
import type { VoteResults } from '../lib/domain/votes';
import { ErrorCode } from '../lib/protocol/codes';
import { everyoneSees, ok, reconnect, refused, restart } from './helpers/control';
import { closeAfterEach, settle } from './helpers/people';
import type { TestClient } from './helpers/server';
import { allHeard } from './helpers/ratings';
import {
  allHear,
  heardOf,
  IDEAS,
  lastMine,
  lastResults,
  ranking,
  votingRoom,
  type VotingRoom,
} from './helpers/votes';

const open = closeAfterEach();
const [D, C, B, A] = IDEAS;

async function inVotePhase(): Promise<VotingRoom> {
  const room = await votingRoom(open);
  await room.board.add(IDEAS);
  await ok(room.crew.fac.client, 'phase:set', { phase: 'vote' });
  return room;
}

/** Leader, staff and customer spend their five dots: C 5, B 5, A 3, D 2 (C and B tie). */
const PLAN: Array<Array<[string, number]>> = [
  [
    [D, 2],
    [C, 3],
  ],
  [
    [C, 2],
    [B, 3],
  ],
  [
    [B, 2],
    [A, 3],
  ],
];
const RANKED: Array<[string, number]> = [
  [C, 5],
  [B, 5],
  [A, 3],
  [D, 2],
];

async function voteAsPlanned(room: VotingRoom): Promise<void> {
  for (const [i, votes] of PLAN.entries()) {
    for (const [ideaId, dots] of votes)
      await ok(room.voters[i]!.client, 'vote:set', { ideaId, dots });
  }
}

const resultsShown = (r: VoteResults | null) => r !== null;

describe('dot voting', () => {
  it('enforces the budget and the per-idea limit; a refused vote changes nothing', async () => {
    const room = await inVotePhase();
    const [leader, staff, customer] = [room.voters[0], room.voters[1], room.voters[2]].map(
      (m) => m.client,
    ) as [TestClient, TestClient, TestClient];
    await ok(leader, 'vote:set', { ideaId: D, dots: 2 });
    await ok(leader, 'vote:set', { ideaId: C, dots: 3 });
    await settle(leader);
    expect(lastMine(leader)).toEqual({ votes: { [D]: 2, [C]: 3 }, left: 0 });
    // Over the budget of five: refused, by name, and the ballot stays as it was.
    await refused(leader, 'vote:set', { ideaId: A, dots: 1 }, ErrorCode.OVER_BUDGET);
    // More than three on one idea: OVER_BUDGET too (the per-idea budget); over 20 is malformed.
    await refused(staff, 'vote:set', { ideaId: B, dots: 4 }, ErrorCode.OVER_BUDGET);
    await refused(staff, 'vote:set', { ideaId: B, dots: 21 }, ErrorCode.INVALID_PAYLOAD);
    // Taking dots back and placing them again is fine.
    await ok(leader, 'vote:set', { ideaId: C, dots: 1 });
    await settle(leader);
    expect(lastMine(leader)).toEqual({ votes: { [D]: 2, [C]: 1 }, left: 2 });
    await ok(leader, 'vote:set', { ideaId: C, dots: 3 });
    for (const [ideaId, dots] of PLAN[1]!) await ok(staff, 'vote:set', { ideaId, dots });
    for (const [ideaId, dots] of PLAN[2]!) await ok(customer, 'vote:set', { ideaId, dots });
    await refused(customer, 'vote:set', { ideaId: D, dots: 1 }, ErrorCode.OVER_BUDGET);
    await settle(leader, staff, customer);
    expect(lastMine(leader)).toEqual({ votes: { [D]: 2, [C]: 3 }, left: 0 });
    expect(lastMine(staff)).toEqual({ votes: { [C]: 2, [B]: 3 }, left: 0 });
    expect(lastMine(customer)).toEqual({ votes: { [B]: 2, [A]: 3 }, left: 0 });

    await ok(room.crew.fac.client, 'votes:close');
    await allHear(room.clients, 'votes:results', resultsShown, 'the results');
    for (const c of room.clients) expect(ranking(lastResults(c))).toEqual(RANKED);
  });

  it('names malformed votes, unknown ideas and people who do not vote', async () => {
    const room = await inVotePhase();
    const leader = room.crew.leader.client;
    for (const payload of [
      { ideaId: C, dots: -1 },
      { ideaId: C, dots: 1.5 },
      { ideaId: C, dots: '2' },
      { ideaId: C },
      { dots: 1 },
      { ideaId: 'not an id!', dots: 1 },
      { ideaId: C, dots: 1, participantId: room.crew.staff.joined.participantId },
    ]) {
      await refused(leader, 'vote:set', payload, ErrorCode.INVALID_PAYLOAD);
    }
    await refused(leader, 'vote:set', { ideaId: 'no-such-idea', dots: 1 }, ErrorCode.NOT_FOUND);
    for (const c of [room.crew.fac.client, room.crew.observer.client, room.screen]) {
      await refused(c, 'vote:set', { ideaId: C, dots: 1 }, ErrorCode.FORBIDDEN);
    }
    await settle(leader);
    expect(heardOf(leader, 'votes:mine')).toEqual([{ votes: {}, left: 5 }]);
  });

  it('refuses votes outside the vote phase and once voting is closed', async () => {
    const room = await votingRoom(open);
    await room.board.add(IDEAS);
    const [fac, leader] = [room.crew.fac.client, room.crew.leader.client];
    const vote = { ideaId: C, dots: 1 };
    await refused(leader, 'vote:set', vote, ErrorCode.INVALID_TRANSITION);
    await ok(fac, 'phase:set', { phase: 'ideate' });
    await refused(leader, 'vote:set', vote, ErrorCode.INVALID_TRANSITION);
    await ok(fac, 'phase:next');
    await ok(leader, 'vote:set', vote);
    await ok(fac, 'votes:close');
    await refused(leader, 'vote:set', { ideaId: C, dots: 2 }, ErrorCode.INVALID_TRANSITION);
    await refused(fac, 'votes:close', {}, ErrorCode.INVALID_TRANSITION);
    await refused(leader, 'votes:reopen', {}, ErrorCode.FORBIDDEN);
    await ok(fac, 'votes:reopen');
    await ok(leader, 'vote:set', { ideaId: C, dots: 2 });
    // Moving on to the actions closes voting, and the results show.
    await ok(fac, 'phase:next');
    await everyoneSees(
      room.crew.everyone,
      (s) => s.control.phase === 'actions' && s.control.votes.closed,
      'voting closed on leaving the vote phase',
    );
    await refused(leader, 'vote:set', vote, ErrorCode.INVALID_TRANSITION);
    await allHear(room.clients, 'votes:results', resultsShown, 'the results');
    expect(ranking(lastResults(room.screen))).toEqual([
      [C, 2],
      [D, 0],
      [B, 0],
      [A, 0],
    ]);
  });

  it('keeps hidden votes on the server, facilitators included, until voting closes', async () => {
    const room = await inVotePhase();
    await voteAsPlanned(room);
    await settle(...room.crew.everyone.map((m) => m.client));
    await room.screen.request('time:sync', {}); // a round trip: the screen has heard it all

    const ownBy = new Map(room.voters.map((m, i) => [m.client, Object.fromEntries(PLAN[i]!)]));
    for (const [i, client] of room.clients.entries()) {
      // No totals: whatever results anyone heard say "hidden".
      const results = heardOf(client, 'votes:results');
      expect(results.length, `client ${i}`).toBeGreaterThan(0);
      expect(
        results.every((r) => r === null),
        `client ${i}`,
      ).toBe(true);
      // Nobody else's dots: no idea id appears anywhere but in a person's own ballot.
      const notMine = client.heard.filter((h) => h.event !== 'votes:mine');
      const text = JSON.stringify(notMine);
      for (const id of IDEAS) expect(text, `client ${i} heard ${id}`).not.toContain(id);
      const own = ownBy.get(client) ?? {};
      for (const mine of heardOf<{ votes: Record<string, number> }>(client, 'votes:mine')) {
        for (const [id, dots] of Object.entries(mine.votes)) expect(own[id]).toBe(dots);
      }
    }
    expect(heardOf(room.screen, 'votes:mine')).toEqual([]);

    await ok(room.crew.fac.client, 'votes:close');
    await allHear(room.clients, 'votes:results', resultsShown, 'everyone to get the results');
    for (const client of room.clients) {
      expect(lastResults(client)).toEqual({
        ideas: [
          { ideaId: C, dots: 5, voters: 2 },
          { ideaId: B, dots: 5, voters: 2 },
          { ideaId: A, dots: 3, voters: 1 },
          { ideaId: D, dots: 2, voters: 1 },
        ],
        voters: 3,
      });
    }
    // Reopening hides them again.
    await ok(room.crew.fac.client, 'votes:reopen');
    await allHear<VoteResults | null>(room.clients, 'votes:results', (r) => r === null, 'hidden');
    expect(allHeard(room.crew.fac.client)).toContain('"votes:results",[null]');
  });

  it('shows open (not hidden) votes to everyone as they come in', async () => {
    const room = await inVotePhase();
    const fac = room.crew.fac.client;
    await ok(fac, 'votes:configure', { budget: 5, maxPerIdea: 3, hidden: false });
    await allHear(room.clients, 'votes:results', resultsShown, 'zero totals');
    await ok(room.crew.staff.client, 'vote:set', { ideaId: A, dots: 3 });
    await allHear<VoteResults>(
      room.clients,
      'votes:results',
      (r) => r.ideas[0]?.ideaId === A && r.ideas[0].dots === 3,
      'the live total',
    );
    await ok(fac, 'votes:configure', { budget: 5, maxPerIdea: 3, hidden: true });
    await allHear<VoteResults | null>(room.clients, 'votes:results', (r) => r === null, 'hidden');
  });

  it('lets the facilitator change the limits, but not below the votes already cast', async () => {
    const room = await inVotePhase();
    const [fac, leader, customer] = [
      room.crew.fac.client,
      room.crew.leader.client,
      room.crew.customers[0]!.client,
    ];
    await ok(leader, 'vote:set', { ideaId: C, dots: 3 });
    await ok(leader, 'vote:set', { ideaId: D, dots: 2 });
    const configure = (budget: number, maxPerIdea: number) => ({
      budget,
      maxPerIdea,
      hidden: true,
    });
    await refused(fac, 'votes:configure', configure(4, 3), ErrorCode.INVALID_TRANSITION);
    await refused(fac, 'votes:configure', configure(5, 2), ErrorCode.INVALID_TRANSITION);
    for (const bad of [
      configure(0, 1),
      configure(21, 3),
      configure(5, 6),
      configure(5, 0),
      { budget: 5, maxPerIdea: 3 },
      { ...configure(5, 3), closed: true },
    ]) {
      await refused(fac, 'votes:configure', bad, ErrorCode.INVALID_PAYLOAD);
    }
    await refused(leader, 'votes:configure', configure(9, 9), ErrorCode.FORBIDDEN);
    await ok(fac, 'votes:configure', configure(8, 4));
    await everyoneSees(
      room.crew.everyone,
      (s) => s.control.votes.budget === 8 && s.control.votes.maxPerIdea === 4,
      'the new limits',
    );
    await settle(leader, customer);
    expect(lastMine(leader)).toEqual({ votes: { [C]: 3, [D]: 2 }, left: 3 });
    expect(lastMine(customer)).toEqual({ votes: {}, left: 8 });
    await ok(customer, 'vote:set', { ideaId: C, dots: 4 });
    await refused(customer, 'vote:set', { ideaId: C, dots: 5 }, ErrorCode.OVER_BUDGET);
  });

  it('gives back the dots on a deleted idea and leaves it out of the results', async () => {
    const room = await inVotePhase();
    const leader = room.crew.leader.client;
    await ok(leader, 'vote:set', { ideaId: D, dots: 3 });
    await ok(leader, 'vote:set', { ideaId: C, dots: 2 });
    await refused(leader, 'vote:set', { ideaId: A, dots: 1 }, ErrorCode.OVER_BUDGET);
    await room.board.remove(D);
    await ok(leader, 'vote:set', { ideaId: A, dots: 3 });
    await settle(leader);
    expect(lastMine(leader)).toEqual({ votes: { [C]: 2, [A]: 3 }, left: 0 });
    await ok(room.crew.fac.client, 'votes:close');
    await allHear(room.clients, 'votes:results', resultsShown, 'the results');
    expect(ranking(lastResults(leader))).toEqual([
      [A, 3],
      [C, 2],
      [B, 0],
    ]);
  });

  it('keeps votes and voting settings across a server restart', async () => {
    const room = await inVotePhase();
    await ok(room.crew.fac.client, 'votes:configure', { budget: 6, maxPerIdea: 3, hidden: true });
    await voteAsPlanned(room);
    const server = await restart(room.crew, room.dataDir, open);
    const [leader, fac] = await Promise.all(
      [room.crew.leader, room.crew.fac].map((m) => reconnect(server, m.joined.token, open)),
    );
    await settle(leader!, fac!);
    expect(leader!.state?.control.votes).toEqual({
      budget: 6,
      maxPerIdea: 3,
      hidden: true,
      closed: false,
    });
    expect(lastMine(leader!)).toEqual({ votes: { [D]: 2, [C]: 3 }, left: 1 });
    expect(lastResults(fac!)).toBeNull();
    await ok(fac!, 'votes:close');
    await allHear([leader!, fac!], 'votes:results', resultsShown, 'results after the restart');
    expect(ranking(lastResults(fac!))).toEqual(RANKED);
  });
});
