import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../lib/protocol/codes';
import {
  everyoneSees,
  lateJoiner,
  ok,
  reconnect,
  refused,
  stepIdsFromDoc,
} from './helpers/control';
import { closeAfterEach, gatherCrew, settle } from './helpers/people';
import { waitFor } from './helpers/server';

const open = closeAfterEach();

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

describe('marking oneself done', () => {
  it('shows who is done on everyone’s screen, and takes it back when un-marked', async () => {
    const crew = await gatherCrew(open, { customers: 2 });
    await ok(crew.fac.client, 'phase:set', { phase: 'walk' });
    const [c1, c2] = crew.customers as [(typeof crew.customers)[0], (typeof crew.customers)[0]];
    const ids = (...ms: Array<typeof c1>) => ms.map((m) => m.joined.participantId);

    await ok(c1.client, 'ready:set', { ready: true });
    await ok(crew.leader.client, 'ready:set', { ready: true });
    await ok(c2.client, 'ready:set', { ready: true });
    await everyoneSees(
      crew.everyone,
      (s) => sameIds(s.control.readiness.doneIds, ids(c1, crew.leader, c2)),
      'three done',
    );

    // Marking again changes nothing; un-marking takes only that person off.
    await ok(c1.client, 'ready:set', { ready: true });
    await settle(...crew.everyone.map((m) => m.client));
    for (const m of crew.everyone) {
      expect(m.client.state?.control.readiness.doneIds, m.name).toHaveLength(3);
    }
    await ok(c1.client, 'ready:set', { ready: false });
    await everyoneSees(
      crew.everyone,
      (s) => sameIds(s.control.readiness.doneIds, ids(crew.leader, c2)),
      'c1 un-marked',
    );
    const stored = await crew.server.storage.getWorkshop(crew.workshop.id);
    expect(stored?.control.readiness.doneIds.sort()).toEqual(ids(crew.leader, c2).sort());
  });

  it('refuses the facilitator and observers with FORBIDDEN', async () => {
    const crew = await gatherCrew(open, { customers: 1 });
    await ok(crew.fac.client, 'phase:set', { phase: 'walk' });
    await refused(crew.fac.client, 'ready:set', { ready: true }, ErrorCode.FORBIDDEN);
    await refused(crew.observer.client, 'ready:set', { ready: true }, ErrorCode.FORBIDDEN);
    await ok(crew.staff.client, 'ready:set', { ready: true });
    await everyoneSees(
      crew.everyone,
      (s) => sameIds(s.control.readiness.doneIds, [crew.staff.joined.participantId]),
      'only staff done',
    );
  });

  it('starts over for everyone when the spotlight moves on', async () => {
    const crew = await gatherCrew(open, { customers: 2 });
    const steps = await stepIdsFromDoc(crew, open);
    await ok(crew.fac.client, 'phase:set', { phase: 'walk' });
    for (const m of [crew.leader, ...crew.customers])
      await ok(m.client, 'ready:set', { ready: true });
    await everyoneSees(crew.everyone, (s) => s.control.readiness.doneIds.length === 3, '3 done');
    // A timer does not move the scope.
    await ok(crew.fac.client, 'timer:start', { durationMs: 60_000 });
    await settle(crew.fac.client);
    expect(crew.fac.client.state?.control.readiness.doneIds).toHaveLength(3);

    await ok(crew.fac.client, 'walk:next');
    await everyoneSees(
      crew.everyone,
      (s) => s.control.stepId === steps[1] && s.control.readiness.doneIds.length === 0,
      'the next step, nobody done',
    );
    expect(crew.fac.client.state?.control.readiness.scope).toBe(`walk:1:${steps[1]}`);

    // Done on the second step; moving to another phase starts over too.
    await ok(crew.staff.client, 'ready:set', { ready: true });
    await everyoneSees(crew.everyone, (s) => s.control.readiness.doneIds.length === 1, '1 done');
    await ok(crew.fac.client, 'phase:next');
    await everyoneSees(
      crew.everyone,
      (s) => s.control.phase === 'reveal' && s.control.readiness.doneIds.length === 0,
      'reveal, nobody done',
    );
  });
});

describe('joining late or reconnecting', () => {
  it('gets the current phase, step, timer and readiness in the very first state', async () => {
    const crew = await gatherCrew(open, { customers: 2 });
    const steps = await stepIdsFromDoc(crew, open);
    await ok(crew.fac.client, 'phase:set', { phase: 'walk' });
    await ok(crew.fac.client, 'walk:step', { stepId: steps[2] });
    await ok(crew.fac.client, 'timer:start', { durationMs: 5 * 60_000 });
    await ok(crew.leader.client, 'ready:set', { ready: true });
    await settle(crew.fac.client);
    const now = crew.fac.client.state!.control;
    expect(now).toMatchObject({
      phase: 'walk',
      stepId: steps[2],
      timer: { status: 'running' },
      readiness: { doneIds: [crew.leader.joined.participantId] },
    });

    const late = await lateJoiner(crew.server, crew.workshop.id, open);
    expect(late.states[0]?.control).toEqual(now);

    const gone = crew.customers[0]!;
    gone.client.close();
    await waitFor(
      () =>
        crew.fac.client.state?.participants.find((p) => p.id === gone.joined.participantId)
          ?.online === false,
      5000,
      'them to go offline',
    );
    const back = await reconnect(crew.server, gone.joined.token, open);
    expect(back.states[0]?.control).toEqual(now);
    expect(back.you?.participantId).toBe(gone.joined.participantId);
  });
});
