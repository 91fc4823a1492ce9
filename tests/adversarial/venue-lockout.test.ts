import { afterEach, describe, expect, it } from 'vitest';
import {
  CODE_FAILURE_BLOCK_MS,
  CODE_FAILURES_PER_ADDRESS,
  KEY_FAILURES_PER_ADDRESS,
} from '../../lib/constants';
import { ErrorCode } from '../../lib/protocol/codes';
import { cleanUp, type Shared, sharedBy, startNode } from '../helpers/cluster';
import { closeAfterEach } from '../helpers/people';
import { createWorkshop, type Reachable, startTestServer } from '../helpers/server';

/**
 * Issue 21, item 6: a room behind one NAT shares one address. A guesser (or ten typos)
 * there must slow the guessing only: the venue's code, the facilitator's key and the
 * export with it keep working, while new codes stay out of the guesser's reach.
 */
const open = closeAfterEach();

const lookup = (s: Reachable, code: string) => fetch(`${s.url}/api/join/${code}`);

function signIn(s: Reachable, workshopId: string, key: string): Promise<Response> {
  return fetch(`${s.url}/api/workshops/${workshopId}/participants`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ name: 'Fran' }),
  });
}

function exportJson(s: Reachable, workshopId: string, key: string): Promise<Response> {
  return fetch(`${s.url}/api/workshops/${workshopId}/export?format=json`, {
    headers: { authorization: `Bearer ${key}` },
  });
}

/** Codes in the join-code alphabet that no workshop of a fresh server has (in all likelihood). */
const wrongCode = (i: number) =>
  `ZZZ${'ABCDEFGHJK'[Math.floor(i / 10) % 10]}${'ABCDEFGHJK'[i % 10]}Q`;

async function expectRateLimited(res: Response, what: string): Promise<void> {
  expect(res.status, what).toBe(429);
  expect(await res.json()).toMatchObject({ error: { code: ErrorCode.RATE_LIMITED } });
  const retryAfterS = Number(res.headers.get('retry-after'));
  expect(retryAfterS).toBeGreaterThanOrEqual(1);
  expect(retryAfterS).toBeLessThanOrEqual(Math.ceil(CODE_FAILURE_BLOCK_MS / 1000));
}

