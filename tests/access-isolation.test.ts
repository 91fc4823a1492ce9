/**
 * Workshop isolation: the people of workshop A, its facilitator included, reach nothing of
 * workshop B by any channel. B is full of marker strings (title, step, note, idea, rating
 * note, action, names) and its ids; nothing A's people can ask for may carry any of them,
 * and nothing they send may change B. Positive controls show that the markers do turn up
 * where B's own people look, so their absence elsewhere means something.
 */
import fs from 'node:fs';
import { io as ioClient } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { addNote, readNotes } from '../lib/board/board-doc';
import { readPath, readPersonas, setStepField } from '../lib/board/path-doc';
import type { WorkshopExport } from '../lib/export/model';
import { CloseCode, ErrorCode } from '../lib/protocol/codes';
import {
  type ClientEventName,
  PROTOCOL_VERSION,
  SOCKET_IO_PATH,
  YJS_PATH_PREFIX,
} from '../lib/protocol/events';
import { ROUTES } from '../server/api/routes';
import type { AppServer } from '../server/app-server';
import { callApi, databaseRows } from './helpers/access';
import { everyExport } from './helpers/export';
import { rating, type YjsSpy, yjsSpy } from './helpers/ratings';
import {
  connectClient,
  type CreatedWorkshop,
  createWorkshop,
  handshakeError,
  joinWorkshop,
  rawYjsSocket,
  startTestServer,
  TestClient,
  tempDataDir,
  waitFor,
  yjsClient,
} from './helpers/server';

/** Every marker of B starts with this: letters only, so no export format escapes it. */
const M = 'QQBSECRET';
const B_STEP_TITLE = `${M}steptitle`;
const B_NOTE_ID = `${M}note1`;
const B_IDEA_ID = `${M}idea1`;
const B_ACTION = `${M}actiontext`;

const shared: Array<{ close(): unknown }> = [];
let server: AppServer;
let dataDir: string;

interface Person {
  /** Participant id; null for a projector screen. */
  id: string | null;
  name: string;
  token: string;
  client: TestClient;
}

interface Side {
  workshop: CreatedWorkshop;
  fac: Person;
  leader: Person;
  customer: Person;
  observer: Person;
  screen: Person;
  everyone: Person[];
  steps: string[];
  personas: string[];
}

let A: Side;
let B: Side;
/** B's re-run: the second workshop of B's series, opened by B's key. */
let B2: { id: string; joinCode: string };
let bActionId: string;
let aSpy: YjsSpy;
let bSpy: YjsSpy;

async function side(
  body: { title: string; template: string; locale: string },
  prefix: string,
): Promise<Side> {
  const workshop = await createWorkshop(server, body);
  async function person(name: string, role?: string): Promise<Person> {
    const joined = role
      ? await joinWorkshop(server, workshop.id, { name, role })
      : await joinWorkshop(server, workshop.id, { name }, workshop.facilitatorKey);
    const client = await connectClient(server, joined.token);
    shared.push(client);
    return { id: joined.participantId, name, token: joined.token, client };
  }
  const fac = await person(`${prefix}fran`);
  const leader = await person(`${prefix}leena`, 'leader');
  const customer = await person(`${prefix}asta`, 'customer');
  const observer = await person(`${prefix}olli`, 'observer');
  const res = await callApi(
    server.url,
    'POST',
    `/api/workshops/${workshop.id}/screens`,
    workshop.facilitatorKey,
  );
  expect(res.status).toBe(201);
  const { token } = JSON.parse(res.text) as { token: string };
  const screenClient = new TestClient(server.url, token);
  shared.push(screenClient);
  await waitFor(() => screenClient.state !== undefined, 5000, 'the screen');
  const screen: Person = { id: null, name: 'screen', token, client: screenClient };
  const y = yjsClient(server, workshop.id, fac.token);
  shared.push({ close: () => y.provider.destroy() });
  await waitFor(() => y.provider.synced, 5000, 'the document');
  const steps = readPath(y.doc).map((s) => s.id);
  const personas = readPersonas(y.doc).map((p) => p.id);
  return {
    workshop,
    fac,
    leader,
    customer,
    observer,
    screen,
    everyone: [fac, leader, customer, observer, screen],
    steps,
    personas,
  };
}

