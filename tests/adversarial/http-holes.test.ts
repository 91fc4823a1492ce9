/**
 * Issue 21, item 11: no other site's form can post to the API (JSON bodies only, as
 * `application/json`), and no forged Host header can put its name into the join and
 * facilitator links the API hands out.
 */
import http from 'node:http';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../lib/protocol/codes';
import type { AppServer, AppServerOptions } from '../../server/app-server';
import { databaseRows } from '../helpers/access';
import { exportUrl } from '../helpers/export';
import {
  type CreatedWorkshop,
  createWorkshop,
  joinWorkshop,
  startTestServer,
  tempDataDir,
} from '../helpers/server';

interface Answer {
  status: number;
  body: unknown;
  text: string;
}

/** A POST with exactly these headers (fetch would not let a test choose Host). */
function post(
  server: AppServer,
  path: string,
  body: string,
  headers: Record<string, string>,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, method: 'POST', path, headers },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // left as text for the assertion to show
          }
          resolve({ status: res.statusCode ?? 0, body: parsed, text });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const GOOD = JSON.stringify({ title: 'Työpaja', template: 'b2b-order-to-invoice', locale: 'en' });
const refusedWith = (code: ErrorCode) => ({ error: { code, message: expect.any(String) } });

const open: AppServer[] = [];
async function serverWith(options: AppServerOptions = {}) {
  const dataDir = tempDataDir();
  const server = await startTestServer({ dataDir, ...options });
  open.push(server);
  const rows = (table: string) => databaseRows(dataDir, null)[table]?.length ?? 0;
  return { server, rows, local: `127.0.0.1:${server.port}` };
}
afterAll(async () => {
  await Promise.all(open.map((s) => s.close()));
});

describe('POST bodies other than application/json', () => {
  let s: Awaited<ReturnType<typeof serverWith>>;
  let w: CreatedWorkshop;
  beforeAll(async () => {
    s = await serverWith();
    w = await createWorkshop(s.server);
  });

  // What an HTML form on another site can send without a preflight, and a few more.
  const FORM_TYPES = [
    'text/plain',
    'text/plain;charset=UTF-8',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/json; charset=latin1',
    'text/plain; a=application/json',
    'application/jsonp',
  ];

  it.each(FORM_TYPES)(
    'a workshop posted as %s is refused 415, and none is stored',
    async (type) => {
      const before = s.rows('workshops');
      const answer = await post(s.server, '/api/workshops', GOOD, { 'content-type': type });
      expect({ status: answer.status, body: answer.body }).toEqual({
        status: 415,
        body: refusedWith(ErrorCode.UNSUPPORTED_MEDIA_TYPE),
      });
      expect(s.rows('workshops')).toBe(before);
    },
  );

  it('a workshop posted with no content-type at all is refused 415', async () => {
    const answer = await post(s.server, '/api/workshops', GOOD, {});
    expect(answer.status).toBe(415);
  });

  it('a join posted as text/plain is refused 415, and nobody joins', async () => {
    const before = s.rows('participants');
    const answer = await post(
      s.server,
      `/api/workshops/${w.id}/participants`,
      JSON.stringify({ name: 'Mallory', role: 'customer' }),
      { 'content-type': 'text/plain' },
    );
    expect({ status: answer.status, body: answer.body }).toEqual({
      status: 415,
      body: refusedWith(ErrorCode.UNSUPPORTED_MEDIA_TYPE),
    });
    expect(s.rows('participants')).toBe(before);
  });

  it('an import, a re-run and simulated people posted as text/plain are refused 415', async () => {
    const exported = await (
      await fetch(exportUrl(s.server, w.id, 'json'), {
        headers: { authorization: `Bearer ${w.facilitatorKey}` },
      })
    ).text();
    const key = { authorization: `Bearer ${w.facilitatorKey}`, 'content-type': 'text/plain' };
    const before = s.rows('workshops');
    for (const [path, body] of [
      ['/api/workshops/import', exported],
      [`/api/workshops/${w.id}/rerun`, '{"carryActions":false}'],
      [`/api/workshops/${w.id}/simulated`, '{}'],
    ] as const) {
      const answer = await post(s.server, path, body, key);
      expect({ path, status: answer.status }).toEqual({ path, status: 415 });
    }
    expect(s.rows('workshops')).toBe(before);
  });

  it('takes application/json, with or without charset=utf-8, in any case', async () => {
    for (const type of [
      'application/json',
      'application/json; charset=utf-8',
      'Application/JSON',
    ]) {
      const answer = await post(s.server, '/api/workshops', GOOD, { 'content-type': type });
      expect({ type, status: answer.status }).toEqual({ type, status: 201 });
    }
  });
});

