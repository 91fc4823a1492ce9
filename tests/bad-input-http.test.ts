import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKSHOP_TITLE_MAX_CHARS } from '../lib/constants';
import { ErrorCode } from '../lib/protocol/codes';
import type { AppServer } from '../server/app-server';
import {
  type CreatedWorkshop,
  createWorkshop,
  joinWorkshop,
  startTestServer,
} from './helpers/server';

let server: AppServer;
let workshop: CreatedWorkshop;

beforeAll(async () => {
  server = await startTestServer();
  workshop = await createWorkshop(server);
});
afterAll(async () => {
  await server.close();
});

interface Answer {
  status: number;
  body: unknown;
}

async function send(
  method: string,
  path: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await res.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // left as text: the assertion that follows will show it
  }
  return { status: res.status, body: json };
}

const createWith = (body: unknown) => send('POST', '/api/workshops', JSON.stringify(body));
const good = { title: 'Työpaja', template: 'b2b-order-to-invoice', locale: 'fi' };

function error(code: ErrorCode) {
  return { error: { code, message: expect.any(String) } };
}

describe('POST /api/workshops with a bad body', () => {
  it('refuses a body that is not JSON with 400 INVALID_PAYLOAD', async () => {
    for (const body of ['title=Työpaja', '{"title":', '']) {
      expect(await send('POST', '/api/workshops', body)).toEqual({
        status: 400,
        body: error(ErrorCode.INVALID_PAYLOAD),
      });
    }
  });

  it.each([
    ['no title', { template: good.template, locale: good.locale }, 'title'],
    ['no template', { title: good.title, locale: good.locale }, 'template'],
    ['no locale', { title: good.title, template: good.template }, 'locale'],
    ['a locale we do not speak', { ...good, locale: 'sv' }, 'locale'],
    ['a title of only spaces', { ...good, title: '   ' }, 'title'],
    ['a title that is a number', { ...good, title: 42 }, 'title'],
    ['an extra field', { ...good, admin: true }, ''],
    ['an array', [good], ''],
  ])('refuses %s with 400 INVALID_PAYLOAD naming the field', async (_, body, field) => {
    const answer = await createWith(body);
    expect(answer).toEqual({ status: 400, body: error(ErrorCode.INVALID_PAYLOAD) });
    expect((answer.body as { error: { message: string } }).error.message).toContain(field);
  });

  it('refuses an unknown template with 400 INVALID_PAYLOAD', async () => {
    const answer = await createWith({ ...good, template: 'no-such-template' });
    expect(answer).toEqual({ status: 400, body: error(ErrorCode.INVALID_PAYLOAD) });
    expect(JSON.stringify(answer.body)).toContain('no-such-template');
  });

  it('refuses a title one character over WORKSHOP_TITLE_MAX_CHARS, and takes one at the limit', async () => {
    const over = await createWith({ ...good, title: 'ä'.repeat(WORKSHOP_TITLE_MAX_CHARS + 1) });
    expect(over).toEqual({ status: 400, body: error(ErrorCode.INVALID_PAYLOAD) });
    expect(
      (await createWith({ ...good, title: 'ä'.repeat(WORKSHOP_TITLE_MAX_CHARS) })).status,
    ).toBe(201);
  });

  it('refuses a body over 16 KB with 413 PAYLOAD_TOO_LARGE', async () => {
    const answer = await createWith({ ...good, title: 'x'.repeat(17 * 1024) });
    expect(answer).toEqual({ status: 413, body: error(ErrorCode.PAYLOAD_TOO_LARGE) });
  });
});

describe('joining with bad credentials or input', () => {
  const path = () => `/api/workshops/${workshop.id}/participants`;

  it('refuses a wrong facilitator key with 401 UNAUTHORIZED', async () => {
    const answer = await send('POST', path(), JSON.stringify({ name: 'Mallory' }), {
      authorization: `Bearer ${workshop.facilitatorKey.slice(1)}x`,
    });
    expect(answer).toEqual({ status: 401, body: error(ErrorCode.UNAUTHORIZED) });
  });

  it('refuses a participant without a role, or asking to be facilitator, with 400', async () => {
    expect(await send('POST', path(), JSON.stringify({ name: 'Anna' }))).toEqual({
      status: 400,
      body: error(ErrorCode.INVALID_PAYLOAD),
    });
    expect(
      await send('POST', path(), JSON.stringify({ name: 'Anna', role: 'facilitator' })),
    ).toEqual({
      status: 400,
      body: error(ErrorCode.INVALID_PAYLOAD),
    });
  });

  it('refuses a name with control characters or a direction override with 400', async () => {
    // U+202E shows "Anna<RLO>nivuS" to everyone else as "AnnaSuvin": another's name.
    for (const name of ['Anna\u202EnivuS', 'Anna\u0007', 'Anna\u2066x\u2069', 'A\u0085']) {
      expect(await send('POST', path(), JSON.stringify({ name, role: 'staff' }))).toEqual({
        status: 400,
        body: error(ErrorCode.INVALID_PAYLOAD),
      });
    }
    // Right-to-left names as typed are welcome.
    const rtl = await send('POST', path(), JSON.stringify({ name: 'سارة', role: 'staff' }));
    expect(rtl.status).toBe(201);
  });

  it('refuses to join a workshop that does not exist with 404 NOT_FOUND', async () => {
    const answer = await send(
      'POST',
      '/api/workshops/no-such-workshop/participants',
      JSON.stringify({ name: 'A', role: 'staff' }),
    );
    expect(answer).toEqual({ status: 404, body: error(ErrorCode.NOT_FOUND) });
  });
});

describe('lookups and paths that do not exist', () => {
  it('answers an unknown join code with 404 NOT_FOUND', async () => {
    expect(await send('GET', '/api/join/NOPE12')).toEqual({
      status: 404,
      body: error(ErrorCode.NOT_FOUND),
    });
  });

  it('answers an unknown /api path or method with 404 NOT_FOUND', async () => {
    expect(await send('GET', '/api/nothing-here')).toEqual({
      status: 404,
      body: error(ErrorCode.NOT_FOUND),
    });
    expect(await send('DELETE', '/api/workshops')).toEqual({
      status: 404,
      body: error(ErrorCode.NOT_FOUND),
    });
  });
});

describe('after all of that', () => {
  it('still creates workshops and lets people join', async () => {
    const w = await createWorkshop(server, good);
    const joined = await joinWorkshop(server, w.id, { name: 'Anna', role: 'customer' });
    expect(joined.role).toBe('customer');
    const lookup = await send('GET', `/api/join/${w.joinCode}`);
    expect(lookup).toEqual({
      status: 200,
      body: { workshopId: w.id, title: good.title, locale: 'fi' },
    });
  });
});
