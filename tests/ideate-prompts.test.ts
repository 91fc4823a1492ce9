/**
 * Ideate opens on the top moment of truth and the facilitator moves through the three
 * prompted steps with walk:next / walk:prev, ranked from revealed ratings only. Real
 * server on port 0, real Socket.io clients, a projector screen among them.
 */
import { describe, expect, it } from 'vitest';
import { everyoneSees, ok, refused, stepIdsFromDoc } from './helpers/control';
import { closeAfterEach, type Crew, gatherCrew, type Member } from './helpers/people';
import { connectScreen, rate, rating } from './helpers/ratings';
import { type TestClient, waitFor } from './helpers/server';
import { ErrorCode } from '../lib/protocol/codes';

const open = closeAfterEach();

/**
 * One customer proxy rates the first six steps of the order-to-invoice path (one role, so
 * no perception gaps). With its targets (calm, happy, calm, calm, relieved, calm) and
 * critical steps (4th to 6th) the scores are, by hand: 0, 0, 9 (a drop of 5 and 4 short of
 * calm), 3 (2 short, critical), 5 (a drop of 1, 3 short, critical), 1 (critical). The
 * prompted steps, worst first, are the 3rd, the 5th and the 4th: not the path's order.
 */
const FELT: Array<[number, string]> = [
  [1, 'calm'],
  [2, 'happy'],
  [-3, 'angry'],
  [-1, 'unsure'],
  [-2, 'frustrated'],
  [1, 'calm'],
];

interface Room {
  crew: Crew;
  steps: string[];
  screen: TestClient;
}

async function walked(mode: 'walked' | 'stepwise'): Promise<Room> {
  const crew = await gatherCrew(open, { customers: 1 });
  const steps = await stepIdsFromDoc(crew, open);
  const { id, facilitatorKey } = crew.workshop;
  const screen = await connectScreen(crew.server, id, facilitatorKey, open);
  await ok(crew.fac.client, 'settings:reveal', { mode });
  await ok(crew.fac.client, 'phase:set', { phase: 'walk' });
  await ok(crew.fac.client, 'walk:pace', { pace: 'free' });
  const [customer] = crew.customers as [Member];
  for (const [i, [valence, emotion]] of FELT.entries()) {
    await rate(customer, rating(steps[i]!, { valence, emotion }));
  }
  return { crew, steps, screen };
}

/** Every member and the projector see the phase with the spotlight on `stepId`. */
async function allSpotlight(r: Room, stepId: string, what: string) {
  const members = [...r.crew.everyone, { client: r.screen } as Member];
  await everyoneSees(
    members,
    (s) => s.control.phase === 'ideate' && s.control.stepId === stepId,
    what,
  );
}

describe('ideate', () => {
  it('opens on the top moment of truth; walk:next and walk:prev move through the prompted steps', async () => {
    const r = await walked('walked');
    const fac = r.crew.fac.client;
    // Reflect ends on another step (it opened on the same top moment): ideate moves there.
    await ok(fac, 'phase:set', { phase: 'reflect' });
    await ok(fac, 'walk:step', { stepId: r.steps[5] });
    await ok(fac, 'phase:set', { phase: 'ideate' });
    await allSpotlight(r, r.steps[2]!, 'the spotlight on the worst moment of truth');

    await ok(fac, 'walk:next');
    await allSpotlight(r, r.steps[4]!, 'the second prompt, not the next step on the path');
    await ok(fac, 'walk:next');
    await allSpotlight(r, r.steps[3]!, 'the third prompt');
    await refused(fac, 'walk:next', {}, ErrorCode.NOT_FOUND);
    await ok(fac, 'walk:prev');
    await allSpotlight(r, r.steps[4]!, 'back to the second prompt');
    await refused(r.crew.leader.client, 'walk:next', {}, ErrorCode.FORBIDDEN);
  });

  it('ranks only what is revealed: the worst step, not yet revealed, is not chosen', async () => {
    const r = await walked('stepwise');
    const fac = r.crew.fac.client;
    for (const i of [3, 4, 5]) await ok(fac, 'reveal:step', { stepId: r.steps[i] });
    await waitFor(
      () => r.screen.state?.control.revealed.length === 3,
      5000,
      'the screen to see three steps revealed',
    );
    await ok(fac, 'phase:set', { phase: 'ideate' });
    // Without the 3rd step the 4th has no drop before it: the 5th (5), the 4th (3), the 6th (1).
    await allSpotlight(r, r.steps[4]!, 'the spotlight on the worst revealed moment');
    await ok(fac, 'walk:next');
    await allSpotlight(r, r.steps[3]!, 'the next revealed prompt');
    expect(r.crew.fac.client.state?.control.revealed).not.toContain(`1:${r.steps[2]}`);
  });
});
