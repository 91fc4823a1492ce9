import { describe, expect, it } from 'vitest';
import { summariseProgress } from '../lib/domain/progress';
import type { WorkshopState } from '../lib/domain/workshop';
import { everyoneSees, ok, stepIdsFromDoc } from './helpers/control';
import { closeAfterEach, gatherCrew, type Member, settle } from './helpers/people';
import { allHeard, connectScreen, rate, rating, ratingsIn } from './helpers/ratings';
import type { TestClient } from './helpers/server';
import { heardOf, IDEAS, lastResults, votingRoom } from './helpers/votes';

const open = closeAfterEach();

const idsOf = (...members: Member[]) => members.map((m) => m.joined.participantId).sort();

/** Waits until every connection's state says `done` of `total` for the current phase. */
async function everyScreenCounts(
  clients: TestClient[],
  done: number,
  total: number,
  what: string,
): Promise<void> {
  await everyoneSees(
    clients.map((client, i) => ({ name: String(i), joined: null as never, client })),
    (s) => {
      const p = summariseProgress(s);
      return p !== null && p.done === done && p.total === total;
    },
    what,
  );
}

/** What every connection heard as workshop state, as text: the place progress travels. */
const stateText = (c: TestClient) =>
  JSON.stringify(
    c.heard.filter((h) => h.event === 'workshop:state' || h.event === 'workshop:patch'),
  );

describe('progress in the walk: who has rated the spotlighted step', () => {
  it('counts three of three on every screen once three have rated, by id, with no rating on the wire', async () => {
    const crew = await gatherCrew(open, { customers: 1 });
    const steps = await stepIdsFromDoc(crew, open);
    const screen = await connectScreen(
      crew.server,
      crew.workshop.id,
      crew.workshop.facilitatorKey,
      open,
    );
    const clients = [...crew.everyone.map((m) => m.client), screen];
    await ok(crew.fac.client, 'phase:set', { phase: 'walk' });
    const raters = [crew.leader, crew.staff, crew.customers[0]!];
    const notes = ['zq-lea', 'zq-sami', 'zq-cust'];
    await everyScreenCounts(clients, 0, 3, 'nobody has rated');

    await rate(
      raters[0]!,
      rating(steps[0]!, { emotion: 'frustrated', note: notes[0]!, valence: -2 }),
    );
    await everyScreenCounts(clients, 1, 3, 'one has rated');
    for (const c of clients) {
      const p = summariseProgress(c.state!)!;
      expect(p.signal).toBe('rated');
      expect(p.waiting.map((w) => w.id).sort()).toEqual(idsOf(crew.staff, crew.customers[0]!));
    }

    await rate(raters[1]!, rating(steps[0]!, { emotion: 'angry', note: notes[1]!, valence: -3 }));
    await rate(raters[2]!, rating(steps[0]!, { emotion: 'relieved', note: notes[2]! }));
    // Nobody pressed "I'm done": rating the step is what counts.
    await everyScreenCounts(clients, 3, 3, 'three of three have rated');
    for (const c of clients) {
      expect([...c.state!.progress.doneIds].sort()).toEqual(idsOf(...raters));
      expect(summariseProgress(c.state!)!.waiting).toEqual([]);
    }

    // Rating a step the room is not on does not count for the spotlighted one.
    await ok(crew.fac.client, 'walk:next');
    await everyScreenCounts(clients, 0, 3, 'the next step starts at nought');
    await ok(crew.fac.client, 'walk:prev');
    await everyScreenCounts(clients, 3, 3, 'back on the rated step');

    // Ids only: no rating value, emotion or note reaches anyone but its author.
    await settle(...crew.everyone.map((m) => m.client));
    for (const c of clients) {
      const own = raters.findIndex((m) => m.client === c);
      const text = allHeard(c);
      for (const [i, note] of notes.entries()) if (i !== own) expect(text).not.toContain(note);
      const state = stateText(c);
      for (const word of ['valence', 'frustrated', 'angry', 'relieved', 'zq-'])
        expect(state).not.toContain(word);
      if (own < 0) expect(ratingsIn(c.heard.map((h) => h.args))).toEqual([]);
    }
  });
});

