/**
 * The HTTP endpoints only the facilitator's key opens, tried with every participant's
 * token (the facilitator's too); and the summary, kept from participants until its phase.
 * The Socket.io events are tried in access-facilitator-only.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../lib/protocol/codes';
import { callApi, databaseRows as rowsIn } from './helpers/access';
import { accessServer, ACTION, exportWithoutTime, fac, room } from './helpers/access-room';

const at = accessServer();
const databaseRows = (workshopId: string | null) => rowsIn(at.dataDir, workshopId);

describe('facilitator-only HTTP endpoints with a participant’s token', () => {
  /** A request from its own address (the server trusts X-Forwarded-For in these tests). */
  const call = (method: string, url: string, bearer: string | null, body?: unknown) =>
    callApi(at.server.url, method, url, bearer, body);

  it('refuses every participant’s token (the facilitator’s too) where the key is needed', async () => {
    const r = await room(at);
    const id = r.workshop.id;
    const routes: Array<[string, string, unknown?]> = [
      ...['json', 'md', 'csv', 'pdf', 'svg'].map((f): [string, string] => [
        'GET',
        `/api/workshops/${id}/export?format=${f}`,
      ]),
      ['POST', `/api/workshops/${id}/screens`, {}],
      ['POST', `/api/workshops/${id}/rerun`, { carryActions: true }],
      ['GET', `/api/workshops/${id}/runs?format=json`],
      ['GET', `/api/workshops/${id}/runs?format=md`],
      // The key makes a join a facilitator's: a token in its place must not.
      ['POST', `/api/workshops/${id}/participants`, { name: 'Mallory' }],
    ];
    await fac(r, 'action:put', ACTION);
    const before = databaseRows(null);
    const title = (await exportWithoutTime(r)).workshop.title;
    for (const person of [...Object.values(r.byRole), r.victim]) {
      for (const [method, url, body] of routes) {
        const answer = await call(method, url, person.token, body);
        expect(answer.status, `${person.role} ${method} ${url}`).toBe(401);
        expect(JSON.parse(answer.text)).toEqual({
          error: { code: ErrorCode.UNAUTHORIZED, message: expect.any(String) },
        });
        expect(answer.text).not.toContain(title);
      }
    }
    // No workshop (a re-run), participant (a join), screen or anything else came of it.
    expect(databaseRows(null)).toEqual(before);

    // The same requests with the key work: they were valid.
    const key = r.workshop.facilitatorKey;
    for (const [method, url, body] of routes) {
      const answer = await call(method, url, key, body);
      expect(answer.status, `${method} ${url} with the key`).toBeLessThan(300);
    }
    expect(databaseRows(null)).not.toEqual(before);
  });

  it('keeps the summary from participants until its phase; the facilitator’s token reads it', async () => {
    const r = await room(at);
    const url = `/api/workshops/${r.workshop.id}/summary`;
    for (const person of [r.byRole.leader, r.byRole.staff, r.byRole.customer, r.byRole.observer]) {
      const answer = await call('GET', url, person.token);
      expect(answer.status, person.role).toBe(403);
      expect(JSON.parse(answer.text)).toEqual({
        error: { code: ErrorCode.INVALID_TRANSITION, message: expect.any(String) },
      });
    }
    expect((await call('GET', url, r.fac.token)).status).toBe(200);
    await fac(r, 'phase:set', { phase: 'summary' });
    for (const person of [r.byRole.leader, r.byRole.observer]) {
      expect((await call('GET', url, person.token)).status, person.role).toBe(200);
    }
  });
});
