/**
 * Entering the reveal shows what was walked (the room used to meet a blank curve and think
 * its ratings lost), unless the facilitator reveals step by step; reflect opens on the top
 * moment of truth. Real server, real Socket.io clients, a projector screen among them.
 */
import { describe, expect, it } from 'vitest';
import { everyoneSees, ok, stepIdsFromDoc } from './helpers/control';
import { closeAfterEach, type Crew, gatherCrew, type Member, settle } from './helpers/people';
import {
  allHeard,
  connectScreen,
  everyoneHearsReveal,
  rate,
  rating,
  revealsSince,
} from './helpers/ratings';
import { type TestClient, waitFor } from './helpers/server';

const open = closeAfterEach();

interface Room {
  crew: Crew;
  steps: string[];
  clients: TestClient[];
}

/** The crew and a projector, in the walk with a free pace (people may rate any step). */
async function walking(): Promise<Room> {
  const crew = await gatherCrew(open, { customers: 1 });
  const steps = await stepIdsFromDoc(crew, open);
  const { id, facilitatorKey } = crew.workshop;
  const screen = await connectScreen(crew.server, id, facilitatorKey, open);
  await ok(crew.fac.client, 'phase:set', { phase: 'walk' });
  await ok(crew.fac.client, 'walk:pace', { pace: 'free' });
  return { crew, steps, clients: [...crew.everyone.map((m) => m.client), screen] };
}

/** Leader and customer proxy agree on the first step and part at the second (+3 / −3). */
async function rateTwoSteps({ crew, steps, clients }: Room): Promise<void> {
  const [customer] = crew.customers as [Member];
  await rate(crew.leader, rating(steps[0]!, { valence: 2, note: 'zq-first-leader' }));
  await rate(customer, rating(steps[0]!, { valence: 2, note: 'zq-first-proxy' }));
  await rate(crew.leader, rating(steps[1]!, { valence: 3, emotion: 'delighted' }));
  const angry = { valence: -3, emotion: 'angry', note: 'zq-second-proxy' };
  await rate(customer, rating(steps[1]!, angry));
  await waitFor(
    () => clients.every((c) => c.state?.ratingCounts[`1:${steps[1]}`] === 2),
    5000,
    'everyone to count the ratings',
  );
}

const marksOf = (clients: TestClient[]) => clients.map((c) => c.heard.length);

describe('entering the reveal', () => {
  it('sends every screen the ratings of the steps walked, with the phase change', async () => {
    const r = await walking();
    await rateTwoSteps(r);
    const marks = marksOf(r.clients);
    await ok(r.crew.fac.client, 'phase:set', { phase: 'reveal' });
    const heard = await everyoneHearsReveal(
      r.clients,
      marks,
      (u) => u.replace && u.ratings.length === 4,
      'the walked steps’ ratings',
    );
    for (const update of heard) {
      expect(new Set(update.ratings.map((x) => x.stepId))).toEqual(
        new Set([r.steps[0], r.steps[1]]),
      );
    }
    await everyoneSees(
      r.crew.everyone,
      (s) =>
        s.control.phase === 'reveal' &&
        [...s.control.revealed].sort().join() ===
          [`1:${r.steps[0]}`, `1:${r.steps[1]}`].sort().join(),
      'the walked steps revealed, and only those',
    );
  });

  it('in step-by-step mode lets nothing out until the facilitator reveals a step', async () => {
    const r = await walking();
    await ok(r.crew.fac.client, 'settings:reveal', { mode: 'stepwise' });
    await everyoneSees(r.crew.everyone, (s) => s.control.revealMode === 'stepwise', 'the mode');
    await rateTwoSteps(r);
    const marks = marksOf(r.clients);
    await ok(r.crew.fac.client, 'phase:set', { phase: 'reveal' });
    await everyoneSees(r.crew.everyone, (s) => s.control.phase === 'reveal', 'the reveal phase');
    await settle(...r.crew.everyone.map((m) => m.client));
    const [customer] = r.crew.customers as [Member];
    for (const [i, client] of r.clients.entries()) {
      expect(client.state?.control.revealed).toEqual([]);
      for (const update of revealsSince(client, marks[i])) expect(update.ratings).toEqual([]);
      if (client !== customer.client) {
        expect(allHeard(client, marks[i])).not.toContain('zq-second-proxy');
      }
    }

    const before = marksOf(r.clients);
    await ok(r.crew.fac.client, 'reveal:step', { stepId: r.steps[1] });
    const heard = await everyoneHearsReveal(r.clients, before, (u) => u.replace, 'one step');
    for (const update of heard) {
      expect(update.ratings.map((x) => x.stepId)).toEqual([r.steps[1], r.steps[1]]);
      expect(JSON.stringify(update)).not.toContain('zq-first');
    }
  });
});

describe('entering reflect', () => {
  it('puts the spotlight on the top moment of truth of what was revealed', async () => {
    const r = await walking();
    await rateTwoSteps(r);
    // The walk ends on a later step: reflect must not open where the walk stopped.
    await ok(r.crew.fac.client, 'walk:step', { stepId: r.steps[3] });
    await ok(r.crew.fac.client, 'phase:set', { phase: 'reveal' });
    await ok(r.crew.fac.client, 'phase:set', { phase: 'reflect' });
    await everyoneSees(
      r.crew.everyone,
      (s) => s.control.phase === 'reflect' && s.control.stepId === r.steps[1],
      'the spotlight on the step where leader and customer proxy part',
    );
  });
});
