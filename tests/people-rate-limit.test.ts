import { describe, expect, it } from 'vitest';
import { JOIN_FAILURE_REFILL_MS, JOIN_FAILURES_BURST } from '../lib/constants';
import { ErrorCode } from '../lib/protocol/codes';
import type { AppServer } from '../server/app-server';
import { closeAfterEach } from './helpers/people';
import { createWorkshop, startTestServer } from './helpers/server';

const open = closeAfterEach();

/** Each test gets its own server: the limiter counts per address, and every test is on 127.0.0.1. */
async function freshServer(): Promise<AppServer> {
  const s = await startTestServer();
  open.push(s);
  return s;
}

function lookup(s: AppServer, code: string): Promise<Response> {
  return fetch(`${s.url}/api/join/${code}`);
}

function joinAsFacilitator(s: AppServer, workshopId: string, key: string): Promise<Response> {
  return fetch(`${s.url}/api/workshops/${workshopId}/participants`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ name: 'Fran' }),
  });
}

/** A code in the join-code alphabet that no workshop has (the fresh server has one). */
function wrongCode(right: string): string {
  return right === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ';
}

async function expectRateLimited(res: Response): Promise<void> {
  expect(res.status).toBe(429);
  expect(await res.json()).toMatchObject({ error: { code: ErrorCode.RATE_LIMITED } });
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(Math.ceil(JOIN_FAILURE_REFILL_MS / 1000));
}

describe('guessing join codes', () => {
  it('refuses even a right code with 429 RATE_LIMITED after a burst of wrong ones', async () => {
    const s = await freshServer();
    const w = await createWorkshop(s);
    for (let i = 0; i < JOIN_FAILURES_BURST - 1; i++) {
      expect((await lookup(s, wrongCode(w.joinCode))).status).toBe(404);
    }
    // One failure short of the burst, a right code still works (and costs nothing).
    expect((await lookup(s, w.joinCode)).status).toBe(200);
    expect((await lookup(s, w.joinCode)).status).toBe(200);
    expect((await lookup(s, wrongCode(w.joinCode))).status).toBe(404);

    await expectRateLimited(await lookup(s, w.joinCode));
    await expectRateLimited(await lookup(s, wrongCode(w.joinCode)));
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
  });
});

describe('guessing facilitator keys', () => {
  it('counts wrong keys towards the same limit as wrong codes', async () => {
    const s = await freshServer();
    const w = await createWorkshop(s);
    const wrongKey = `${w.facilitatorKey.slice(0, -1)}${w.facilitatorKey.endsWith('A') ? 'B' : 'A'}`;
    for (let i = 0; i < JOIN_FAILURES_BURST; i++) {
      const res = await joinAsFacilitator(s, w.id, wrongKey);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: ErrorCode.UNAUTHORIZED } });
    }
    await expectRateLimited(await lookup(s, w.joinCode));
    await expectRateLimited(await joinAsFacilitator(s, w.id, w.facilitatorKey));
  });

  it('adds wrong keys to wrong codes from the same address', async () => {
    const s = await freshServer();
    const w = await createWorkshop(s);
    const half = Math.floor(JOIN_FAILURES_BURST / 2);
    for (let i = 0; i < half; i++)
      expect((await lookup(s, wrongCode(w.joinCode))).status).toBe(404);
    for (let i = half; i < JOIN_FAILURES_BURST; i++) {
      expect((await joinAsFacilitator(s, w.id, 'not-the-key')).status).toBe(401);
    }
    await expectRateLimited(await lookup(s, w.joinCode));
  });

  it('does not count a right key as a failure', async () => {
    const s = await freshServer();
    const w = await createWorkshop(s);
    for (let i = 0; i < JOIN_FAILURES_BURST + 2; i++) {
      expect((await joinAsFacilitator(s, w.id, w.facilitatorKey)).status).toBe(201);
    }
    expect((await lookup(s, w.joinCode)).status).toBe(200);
  });
});

describe('behind a proxy', () => {
  function lookupFrom(s: AppServer, code: string, address: string): Promise<Response> {
    return fetch(`${s.url}/api/join/${code}`, { headers: { 'x-forwarded-for': address } });
  }

  it('counts each forwarded address on its own when TRUST_PROXY is on', async () => {
    const s = await startTestServer({ trustProxy: true });
    open.push(s);
    const w = await createWorkshop(s);
    for (let i = 0; i < JOIN_FAILURES_BURST; i++) {
      expect((await lookupFrom(s, wrongCode(w.joinCode), '203.0.113.7')).status).toBe(404);
    }
    await expectRateLimited(await lookupFrom(s, w.joinCode, '203.0.113.7'));
    // Someone else behind the same proxy is not locked out by the guesser.
    expect((await lookupFrom(s, w.joinCode, '198.51.100.2, 10.0.0.1')).status).toBe(200);
  });

  it('ignores X-Forwarded-For when the proxy is not trusted', async () => {
    const s = await freshServer();
    const w = await createWorkshop(s);
    for (let i = 0; i < JOIN_FAILURES_BURST; i++) {
      const spoofed = `192.0.2.${i}`; // a guesser cannot dodge the limit by varying the header
      expect((await lookupFrom(s, wrongCode(w.joinCode), spoofed)).status).toBe(404);
    }
    await expectRateLimited(await lookupFrom(s, w.joinCode, '192.0.2.200'));
  });
});
