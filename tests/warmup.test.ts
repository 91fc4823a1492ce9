import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../lib/protocol/codes';
import { everyoneSees, lateJoiner, ok, reconnect, refused, restart } from './helpers/control';
import { closeAfterEach, type Crew, gatherCrew, type Member, settle } from './helpers/people';
import { type TestClient, tempDataDir, waitFor } from './helpers/server';

const open = closeAfterEach();

/** Does `value` hold an object with a warm-up answer's field, at any depth? */
function holdsAnswer(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(holdsAnswer);
  if (value === null || typeof value !== 'object') return false;
  if ('workplace' in value || 'customers' in value) return true;
  return Object.values(value).some(holdsAnswer);
}

/** Everyone who answers, and what: 5 people (leader, staff, three customer proxies). */
function answerers(crew: Crew): Array<[Member, { workplace: number; customers: number }]> {
  const [c1, c2, c3] = crew.customers as [Member, Member, Member];
  return [
    [crew.leader, { workplace: 10, customers: 6 }],
    [crew.staff, { workplace: 9, customers: 8 }],
    [c1, { workplace: 8, customers: 9 }],
    [c2, { workplace: 4, customers: 3 }],
    [c3, { workplace: 0, customers: 10 }],
  ];
}

/** Does `value` hold a by-role split of the warm-up, at any depth? */
function holdsByRole(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(holdsByRole);
  if (value === null || typeof value !== 'object') return false;
  if ('byRole' in value) return true;
  return Object.values(value).some(holdsByRole);
}

async function toWarmup(crew: Crew): Promise<void> {
  await ok(crew.fac.client, 'phase:set', { phase: 'warmup' });
  await everyoneSees(crew.everyone, (s) => s.control.phase === 'warmup', 'the warm-up');
}

