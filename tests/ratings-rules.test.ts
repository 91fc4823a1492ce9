import { describe, expect, it } from 'vitest';
import { RATING_NOTE_MAX_CHARS } from '../lib/domain/ratings';
import { ErrorCode } from '../lib/protocol/codes';
import {
  everyoneSees,
  lateJoiner,
  ok,
  reconnect,
  refused,
  restart,
  stepIdsFromDoc,
} from './helpers/control';
import { closeAfterEach, type Crew, gatherCrew, type Member, settle } from './helpers/people';
import {
  everyoneHearsReveal,
  lastMine,
  rate,
  rating,
  revealsSince,
  withoutKeys,
} from './helpers/ratings';
import { tempDataDir, type TestClient, waitFor } from './helpers/server';

const open = closeAfterEach();

async function walking(dataDir = tempDataDir()): Promise<{ crew: Crew; steps: string[] }> {
  const crew = await gatherCrew(open, { customers: 2, dataDir });
  const steps = await stepIdsFromDoc(crew, open);
  await ok(crew.fac.client, 'phase:set', { phase: 'walk' });
  return { crew, steps };
}

const countOf = (c: TestClient, key: string) => c.state?.ratingCounts[key] ?? 0;

describe('what a rating may say', () => {
  it('refuses a rating on someone else’s behalf, or out of range, with INVALID_PAYLOAD', async () => {
    const { crew, steps } = await walking();
    const s = steps[0]!;
    const [c1] = crew.customers as [Member];
    const bad: unknown[] = [
      { ...rating(s), participantId: c1.joined.participantId },
      rating(s, { valence: 4, emotion: 'delighted' }),
      rating(s, { valence: -4, emotion: 'angry' }),
      rating(s, { valence: 1.5, emotion: 'relieved' }),
      rating(s, { emotion: 'meh' }),
      rating(s, { valence: 2, emotion: 'angry' }),
      rating(s, { valence: -2, emotion: 'neutral' }),
      rating(s, { expectation: 'awful' as never }),
      rating(s, { effort: 6 }),
      rating(s, { note: 'x'.repeat(RATING_NOTE_MAX_CHARS + 1) }),
      { stepId: s, valence: 2, emotion: 'happy' },
    ];
    for (const body of bad) {
      await refused(crew.leader.client, 'rating:put', body, ErrorCode.INVALID_PAYLOAD);
    }
    await settle(crew.fac.client);
    expect(crew.fac.client.state?.ratingCounts).toEqual({});
    expect(lastMine(c1.client)).toEqual([]);

    const longest = 'y'.repeat(RATING_NOTE_MAX_CHARS);
    await rate(crew.leader, rating(s, { note: longest }));
    expect(lastMine(crew.leader.client)).toMatchObject([{ note: longest }]);
  });
});

describe('when and by whom', () => {
  it('refuses ratings outside the walk, and off the spotlight in hold pace', async () => {
    const crew = await gatherCrew(open, { customers: 1 });
    const steps = await stepIdsFromDoc(crew, open);
    await refused(
      crew.leader.client,
      'rating:put',
      rating(steps[0]!),
      ErrorCode.INVALID_TRANSITION,
    );
    await ok(crew.fac.client, 'phase:set', { phase: 'walk' });
    const ahead = rating(steps[2]!);
    await refused(crew.staff.client, 'rating:put', ahead, ErrorCode.INVALID_TRANSITION);
    await refused(crew.staff.client, 'rating:put', rating('no-such-step'), ErrorCode.NOT_FOUND);
    await ok(crew.fac.client, 'walk:pace', { pace: 'free' });
    await rate(crew.staff, ahead);
    await ok(crew.fac.client, 'phase:set', { phase: 'reveal' });
    await refused(crew.staff.client, 'rating:put', ahead, ErrorCode.INVALID_TRANSITION);
    await everyoneSees(crew.everyone, (s) => s.ratingCounts[`1:${steps[2]}`] === 1, 'one rating');
  });

  it('refuses facilitators and observers with FORBIDDEN', async () => {
    const { crew, steps } = await walking();
    for (const m of [crew.fac, crew.observer]) {
      await refused(m.client, 'rating:put', rating(steps[0]!), ErrorCode.FORBIDDEN);
    }
    await settle(crew.fac.client);
    expect(crew.fac.client.state?.ratingCounts).toEqual({});
  });

  it('refuses changes to a locked step until it is unlocked', async () => {
    const { crew, steps } = await walking();
    const s = steps[0]!;
    await rate(crew.leader, rating(s));
    await refused(
      crew.leader.client,
      'walk:lock',
      { stepId: s, locked: true },
      ErrorCode.FORBIDDEN,
    );
    await ok(crew.fac.client, 'walk:lock', { stepId: s, locked: true });
    await everyoneSees(crew.everyone, (st) => st.control.locked.includes(`1:${s}`), 'the lock');
    const change = rating(s, { valence: -1, emotion: 'unsure' });
    await refused(crew.leader.client, 'rating:put', change, ErrorCode.INVALID_TRANSITION);
    await refused(crew.staff.client, 'rating:put', change, ErrorCode.INVALID_TRANSITION);
    expect(lastMine(crew.leader.client)).toMatchObject([{ valence: 2 }]);

    await ok(crew.fac.client, 'walk:lock', { stepId: s, locked: false });
    await rate(crew.leader, change);
    await rate(crew.staff, change);
    expect(lastMine(crew.leader.client)).toMatchObject([{ valence: -1, emotion: 'unsure' }]);
    await everyoneSees(crew.everyone, (st) => st.ratingCounts[`1:${s}`] === 2, 'two ratings');
  });
});