describe('progress in the vote: dots spent of the budget', () => {
  it('counts who still has dots by id, and the dots spent, never the hidden totals', async () => {
    const room = await votingRoom(open);
    await room.board.add(IDEAS);
    const { crew, voters } = room;
    const [D, C, B, A] = IDEAS;
    await ok(crew.fac.client, 'phase:set', { phase: 'vote' });
    expect(crew.fac.client.state?.control.votes).toMatchObject({ budget: 5, hidden: true });
    await everyScreenCounts(room.clients, 0, 3, 'nobody has voted');

    await ok(voters[0].client, 'vote:set', { ideaId: D, dots: 2 });
    await ok(voters[0].client, 'vote:set', { ideaId: C, dots: 3 });
    await ok(voters[1].client, 'vote:set', { ideaId: C, dots: 2 });
    await ok(voters[1].client, 'vote:set', { ideaId: B, dots: 3 });
    await ok(voters[2].client, 'vote:set', { ideaId: A, dots: 2 });
    await everyScreenCounts(room.clients, 2, 3, 'two have spent all their dots');
    for (const c of room.clients) {
      const p = summariseProgress(c.state!)!;
      expect(p.signal).toBe('dots');
      expect(p.dots).toEqual({
        spent: 12,
        budget: 15,
        left: [{ id: voters[2].joined.participantId, left: 3 }],
      });
      expect(p.waiting.map((w) => w.id)).toEqual([voters[2].joined.participantId]);
    }

    await ok(voters[2].client, 'vote:set', { ideaId: B, dots: 3 });
    await everyScreenCounts(room.clients, 3, 3, 'three of three have spent every dot');
    for (const c of room.clients) {
      const p = summariseProgress(c.state!)!;
      expect(p.dots).toEqual({ spent: 15, budget: 15, left: [] });
      expect([...c.state!.progress.doneIds].sort()).toEqual(idsOf(...voters));
    }

    // Hidden votes stay hidden: no totals, and no idea named in what everyone hears.
    await settle(...crew.everyone.map((m) => m.client));
    for (const c of room.clients) {
      expect(heardOf(c, 'votes:results').every((r) => r === null)).toBe(true);
      expect(lastResults(c)).toBeNull();
      for (const idea of IDEAS) expect(stateText(c)).not.toContain(idea);
    }
  });
});

describe('progress in the warm-up and in phases with no other signal', () => {
  it('counts answers in the warm-up and "I\'m done" in the target phase, the same everywhere', async () => {
    const crew = await gatherCrew(open, { customers: 1 });
    const screen = await connectScreen(
      crew.server,
      crew.workshop.id,
      crew.workshop.facilitatorKey,
      open,
    );
    const clients = [...crew.everyone.map((m) => m.client), screen];
    const takers = [crew.leader, crew.staff, crew.customers[0]!];
    await ok(crew.fac.client, 'phase:set', { phase: 'warmup' });
    await ok(takers[0]!.client, 'warmup:answer', { workplace: 9, customers: 7 });
    await everyScreenCounts(clients, 1, 3, 'one answer');
    for (const m of takers.slice(1))
      await ok(m.client, 'warmup:answer', { workplace: 3, customers: 4 });
    await everyScreenCounts(clients, 3, 3, 'three answers');
    const warmup = (s: WorkshopState) => summariseProgress(s)!;
    for (const c of clients) {
      expect(warmup(c.state!).signal).toBe('answered');
      expect(c.state!.warmup.answered).toBe(warmup(c.state!).done);
    }

    await ok(crew.fac.client, 'phase:set', { phase: 'target' });
    await everyScreenCounts(clients, 0, 3, 'nobody done with the targets');
    for (const m of takers) await ok(m.client, 'ready:set', { ready: true });
    await everyScreenCounts(clients, 3, 3, 'everyone done with the targets');
    for (const c of clients) expect(summariseProgress(c.state!)!.signal).toBe('ready');
  });
});