describe('warm-up answers', () => {
  it('are taken only in the warm-up, only from those who take part, only as 0–10', async () => {
    const crew = await gatherCrew(open, { customers: 1 });
    const answer = { workplace: 7, customers: 7 };
    await refused(crew.leader.client, 'warmup:answer', answer, ErrorCode.INVALID_TRANSITION);

    await toWarmup(crew);
    await refused(crew.fac.client, 'warmup:answer', answer, ErrorCode.FORBIDDEN);
    await refused(crew.observer.client, 'warmup:answer', answer, ErrorCode.FORBIDDEN);
    for (const bad of [
      { workplace: 11, customers: 5 },
      { workplace: 5, customers: -1 },
      { workplace: 2.5, customers: 5 },
      { workplace: 5 },
      { workplace: '5', customers: 5 },
    ]) {
      await refused(crew.leader.client, 'warmup:answer', bad, ErrorCode.INVALID_PAYLOAD);
    }
    await settle(crew.fac.client);
    expect(crew.fac.client.state?.warmup).toEqual({ answered: 0, results: null });

    await ok(crew.leader.client, 'warmup:answer', answer);
    await ok(crew.fac.client, 'phase:next');
    await refused(crew.staff.client, 'warmup:answer', answer, ErrorCode.INVALID_TRANSITION);
    await everyoneSees(crew.everyone, (s) => s.warmup.answered === 1, 'one answer');
  });

  it('reach nobody but the answerer before the warm-up closes', async () => {
    const crew = await gatherCrew(open, { customers: 3 });
    await toWarmup(crew);
    const marks = new Map(crew.everyone.map((m) => [m, m.client.heard.length]));
    let count = 0;
    for (const [member, answer] of answerers(crew)) {
      await ok(member.client, 'warmup:answer', answer);
      count++;
      await everyoneSees(crew.everyone, (s) => s.warmup.answered === count, `${count} answered`);
      await waitFor(() => member.client.you?.warmup?.workplace === answer.workplace);
      expect(member.client.you?.warmup).toEqual(answer);
    }
    // Changing one's mind counts once.
    await ok(crew.leader.client, 'warmup:answer', { workplace: 10, customers: 7 });
    await waitFor(() => crew.leader.client.you?.warmup?.customers === 7);
    await settle(...crew.everyone.map((m) => m.client));

    for (const m of crew.everyone) {
      expect(m.client.state?.warmup, m.name).toEqual({ answered: 5, results: null });
      for (const { event, args } of m.client.heard.slice(marks.get(m))) {
        if (event === 'session:you' && answerers(crew).some(([a]) => a === m)) continue;
        expect(holdsAnswer(args), `${m.name} heard ${event}`).toBe(false);
      }
      // The answerer's own answers come only on their own 'session:you'.
      const mine = m.client.heard.slice(marks.get(m)).filter((h) => holdsAnswer(h.args));
      expect(mine.every((h) => h.event === 'session:you')).toBe(true);
    }
    for (const m of [crew.fac, crew.observer]) expect(m.client.you?.warmup).toBeNull();
  });

  it('show everyone the eNPS and the customer estimate once the warm-up closes', async () => {
    const crew = await gatherCrew(open, { customers: 3 });
    await toWarmup(crew);
    for (const [member, answer] of answerers(crew)) {
      await ok(member.client, 'warmup:answer', answer);
    }
    await refused(crew.leader.client, 'warmup:close', {}, ErrorCode.FORBIDDEN);
    await ok(crew.fac.client, 'warmup:close');
    await everyoneSees(crew.everyone, (s) => s.warmup.results !== null, 'the results');
    for (const m of crew.everyone) {
      expect(m.client.state?.warmup, m.name).toEqual({
        answered: 5,
        results: {
          count: 5,
          // workplace 10, 9, 8, 4, 0: two promoters, two detractors.
          enps: { score: 0, promoters: 2, passives: 1, detractors: 2, mean: 6.2 },
          // customers 6, 8, 9, 3, 10: two promoters, two detractors.
          customerEstimate: { score: 0, promoters: 2, passives: 1, detractors: 2, mean: 7.2 },
          // One leader and one staff member: too few to show. The three customers are
          // hidden too, or the room's figure minus theirs would give the two away.
          byRole: {
            leader: { count: 1, figures: null },
            staff: { count: 1, figures: null },
            customer: { count: 3, figures: null },
          },
        },
      });
    }

    await refused(
      crew.staff.client,
      'warmup:answer',
      { workplace: 1, customers: 1 },
      'INVALID_TRANSITION',
    );
    await refused(crew.fac.client, 'warmup:close', {}, ErrorCode.INVALID_TRANSITION);
    await settle(crew.fac.client);
    expect(crew.fac.client.state?.warmup.results?.count).toBe(5);
  });

  it('reach nobody split by role before the warm-up closes, then everyone: leaders +33, staff −33', async () => {
    const crew = await gatherCrew(open, { customers: 0 });
    const join = (role: string) => lateJoiner(crew.server, crew.workshop.id, open, role);
    const leaders: TestClient[] = [crew.leader.client, await join('leader'), await join('leader')];
    const staff: TestClient[] = [crew.staff.client, await join('staff'), await join('staff')];
    const clients = [crew.fac.client, crew.observer.client, ...leaders, ...staff];
    await waitFor(() => clients.every((c) => c.state?.participants.length === 8), 5000, 'all in');
    await toWarmup(crew);
    const marks = new Map(clients.map((c) => [c, c.heard.length]));
    // Leaders: workplace 10, 9, 5 (+33); customers 9, 9, 9 (+100).
    // Staff: workplace 9, 6, 3 (−33); customers 6, 7, 9 (0).
    const planted: Array<[TestClient, number, number]> = [
      [leaders[0]!, 10, 9],
      [leaders[1]!, 9, 9],
      [leaders[2]!, 5, 9],
      [staff[0]!, 9, 6],
      [staff[1]!, 6, 7],
      [staff[2]!, 3, 9],
    ];
    for (const [client, workplace, customers] of planted) {
      await ok(client, 'warmup:answer', { workplace, customers });
    }
    await waitFor(() => clients.every((c) => c.state?.warmup.answered === 6), 5000, '6 answered');
    await settle(...clients);
    for (const c of clients) {
      expect(c.state?.warmup.results).toBeNull();
      for (const { event, args } of c.heard.slice(marks.get(c))) {
        expect(holdsByRole(args), `heard ${event} before the close`).toBe(false);
      }
    }

    await ok(crew.fac.client, 'warmup:close');
    await waitFor(
      () => clients.every((c) => Boolean(c.state?.warmup.results)),
      5000,
      'the results',
    );
    for (const c of clients) {
      const byRole = c.state?.warmup.results?.byRole;
      expect(byRole?.leader.figures?.enps).toMatchObject({ score: 33, promoters: 2 });
      expect(byRole?.leader.figures?.customerEstimate.score).toBe(100);
      expect(byRole?.staff.figures?.enps).toMatchObject({ score: -33, detractors: 2 });
      expect(byRole?.staff.figures?.customerEstimate.score).toBe(0);
      expect(byRole?.customer).toEqual({ count: 0, figures: null });
    }
  });

  it('survive a server restart', async () => {
    const dataDir = tempDataDir();
    const crew = await gatherCrew(open, { customers: 1, dataDir });
    await toWarmup(crew);
    await ok(crew.leader.client, 'warmup:answer', { workplace: 9, customers: 2 });
    await ok(crew.staff.client, 'warmup:answer', { workplace: 5, customers: 7 });
    // Three answers: with fewer, the room's figures stay hidden (each answer would be told).
    await ok(crew.customers[0]!.client, 'warmup:answer', { workplace: 7, customers: 8 });

    const server = await restart(crew, dataDir, open);
    const leader = await reconnect(server, crew.leader.joined.token, open);
    expect(leader.you?.warmup).toEqual({ workplace: 9, customers: 2 });
    expect(leader.states[0]?.warmup).toEqual({ answered: 3, results: null });
    const fac = await reconnect(server, crew.fac.joined.token, open);
    await ok(fac, 'warmup:close');
    await waitFor(() => leader.state?.warmup.results !== null, 5000, 'the results');
    expect(leader.state?.warmup.results).toMatchObject({
      count: 3,
      enps: { score: 0, promoters: 1, passives: 1, detractors: 1 },
      customerEstimate: { score: -33, passives: 2, detractors: 1 },
    });
  });

  it('shows no room figure while fewer than 3 answered: each answer would be told', async () => {
    // Found by the review: one staff answer of 4 showed the room "mean 4" to everyone.
    const crew = await gatherCrew(open, { customers: 1 });
    await toWarmup(crew);
    await ok(crew.staff.client, 'warmup:answer', { workplace: 4, customers: 8 });
    await ok(crew.leader.client, 'warmup:answer', { workplace: 9, customers: 2 });
    await ok(crew.fac.client, 'warmup:close');
    const watcher = crew.customers[0]!.client;
    await waitFor(() => watcher.state?.warmup.results != null, 5000, 'the results');
    expect(watcher.state?.warmup.results).toMatchObject({
      count: 2,
      enps: null,
      customerEstimate: null,
    });
  });
});
