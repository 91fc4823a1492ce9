import { describe, expect, it } from 'vitest';
import { readPath, readPersonas, readSituations, setStepField } from '../lib/board/path-doc';
import { KEY_FAILURES_PER_ADDRESS } from '../lib/constants';
import type { WorkshopExport } from '../lib/export/model';
import { formatDate } from '../lib/export/words';
import { ErrorCode } from '../lib/protocol/codes';
import type { AppServer } from '../server/app-server';
import { exportJson, room, type Room, TITLE, walkAndRevealFirstStep } from './helpers/export';
import { closeAfterEach } from './helpers/people';
import { type CreatedWorkshop, createWorkshop, waitFor, yjsClient } from './helpers/server';

const open = closeAfterEach();

const RENAMED = 'Tarjouspyyntö – ”uusi” nimi 🧾';

function rerun(server: AppServer, id: string, key: string | null, body: unknown = {}) {
  return fetch(`${server.url}/api/workshops/${encodeURIComponent(id)}/rerun`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key === null ? {} : { authorization: `Bearer ${key}` }),
    },
    body: JSON.stringify(body),
  });
}

function runs(server: AppServer, id: string, key: string | null, format = 'json') {
  return fetch(`${server.url}/api/workshops/${encodeURIComponent(id)}/runs?format=${format}`, {
    headers: key === null ? {} : { authorization: `Bearer ${key}` },
  });
}

async function runAgain(r: Room, carryActions: boolean): Promise<CreatedWorkshop> {
  const res = await rerun(r.server, r.workshop.id, r.workshop.facilitatorKey, { carryActions });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as CreatedWorkshop;
}

/** A walked room whose path the facilitator edited, with two actions. */
async function editedRoom(): Promise<Room> {
  const r = await room(open);
  await walkAndRevealFirstStep(r);
  const editor = yjsClient(r.server, r.workshop.id, r.fac.token);
  open.push({ close: () => editor.provider.destroy() });
  await waitFor(() => editor.provider.synced, 5000, 'sync');
  setStepField(editor.doc, r.steps[0]!, 'title', RENAMED);
  const serverTitle = () =>
    r.server.rooms.readDoc(r.workshop.id, (doc) => readPath(doc)[0]?.title ?? '');
  for (let i = 0; i < 200 && (await serverTitle()) !== RENAMED; i++) {
    await new Promise((done) => setTimeout(done, 10));
  }
  expect(await serverTitle()).toBe(RENAMED);
  for (const action of [
    { text: 'Toimituspäivä näkyviin ✓', owner: 'Åsa Öberg', stepId: r.steps[0] },
    { text: '=1+1 vastuu', owner: null, stepId: null },
  ]) {
    const ack = await r.fac.client.request('action:put', {
      department: 'Talous',
      dueDate: '2026-06-30',
      ideaId: null,
      ...action,
    });
    expect(ack).toMatchObject({ ok: true });
  }
  return r;
}

const withoutIds = (exp: WorkshopExport) => exp.actions.map(({ id: _id, ...rest }) => rest);

