import { afterEach, describe, expect, it } from 'vitest';
import type { AppServer } from '../server/app-server';
import { countingStorage } from './helpers/counting-storage';
import { createWorkshop, joinWorkshop, startTestServer } from './helpers/server';

/**
 * Every HTTP request that loads a workshop lets it go when it is done, whatever its
 * answer: a workshop nobody is connected to is unloaded after `idleUnloadMs` (and read
 * from storage again by the next request). Requests that kept it loaded for good held a
 * room per workshop in memory until the process ended.
 */
const IDLE_MS = 150;
let server: AppServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('a workshop an HTTP request loaded', () => {
  const requests: Array<[string, (url: string, key: string, token: string) => Promise<Response>]> =
    [
      [
        'a projector screen opened',
        (url, key) =>
          fetch(`${url}/screens`, {
            method: 'POST',
            headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
            body: '{}',
          }),
      ],
      [
        'an export in an unknown format',
        (url, key) =>
          fetch(`${url}/export?format=nope`, { headers: { authorization: `Bearer ${key}` } }),
      ],
      [
        'a summary asked for before its phase',
        (url, _key, token) =>
          fetch(`${url}/summary`, { headers: { authorization: `Bearer ${token}` } }),
      ],
    ];

  for (const [what, request] of requests) {
    it(`is unloaded when idle after ${what}`, async () => {
      const { storage, loads } = countingStorage();
      server = await startTestServer({ storage, idleUnloadMs: IDLE_MS });
      const w = await createWorkshop(server);
      const { token } = await joinWorkshop(server, w.id, { name: 'Anna', role: 'staff' });
      await new Promise((r) => setTimeout(r, IDLE_MS * 3));
      const url = `${server.url}/api/workshops/${w.id}`;
      const before = loads.n;
      const res = await request(url, w.facilitatorKey, token);
      await res.arrayBuffer();
      expect(loads.n).toBe(before + 1);
      await new Promise((r) => setTimeout(r, IDLE_MS * 3));
      // Unloaded meanwhile: the next request reads it from storage again.
      await (await request(url, w.facilitatorKey, token)).arrayBuffer();
      expect(loads.n).toBe(before + 2);
    });
  }
});
