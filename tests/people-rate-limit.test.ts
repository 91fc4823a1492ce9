import { describe, expect, it } from 'vitest';
import {
  CODE_FAILURE_BLOCK_MS,
  CODE_FAILURES_PER_ADDRESS,
  KEY_FAILURE_WINDOW_MS,
  KEY_FAILURES_PER_ADDRESS,
} from '../lib/constants';
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

/** A code in the join-code alphabet that no workshop has (the fresh server has one or two). */
function wrongCode(right: string): string {
  return right === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ';
}

async function expectRateLimited(res: Response, longestWaitMs: number): Promise<void> {
  expect(res.status).toBe(429);
  expect(await res.json()).toMatchObject({ error: { code: ErrorCode.RATE_LIMITED } });
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(Math.ceil(longestWaitMs / 1000));
}

describe('guessing join codes', () => {
  it('refuses codes not found before with 429 after a burst of wrong ones; found ones still work', async () => {
    const s = await freshServer();
    const w = await createWorkshop(s);
    const other = await createWorkshop(s);
    for (let i = 0; i < CODE_FAILURES_PER_ADDRESS - 1; i++) {
      expect((await lookup(s, wrongCode(w.joinCode))).status).toBe(404);
    }
    // One failure short of the limit, a right code works and costs nothing.
    expect((await lookup(s, w.joinCode)).status).toBe(200);
    expect((await lookup(s, w.joinCode)).status).toBe(200);
    expect((await lookup(s, wrongCode(w.joinCode))).status).toBe(404);

    await expectRateLimited(await lookup(s, wrongCode(w.joinCode)), CODE_FAILURE_BLOCK_MS);
    await expectRateLimited(await lookup(s, other.joinCode), CODE_FAILURE_BLOCK_MS);
    expect((await lookup(s, w.joinCode)).status).toBe(200);
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
  });
});

describe('guessing facilitator keys', () => {
  it('answers wrong keys 401, then 429 past the limit, and keeps taking the right key', async () => {
    const s = await freshServer();
    const w = await createWorkshop(s);
    const wrongKey = `${w.facilitatorKey.slice(0, -1)}${w.facilitatorKey.endsWith('A') ? 'B' : 'A'}`;
    for (let i = 0; i < KEY_FAILURES_PER_ADDRESS; i++) {
      const res = await joinAsFacilitator(s, w.id, wrongKey);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: ErrorCode.UNAUTHORIZED } });
    }
    await expectRateLimited(await joinAsFacilitator(s, w.id, wrongKey), KEY_FAILURE_WINDOW_MS);
    expect((await joinAsFacilitator(s, w.id, w.facilitatorKey)).status).toBe(201);
    // Wrong keys and wrong codes are counted apart.
    expect((await lookup(s, w.joinCode)).status).toBe(200);
  });

  it('does not count a right key as a failure', async () => {
    const s = await freshServer();
    const w = await createWorkshop(s);
    for (let i = 0; i < KEY_FAILURES_PER_ADDRESS + 2; i++) {
      expect((await joinAsFacilitator(s, w.id, w.facilitatorKey)).status).toBe(201);
    }
    expect((await joinAsFacilitator(s, w.id, 'not-the-key')).status).toBe(401);
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
    for (let i = 0; i < CODE_FAILURES_PER_ADDRESS; i++) {
      expect((await lookupFrom(s, wrongCode(w.joinCode), '203.0.113.7')).status).toBe(404);
    }
    await expectRateLimited(await lookupFrom(s, w.joinCode, '203.0.113.7'), CODE_FAILURE_BLOCK_MS);
    // Someone else behind the same proxy is not locked out by the guesser.
    expect((await lookupFrom(s, w.joinCode, '198.51.100.2, 10.0.0.1')).status).toBe(200);
  });

  it('ignores X-Forwarded-For when the proxy is not trusted', async () => {
    const s = await freshServer();
    const w = await createWorkshop(s);
    for (let i = 0; i < CODE_FAILURES_PER_ADDRESS; i++) {
      const spoofed = `192.0.2.${i}`; // a guesser cannot dodge the limit by varying the header
      expect((await lookupFrom(s, wrongCode(w.joinCode), spoofed)).status).toBe(404);
    }
    await expectRateLimited(await lookupFrom(s, w.joinCode, '192.0.2.200'), CODE_FAILURE_BLOCK_MS);
  });
});