describe('ratings over time', () => {
  it('keep their values and their reveal across a server restart', async () => {
    const dataDir = tempDataDir();
    const { crew, steps } = await walking(dataDir);
    const [c1, c2] = crew.customers as [Member, Member];
    const [s1, s2] = [steps[0]!, steps[1]!];
    const mineOnS1 = rating(s1, { valence: -2, emotion: 'frustrated', expectation: 'worse' });
    const mineOnS2 = rating(s2, { valence: -1, emotion: 'confused', note: 'zq-hidden' });
    await rate(crew.leader, rating(s1, { valence: 2, note: 'zq-kept' }));
    await rate(c1, mineOnS1);
    await rate(c2, rating(s1, { valence: -3, emotion: 'angry', effort: 4 }));
    await ok(crew.fac.client, 'reveal:step', { stepId: s1 });
    await ok(crew.fac.client, 'walk:next');
    await rate(c1, mineOnS2);
    await settle(crew.observer.client);
    const before = revealsSince(crew.observer.client).findLast((u) => u.replace)?.ratings ?? [];
    expect(before).toHaveLength(3);

    const server = await restart(crew, dataDir, open);
    const late = await lateJoiner(server, crew.workshop.id, open);
    const back = await reconnect(server, c1.joined.token, open);
    for (const c of [late, back]) {
      await waitFor(() => revealsSince(c).length > 0, 5000, 'the revealed set');
      expect(revealsSince(c)[0]!.replace).toBe(true);
      expect(withoutKeys(revealsSince(c)[0]!.ratings)).toEqual(withoutKeys(before));
      expect(c.state?.ratingCounts).toEqual({ [`1:${s1}`]: 3, [`1:${s2}`]: 1 });
      expect(c.state?.control.revealed).toEqual([`1:${s1}`]);
    }
    expect(JSON.stringify(late.heard)).not.toContain('zq-hidden');
    expect(lastMine(late)).toEqual([]);
    const mine = [...(lastMine(back) ?? [])].sort(
      (a, b) => steps.indexOf(a.stepId) - steps.indexOf(b.stepId),
    );
    expect(mine).toEqual([
      { ...mineOnS1, round: 1 },
      { ...mineOnS2, round: 1 },
    ]);
  });

  it('reveal:all reveals every step of every round so far', async () => {
    const { crew, steps } = await walking();
    const [s1, s2, s3] = [steps[0]!, steps[1]!, steps[2]!];
    await ok(crew.fac.client, 'walk:pace', { pace: 'free' });
    await rate(crew.leader, rating(s1, { valence: 1, emotion: 'calm' }));
    await rate(crew.staff, rating(s3, { valence: -1, emotion: 'unsure' }));
    await ok(crew.fac.client, 'round:start');
    await rate(crew.leader, rating(s2, { valence: 3, emotion: 'delighted' }));
    await refused(crew.staff.client, 'reveal:all', {}, ErrorCode.FORBIDDEN);

    const clients = crew.everyone.map((m) => m.client);
    const marks = clients.map((c) => c.heard.length);
    await ok(crew.fac.client, 'reveal:all');
    const heard = await everyoneHearsReveal(clients, marks, (u) => u.replace, 'reveal all');
    for (const u of heard) {
      const got = u.ratings.map((x) => `${x.round}:${x.stepId}:${x.valence}`).sort();
      expect(got).toEqual([`1:${s1}:1`, `1:${s3}:-1`, `2:${s2}:3`].sort());
    }
    const revealed = crew.fac.client.state?.control.revealed ?? [];
    for (const r of [1, 2]) for (const s of steps) expect(revealed).toContain(`${r}:${s}`);
    expect(revealed).toHaveLength(steps.length * 2);
  });

  it('keeps a second round’s ratings apart from the first’s', async () => {
    const { crew, steps } = await walking();
    const s = steps[0]!;
    await rate(crew.leader, rating(s, { valence: 2 }));
    await ok(crew.fac.client, 'walk:lock', { stepId: s, locked: true });
    await ok(crew.fac.client, 'round:start');
    await rate(crew.leader, rating(s, { valence: -1, emotion: 'unsure' }));
    expect(
      lastMine(crew.leader.client)
        ?.map((m) => [m.round, m.valence])
        .sort(),
    ).toEqual([
      [1, 2],
      [2, -1],
    ]);
    await everyoneSees(
      crew.everyone,
      (st) => st.ratingCounts[`1:${s}`] === 1 && st.ratingCounts[`2:${s}`] === 1,
      'one rating in each round',
    );

    const marks = crew.everyone.map((m) => m.client.heard.length);
    await ok(crew.fac.client, 'reveal:step', { stepId: s });
    const clients = crew.everyone.map((m) => m.client);
    const heard = await everyoneHearsReveal(clients, marks, (u) => u.replace, 'round 2');
    for (const u of heard) expect(u.ratings).toMatchObject([{ round: 2, valence: -1 }]);
    expect(countOf(crew.fac.client, `1:${s}`)).toBe(1);
  });
});
