import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { ControlState } from '../lib/domain/workshop';
import { ok } from './helpers/control';
import { closeAfterEach, settle } from './helpers/people';
import {
  connectClient,
  createWorkshop,
  joinWorkshop,
  type TestClient,
  waitFor,
  yjsClient,
} from './helpers/server';
import { ServerProcess } from './helpers/server-process';

const open = closeAfterEach();
const MIN = 60_000;

/** Counts a client's connections, the first included. */
function countConnects(client: TestClient): () => number {
  let n = client.socket.connected ? 1 : 0;
  client.socket.on('connect', () => n++);
  return () => n;
}

/**
 * Stops the server with `signal`, starts it again on the same data and port, and checks
 * that a newcomer's first state, and that of every original client once it has
 * reconnected by itself, has exactly the control state `before`.
 */
async function restartKeeps(
  server: ServerProcess,
  signal: 'SIGTERM' | 'SIGKILL',
  token: string,
  originals: Array<{ client: TestClient; connects: () => number }>,
  before: ControlState,
): Promise<void> {
  const counts = originals.map((o) => o.connects());
  const exit = await server.stop(signal);
  // SIGTERM is handled: the server closes in order and exits with 0.
  expect(exit).toEqual(signal === 'SIGTERM' ? { code: 0, signal: null } : { code: null, signal });
  await server.restart();

  const fresh = await connectClient(server, token);
  open.push(fresh);
  expect(fresh.states[0]?.control).toEqual(before);
  for (const [i, o] of originals.entries()) {
    await waitFor(
      () =>
        o.connects() > (counts[i] ?? 0) &&
        o.client.socket.connected &&
        isDeepStrictEqual(o.client.state?.control, before),
      20_000,
      'an original client to reconnect and see the walk as it was',
    );
  }
}

describe.each(['SIGTERM', 'SIGKILL'] as const)(
  'a server restart (%s) during the walk',
  (signal) => {
    it(
      'resumes the phase, the spotlighted step and the timer’s deadline; a paused timer stays paused',
      {
        timeout: 120_000,
      },
      async () => {
        const server = await ServerProcess.start();
        open.push(server);
        const workshop = await createWorkshop(server);
        const facJoin = await joinWorkshop(
          server,
          workshop.id,
          { name: 'Fran' },
          workshop.facilitatorKey,
        );
        const custJoin = await joinWorkshop(server, workshop.id, {
          name: 'Asta',
          role: 'customer',
        });
        const fac = await connectClient(server, facJoin.token);
        open.push(fac);
        const cust = await connectClient(server, custJoin.token);
        open.push(cust);
        const originals = [fac, cust].map((client) => ({
          client,
          connects: countConnects(client),
        }));
        const y = yjsClient(server, workshop.id, facJoin.token);
        open.push({ close: () => y.provider.destroy() });
        await waitFor(() => y.provider.synced, 10_000, 'the document');
        const steps = y.doc.getArray<string>('stepOrder').toArray();
        expect(steps.length).toBeGreaterThan(3);

        // The walk, on its third step, with the timer running.
        await ok(fac, 'phase:set', { phase: 'walk' });
        await ok(fac, 'walk:step', { stepId: steps[2] });
        await ok(fac, 'timer:start', { durationMs: 10 * MIN });
        await settle(fac);
        const running = fac.state!.control;
        expect(running).toMatchObject({ phase: 'walk', stepId: steps[2] });
        expect(running.timer).toMatchObject({ status: 'running', durationMs: 10 * MIN });
        // The deadline is an instant: had it been restarted, it would have moved.
        await restartKeeps(server, signal, custJoin.token, originals, running);

        // Paused, the timer keeps what it had left, however long the server is down.
        await ok(fac, 'timer:pause');
        await settle(fac);
        const paused = fac.state!.control;
        expect(paused.timer).toMatchObject({ status: 'paused', durationMs: 10 * MIN });
        await restartKeeps(server, signal, custJoin.token, originals, paused);

        // And the walk goes on from there.
        await ok(fac, 'walk:next');
        await ok(fac, 'timer:resume');
        await waitFor(
          () =>
            cust.state?.control.stepId === steps[3] &&
            cust.state?.control.timer.status === 'running',
          10_000,
          'the walk to go on',
        );
      },
    );
  },
);