async function ok(p: Person, event: ClientEventName, payload: unknown): Promise<unknown> {
  const ack = await p.client.request(event, payload);
  expect(ack, `${p.name} ${event}`).toMatchObject({ ok: true });
  return (ack as { data?: unknown }).data;
}

/** Fills B with markers everywhere a workshop keeps something. */
async function fillB(): Promise<void> {
  const fac = yjsClient(server, B.workshop.id, B.fac.token);
  const cust = yjsClient(server, B.workshop.id, B.customer.token);
  shared.push({ close: () => fac.provider.destroy() }, { close: () => cust.provider.destroy() });
  await waitFor(() => fac.provider.synced && cust.provider.synced, 5000, 'B’s board');
  setStepField(fac.doc, B.steps[0]!, 'title', B_STEP_TITLE);
  const note = { stepId: B.steps[0]!, createdAt: Date.now() };
  addNote(fac.doc, {
    ...note,
    id: B_IDEA_ID,
    lane: 'ideas',
    text: `${M}ideatext`,
    authorId: B.fac.id!,
  });
  addNote(cust.doc, {
    ...note,
    id: B_NOTE_ID,
    lane: 'pains',
    text: `${M}notetext`,
    authorId: B.customer.id!,
  });
  await waitFor(() => readNotes(bSpy.doc).length === 2, 5000, 'B’s notes stored');
  await waitFor(() => readPath(bSpy.doc)[0]?.title === B_STEP_TITLE, 5000, 'B’s step title');

  await ok(B.fac, 'phase:set', { phase: 'walk' });
  await ok(B.customer, 'rating:put', rating(B.steps[0]!, { note: `${M}ratingnote` }));
  await ok(B.leader, 'rating:put', rating(B.steps[0]!));
  await ok(B.fac, 'reveal:step', { stepId: B.steps[0] });
  const action = (await ok(B.fac, 'action:put', {
    text: B_ACTION,
    owner: `${M}owner`,
    department: null,
    dueDate: null,
    stepId: B.steps[0],
    ideaId: B_IDEA_ID,
  })) as { id: string };
  bActionId = action.id;
  await ok(B.fac, 'phase:set', { phase: 'vote' });
  await ok(B.customer, 'vote:set', { ideaId: B_IDEA_ID, dots: 2 });
  await ok(B.fac, 'votes:close', {});
  await ok(B.fac, 'phase:set', { phase: 'summary' });
  const rerun = await callApi(
    server.url,
    'POST',
    `/api/workshops/${B.workshop.id}/rerun`,
    B.workshop.facilitatorKey,
    { carryActions: true },
  );
  expect(rerun.status).toBe(201);
  B2 = JSON.parse(rerun.text) as { id: string; joinCode: string };
}

beforeAll(async () => {
  dataDir = tempDataDir();
  // Documents stay loaded: an unload would compact (rewrite) their stored log meanwhile.
  // Addresses come from X-Forwarded-For, so refused keys do not slow later requests down.
  server = await startTestServer({ dataDir, idleUnloadMs: 10 * 60_000, trustProxy: true });
  A = await side({ title: 'Alpha workshop', template: 'b2b-order-to-invoice', locale: 'en' }, 'a');
  aSpy = await yjsSpy(server, A.workshop.id, A.fac.token, shared);
  B = await side({ title: `${M}title`, template: 'clinic-visit', locale: 'fi' }, M);
  bSpy = await yjsSpy(server, B.workshop.id, B.fac.token, shared);
  await fillB();
}, 60_000);

afterAll(async () => {
  for (const thing of shared.splice(0).reverse()) await thing.close();
  await server.close();
});

/** Everything that identifies B: its markers, ids, codes and people. */
function secretsOfB(): string[] {
  return [
    M,
    B.workshop.id,
    B.workshop.joinCode,
    B.workshop.facilitatorKey,
    B2.id,
    B2.joinCode,
    bActionId,
    ...B.everyone.flatMap((p) => (p.id ? [p.id, p.token] : [p.token])),
  ];
}

/** The secrets of B found in `text` (none, we hope). */
function leaks(text: string): string[] {
  return secretsOfB().filter((s) => text.includes(s));
}