describe('a venue behind one address', () => {
  it('keeps its code, its key and its export while the guesser is slowed', async () => {
    const s = await startTestServer();
    open.push(s);
    const venue = await createWorkshop(s);
    const elsewhere = await createWorkshop(s);
    // Someone in the room looks the code up first, as the join link does.
    expect((await lookup(s, venue.joinCode)).status).toBe(200);

    const statuses: number[] = [];
    for (let i = 0; i < CODE_FAILURES_PER_ADDRESS + 5; i++) {
      statuses.push((await lookup(s, wrongCode(i))).status);
    }
    expect(statuses.slice(0, CODE_FAILURES_PER_ADDRESS).every((x) => x === 404)).toBe(true);
    expect(statuses.slice(CODE_FAILURES_PER_ADDRESS).every((x) => x === 429)).toBe(true);

    // The venue is not locked out: the code it found, the key, the export, a join.
    expect((await lookup(s, venue.joinCode)).status).toBe(200);
    expect((await lookup(s, venue.joinCode.toLowerCase())).status).toBe(200);
    expect((await signIn(s, venue.id, venue.facilitatorKey)).status).toBe(201);
    expect((await exportJson(s, venue.id, venue.facilitatorKey)).status).toBe(200);
    const join = await fetch(`${s.url}/api/workshops/${venue.id}/participants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Aino', role: 'staff' }),
    });
    expect(join.status).toBe(201);

    // The guesser learns nothing new: wrong codes, and a right code it never found, are 429.
    await expectRateLimited(await lookup(s, wrongCode(99)), 'a further wrong code');
    await expectRateLimited(await lookup(s, elsewhere.joinCode), 'another workshop’s code');
    // Others are not slowed by this address's guessing (TRUST_PROXY off: all are 127.0.0.1,
    // so a server that trusts the proxy shows it; see below).
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
  });

  it('takes a right key after any number of wrong ones; wrong ones turn to 429', async () => {
    const s = await startTestServer();
    open.push(s);
    const w = await createWorkshop(s);
    const statuses: number[] = [];
    for (let i = 0; i < KEY_FAILURES_PER_ADDRESS + 3; i++) {
      statuses.push((await signIn(s, w.id, `guess-${i}`)).status);
      if (i % 4 === 0) statuses.push((await exportJson(s, w.id, `guess-${i}`)).status);
    }
    expect(statuses.filter((x) => x === 401)).toHaveLength(KEY_FAILURES_PER_ADDRESS);
    expect(statuses.at(-1)).toBe(429);
    await expectRateLimited(await signIn(s, w.id, 'guess-again'), 'a further wrong key');
    expect((await signIn(s, w.id, w.facilitatorKey)).status).toBe(201);
    expect((await exportJson(s, w.id, w.facilitatorKey)).status).toBe(200);
    // Wrong keys are not wrong codes: the address still looks up codes.
    expect((await lookup(s, w.joinCode)).status).toBe(200);
  });

  it('counts each address on its own behind a trusted proxy', async () => {
    const s = await startTestServer({ trustProxy: true });
    open.push(s);
    const w = await createWorkshop(s);
    const from = (code: string, address: string) =>
      fetch(`${s.url}/api/join/${code}`, { headers: { 'x-forwarded-for': address } });
    for (let i = 0; i <= CODE_FAILURES_PER_ADDRESS; i++) await from(wrongCode(i), '203.0.113.7');
    await expectRateLimited(await from(w.joinCode, '203.0.113.7'), 'the guesser');
    expect((await from(w.joinCode, '198.51.100.2')).status).toBe(200);
    // Addresses in one IPv6 /64 are one address: a guesser does not get 2^64 of them.
    for (let i = 0; i <= CODE_FAILURES_PER_ADDRESS; i++) {
      await from(wrongCode(i), `2001:db8:1:2::${i.toString(16)}`);
    }
    await expectRateLimited(await from(w.joinCode, '2001:db8:1:2::ffff'), 'the same /64');
    // Guesses sent all at once are counted as they come, not after they are answered.
    const burst = await Promise.all(
      Array.from({ length: 3 * CODE_FAILURES_PER_ADDRESS }, (_, i) =>
        from(wrongCode(i), '192.0.2.50'),
      ),
    );
    expect(burst.filter((r) => r.status === 404)).toHaveLength(CODE_FAILURES_PER_ADDRESS);
  });
});

describe('several nodes', () => {
  let shared: Shared | undefined;
  afterEach(async () => {
    for (const thing of open.splice(0).reverse()) await thing.close();
    if (shared) await cleanUp(shared);
    shared = undefined;
  });

  it('share the failure count: two nodes do not allow twice the guesses', async () => {
    shared = sharedBy('limits');
    const a = await startNode(shared, 'a');
    open.push(a);
    const b = await startNode(shared, 'b');
    open.push(b);
    const venue = await createWorkshop(a.server);
    const other = await createWorkshop(b.server);
    expect((await lookup(a.server, venue.joinCode)).status).toBe(200);

    // The guesses alternate between the nodes, as a balancer would spread them.
    const statuses: number[] = [];
    for (let i = 0; i < CODE_FAILURES_PER_ADDRESS + 2; i++) {
      statuses.push((await lookup(i % 2 ? b.server : a.server, wrongCode(i))).status);
    }
    expect(statuses.filter((x) => x === 404)).toHaveLength(CODE_FAILURES_PER_ADDRESS);
    await expectRateLimited(await lookup(a.server, wrongCode(50)), 'a further guess on a');
    await expectRateLimited(await lookup(b.server, wrongCode(51)), 'a further guess on b');
    await expectRateLimited(await lookup(b.server, other.joinCode), 'a code never found');
    // The code found through node a works through node b too.
    expect((await lookup(b.server, venue.joinCode)).status).toBe(200);
  });
});
