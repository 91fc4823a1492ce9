import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../lib/protocol/codes';
import type { AppServer } from '../server/app-server';
import { connectClient, createWorkshop, joinWorkshop, startTestServer } from './helpers/server';

const open: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

function summaryOf(s: AppServer, workshopId: string, token: string): Promise<Response> {
  return fetch(`${s.url}/api/workshops/${workshopId}/summary`, {
    headers: { authorization: `Bearer ${token}` },
  });
}

describe('the summary for participants', () => {
  it('opens only in the summary phase, and only with a token of that workshop', async () => {
    const s = await startTestServer();
    open.push(s);
    const w = await createWorkshop(s, {
      title: 'Äänipolku',
      template: 'clinic-visit',
      locale: 'fi',
    });
    const other = await createWorkshop(s);
    const fac = await joinWorkshop(s, w.id, { name: 'Fran' }, w.facilitatorKey);
    const anna = await joinWorkshop(s, w.id, { name: 'Anna', role: 'customer' });
    const stranger = await joinWorkshop(s, other.id, { name: 'Eve', role: 'customer' });

    const early = await summaryOf(s, w.id, anna.token);
    expect(early.status).toBe(403);
    expect(await early.json()).toMatchObject({ error: { code: ErrorCode.INVALID_TRANSITION } });
    // The facilitator may look at any time.
    expect((await summaryOf(s, w.id, fac.token)).status).toBe(200);
    expect((await summaryOf(s, w.id, stranger.token)).status).toBe(401);
    expect((await summaryOf(s, w.id, 'v1.forged.token')).status).toBe(401);

    const f = await connectClient(s, fac.token);
    open.push(f);
    expect(await f.request('phase:set', { phase: 'summary' })).toEqual({ ok: true });
    const res = await summaryOf(s, w.id, anna.token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { workshop: { title: string }; path: unknown[] };
    expect(body.workshop.title).toBe('Äänipolku');
    expect(body.path.length).toBeGreaterThan(5);
  });
});
