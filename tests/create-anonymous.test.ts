import { afterEach, describe, expect, it } from 'vitest';
import type { AppServer } from '../server/app-server';
import {
  connectClient,
  createWorkshop,
  joinWorkshop,
  startTestServer,
  type TestClient,
} from './helpers/server';

const open: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

async function server(): Promise<AppServer> {
  const s = await startTestServer();
  open.push(s);
  return s;
}

/** Whether the created workshop is anonymous, as its facilitator's client hears it. */
async function anonymousAfterCreate(s: AppServer, extra: Record<string, unknown>) {
  const body = { title: 'Kevät', template: 'clinic-visit', locale: 'fi', ...extra };
  const w = await createWorkshop(s, body);
  const fac = await joinWorkshop(s, w.id, { name: 'Fasi' }, w.facilitatorKey);
  const client: TestClient = await connectClient(s, fac.token);
  open.push(client);
  return client.state!.control.anonymous;
}

describe('anonymity chosen when a workshop is created', () => {
  it('is anonymous unless the creator says otherwise', async () => {
    const s = await server();
    expect(await anonymousAfterCreate(s, {})).toBe(true);
    expect(await anonymousAfterCreate(s, { anonymous: true })).toBe(true);
    expect(await anonymousAfterCreate(s, { anonymous: false })).toBe(false);
  });

  it('refuses anything but true or false, naming the field', async () => {
    const s = await server();
    for (const anonymous of ['yes', 1, null]) {
      const res = await fetch(`${s.url}/api/workshops`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'X', template: 'clinic-visit', locale: 'en', anonymous }),
      });
      expect(res.status).toBe(400);
      const { error } = (await res.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe('INVALID_PAYLOAD');
      expect(error.message).toContain('anonymous');
    }
  });
});