describe('links and the Host header', () => {
  const JSON_TYPE = { 'content-type': 'application/json' };
  const links = (answer: Answer) => answer.body as { joinUrl: string; facilitatorUrl: string };

  it.each([
    'evil.example',
    'evil.example:3000',
    '127.0.0.1.evil.example',
    'localhost@evil.example',
    'localhost/evil.example',
    'localhost:1:evil.example',
    '[::1].evil.example',
  ])('a workshop asked for with Host "%s" is refused 400 HOST_NOT_ALLOWED', async (host) => {
    const s = await serverWith();
    const answer = await post(s.server, '/api/workshops', GOOD, { ...JSON_TYPE, host });
    expect({ status: answer.status, body: answer.body }).toEqual({
      status: 400,
      body: refusedWith(ErrorCode.HOST_NOT_ALLOWED),
    });
    expect(answer.text).not.toContain('evil');
    expect(s.rows('workshops')).toBe(0);
  });

  it('ignores X-Forwarded-Host and Forwarded unless TRUST_PROXY is on', async () => {
    const s = await serverWith();
    const answer = await post(s.server, '/api/workshops', GOOD, {
      ...JSON_TYPE,
      host: s.local,
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'https',
      forwarded: 'host=evil.example;proto=https',
    });
    expect(answer.status).toBe(201);
    expect(answer.text).not.toContain('evil');
    expect(links(answer).joinUrl.startsWith(`http://${s.local}/join/`)).toBe(true);
  });

  it('makes links for localhost, 127.0.0.1, [::1] and this machine’s own addresses', async () => {
    const s = await serverWith();
    const lan = Object.values(os.networkInterfaces())
      .flat()
      .find((a) => a && !a.internal && a.family === 'IPv4')?.address;
    const hosts = [`localhost:${s.server.port}`, s.local, `[::1]:${s.server.port}`];
    if (lan) hosts.push(`${lan}:${s.server.port}`);
    for (const host of hosts) {
      const answer = await post(s.server, '/api/workshops', GOOD, { ...JSON_TYPE, host });
      expect({ host, status: answer.status }).toEqual({ host, status: 201 });
      expect(links(answer).facilitatorUrl.startsWith(`http://${host}/w/`)).toBe(true);
    }
  });

  it('refuses a poisoned Host on a re-run and an import too, storing nothing', async () => {
    const s = await serverWith();
    const w = await createWorkshop(s.server);
    const exported = await (
      await fetch(exportUrl(s.server, w.id, 'json'), {
        headers: { authorization: `Bearer ${w.facilitatorKey}` },
      })
    ).text();
    const headers = {
      ...JSON_TYPE,
      host: 'evil.example',
      authorization: `Bearer ${w.facilitatorKey}`,
    };
    for (const [path, body] of [
      ['/api/workshops/import', exported],
      [`/api/workshops/${w.id}/rerun`, '{"carryActions":false}'],
    ] as const) {
      const answer = await post(s.server, path, body, headers);
      expect({ path, status: answer.status, body: answer.body }).toEqual({
        path,
        status: 400,
        body: refusedWith(ErrorCode.HOST_NOT_ALLOWED),
      });
    }
    expect(s.rows('workshops')).toBe(1);
    // Joining makes no link, and the Host does not matter to it.
    const joined = await post(
      s.server,
      `/api/workshops/${w.id}/participants`,
      JSON.stringify({ name: 'Anna', role: 'staff' }),
      { ...JSON_TYPE, host: 'evil.example' },
    );
    expect(joined.status).toBe(201);
  });

  it('with PUBLIC_URL, links start with it whatever the Host says', async () => {
    const s = await serverWith({ publicUrl: 'https://workshops.example.fi/' });
    const answer = await post(s.server, '/api/workshops', GOOD, {
      ...JSON_TYPE,
      host: 'evil.example',
    });
    expect(answer.status).toBe(201);
    expect(answer.text).not.toContain('evil');
    expect(links(answer).joinUrl.startsWith('https://workshops.example.fi/join/')).toBe(true);
  });

  it('behind a trusted proxy, X-Forwarded-Host must be on ALLOWED_HOSTS too', async () => {
    const s = await serverWith({ trustProxy: true, allowedHosts: ['workshops.example.fi'] });
    const asked = (forwardedHost: string) =>
      post(s.server, '/api/workshops', GOOD, {
        ...JSON_TYPE,
        host: s.local,
        'x-forwarded-host': forwardedHost,
        'x-forwarded-proto': 'https',
      });
    const evil = await asked('evil.example');
    expect({ status: evil.status, body: evil.body }).toEqual({
      status: 400,
      body: refusedWith(ErrorCode.HOST_NOT_ALLOWED),
    });
    const good = await asked('workshops.example.fi');
    expect(good.status).toBe(201);
    expect(links(good).joinUrl.startsWith('https://workshops.example.fi/join/')).toBe(true);
    // The list replaces the default: loopback is not on it.
    const direct = await post(s.server, '/api/workshops', GOOD, { ...JSON_TYPE, host: s.local });
    expect(direct.status).toBe(400);
    // People still join by the code, whatever the host.
    const made = links(good) as unknown as CreatedWorkshop;
    expect((await joinWorkshop(s.server, made.id, { name: 'Anna', role: 'staff' })).role).toBe(
      'staff',
    );
  });
});