describe('POST /api/workshops/:id/rerun', () => {
  it('creates the next run on the current path, opened by the same key, with the actions', async () => {
    const r = await editedRoom();
    const next = await runAgain(r, true);
    expect(Object.keys(next).sort()).toEqual(
      ['facilitatorKey', 'facilitatorUrl', 'id', 'joinCode', 'joinUrl'].sort(),
    );
    expect(next.id).not.toBe(r.workshop.id);
    expect(next.joinCode).not.toBe(r.workshop.joinCode);
    expect(next.facilitatorKey).toBe(r.workshop.facilitatorKey);
    expect(next.facilitatorUrl).toBe(
      `${r.server.url}/w/${next.id}/facilitate#key=${r.workshop.facilitatorKey}`,
    );
    expect(next.joinUrl).toBe(`${r.server.url}/join/${next.joinCode}`);

    const content = (id: string) =>
      r.server.rooms.readDoc(id, (doc) => ({
        path: readPath(doc),
        personas: readPersonas(doc),
        situations: readSituations(doc),
      }));
    const [before, after] = [await content(r.workshop.id), await content(next.id)];
    expect(after).toEqual(before);
    expect(after.path[0]?.title).toBe(RENAMED);
    expect(after.path.length).toBeGreaterThan(1);

    // The old key opens the new run: its export works with it.
    const [source, copy] = [
      await exportJson(r.server, r.workshop),
      await exportJson(r.server, next),
    ];
    expect(copy.workshop).toMatchObject({
      id: next.id,
      title: TITLE,
      templateId: source.workshop.templateId,
      locale: 'fi',
      phase: 'lobby',
    });
    expect(copy.ratings).toEqual([]);
    expect(copy.actions).toHaveLength(2);
    expect(withoutIds(copy)).toEqual(withoutIds(source));
    expect(copy.actions.map((a) => a.id)).not.toContain(source.actions[0]!.id);
  });

  it('leaves the actions behind unless asked to carry them', async () => {
    const r = await editedRoom();
    const next = await runAgain(r, false);
    expect((await exportJson(r.server, next)).actions).toEqual([]);
    // A re-run of a re-run stays in the series and keeps the key.
    const third = await rerun(r.server, next.id, r.workshop.facilitatorKey, {
      carryActions: true,
    });
    expect(third.status).toBe(201);
    const { id: thirdId } = (await third.json()) as CreatedWorkshop;
    const listed = await runs(r.server, thirdId, r.workshop.facilitatorKey);
    const body = (await listed.json()) as { runs: WorkshopExport[] };
    expect(body.runs.map((run) => run.workshop.id)).toEqual([r.workshop.id, next.id, thirdId]);
    // Carried from the second run, which had none.
    expect(body.runs[2]!.actions).toEqual([]);
  });

  it('refuses without the key, with a wrong one, a participant token or another series’ key', async () => {
    const r = await room(open);
    const other = await createWorkshop(r.server);
    const body = { carryActions: true };
    const status = async (key: string | null, id = r.workshop.id, b: unknown = body) =>
      (await rerun(r.server, id, key, b)).status;
    const missing = await rerun(r.server, r.workshop.id, null, body);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ error: { code: ErrorCode.UNAUTHORIZED } });
    expect(await status('not-the-key')).toBe(401);
    expect(await status(r.fac.token)).toBe(401);
    expect(await status(other.facilitatorKey)).toBe(401);
    expect(await status(r.workshop.facilitatorKey, 'no-such-workshop')).toBe(404);
    expect(await status(r.workshop.facilitatorKey, r.workshop.id, {})).toBe(400);
    expect(await status(r.workshop.facilitatorKey, r.workshop.id, { carryActions: 'yes' })).toBe(
      400,
    );
    // Nothing was created by the refusals: the series holds the one run.
    const listed = await runs(r.server, r.workshop.id, r.workshop.facilitatorKey);
    expect(((await listed.json()) as { runs: unknown[] }).runs).toHaveLength(1);
  });

  it('counts wrong keys as failures: guessing gets rate limited', async () => {
    const r = await room(open);
    const statuses: number[] = [];
    for (let i = 0; i <= KEY_FAILURES_PER_ADDRESS; i++) {
      statuses.push((await rerun(r.server, r.workshop.id, i % 2 ? 'guess' : null)).status);
    }
    expect(statuses.slice(0, KEY_FAILURES_PER_ADDRESS).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('GET /api/workshops/:id/runs', () => {
  it('lists every run of the series oldest first, from any run', async () => {
    const r = await editedRoom();
    const other = await createWorkshop(r.server);
    const next = await runAgain(r, true);
    for (const id of [r.workshop.id, next.id]) {
      const res = await runs(r.server, id, r.workshop.facilitatorKey);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { runs: WorkshopExport[] };
      expect(body.runs.map((run) => run.workshop.id)).toEqual([r.workshop.id, next.id]);
      expect(body.runs[0]!.ratings.length).toBeGreaterThan(0);
      expect(body.runs[0]!.schema).toBe('saappaat.workshop');
    }
    // A workshop nobody ran again is a series of one.
    const alone = await runs(r.server, other.id, other.facilitatorKey);
    const single = (await alone.json()) as { runs: WorkshopExport[] };
    expect(single.runs.map((run) => run.workshop.id)).toEqual([other.id]);
  });

  it('compares the runs in Markdown, in the workshop’s language', async () => {
    const r = await editedRoom();
    const next = await runAgain(r, false);
    const res = await runs(r.server, next.id, r.workshop.facilitatorKey, 'md');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".*\.md"/);
    const md = await res.text();
    const list = (await (await runs(r.server, next.id, r.workshop.facilitatorKey)).json()) as {
      runs: WorkshopExport[];
    };
    for (const run of list.runs) expect(md).toContain(formatDate(run.workshop.createdAt, 'fi'));
    expect(md).toContain('Kerta 1 · ');
    expect(md).toContain('Kerta 2 · ');
    expect(md).toContain(`| 1. ${RENAMED} | `);
    expect(md).toContain('## Johtajat − asiakkaan edustajat');
  });

  it('refuses a participant token, another series’ key, and an unknown format', async () => {
    const r = await room(open);
    const other = await createWorkshop(r.server);
    const status = async (key: string | null, format = 'json', id = r.workshop.id) =>
      (await runs(r.server, id, key, format)).status;
    expect(await status(null)).toBe(401);
    expect(await status(r.leader.token)).toBe(401);
    expect(await status(r.fac.token, 'md')).toBe(401);
    expect(await status(other.facilitatorKey)).toBe(401);
    expect(await status(r.workshop.facilitatorKey, 'pdf')).toBe(400);
    expect(await status(r.workshop.facilitatorKey, 'json', 'no-such-workshop')).toBe(404);
    // The other series' key opens its own series only.
    expect(await status(other.facilitatorKey, 'json', other.id)).toBe(200);
  });
});
