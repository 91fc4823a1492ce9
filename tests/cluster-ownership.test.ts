import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode, ErrorCode } from '../lib/protocol/codes';
import { PROTOCOL_VERSION } from '../lib/protocol/events';
import {
  cleanUp,
  type Node,
  redisClient,
  type Shared,
  sharedBy,
  startNode,
} from './helpers/cluster';
import { ok } from './helpers/control';
import { rating } from './helpers/ratings';
import {
  connectClient,
  createWorkshop,
  handshakeError,
  joinWorkshop,
  rawYjsSocket,
  type TestClient,
  waitFor,
  yjsClient,
} from './helpers/server';

/**
 * Two nodes in this process over one Postgres and one Redis (issue 11): one serves a
 * workshop at a time, the other says NOT_OWNER on every channel, and a node that loses
 * its lease stops serving and can no longer write.
 */
describe('workshop ownership over two nodes', () => {
  let shared: Shared;
  const open: Array<{ close(): unknown }> = [];
  afterEach(async () => {
    for (const thing of open.splice(0).reverse()) await thing.close();
    await cleanUp(shared);
  });
  async function node(id: string, options?: Parameters<typeof startNode>[2]): Promise<Node> {
    const n = await startNode(shared, id, options);
    open.push(n);
    return n;
  }
  async function client(n: Node, token: string): Promise<TestClient> {
    const c = await connectClient(n.server, token);
    open.push(c);
    return c;
  }
  /** A workshop made through `n`, whose facilitator joins and connects there. */
  async function workshopOn(n: Node) {
    const created = await createWorkshop(n.server);
    const fac = await joinWorkshop(n.server, created.id, { name: 'Fasi' }, created.facilitatorKey);
    return { created, fac, client: await client(n, fac.token) };
  }

  it('serves a workshop on one node; the other answers NOT_OWNER on every channel', async () => {
    shared = sharedBy('own');
    const a = await node('a', { handoffMinHoldMs: 60_000 });
    const b = await node('b', { handoffMinHoldMs: 60_000 });
    const { created, fac } = await workshopOn(a);
    expect(a.ownership.owned).toEqual([created.id]);

    const auth = { v: PROTOCOL_VERSION, token: fac.token };
    expect(await handshakeError(b.server, auth)).toBe(ErrorCode.NOT_OWNER);
    const yjs = rawYjsSocket(b.server, created.id, fac.token);
    expect((await yjs.closed).code).toBe(CloseCode.NOT_OWNER);
    const res = await fetch(`${b.server.url}/api/workshops/${created.id}/participants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Bea', role: 'customer' }),
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(await res.json()).toMatchObject({ error: { code: ErrorCode.NOT_OWNER } });
    expect(b.ownership.owned).toEqual([]);
  });

  it('hands a workshop over on request; its clients reconnect and find everything acknowledged', async () => {
    shared = sharedBy('handoff');
    const a = await node('a', { handoffMinHoldMs: 0 });
    const b = await node('b', { handoffMinHoldMs: 60_000 });
    const { created, fac, client: onA } = await workshopOn(a);
    await ok(onA, 'phase:set', { phase: 'walk' });
    const board = yjsClient(a.server, created.id, fac.token);
    open.push({ close: () => board.provider.destroy() });
    await waitFor(() => board.provider.synced, 5000, 'the board to sync on a');
    const [stepId] = board.doc.getArray<string>('stepOrder').toArray();
    const anna = await joinWorkshop(a.server, created.id, { name: 'Anna', role: 'customer' });
    const annaOnA = await client(a, anna.token);
    await ok(
      annaOnA,
      'rating:put',
      rating(stepId!, { valence: -3, emotion: 'angry', expectation: 'worse', note: 'on a' }),
    );
    const closes: number[] = [];
    board.provider.on('connection-close', (e: CloseEvent | null) => closes.push(e?.code ?? 0));
    const dropped = new Promise<string>((resolve) => onA.socket.once('disconnect', resolve));

    // The balancer sends the workshop to b: b refuses, and asks a to let go.
    const auth = { v: PROTOCOL_VERSION, token: fac.token };
    expect(await handshakeError(b.server, auth)).toBe(ErrorCode.NOT_OWNER);
    expect(await dropped).toBe('transport close');
    await waitFor(() => closes.includes(CloseCode.NOT_OWNER), 5000, 'the board to be told');
    onA.close();
    board.provider.destroy();

    annaOnA.close();
    const onB = await client(b, fac.token);
    expect(b.ownership.owned).toEqual([created.id]);
    expect(onB.state?.control.phase).toBe('walk');
    const annaOnB = await client(b, anna.token);
    const mine = annaOnB.heard.find((h) => h.event === 'ratings:mine')?.args[0];
    expect(mine).toEqual([expect.objectContaining({ stepId, valence: -3, note: 'on a' })]);
  });

  it('refuses the writes of a node whose lease has passed to another, and evicts it', async () => {
    shared = sharedBy('fence');
    // a renews too seldom to notice in time: fencing alone must stop it.
    const a = await node('a', { leaseTtlMs: 60_000 });
    const b = await node('b');
    const { created, fac, client: onA } = await workshopOn(a);
    await ok(onA, 'phase:set', { phase: 'walk' });
    // The lease runs out (as if a had been paused past its time-to-live) and b takes over.
    const redis = redisClient();
    open.push({ close: () => redis.disconnect() });
    await redis.del(`${shared.prefix}lease:${created.id}`);
    const onB = await client(b, fac.token);
    await ok(onB, 'phase:set', { phase: 'reveal' });

    // a still believes it serves the workshop: its write reaches Postgres and is refused.
    const dropped = new Promise<string>((resolve) => onA.socket.once('disconnect', resolve));
    expect(await onA.request('phase:set', { phase: 'ideate' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.STORAGE_FAILED },
    });
    expect(await dropped).toBe('transport close');
    expect(a.ownership.owned).toEqual([]);
    const stored = await b.server.storage.getWorkshop(created.id);
    expect(stored?.control.phase).toBe('reveal');
    expect(onB.state?.control.phase).toBe('reveal');
  });

  it('gives every lease back on a clean stop, so another node takes over at once', async () => {
    shared = sharedBy('stop');
    const a = await node('a');
    const b = await node('b');
    const { created, fac, client: onA } = await workshopOn(a);
    await ok(onA, 'phase:set', { phase: 'warmup' });
    onA.close();
    await a.close();
    const redis = redisClient();
    open.push({ close: () => redis.disconnect() });
    expect(await redis.get(`${shared.prefix}lease:${created.id}`)).toBeNull();
    const onB = await client(b, fac.token);
    expect(onB.state?.control.phase).toBe('warmup');
    expect(b.ownership.owned).toEqual([created.id]);
  });

  it('takes back a lease that vanished from Redis while nobody else took it', async () => {
    shared = sharedBy('retake');
    const a = await node('a', { leaseTtlMs: 1000 });
    const { created, client: onA } = await workshopOn(a);
    const redis = redisClient();
    open.push({ close: () => redis.disconnect() });
    const key = `${shared.prefix}lease:${created.id}`;
    const lease = await redis.get(key);
    expect(lease).toMatch(/^a#\d+-[0-9a-f]+:\d+$/);
    // As after a Redis restart that kept nothing: the next renewal puts it back.
    await redis.del(key);
    await waitFor(() => false, 700).catch(() => undefined);
    expect(await redis.get(key)).toBe(lease);
    expect(a.ownership.owned).toEqual([created.id]);
    await ok(onA, 'phase:set', { phase: 'warmup' });
  });

  it('compares the runs of a series without taking a live run from the node serving it', async () => {
    shared = sharedBy('runs');
    const a = await node('a');
    const b = await node('b', { handoffMinHoldMs: 0 });
    const { created } = await workshopOn(a);
    const res = await fetch(`${a.server.url}/api/workshops/${created.id}/rerun`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${created.facilitatorKey}`,
      },
      body: JSON.stringify({ carryActions: false }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const second = (await res.json()) as { id: string };
    // The second run is live on b.
    const fac2 = await joinWorkshop(b.server, second.id, { name: 'Fasi' }, created.facilitatorKey);
    const onB = await client(b, fac2.token);
    await ok(onB, 'phase:set', { phase: 'warmup' });
    const dropped: string[] = [];
    onB.socket.on('disconnect', (reason) => dropped.push(reason));

    const runs = await fetch(`${a.server.url}/api/workshops/${created.id}/runs?format=json`, {
      headers: { authorization: `Bearer ${created.facilitatorKey}` },
    });
    expect(runs.status).toBe(200);
    const body = (await runs.json()) as { runs: Array<{ workshop: { id: string } }> };
    expect(body.runs.map((r) => r.workshop.id)).toEqual([created.id, second.id]);
    // b still serves its run, with nobody dropped.
    await waitFor(() => false, 300).catch(() => undefined);
    expect(dropped).toEqual([]);
    expect(b.ownership.owned).toEqual([second.id]);
    expect(a.ownership.owned).toEqual([created.id]);
  });

  it('is ready while Postgres and Redis answer, and says which does not', async () => {
    shared = sharedBy('ready');
    const a = await node('a');
    await workshopOn(a);
    const ready = await fetch(`${a.server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      ok: true,
      storage: 'ok',
      redis: 'ok',
      node: 'a',
      workshops: 1,
    });
    // Redis goes away from this node.
    (
      a.ownership as unknown as { leases: { redis: { disconnect(): void } } }
    ).leases.redis.disconnect();
    const down = await fetch(`${a.server.url}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ ok: false, storage: 'ok', redis: 'unreachable' });
    // Liveness stays: the node still serves the workshops it holds.
    expect((await fetch(`${a.server.url}/healthz`)).status).toBe(200);
  });
});
