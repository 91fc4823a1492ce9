import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../lib/protocol/codes';
import { everyoneSees, ok, refused, stepIdsFromDoc } from './helpers/control';
import { closeAfterEach, type Crew, gatherCrew, type Member, settle } from './helpers/people';
import {
  allHeard,
  connectScreen,
  everyoneHearsReveal,
  lastMine,
  rate,
  rating,
  ratingsIn,
  type RatingBody,
  revealsSince,
  withoutKeys,
  yjsSpy,
} from './helpers/ratings';
import { type TestClient, waitFor } from './helpers/server';

const open = closeAfterEach();

/** Distinctive notes: if one turns up anywhere it should not, the scan finds it. */
const NOTES = { leader: 'zq-leader-note', c1: 'zq-first-proxy-note', c2: 'zq-second-proxy-note' };

interface Room {
  crew: Crew;
  steps: string[];
  screen: TestClient;
  /** Every connection: the crew's six, then the projector screen. */
  clients: TestClient[];
  raters: Array<[Member, RatingBody]>;
}

/** Facilitator, leader, staff, two customer proxies, observer and a projector, in the walk. */
async function room({ named = false } = {}): Promise<Room> {
  const crew = await gatherCrew(open, { customers: 2 });
  const steps = await stepIdsFromDoc(crew, open);
  const screen = await connectScreen(
    crew.server,
    crew.workshop.id,
    crew.workshop.facilitatorKey,
    open,
  );
  if (named) await ok(crew.fac.client, 'settings:anonymous', { anonymous: false });
  await ok(crew.fac.client, 'phase:set', { phase: 'walk' });
  const [c1, c2] = crew.customers as [Member, Member];
  const s = steps[0]!;
  const raters: Array<[Member, RatingBody]> = [
    [crew.leader, rating(s, { valence: 2, emotion: 'happy', note: NOTES.leader })],
    [c1, rating(s, { valence: -2, emotion: 'frustrated', expectation: 'worse', note: NOTES.c1 })],
    [
      c2,
      rating(s, { valence: -3, emotion: 'angry', expectation: 'worse', effort: 5, note: NOTES.c2 }),
    ],
  ];
  const clients = [...crew.everyone.map((m) => m.client), screen];
  return { crew, steps, screen, clients, raters };
}

/** The three rate the first step; resolves once every connection counts three. */
async function rateFirstStep(r: Room): Promise<void> {
  for (const [member, body] of r.raters) await rate(member, body);
  const key = `1:${r.steps[0]}`;
  await waitFor(
    () => r.clients.every((c) => c.state?.ratingCounts[key] === 3),
    5000,
    'everyone to count three ratings',
  );
  await settle(...r.crew.everyone.map((m) => m.client));
}

const marksOf = (clients: TestClient[]) => clients.map((c) => c.heard.length);

describe('blind ratings on the wire', () => {
  it('before the reveal, no connection hears anyone else’s rating on any channel', async () => {
    const r = await room();
    const spy = await yjsSpy(r.crew.server, r.crew.workshop.id, r.crew.staff.joined.token, open);
    await rateFirstStep(r);
    // The Yjs spy stays connected through the ratings; the board doc must not carry them.
    await new Promise((resolve) => setTimeout(resolve, 200));

    const ratedBy = new Map(r.raters.map(([m, body]) => [m.client, body]));
    for (const [i, client] of r.clients.entries()) {
      const own = ratedBy.get(client);
      const text = allHeard(client);
      for (const [m, body] of r.raters) {
        if (m.client === client) continue;
        expect(text, `client ${i} heard ${m.name}'s note`).not.toContain(body.note);
        expect(text, `client ${i} heard ${m.name}'s emotion`).not.toContain(`"${body.emotion}"`);
      }
      // Whatever looks like a rating is this person's own, as sent: nothing else.
      const seen = ratingsIn(client.heard.map((h) => h.args));
      if (own) for (const x of seen) expect(x).toEqual({ ...own, round: 1 });
      else expect(seen, `client ${i}`).toEqual([]);
      expect(client.heard.filter((h) => h.event === 'ratings:revealed')).not.toHaveLength(0);
      for (const h of revealsSince(client)) expect(h.ratings).toEqual([]);
      expect(client.state?.ratingCounts).toEqual({ [`1:${r.steps[0]}`]: 3 });
    }

    // The scan can see strings: the path's step ids come through as text.
    expect(spy.text()).toContain(r.steps[0]);
    const yText = spy.text() + JSON.stringify(spy.doc.toJSON());
    for (const [, body] of r.raters) expect(yText).not.toContain(body.note);
    for (const word of ['valence', 'frustrated', 'angry']) expect(yText).not.toContain(word);
  });

  it('gives each rater exactly their own rating in ratings:mine', async () => {
    const r = await room();
    await rateFirstStep(r);
    for (const [m, body] of r.raters) expect(lastMine(m.client)).toEqual([{ ...body, round: 1 }]);
    for (const m of [r.crew.fac, r.crew.staff, r.crew.observer]) {
      const mines = m.client.heard.filter((h) => h.event === 'ratings:mine');
      expect(mines.map((h) => h.args[0])).toEqual([[]]);
    }
    expect(r.screen.heard.some((h) => h.event === 'ratings:mine')).toBe(false);
  });
});