/** The same for raw bytes, as Yjs sends strings (UTF-8 inside binary messages). */
function leaksInBytes(chunks: Buffer[]): string[] {
  const all = Buffer.concat(chunks);
  return secretsOfB().filter((s) => all.includes(Buffer.from(s, 'utf8')));
}

/** Database rows of B, its re-run and A: what must not change. */
function rowsOfAll(): Record<string, unknown> {
  return {
    A: databaseRows(dataDir, A.workshop.id),
    B: databaseRows(dataDir, B.workshop.id),
    B2: databaseRows(dataDir, B2.id),
  };
}

/** Answers once the server has sent `client` everything it sent before (same socket, in order). */
async function roundTrip(client: TestClient): Promise<void> {
  expect(await client.request('time:sync', {})).toMatchObject({ ok: true });
}

/**
 * Runs `attack`, then checks that no row of A, B or B's re-run changed, B's document got
 * no update, and nobody in B (nor in A, unless `aMayHear`: presence) heard anything.
 */
async function changesNothing(
  attack: () => Promise<void>,
  { aMayHear = false } = {},
): Promise<void> {
  const listeners = [...(aMayHear ? [] : A.everyone), ...B.everyone].map((p) => p.client);
  for (const c of listeners) await roundTrip(c);
  const marks = listeners.map((c) => c.heard.length);
  const bBytes = bSpy.received.length;
  const before = rowsOfAll();
  expect((before.B as { participants: unknown[] }).participants).toHaveLength(4);

  await attack();

  for (const c of listeners) await roundTrip(c);
  listeners.forEach((c, i) => {
    const heard = c.heard.slice(marks[i]);
    expect(heard, `what ${c.you?.name ?? 'a screen'} heard`).toEqual([]);
  });
  expect(rowsOfAll()).toEqual(before);
  // B's document got no update (keep-alives are 3 bytes and carry nothing).
  expect(bSpy.received.slice(bBytes).filter((b) => b.length > 3)).toEqual([]);
}

describe('positive controls: B’s secrets are where B’s own people look', () => {
  it('every export of B (JSON, Markdown, each CSV file, PDF) carries its markers', async () => {
    const texts = await everyExport(server, B.workshop);
    expect(texts.length).toBeGreaterThanOrEqual(5);
    for (const text of texts) expect(text).toContain(M);
    const json = texts[0]!;
    for (const marker of ['steptitle', 'notetext', 'ideatext', 'ratingnote', 'actiontext']) {
      expect(json).toContain(`${M}${marker}`);
    }
    expect(leaksInBytes(bSpy.received)).toContain(M);
    expect(leaks(JSON.stringify(B.customer.client.heard))).toContain(M);
  });
});

