import { afterEach, describe, expect, it } from 'vitest';
import { readPath } from '../lib/board/path-doc';
import type { AppServer } from '../server/app-server';
import { noteText, writeNote } from './helpers/board';
import {
  connectClient,
  createWorkshop,
  joinWorkshop,
  startTestServer,
  type TestClient,
  tempDataDir,
  waitFor,
  yjsClient,
} from './helpers/server';

const open: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

async function server(dataDir = tempDataDir()): Promise<AppServer> {
  const s = await startTestServer({ dataDir });
  open.push(s);
  return s;
}

async function client(s: AppServer, token: string): Promise<TestClient> {
  const c = await connectClient(s, token);
  open.push(c);
  return c;
}

describe('walking skeleton', () => {
  it('answers the health check and lists templates', async () => {
    const s = await server();
    const health = await fetch(`${s.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    // Readiness reads the storage (SQLite here; no Redis on one node).
    const ready = await fetch(`${s.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, storage: 'ok', redis: 'off' });
    const templates = (await (await fetch(`${s.url}/api/templates`)).json()) as {
      templates: Array<{ id: string }>;
    };
    expect(templates.templates.map((t) => t.id)).toContain('b2b-order-to-invoice');
  });

  it('creates a workshop over HTTP with links, a join code and a facilitator key', async () => {
    const s = await server();
    const w = await createWorkshop(s);
    expect(w.id).toMatch(/^[A-Za-z0-9_-]{8,}$/);
    expect(w.joinCode).toMatch(/^[A-HJ-KM-NP-Z2-9]{6}$/);
    expect(w.joinUrl).toBe(`http://127.0.0.1:${s.port}/join/${w.joinCode}`);
    expect(w.facilitatorUrl).toContain(`/w/${w.id}/facilitate#key=${w.facilitatorKey}`);
    expect(w.facilitatorKey.length).toBeGreaterThanOrEqual(32);
    const lookup = await fetch(`${s.url}/api/join/${w.joinCode.toLowerCase()}`);
    expect(await lookup.json()).toMatchObject({
      workshopId: w.id,
      title: 'Test workshop',
      locale: 'en',
    });
  });

  it('shows who is present and moves every screen with the phase', async () => {
    const s = await server();
    const w = await createWorkshop(s);
    const fac = await joinWorkshop(s, w.id, { name: 'Fran' }, w.facilitatorKey);
    const anna = await joinWorkshop(s, w.id, { name: 'Anna', role: 'customer' });
    const ben = await joinWorkshop(s, w.id, { name: 'Ben', role: 'leader' });
    expect(fac.role).toBe('facilitator');

    const f = await client(s, fac.token);
    const a = await client(s, anna.token);
    const b = await client(s, ben.token);
    await waitFor(() => (b.state?.participants.filter((p) => p.online).length ?? 0) === 3);
    expect(b.state?.participants.map((p) => [p.name, p.role])).toEqual([
      ['Fran', 'facilitator'],
      ['Anna', 'customer'],
      ['Ben', 'leader'],
    ]);
    expect(a.you).toMatchObject({ participantId: anna.participantId, role: 'customer' });

    expect(await f.request('phase:next', {})).toEqual({ ok: true });
    await waitFor(() => a.state?.control.phase === 'warmup' && b.state?.control.phase === 'warmup');
    expect(await f.request('phase:set', { phase: 'walk' })).toEqual({ ok: true });
    expect(await f.request('phase:prev', {})).toEqual({ ok: true });
    await waitFor(() => a.state?.control.phase === 'target' && b.state?.control.phase === 'target');

    const denied = await a.request('phase:next', {});
    expect(denied).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(f.state?.control.phase).toBe('target');

    b.close();
    await waitFor(() => a.state?.participants.find((p) => p.name === 'Ben')?.online === false);
  });

  it('relays a Y.Map change from one y-websocket client to another', async () => {
    const s = await server();
    const w = await createWorkshop(s);
    const one = await joinWorkshop(s, w.id, { name: 'One', role: 'staff' });
    const two = await joinWorkshop(s, w.id, { name: 'Two', role: 'customer' });
    const c1 = yjsClient(s, w.id, one.token);
    const c2 = yjsClient(s, w.id, two.token);
    open.push({ close: () => c1.provider.destroy() }, { close: () => c2.provider.destroy() });
    await waitFor(() => c1.provider.synced && c2.provider.synced);
    // The template's path was loaded from storage before the first sync answer.
    expect(readPath(c1.doc).map((st) => st.id)[0]).toBe('request-quote');
    writeNote(c1.doc, 'n1', 'The invoice reference is wrong', one.participantId);
    await waitFor(() => noteText(c2.doc, 'n1') === 'The invoice reference is wrong');
  });

  it('keeps phase, people and board across a server restart on the same DATA_DIR', async () => {
    const dataDir = tempDataDir();
    const first = await startTestServer({ dataDir });
    const w = await createWorkshop(first);
    const fac = await joinWorkshop(first, w.id, { name: 'Fran' }, w.facilitatorKey);
    const anna = await joinWorkshop(first, w.id, { name: 'Anna', role: 'customer' });
    const f = await connectClient(first, fac.token);
    await f.request('phase:set', { phase: 'walk' });
    const y = yjsClient(first, w.id, anna.token);
    await waitFor(() => y.provider.synced);
    writeNote(y.doc, 'kept', 'yes', anna.participantId);
    // The server acknowledges nothing for Yjs; wait until a second client sees it relayed.
    const watcher = yjsClient(first, w.id, fac.token);
    await waitFor(() => noteText(watcher.doc, 'kept') === 'yes');
    y.provider.destroy();
    watcher.provider.destroy();
    f.close();
    await first.close();

    const second = await server(dataDir);
    const a = await client(second, anna.token);
    expect(a.state?.control.phase).toBe('walk');
    expect(a.state?.participants.map((p) => p.name)).toEqual(['Fran', 'Anna']);
    const again = yjsClient(second, w.id, anna.token);
    open.push({ close: () => again.provider.destroy() });
    await waitFor(() => again.provider.synced);
    expect(noteText(again.doc, 'kept')).toBe('yes');
    expect(readPath(again.doc)).toHaveLength(8);
  });
});
