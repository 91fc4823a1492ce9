/**
 * Workshop isolation on the HTTP API: every route of B, and of B's re-run, is refused to
 * A's key and tokens, and the routes without a workshop id carry nothing of B. The
 * workshops and the checks are tests/helpers/isolation.ts; the other channels are tried
 * in access-isolation.test.ts and access-isolation-yjs.test.ts.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkshopExport } from '../lib/export/model';
import { ErrorCode } from '../lib/protocol/codes';
import { ROUTES } from '../server/api/routes';
import type { AppServer } from '../server/app-server';
import { callApi } from './helpers/access';
import { type Isolation, isolatedWorkshops, M, type Side } from './helpers/isolation';

let iso: Isolation;
let server: AppServer;
let A: Side;
let B: Side;
let B2: Isolation['B2'];
let leaks: Isolation['leaks'];
let rowsOfAll: Isolation['rowsOfAll'];
let changesNothing: Isolation['changesNothing'];
beforeAll(async () => {
  iso = await isolatedWorkshops();
  ({ server, A, B, B2, leaks, rowsOfAll, changesNothing } = iso);
}, 60_000);
afterAll(() => iso?.close());

describe('HTTP API', () => {
  /** Every route http-api.ts answers, from its route table: `METHOD /path/:id`. */
  function routesInSource(): string[] {
    // The route table of http-api.ts: every route the server answers, declared once.
    return ROUTES.map((r) => `${r.method} ${r.path}`);
  }

  /** Requests to B's routes (or B's re-run's): the ones that take a workshop id. */
  function workshopRoutes(id: string): Record<string, Array<[string, string, unknown?]>> {
    const w = `/api/workshops/${id}`;
    return {
      'GET /api/workshops/:id/export': ['json', 'md', 'csv', 'pdf', 'svg', 'xml'].map((f) => [
        'GET',
        `${w}/export?format=${f}`,
      ]),
      'POST /api/workshops/:id/rerun': [['POST', `${w}/rerun`, { carryActions: true }]],
      'GET /api/workshops/:id/runs': [
        ['GET', `${w}/runs?format=json`],
        ['GET', `${w}/runs?format=md`],
      ],
      'GET /api/workshops/:id/summary': [['GET', `${w}/summary`]],
      'POST /api/workshops/:id/participants': [['POST', `${w}/participants`, { name: 'Mallory' }]],
      'POST /api/workshops/:id/screens': [['POST', `${w}/screens`, {}]],
      'POST /api/workshops/:id/simulated': [['POST', `${w}/simulated`, { count: 3 }]],
    };
  }
  /** Routes without a workshop id, each checked on its own below. */
  const OPEN_ROUTES = [
    'GET /healthz',
    'GET /readyz',
    'GET /api/templates',
    'POST /api/workshops',
    'POST /api/workshops/import',
    'GET /api/join/:code',
  ];

  it('knows every route of http-api.ts (and runs-api.ts, which it dispatches to)', () => {
    const inSource = routesInSource();
    expect(inSource.length).toBeGreaterThanOrEqual(12);
    expect(inSource.sort()).toEqual([...Object.keys(workshopRoutes('x')), ...OPEN_ROUTES].sort());
    const runsSrc = fs.readFileSync(new URL('../server/runs-api.ts', import.meta.url), 'utf8');
    expect(/return \{ rerun, listRuns \};/.test(runsSrc)).toBe(true);
  });

  it('refuses every route of B, and of B’s re-run, to A’s key and every token of A', async () => {
    const credentials: Array<[string, string | null]> = [
      ['A’s facilitator key', A.workshop.facilitatorKey],
      ...A.everyone.map((p): [string, string] => [`${p.name}’s token`, p.token]),
      ['nothing', null],
    ];
    let requests = 0;
    await changesNothing(async () => {
      for (const id of [B.workshop.id, B2.id]) {
        for (const [route, requestsOf] of Object.entries(workshopRoutes(id))) {
          for (const [method, url, body] of requestsOf) {
            for (const [who, bearer] of credentials) {
              // Joining as a participant takes no credentials at all (the code is the key).
              if (bearer === null && route.endsWith('/participants')) continue;
              const answer = await callApi(server.url, method, url, bearer, body);
              requests++;
              expect(answer.status, `${who}: ${method} ${url}`).toBe(401);
              expect(JSON.parse(answer.text), `${who}: ${method} ${url}`).toEqual({
                error: { code: ErrorCode.UNAUTHORIZED, message: expect.any(String) },
              });
              expect(leaks(answer.text)).toEqual([]);
            }
          }
        }
      }
    });
    expect(requests).toBeGreaterThan(100);

    // With B's own key the same requests answer: the refusals above were about the key.
    const ok = await callApi(
      server.url,
      'GET',
      `/api/workshops/${B.workshop.id}/export?format=json`,
      B.workshop.facilitatorKey,
    );
    expect(ok.status).toBe(200);
    expect(ok.text).toContain(M);
  });

  it('keeps B out of the routes that need no workshop id', async () => {
    const before = rowsOfAll();
    for (const [method, url] of [
      ['GET', '/healthz'],
      ['GET', '/readyz'],
      ['GET', '/api/templates'],
      ['GET', `/api/join/${A.workshop.joinCode}`],
    ] as const) {
      const answer = await callApi(server.url, method, url, A.workshop.facilitatorKey);
      expect(answer.status, url).toBe(200);
      expect(leaks(answer.text), url).toEqual([]);
    }
    const created = await callApi(server.url, 'POST', '/api/workshops', A.workshop.facilitatorKey, {
      title: 'Another',
      template: 'clinic-visit',
      locale: 'fi',
    });
    expect(created.status).toBe(201);
    expect(leaks(created.text)).toEqual([]);

    // An import that names B's id makes a new workshop; B stays as it was.
    const exp = await callApi(
      server.url,
      'GET',
      `/api/workshops/${A.workshop.id}/export?format=json`,
      A.workshop.facilitatorKey,
    );
    const forged = JSON.parse(exp.text) as WorkshopExport;
    forged.workshop.id = B.workshop.id;
    const imported = await callApi(server.url, 'POST', '/api/workshops/import', null, forged);
    expect(imported.status).toBe(201);
    expect(leaks(imported.text)).toEqual([]);
    expect((JSON.parse(imported.text) as { id: string }).id).not.toBe(B.workshop.id);
    expect(rowsOfAll()).toEqual(before);
  });
});
