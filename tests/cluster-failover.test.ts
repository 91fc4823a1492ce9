import { isDeepStrictEqual } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { MyRating } from '../lib/domain/ratings';
import type { MyVotes } from '../lib/domain/votes';
import { type BoardClient, boardClient, boardJson, noteTexts } from './helpers/board';
import { cleanUp, type Shared, sharedBy } from './helpers/cluster';
import {
  CLUSTER_SLOW_MS,
  type ClusterRoom,
  clusterClient,
  clusterRoom,
  TEST_LEASE_TTL_MS,
} from './helpers/cluster-room';
import { ok } from './helpers/control';
import { sql } from './helpers/postgres';
import { keepSending, keepWriting, SentLog } from './helpers/fault-burst';
import { heardSince, settle } from './helpers/people';
import { rating, type RatingBody } from './helpers/ratings';
import { type TestClient, waitFor } from './helpers/server';

/**
 * Issue 11, end to end: two real server processes over Postgres and Redis, nginx in front
 * (deploy/nginx.conf as shipped), every client through nginx. Killing the node that serves
 * a workshop moves the workshop to the other node, with everything acknowledged; a node
 * frozen past its lease cannot write when it wakes.
 */
describe('two nodes behind nginx', () => {
  let shared: Shared;
  const open: Array<{ close(): unknown }> = [];
  afterEach(async () => {
    for (const thing of open.splice(0).reverse()) await thing.close();
    await cleanUp(shared);
  });

  /** Each person votes a dot on the first idea; resolves with what the server acknowledged. */
  async function vote(room: ClusterRoom): Promise<void> {
    await ok(room.fac.client, 'phase:set', { phase: 'vote' });
    for (const m of room.people) await ok(m.client, 'vote:set', { ideaId: room.ideas[0], dots: 2 });
    await ok(room.fac.client, 'phase:set', { phase: 'walk' });
    await ok(room.fac.client, 'walk:pace', { pace: 'free' });
  }

  it(
    'a node killed mid-workshop: the other takes over, with every acknowledged rating, vote and board update',
    { timeout: 180_000 },
    async () => {
      shared = sharedBy('failover');
      const room = await clusterRoom(shared, open);
      await vote(room);
      const owner = await room.owner();
      expect(owner === 'a' || owner === 'b').toBe(true);
      const survivor = owner === 'a' ? 'b' : 'a';

      let running = true;
      const ratings = new SentLog<RatingBody>();
      const sending = room.people.map((m) =>
        keepSending(
          m.client,
          'rating:put',
          (i) => {
            const stepId = room.steps[i % room.steps.length]!;
            const value = rating(stepId, { valence: 1 + (i % 3), note: `${m.name} ${i}` });
            return { key: `${m.joined.participantId}/${stepId}`, value };
          },
          ratings,
          () => running,
        ),
      );
      const writing = room.people.map((m, i) =>
        keepWriting(
          m.board,
          { name: m.name, participantId: m.joined.participantId },
          room.steps[i]!,
          () => running,
        ),
      );
      await waitFor(() => ratings.acked >= 20, CLUSTER_SLOW_MS, 'the burst to get going');

      // The owner dies with commands in flight; the room goes on on the other node.
      const exit = await room.nodes[owner!].stop('SIGKILL');
      expect(exit.signal).toBe('SIGKILL');
      const ackedAtKill = ratings.acked;
      await waitFor(
        () => ratings.acked >= ackedAtKill + 15,
        CLUSTER_SLOW_MS,
        'ratings to be acknowledged again, by the other node',
      );
      expect(await room.owner()).toBe(survivor);
      running = false;
      const [written] = await Promise.all([Promise.all(writing), Promise.all(sending)]);
      expect(ratings.count('refused')).toBe(0);

      // Every acknowledged rating, as each rater's own view on a fresh connection.
      for (const m of room.people) {
        const fresh = await clusterClient(room.nginx, room.workshop.id, m.joined.token, open);
        await settle(fresh);
        const mine = (heardSince(fresh, 'ratings:mine').at(-1) ?? []) as MyRating[];
        const stored = new Map(
          mine.map(({ round: _, ...r }) => [`${m.joined.participantId}/${r.stepId}`, r]),
        );
        const sentKeys = ratings.keys().filter((k) => k.startsWith(`${m.joined.participantId}/`));
        expect(sentKeys.length).toBeGreaterThan(0);
        for (const key of sentKeys)
          expect(ratings.allowed(key), key).toContainEqual(stored.get(key));
        // The votes cast before the kill.
        const votes = heardSince(fresh, 'votes:mine').at(-1) as MyVotes | undefined;
        expect(votes?.votes, m.name).toEqual({ [room.ideas[0]!]: 2 });
      }

      // The board: every note each person wrote, on every copy, the same to the last clock.
      const fresh = await boardClient(room.nginx, room.workshop.id, room.fac.joined.token, open);
      const boards: BoardClient[] = [...room.people.map((m) => m.board), room.fac.board];
      await waitFor(
        () =>
          boards.every(
            (b) =>
              b.provider.synced &&
              isDeepStrictEqual(boardJson(b.doc), boardJson(fresh.doc)) &&
              isDeepStrictEqual(Y.encodeStateVector(b.doc), Y.encodeStateVector(fresh.doc)),
          ),
        CLUSTER_SLOW_MS,
        'every board to equal the surviving node’s',
      );
      const notes = noteTexts(fresh.doc);
      for (const ids of written!) for (const id of ids) expect(notes[id], id).toBeDefined();
      expect(written!.flat().length).toBeGreaterThan(10);

      // The original clients came back by themselves, to the same state.
      const freshFac = await clusterClient(
        room.nginx,
        room.workshop.id,
        room.fac.joined.token,
        open,
      );
      const originals: TestClient[] = [room.fac.client, ...room.people.map((m) => m.client)];
      await waitFor(
        () =>
          originals.every((c) => c.socket.connected && isDeepStrictEqual(c.state, freshFac.state)),
        CLUSTER_SLOW_MS,
        'the original clients to agree with the surviving node',
      );
      expect(room.nginx.errorLog()).toMatch(
        /connect\(\) failed|upstream server temporarily disabled/,
      );
    },
  );

  it(
    'a node frozen past its lease: when it wakes, its late writes are refused and change nothing',
    { timeout: 180_000 },
    async () => {
      shared = sharedBy('frozen');
      const room = await clusterRoom(shared, open, { quickHeartbeat: false });
      await vote(room);
      const owner = (await room.owner())!;
      const other = owner === 'a' ? 'b' : 'a';
      const cilla = room.people.at(-1)!;
      const [first, second] = room.steps;
      const before = rating(first!, { valence: -2, emotion: 'anxious', note: 'before' });
      await ok(cilla.client, 'rating:put', before);

      room.nodes[owner].pause();
      // The lease lapses; a client that reaches the other node (as one does once nginx
      // gives up on the frozen node) has the workshop served there, from Postgres.
      await new Promise((r) => setTimeout(r, TEST_LEASE_TTL_MS + 500));
      const onOther = { url: room.nodes[other].url };
      const direct = await clusterClient(onOther, room.workshop.id, room.fac.joined.token, open);
      expect(await room.owner()).toBe(other);
      await ok(direct, 'walk:step', { stepId: second });

      // Cilla's socket to the frozen node is still open (its heartbeat has not run out):
      // what she sends now waits in that node's socket until it wakes, believing it still
      // serves the workshop. A rating the new owner would accept (the walk goes on there).
      const late = cilla.client.request(
        'rating:put',
        rating(first!, { valence: 3, emotion: 'delighted', expectation: 'better', note: 'late' }),
      );
      await new Promise((r) => setTimeout(r, 200));
      room.nodes[owner].resume();
      const answer = await late.catch((err: Error) => ({ ok: false, error: err.message }));
      expect(answer, JSON.stringify(answer)).toMatchObject({ ok: false });
      // Refused by fencing in Postgres, or the node found its lease gone first and let go.
      await waitFor(
        () => /no longer served here \((fenced|lease lost)\)/.test(room.nodes[owner].output),
        CLUSTER_SLOW_MS,
        'the woken node to give the workshop up',
      );

      // Nothing of it was stored: the new owner still has the rating from before.
      const fresh = await clusterClient(onOther, room.workshop.id, cilla.joined.token, open);
      await settle(fresh);
      const mine = (heardSince(fresh, 'ratings:mine').at(-1) ?? []) as MyRating[];
      expect(mine).toEqual([
        expect.objectContaining({ stepId: first, valence: -2, note: 'before' }),
      ]);
      expect(fresh.state?.control.stepId).toBe(second);
      // …and so has Postgres itself (the new owner reads it only once, when it takes over).
      const rows = await sql<{ note: string }>(
        `SELECT note FROM ${shared.schema}.ratings WHERE workshop_id = $1`,
        [room.workshop.id],
      );
      expect(rows).toEqual([{ note: 'before' }]);
      expect(await room.owner()).toBe(other);
    },
  );
});