describe('Socket.io', () => {
  it('binds a token of A to A, whatever else the handshake names', async () => {
    await changesNothing(
      async () => {
        for (const p of [A.fac, A.customer, A.observer, A.screen]) {
          const socket = ioClient(server.url, {
            path: SOCKET_IO_PATH,
            auth: { v: PROTOCOL_VERSION, token: p.token, w: B.workshop.id, p: B.fac.id, s: true },
            query: { workshopId: B.workshop.id, w: B.workshop.id },
            transports: ['websocket'],
            forceNew: true,
            reconnection: false,
          });
          const heard: Array<[string, unknown[]]> = [];
          socket.onAny((event: string, ...args: unknown[]) => heard.push([event, args]));
          try {
            await waitFor(() => heard.some(([e]) => e === 'workshop:state'), 5000, 'a state');
            const state = heard.find(([e]) => e === 'workshop:state')![1][0] as {
              info: { id: string };
            };
            expect(state.info.id).toBe(A.workshop.id);
            const you = heard.find(([e]) => e === 'session:you')?.[1][0] as
              { participantId: string } | undefined;
            expect(you?.participantId ?? null).toBe(p.id);
            expect(leaks(JSON.stringify(heard))).toEqual([]);
          } finally {
            socket.close();
          }
        }
        // A hears these connections come and go (presence); B hears nothing.
      },
      { aMayHear: true },
    );
  });

  it('refuses a token of A rewritten to name B or B’s people', async () => {
    const [version, body, mac] = A.customer.token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as object;
    const forge = (c: object) =>
      `${version}.${Buffer.from(JSON.stringify(c)).toString('base64url')}.${mac}`;
    for (const c of [
      { ...claims, w: B.workshop.id },
      { ...claims, w: B.workshop.id, p: B.customer.id },
      { ...claims, p: B.fac.id },
    ]) {
      const token = forge(c);
      expect(await handshakeError(server, { v: PROTOCOL_VERSION, token })).toBe(
        ErrorCode.UNAUTHORIZED,
      );
      const ws = rawYjsSocket(server, B.workshop.id, token);
      expect((await ws.closed).code).toBe(CloseCode.UNAUTHORIZED);
    }
  });

  it('answers events naming B’s steps, people, ideas and actions with NOT_FOUND, changing nothing', async () => {
    const ACTION = {
      text: 'Alpha action',
      owner: null,
      department: null,
      dueDate: null,
      stepId: null,
      ideaId: null,
    };
    await ok(A.fac, 'phase:set', { phase: 'walk' });
    await ok(A.fac, 'walk:pace', { pace: 'free' });
    await ok(A.fac, 'actions:allow', { allowed: true });
    const { id: aActionId } = (await ok(A.fac, 'action:put', ACTION)) as { id: string };
    const bStep = B.steps[0]!;
    expect(A.steps).not.toContain(bStep);
    expect(A.personas).not.toContain(B.personas[0]);
    const attempts: Array<[Person, ClientEventName, unknown]> = [
      [A.fac, 'walk:step', { stepId: bStep }],
      [A.fac, 'walk:lock', { stepId: bStep, locked: true }],
      [A.fac, 'reveal:step', { stepId: bStep }],
      [A.fac, 'people:set-role', { participantId: B.customer.id, role: 'observer' }],
      [A.fac, 'people:set-role', { participantId: B.fac.id, role: 'observer' }],
      [A.fac, 'people:set-lens', { participantId: B.customer.id, lens: 'staff' }],
      [A.fac, 'people:assign', { participantId: B.customer.id, personaId: A.personas[0] }],
      [A.fac, 'people:assign', { participantId: A.customer.id, personaId: B.personas[0] }],
      [A.fac, 'people:remove', { participantId: B.customer.id }],
      [A.fac, 'people:remove', { participantId: B.fac.id }],
      [A.fac, 'action:put', { ...ACTION, id: bActionId }],
      [A.fac, 'action:put', { ...ACTION, stepId: bStep }],
      [A.fac, 'action:put', { ...ACTION, ideaId: B_IDEA_ID }],
      [A.fac, 'action:delete', { id: bActionId }],
      [A.customer, 'rating:put', rating(bStep)],
      [A.customer, 'action:put', { ...ACTION, id: bActionId }],
      [A.customer, 'action:put', { ...ACTION, ideaId: B_IDEA_ID }],
      [A.customer, 'action:delete', { id: bActionId }],
    ];
    await changesNothing(async () => {
      for (const [p, event, payload] of attempts) {
        expect(await p.client.request(event, payload), `${p.name} ${event}`).toEqual({
          ok: false,
          error: { code: ErrorCode.NOT_FOUND, message: expect.any(String) },
        });
      }
    });

    // Voting on B's idea, in A's vote phase.
    await ok(A.fac, 'phase:set', { phase: 'vote' });
    await changesNothing(async () => {
      for (const p of [A.customer, A.leader]) {
        expect(await p.client.request('vote:set', { ideaId: B_IDEA_ID, dots: 1 })).toEqual({
          ok: false,
          error: { code: ErrorCode.NOT_FOUND, message: expect.any(String) },
        });
      }
    });

    // The same events with A's own ids work: the payloads were valid.
    const rowsBefore = databaseRows(dataDir, A.workshop.id);
    await ok(A.fac, 'phase:set', { phase: 'walk' });
    await ok(A.fac, 'walk:step', { stepId: A.steps[1] });
    await ok(A.fac, 'people:set-lens', { participantId: A.customer.id, lens: 'staff' });
    await ok(A.fac, 'people:assign', { participantId: A.customer.id, personaId: A.personas[0] });
    await ok(A.customer, 'rating:put', rating(A.steps[0]!));
    await ok(A.customer, 'action:put', { ...ACTION, stepId: A.steps[0] });
    await ok(A.fac, 'action:delete', { id: aActionId });
    expect(databaseRows(dataDir, A.workshop.id)).not.toEqual(rowsBefore);
  });
});

