import { describe, expect, it } from 'vitest';
import { readNotes } from '../lib/board/board-doc';
import { readPath, readPersonas, readSituations } from '../lib/board/path-doc';
import { ErrorCode } from '../lib/protocol/codes';
import { download, exportJson, room, TITLE, walkAndRevealFirstStep } from './helpers/export';
import { closeAfterEach } from './helpers/people';
import { type CreatedWorkshop, joinWorkshop, waitFor, yjsClient } from './helpers/server';

const open = closeAfterEach();

describe('POST /api/workshops/import', () => {
  it('creates a new workshop on the same path from a JSON export', async () => {
    const r = await room(open);
    await walkAndRevealFirstStep(r);
    const { bytes } = await download(r.server, r.workshop, 'json');
    const res = await fetch(`${r.server.url}/api/workshops/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: bytes,
    });
    expect(res.status).toBe(201);
    const copy = (await res.json()) as CreatedWorkshop;
    expect(Object.keys(copy).sort()).toEqual(
      ['facilitatorKey', 'facilitatorUrl', 'id', 'joinCode', 'joinUrl'].sort(),
    );
    expect(copy.id).not.toBe(r.workshop.id);

    // The new workshop's document, as a facilitator's client reads it.
    const fac = await joinWorkshop(r.server, copy.id, { name: 'Fran' }, copy.facilitatorKey);
    const before = yjsClient(r.server, r.workshop.id, r.fac.token);
    const after = yjsClient(r.server, copy.id, fac.token);
    open.push(
      { close: () => before.provider.destroy() },
      { close: () => after.provider.destroy() },
    );
    await waitFor(() => before.provider.synced && after.provider.synced, 5000, 'sync');
    expect(readPath(after.doc)).toEqual(readPath(before.doc));
    expect(readPersonas(after.doc)).toEqual(readPersonas(before.doc));
    expect(readSituations(after.doc)).toEqual(readSituations(before.doc));
    expect(readNotes(after.doc)).toEqual([]);

    const exp = await exportJson(r.server, copy);
    expect(exp.workshop).toMatchObject({
      title: TITLE,
      locale: 'fi',
      templateId: 'b2b-order-to-invoice',
      phase: 'lobby',
      rounds: 1,
    });
    expect(exp.ratings).toEqual([]);
    expect(exp.participantsByRole).toEqual({ facilitator: 1 });
  });

  it('refuses what is not an export it can read, with the reason named', async () => {
    const r = await room(open);
    const exp = await exportJson(r.server, r.workshop);
    const post = (body: string) =>
      fetch(`${r.server.url}/api/workshops/import`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    const refusal = async (body: string) => {
      const res = await post(body);
      return { status: res.status, ...((await res.json()) as { error: object }).error };
    };
    expect(await refusal('{"schema":')).toMatchObject({ status: 400, code: 'INVALID_PAYLOAD' });
    expect(await refusal(JSON.stringify({ ...exp, version: 99 }))).toMatchObject({
      status: 400,
      code: ErrorCode.INVALID_PAYLOAD,
      message: expect.stringMatching(/^UNSUPPORTED_VERSION: /),
    });
    expect(await refusal(JSON.stringify({ ...exp, path: 'x' }))).toMatchObject({
      message: expect.stringMatching(/^INVALID_EXPORT: path/),
    });
    // Larger than other bodies may be, up to 2 MiB; beyond that, refused unread.
    const padded = JSON.stringify({ ...exp, padding: 'x'.repeat(100_000) });
    expect((await post(padded)).status).toBe(201);
    const huge = JSON.stringify({ ...exp, padding: 'x'.repeat(2 * 1024 * 1024) });
    expect(await refusal(huge)).toMatchObject({ status: 413, code: ErrorCode.PAYLOAD_TOO_LARGE });
  });
});
