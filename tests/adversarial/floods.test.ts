import { describe, expect, it } from 'vitest';
import {
  IMPORTS_PER_ADDRESS,
  JOINS_PER_ADDRESS,
  MAX_PARTICIPANTS_DEFAULT,
  WORKSHOP_CREATES_PER_ADDRESS,
} from '../../lib/constants';
import { ErrorCode } from '../../lib/protocol/codes';
import type { AppServer } from '../../server/app-server';
import { closeAfterEach, heardSince } from '../helpers/people';
import {
  connectClient,
  createWorkshop,
  type CreatedWorkshop,
  joinWorkshop,
  startTestServer,
  waitFor,
} from '../helpers/server';

/**
 * Issue 21, item 7: nothing without a key may flood the server. Workshops, imports and
 * joins are limited per address; a workshop takes a bounded number of people; and one
 * more person reaches the others as a patch of one entry, not as the whole roster.
 */
const open = closeAfterEach();

/** A server that takes addresses from X-Forwarded-For, so that one test plays many hosts. */
async function server(): Promise<AppServer> {
  const s = await startTestServer({ trustProxy: true });
  open.push(s);
  return s;
}

function post(s: AppServer, path: string, from: string, body: unknown, key?: string) {
  return fetch(`${s.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': from,
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: JSON.stringify(body),
  });
}

const NEW = { title: 'Flood', template: 'b2b-order-to-invoice', locale: 'en' };
const join = (s: AppServer, w: CreatedWorkshop, from: string, name = 'Joiner') =>
  post(s, `/api/workshops/${w.id}/participants`, from, { name, role: 'staff' });
/** An address of its own for the i-th person. */
const host = (i: number) => `10.1.${Math.floor(i / 250)}.${i % 250}`;

async function expectRateLimited(res: Response, what: string): Promise<void> {
  expect(res.status, what).toBe(429);
  expect(await res.json()).toMatchObject({ error: { code: ErrorCode.RATE_LIMITED } });
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
}

/** Runs `task` for 0..count-1, `lanes` at a time (bounded: every loop ends). */
async function inLanes(count: number, lanes: number, task: (i: number) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: lanes }, lane));
}

describe('floods from one address', () => {
  it('limits creating workshops per address; others still create', async () => {
    const s = await server();
    const statuses: number[] = [];
    for (let i = 0; i < WORKSHOP_CREATES_PER_ADDRESS + 3; i++) {
      statuses.push((await post(s, '/api/workshops', '203.0.113.1', NEW)).status);
    }
    expect(statuses.filter((x) => x === 201)).toHaveLength(WORKSHOP_CREATES_PER_ADDRESS);
    await expectRateLimited(await post(s, '/api/workshops', '203.0.113.1', NEW), 'the flood');
    expect((await post(s, '/api/workshops', '198.51.100.9', NEW)).status).toBe(201);
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
  });

  it('limits imports per address; others still import', async () => {
    const s = await server();
    const w = await createWorkshop(s);
    const res = await fetch(`${s.url}/api/workshops/${w.id}/export?format=json`, {
      headers: { authorization: `Bearer ${w.facilitatorKey}` },
    });
    const exported = (await res.json()) as unknown;
    const statuses: number[] = [];
    for (let i = 0; i < IMPORTS_PER_ADDRESS + 3; i++) {
      statuses.push((await post(s, '/api/workshops/import', '203.0.113.2', exported)).status);
    }
    expect(statuses.filter((x) => x === 201)).toHaveLength(IMPORTS_PER_ADDRESS);
    await expectRateLimited(
      await post(s, '/api/workshops/import', '203.0.113.2', exported),
      'the flood',
    );
    expect((await post(s, '/api/workshops/import', '198.51.100.9', exported)).status).toBe(201);
  });

  it('limits joins per address, never the facilitator with the key', async () => {
    const s = await server();
    const w = await createWorkshop(s);
    const statuses: number[] = [];
    await inLanes(JOINS_PER_ADDRESS + 5, 8, async () => {
      statuses.push((await join(s, w, '203.0.113.3')).status);
    });
    expect(statuses.filter((x) => x === 201)).toHaveLength(JOINS_PER_ADDRESS);
    expect(statuses.filter((x) => x === 429)).toHaveLength(5);
    await expectRateLimited(await join(s, w, '203.0.113.3'), 'the flood');
    const fac = await post(
      s,
      `/api/workshops/${w.id}/participants`,
      '203.0.113.3',
      {
        name: 'Fran',
      },
      w.facilitatorKey,
    );
    expect(fac.status).toBe(201);
    expect((await join(s, w, '198.51.100.9')).status).toBe(201);
  });
});

describe('a full workshop', () => {
  it('refuses the participant over the cap with WORKSHOP_FULL; the facilitator still signs in', async () => {
    const s = await server();
    const w = await createWorkshop(s);
    await inLanes(MAX_PARTICIPANTS_DEFAULT, 8, async (i) => {
      expect((await join(s, w, host(i), `P${i}`)).status).toBe(201);
    });
    const over = await join(s, w, host(MAX_PARTICIPANTS_DEFAULT), 'One too many');
    expect(over.status).toBe(409);
    expect(await over.json()).toMatchObject({ error: { code: ErrorCode.WORKSHOP_FULL } });
    const fac = await post(
      s,
      `/api/workshops/${w.id}/participants`,
      host(999),
      {
        name: 'Fran',
      },
      w.facilitatorKey,
    );
    expect(fac.status).toBe(201);
  });
});

describe('a roster change', () => {
  it('reaches the others as a patch holding only the newcomer, in a few hundred bytes', async () => {
    const s = await server();
    const w = await createWorkshop(s);
    const fac = await joinWorkshop(s, w.id, { name: 'Fran' }, w.facilitatorKey);
    await inLanes(99, 8, async (i) => {
      expect((await join(s, w, host(i), `Participant number ${i}`)).status).toBe(201);
    });
    const watcher = await connectClient(s, fac.token);
    open.push(watcher);
    expect(watcher.state?.participants).toHaveLength(100);

    const mark = watcher.heard.length;
    const res = await join(s, w, host(500), 'Newcomer');
    const { participantId } = (await res.json()) as { participantId: string };
    await waitFor(() => watcher.state?.participants.some((p) => p.id === participantId) === true);

    const patches = heardSince(watcher, 'workshop:patch', mark);
    expect(patches).toHaveLength(1);
    const bytes = Buffer.byteLength(JSON.stringify(patches[0]));
    expect(bytes, JSON.stringify(patches[0]).slice(0, 300)).toBeLessThan(300);
    expect(JSON.stringify(patches[0])).toContain('Newcomer');
    expect(JSON.stringify(patches[0])).not.toContain('Participant number');
    // The patched roster is the server's: the newcomer at the end, nobody lost.
    expect(watcher.state?.participants).toHaveLength(101);
    expect(watcher.state?.participants.at(-1)).toMatchObject({ name: 'Newcomer', role: 'staff' });
  });
});