describe('the reveal', () => {
  it('sends one step’s three ratings to every screen, anonymously, then live changes', async () => {
    const r = await room();
    await rateFirstStep(r);
    const step = r.steps[0]!;
    let marks = marksOf(r.clients);
    await ok(r.crew.fac.client, 'reveal:step', { stepId: step });
    const heard = await everyoneHearsReveal(r.clients, marks, (u) => u.replace, 'the reveal');

    const expected = withoutKeys(
      r.raters.map(([m, body]) => ({
        ...body,
        key: '',
        round: 1,
        emotion: body.emotion as never,
        role: m.joined.role as never,
        lens: 'customer' as const,
        cardId: null,
        personaId: null,
        name: null,
      })),
    );
    const ids = r.crew.everyone.map((m) => m.joined.participantId);
    for (const update of heard) {
      expect(update.ratings).toHaveLength(3);
      expect(withoutKeys(update.ratings)).toEqual(expected);
      for (const id of ids) expect(JSON.stringify(update)).not.toContain(id);
    }
    await everyoneSees(r.crew.everyone, (s) => s.control.revealed.includes(`1:${step}`), 'shown');

    // A change after the reveal reaches everyone at once, as one rating under the same key.
    const leaderKey = heard[0]!.ratings.find((x) => x.role === 'leader')!.key;
    marks = marksOf(r.clients);
    await rate(r.crew.leader, rating(step, { valence: 3, emotion: 'delighted' }));
    const live = await everyoneHearsReveal(r.clients, marks, (u) => !u.replace, 'the change');
    for (const update of live) {
      expect(update.ratings).toMatchObject([{ key: leaderKey, valence: 3, name: null }]);
    }

    // The next step is rated but not revealed: it stays on the server.
    await ok(r.crew.fac.client, 'walk:next');
    const [c1] = r.crew.customers as [Member];
    marks = marksOf(r.clients);
    await rate(c1, rating(r.steps[1]!, { valence: -1, emotion: 'confused', note: 'zq-next' }));
    await waitFor(() => r.clients.every((c) => c.state?.ratingCounts[`1:${r.steps[1]}`] === 1));
    await settle(...r.crew.everyone.map((m) => m.client));
    for (const [i, client] of r.clients.entries()) {
      expect(revealsSince(client, marks[i])).toEqual([]);
      if (client !== c1.client) expect(allHeard(client, marks[i])).not.toContain('zq-next');
    }
    await refused(r.crew.fac.client, 'reveal:step', { stepId: step }, ErrorCode.INVALID_TRANSITION);
    await refused(r.crew.leader.client, 'reveal:step', { stepId: r.steps[1] }, ErrorCode.FORBIDDEN);
  });
});

describe('anonymity', () => {
  it('cannot be loosened once the workshop runs, nor back in the lobby after ratings', async () => {
    const r = await room();
    const loosen = { anonymous: false };
    await refused(r.crew.fac.client, 'settings:anonymous', loosen, ErrorCode.INVALID_TRANSITION);
    await rateFirstStep(r);
    await ok(r.crew.fac.client, 'phase:set', { phase: 'lobby' });
    await refused(r.crew.fac.client, 'settings:anonymous', loosen, ErrorCode.INVALID_TRANSITION);
    await refused(r.crew.leader.client, 'settings:anonymous', loosen, ErrorCode.FORBIDDEN);
    await settle(r.crew.fac.client);
    expect(r.crew.fac.client.state?.control.anonymous).toBe(true);
  });

  it('named: reveals names; made anonymous mid-walk, sends everything again without', async () => {
    const r = await room({ named: true });
    await rateFirstStep(r);
    let marks = marksOf(r.clients);
    await ok(r.crew.fac.client, 'reveal:step', { stepId: r.steps[0] });
    const named = await everyoneHearsReveal(r.clients, marks, (u) => u.replace, 'named reveal');
    const names = r.raters.map(([m]) => m.name).sort();
    for (const u of named) expect(u.ratings.map((x) => x.name).sort()).toEqual(names);

    marks = marksOf(r.clients);
    await ok(r.crew.fac.client, 'settings:anonymous', { anonymous: true });
    const anon = await everyoneHearsReveal(r.clients, marks, (u) => u.replace, 'anonymous again');
    for (const u of anon) {
      expect(u.ratings).toHaveLength(3);
      expect(u.ratings.every((x) => x.name === null)).toBe(true);
      for (const name of names) expect(JSON.stringify(u)).not.toContain(name);
    }

    // A key seen next to a name must not follow that person to their next rating.
    await ok(r.crew.fac.client, 'walk:next');
    await rate(r.crew.leader, rating(r.steps[1]!, { valence: 1, emotion: 'calm' }));
    marks = marksOf(r.clients);
    await ok(r.crew.fac.client, 'reveal:step', { stepId: r.steps[1] });
    const [later] = await everyoneHearsReveal(r.clients, marks, (u) => u.replace, 'step two');
    expect(later!.ratings).toHaveLength(4);
    const alias = (key: string) => key.split(':').slice(2).join(':');
    const namedAliases = new Set(named[0]!.ratings.map((x) => alias(x.key)));
    const fresh = later!.ratings.find((x) => x.stepId === r.steps[1])!;
    expect(fresh).toMatchObject({ role: 'leader', name: null });
    expect(namedAliases.has(alias(fresh.key))).toBe(false);
  });
});