describe('Yjs', () => {
  /** A sync step 1 and a query for presence: what a client sends first. */
  function hello(): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    syncProtocol.writeSyncStep1(e, new Y.Doc());
    return encoding.toUint8Array(e);
  }

  it('closes A’s tokens on B’s document with 4403 before sending a single byte', async () => {
    const id = B.workshop.id;
    const a = A.workshop.id;
    const q = (t: string) => `token=${encodeURIComponent(t)}`;
    const paths = (t: string) => [
      `${YJS_PATH_PREFIX}/${id}?${q(t)}`,
      `${YJS_PATH_PREFIX}/${id}?${q(t)}&workshopId=${a}&w=${a}`,
      `${YJS_PATH_PREFIX}/${a}/../${id}?${q(t)}`,
      `${YJS_PATH_PREFIX}/${a}%2F..%2F${id}?${q(t)}`,
      `${YJS_PATH_PREFIX}/${id}/?${q(t)}`,
      `${YJS_PATH_PREFIX}/${id}%00?${q(t)}`,
      `${YJS_PATH_PREFIX}/${encodeURIComponent(id)}?${q(t)}&${q(B.fac.token.slice(0, 20))}`,
    ];
    await changesNothing(async () => {
      for (const p of A.everyone) {
        for (const url of paths(p.token)) {
          const ws = new WebSocket(server.url.replace('http', 'ws') + url);
          const received: Buffer[] = [];
          ws.on('error', () => undefined);
          ws.on('message', (data: Buffer) => received.push(Buffer.from(data)));
          ws.on('open', () => ws.send(hello()));
          const closed = await new Promise<number>((resolve) =>
            ws.once('close', (code) => resolve(code)),
          );
          expect(closed, `${p.name} ${url}`).toBe(CloseCode.FORBIDDEN);
          expect(received, `${p.name} ${url}`).toEqual([]);
        }
      }
    });
  });

  it('leaves a y-websocket client of A on B’s room with an empty document', async () => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(
      server.url.replace('http', 'ws') + YJS_PATH_PREFIX,
      B.workshop.id,
      doc,
      { WebSocketPolyfill: WebSocket as never, disableBc: true, params: { token: A.fac.token } },
    );
    try {
      const code = await new Promise<number>((resolve) =>
        provider.on('closed', (event) => resolve(event.code)),
      );
      expect(code).toBe(CloseCode.FORBIDDEN);
      expect(readNotes(doc)).toEqual([]);
      expect(readPath(doc)).toEqual([]);
      expect(leaks(JSON.stringify(doc.toJSON()))).toEqual([]);
    } finally {
      provider.destroy();
    }
  });

  it('relays nothing of B to A’s document: every byte A’s client got is free of B', () => {
    expect(aSpy.received.length).toBeGreaterThan(0);
    expect(leaksInBytes(aSpy.received)).toEqual([]);
    expect(readNotes(aSpy.doc).map((n) => n.id)).not.toContain(B_NOTE_ID);
  });
});

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

describe('what A’s people can read', () => {
  it('no export of A, in any format, its summary or its runs, carries anything of B', async () => {
    for (const text of await everyExport(server, A.workshop)) expect(leaks(text)).toEqual([]);
    const key = A.workshop.facilitatorKey;
    for (const format of ['json', 'md']) {
      const runs = await callApi(
        server.url,
        'GET',
        `/api/workshops/${A.workshop.id}/runs?format=${format}`,
        key,
      );
      expect(runs.status).toBe(200);
      expect(leaks(runs.text)).toEqual([]);
    }
    await ok(A.fac, 'phase:set', { phase: 'summary' });
    for (const p of [A.fac, A.customer, A.observer]) {
      const summary = await callApi(
        server.url,
        'GET',
        `/api/workshops/${A.workshop.id}/summary`,
        p.token,
      );
      expect(summary.status).toBe(200);
      expect(leaks(summary.text)).toEqual([]);
    }
  });

  it('nothing A’s clients heard on Socket.io, from the first connect on, carries anything of B', () => {
    for (const p of A.everyone) {
      expect(p.client.heard.length).toBeGreaterThan(3);
      expect(leaks(JSON.stringify(p.client.heard)), p.name).toEqual([]);
    }
  });
});
