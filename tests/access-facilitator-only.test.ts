/**
 * Every event only some roles may send, tried by every role that may not, with a valid
 * payload in a state where it would work: a named error, and nothing changes anywhere
 * (database rows, what a facilitator sees on connect, the JSON export, and no broadcast to
 * anyone). The same payload then works for a role that may send it, so a broken payload
 * cannot make these tests pass. The events and who may send them come from the protocol's
 * permission table (lib/protocol/event-access.ts), so a new event is covered as soon as it
 * exists: it does not compile until it has a permission there and a scenario here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNote, readNotes } from '../lib/board/board-doc';
import { ROLES, type Role } from '../lib/domain/roles';
import type { WorkshopExport } from '../lib/export/model';
import { ErrorCode } from '../lib/protocol/codes';
import {
  CLIENT_EVENTS,
  EVENT_PERMISSION,
  facilitatorOnlyEvents,
  mayAttempt,
} from '../lib/protocol/event-access';
import { type ClientEventName, clientEventSchemas } from '../lib/protocol/events';
import type { AppServer } from '../server/app-server';
import { callApi, databaseRows as rowsIn } from './helpers/access';
import { exportJson } from './helpers/export';
import { closeAfterEach } from './helpers/people';
import { connectScreen, rating } from './helpers/ratings';
import {
  connectClient,
  type CreatedWorkshop,
  BUSY_HOST_LIMITS,
  createWorkshop,
  joinWorkshop,
  startTestServer,
  TestClient,
  tempDataDir,
  waitFor,
  yjsClient,
} from './helpers/server';

const open = closeAfterEach();

let server: AppServer;
let dataDir: string;

beforeAll(async () => {
  dataDir = tempDataDir();
  // Documents stay loaded for the whole file: an unload would compact their stored log.
  // Addresses come from X-Forwarded-For, so that refused keys do not slow later requests.
  // A workshop per scenario, all from 127.0.0.1.
  server = await startTestServer({
    dataDir,
    idleUnloadMs: 10 * 60_000,
    trustProxy: true,
    requestLimits: BUSY_HOST_LIMITS,
  });
});
afterAll(async () => {
  await server.close();
});

interface Person {
  /** Participant id; null for the projector screen. */
  id: string | null;
  role: Role | 'screen';
  token: string;
  client: TestClient;
}

interface Room {
  workshop: CreatedWorkshop;
  fac: Person;
  /** One person of each role but facilitator (the customer proxy is `byRole.customer`). */
  byRole: Record<Role, Person>;
  /** A second customer proxy: the one people commands are aimed at. */
  victim: Person;
  screen: Person;
  everyone: Person[];
  steps: string[];
  personas: string[];
  cards: string[];
}

/** A fresh workshop (b2b template, all phases) with one of each role, a victim and a screen. */
async function room(): Promise<Room> {
  const workshop = await createWorkshop(server);
  async function person(name: string, role: Role): Promise<Person> {
    const joined =
      role === 'facilitator'
        ? await joinWorkshop(server, workshop.id, { name }, workshop.facilitatorKey)
        : await joinWorkshop(server, workshop.id, { name, role });
    const client = await connectClient(server, joined.token);
    open.push(client);
    return { id: joined.participantId, role, token: joined.token, client };
  }
  const fac = await person('Fran', 'facilitator');
  const byRole: Record<Role, Person> = {
    facilitator: fac,
    leader: await person('Leena', 'leader'),
    staff: await person('Sami', 'staff'),
    customer: await person('Asta', 'customer'),
    observer: await person('Olli', 'observer'),
  };
  const victim = await person('Vicky', 'customer');
  const screenClient = await connectScreen(server, workshop.id, workshop.facilitatorKey, open);
  const screen: Person = { id: null, role: 'screen', token: '', client: screenClient };
  const exp = await exportJson(server, workshop);
  const everyone = [...Object.values(byRole), victim, screen];
  await waitFor(
    () => everyone.every((p) => p.client.state?.participants.filter((x) => x.online).length === 6),
    5000,
    'everyone online',
  );
  return {
    workshop,
    fac,
    byRole,
    victim,
    screen,
    everyone,
    steps: exp.path.map((s) => s.id),
    personas: exp.personas.map((p) => p.id),
    cards: exp.situations.map((c) => c.id),
  };
}

/** Sends as the facilitator; must succeed. Answers with the acknowledgement's data. */
async function fac(r: Room, event: ClientEventName, payload: unknown): Promise<unknown> {
  const ack = await r.fac.client.request(event, payload);
  expect(ack, `${event} ${JSON.stringify(payload)}`).toMatchObject({ ok: true });
  return (ack as { data?: unknown }).data;
}

/** Adds an idea (a note in the ideas lane) as the facilitator; resolves once stored. */
async function addIdea(r: Room, id: string): Promise<void> {
  const writer = yjsClient(server, r.workshop.id, r.fac.token);
  const reader = yjsClient(server, r.workshop.id, r.byRole.observer.token);
  open.push({ close: () => writer.provider.destroy() }, { close: () => reader.provider.destroy() });
  await waitFor(() => writer.provider.synced && reader.provider.synced, 5000, 'board sync');
  addNote(writer.doc, {
    id,
    stepId: r.steps[0]!,
    lane: 'ideas',
    text: 'Send the invoice with the delivery',
    authorId: r.fac.id!,
    createdAt: Date.now(),
  });
  // The server stores an update before it relays it.
  await waitFor(() => readNotes(reader.doc).some((n) => n.id === id), 5000, 'the idea');
}

const ACTION = {
  text: 'Call the customer back',
  owner: 'Leena',
  department: null,
  dueDate: '2026-05-01',
  stepId: null,
  ideaId: null,
};

interface Scenario {
  /** Brings the workshop to a state in which the event works for a role that may send it. */
  prepare?: (r: Room) => Promise<void>;
  /**
   * Valid payloads as `sender` would send them. Refused senders try each; a sender who may
   * send the event sends the first. People commands aim at the victim first, then at the
   * sender themself (a participant promoting or un-removing themself is the likelier attack).
   */
  payloads: (r: Room, sender: Person) => unknown[];
}

/** What the action scenarios prepared: the facilitator's action, for edits and deletes. */
const prepared = new WeakMap<Room, { actionId: string }>();

/** The other of two values, so that a change to oneself really is a change. */
const otherRole = (p: Person) => (p.role === 'leader' ? 'staff' : 'leader');
const otherLens = (p: Person) => (p.role === 'staff' ? 'customer' : 'staff');
const selfToo = (p: Person, payload: (id: string) => unknown) => (p.id ? [payload(p.id)] : []);

const SCENARIOS: { [E in ClientEventName]: Scenario } = {
  'phase:next': { payloads: () => [{}] },
  'phase:prev': {
    prepare: async (r) => void (await fac(r, 'phase:set', { phase: 'warmup' })),
    payloads: () => [{}],
  },
  'phase:set': { payloads: () => [{ phase: 'walk' }, { phase: 'summary' }] },
  'phase:configure': { payloads: () => [{ enabled: ['lobby', 'walk', 'summary'] }] },
  'walk:step': {
    prepare: async (r) => void (await fac(r, 'phase:set', { phase: 'walk' })),
    payloads: (r) => [{ stepId: r.steps[2] }],
  },
  'walk:next': {
    prepare: async (r) => void (await fac(r, 'phase:set', { phase: 'walk' })),
    payloads: () => [{}],
  },
  'walk:prev': {
    prepare: async (r) => {
      await fac(r, 'phase:set', { phase: 'walk' });
      await fac(r, 'walk:step', { stepId: r.steps[1] });
    },
    payloads: () => [{}],
  },
  'walk:pace': { payloads: () => [{ pace: 'free' }] },
  'round:start': { payloads: () => [{}] },
  'timer:start': { payloads: () => [{ durationMs: 5 * 60_000 }] },
  'timer:pause': {
    prepare: async (r) => void (await fac(r, 'timer:start', { durationMs: 5 * 60_000 })),
    payloads: () => [{}],
  },
  'timer:resume': {
    prepare: async (r) => {
      await fac(r, 'timer:start', { durationMs: 5 * 60_000 });
      await fac(r, 'timer:pause', {});
    },
    payloads: () => [{}],
  },
  'timer:add': {
    prepare: async (r) => void (await fac(r, 'timer:start', { durationMs: 5 * 60_000 })),
    payloads: () => [{ ms: 60_000 }],
  },
  'timer:stop': {
    prepare: async (r) => void (await fac(r, 'timer:start', { durationMs: 5 * 60_000 })),
    payloads: () => [{}],
  },
  'ready:set': { payloads: () => [{ ready: true }] },
  'warmup:answer': {
    prepare: async (r) => void (await fac(r, 'phase:set', { phase: 'warmup' })),
    payloads: () => [{ workplace: 7, customers: 3 }],
  },
  'warmup:close': {
    prepare: async (r) => void (await fac(r, 'phase:set', { phase: 'warmup' })),
    payloads: () => [{}],
  },
  'settings:anonymous': { payloads: () => [{ anonymous: false }] },
  'settings:reveal': { payloads: () => [{ mode: 'stepwise' }] },
  'rating:put': {
    prepare: async (r) => void (await fac(r, 'phase:set', { phase: 'walk' })),
    payloads: (r) => [rating(r.steps[0]!, { valence: -2, emotion: 'frustrated', note: 'Slow' })],
  },
  'walk:lock': { payloads: (r) => [{ stepId: r.steps[0], locked: true }] },
  'reveal:step': { payloads: (r) => [{ stepId: r.steps[0] }] },
  'reveal:all': { payloads: () => [{}] },
  'board:lanes': { payloads: () => [{ hidden: ['pains', 'ideas'] }] },
  'board:lock': { payloads: () => [{ locked: true }] },
  'time:sync': { payloads: () => [{}] },
  'people:set-role': {
    payloads: (r, p) => [
      { participantId: r.victim.id, role: 'observer' },
      ...selfToo(p, (id) => ({ participantId: id, role: otherRole(p) })),
      { participantId: r.fac.id, role: 'observer' },
    ],
  },
  'people:set-lens': {
    payloads: (r, p) => [
      { participantId: r.victim.id, lens: 'staff' },
      ...selfToo(p, (id) => ({ participantId: id, lens: otherLens(p) })),
    ],
  },
  'people:assign': {
    payloads: (r, p) => [
      { participantId: r.victim.id, personaId: r.personas[0], cardId: r.cards[0] },
      ...selfToo(p, (id) => ({ participantId: id, personaId: r.personas[1] })),
    ],
  },
  'people:deal': {
    payloads: () => [
      { what: 'cards', onlyUnassigned: false },
      { what: 'personas', onlyUnassigned: true },
    ],
  },
  'people:remove': {
    payloads: (r, p) => [
      { participantId: r.victim.id },
      ...selfToo(p, (id) => ({ participantId: id })),
      { participantId: r.fac.id },
    ],
  },
  'vote:set': {
    prepare: async (r) => {
      await addIdea(r, 'idea-invoice');
      await fac(r, 'phase:set', { phase: 'vote' });
    },
    payloads: () => [{ ideaId: 'idea-invoice', dots: 2 }],
  },
  'votes:configure': { payloads: () => [{ budget: 7, maxPerIdea: 2, hidden: false }] },
  'votes:close': { payloads: () => [{}] },
  'votes:reopen': {
    prepare: async (r) => void (await fac(r, 'votes:close', {})),
    payloads: () => [{}],
  },
  'actions:allow': { payloads: () => [{ allowed: true }] },
  'action:put': {
    prepare: async (r) => {
      const data = (await fac(r, 'action:put', ACTION)) as { id: string };
      prepared.set(r, { actionId: data.id });
    },
    payloads: (r) => [
      { ...ACTION, text: 'Something else entirely' },
      { ...ACTION, id: prepared.get(r)!.actionId, text: 'Rewritten by someone else' },
    ],
  },
  'action:delete': {
    prepare: async (r) => {
      const data = (await fac(r, 'action:put', ACTION)) as { id: string };
      prepared.set(r, { actionId: data.id });
    },
    payloads: (r) => [{ id: prepared.get(r)!.actionId }],
  },
};

/**
 * Events whose permission lets participants write only while the facilitator allows it
 * (`control.actionsByParticipants`, off in a new workshop): facilitator-only until then.
 */
const onlyWhenAllowed = (event: ClientEventName) => EVENT_PERMISSION[event] === 'action.write';

/** Everything a facilitator's new connection is told, once it has all arrived. */
async function facilitatorView(r: Room): Promise<Record<string, unknown>> {
  const client = new TestClient(server.url, r.fac.token);
  open.push(client);
  const first = ['session:you', 'workshop:state', 'facilitator:assignments', 'actions:list'];
  const more = ['ratings:mine', 'ratings:revealed', 'votes:results'];
  await waitFor(
    () => [...first, ...more].every((e) => client.heard.some((h) => h.event === e)),
    5000,
    'a facilitator’s first view',
  );
  await roundTrip(client); // its own arrival's presence broadcast, too
  const last = (e: string) => client.heard.filter((h) => h.event === e).at(-1)?.args;
  return Object.fromEntries([...first, ...more].map((e) => [e, last(e)]));
}

const databaseRows = (workshopId: string | null) => rowsIn(dataDir, workshopId);

/** The JSON export, without the moment it was made. */
async function exportWithoutTime(r: Room): Promise<Omit<WorkshopExport, 'exportedAt'>> {
  const { exportedAt: _at, ...rest } = await exportJson(server, r.workshop);
  return rest;
}

interface Snapshot {
  rows: Record<string, unknown[]>;
  view: Record<string, unknown>;
  exported: Omit<WorkshopExport, 'exportedAt'>;
}

async function snapshot(r: Room): Promise<Snapshot> {
  return {
    rows: databaseRows(r.workshop.id),
    view: await facilitatorView(r),
    exported: await exportWithoutTime(r),
  };
}

/**
 * Resolves once `client` has received everything the server sent it before: the answer to
 * a later request on the same socket comes after it (time:sync: every role may ask).
 */
async function roundTrip(client: TestClient): Promise<void> {
  expect(await client.request('time:sync', {})).toMatchObject({ ok: true });
}

/** Everyone who may not send `event` (the screen may send only time:sync). */
function refusedSenders(r: Room, event: ClientEventName): Person[] {
  const roles = ROLES.filter((role) => !mayAttempt(role, event) || onlyWhenAllowed(event));
  const people = roles.filter((role) => role !== 'facilitator').map((role) => r.byRole[role]);
  if (!mayAttempt('facilitator', event)) people.unshift(r.fac);
  return EVENT_PERMISSION[event] === null ? people : [...people, r.screen];
}

function allowedSenders(r: Room, event: ClientEventName): Person[] {
  if (onlyWhenAllowed(event)) return [r.fac];
  const people = ROLES.filter((role) => mayAttempt(role, event)).map((role) => r.byRole[role]);
  return EVENT_PERMISSION[event] === null ? [...people, r.screen] : people;
}

/** Tries `event` from everyone who may not send it, then from those who may. */
async function tryEvent(event: ClientEventName): Promise<void> {
  const r = await room();
  const scenario = SCENARIOS[event];
  await scenario.prepare?.(r);
  const refused = refusedSenders(r, event);
  let before: Snapshot | null = null;
  if (refused.length > 0) {
    before = await snapshot(r);
    expect(before.rows.participants).toHaveLength(6);
    const listeners = r.everyone.map((p) => p.client);
    for (const c of listeners) await roundTrip(c);
    const marks = listeners.map((c) => c.heard.length);

    for (const sender of refused) {
      for (const payload of scenario.payloads(r, sender)) {
        expect(clientEventSchemas[event].safeParse(payload).success, 'valid payload').toBe(true);
        const ack = await sender.client.request(event, payload);
        expect(ack, `${sender.role} ${event} ${JSON.stringify(payload)}`).toEqual({
          ok: false,
          error: { code: ErrorCode.FORBIDDEN, message: expect.any(String) },
        });
      }
    }

    // Nobody heard anything: no state, no assignment, no list, no result.
    for (const c of listeners) await roundTrip(c);
    listeners.forEach((c, i) => {
      expect(c.heard.slice(marks[i]), `what ${c.you?.name ?? 'the screen'} heard`).toEqual([]);
    });
    expect(await snapshot(r)).toEqual(before);
  }

  // The same payload from someone who may send it works.
  for (const sender of allowedSenders(r, event)) {
    const ack = await sender.client.request(event, scenario.payloads(r, sender)[0]);
    expect(ack, `${sender.role} ${event}`).toMatchObject({ ok: true });
  }
  // ...and changes what the snapshot compares, so the comparison above could have failed.
  if (before) expect(await snapshot(r)).not.toEqual(before);
}

describe('the permission table', () => {
  it('lists every protocol event, and this file has a scenario for each', () => {
    const names = Object.keys(clientEventSchemas).sort();
    expect(Object.keys(EVENT_PERMISSION).sort()).toEqual(names);
    expect(Object.keys(SCENARIOS).sort()).toEqual(names);
    expect([...CLIENT_EVENTS].sort()).toEqual(names);
  });

  it('derives the facilitator-only events, the obvious ones among them', () => {
    const only = facilitatorOnlyEvents();
    expect(only.length).toBeGreaterThanOrEqual(28);
    for (const event of [
      'phase:next',
      'phase:set',
      'walk:step',
      'reveal:all',
      'reveal:step',
      'timer:start',
      'board:lock',
      'people:remove',
      'people:set-role',
      'votes:close',
      'votes:configure',
      'actions:allow',
      'settings:anonymous',
      'warmup:close',
    ]) {
      expect(only).toContain(event);
    }
    for (const event of ['rating:put', 'vote:set', 'ready:set', 'warmup:answer', 'time:sync']) {
      expect(only).not.toContain(event);
    }
    // Participants write actions only when allowed: not facilitator-only in the table.
    expect(only).not.toContain('action:put');
  });
});

describe('facilitator-only events, from every other role and the projector screen', () => {
  it.each(facilitatorOnlyEvents())(
    '%s: FORBIDDEN and nothing changes; the facilitator’s same payload works',
    tryEvent,
  );
});

describe('events only some roles may send', () => {
  const others = CLIENT_EVENTS.filter((e) => !facilitatorOnlyEvents().includes(e));
  it.each(others)(
    '%s: refused roles get FORBIDDEN and change nothing; the others succeed',
    tryEvent,
  );
});

describe('actions while participants may write them', () => {
  it('lets a participant write their own, but not edit or delete the facilitator’s', async () => {
    const r = await room();
    const { id: actionId } = (await fac(r, 'action:put', ACTION)) as { id: string };
    await fac(r, 'actions:allow', { allowed: true });
    const before = await snapshot(r);
    for (const role of ['leader', 'staff', 'customer'] as const) {
      const { client } = r.byRole[role];
      const edit = await client.request('action:put', { ...ACTION, id: actionId, text: 'Mine' });
      expect(edit, role).toMatchObject({ ok: false, error: { code: ErrorCode.FORBIDDEN } });
      const del = await client.request('action:delete', { id: actionId });
      expect(del, role).toMatchObject({ ok: false, error: { code: ErrorCode.FORBIDDEN } });
    }
    const observer = await r.byRole.observer.client.request('action:put', ACTION);
    expect(observer).toMatchObject({ ok: false, error: { code: ErrorCode.FORBIDDEN } });
    expect(await snapshot(r)).toEqual(before);
    expect(await r.byRole.staff.client.request('action:put', ACTION)).toMatchObject({ ok: true });
  });
});

describe('facilitator-only HTTP endpoints with a participant’s token', () => {
  /** A request from its own address (the server trusts X-Forwarded-For in these tests). */
  const call = (method: string, url: string, bearer: string | null, body?: unknown) =>
    callApi(server.url, method, url, bearer, body);

  it('refuses every participant’s token (the facilitator’s too) where the key is needed', async () => {
    const r = await room();
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
    const r = await room();
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
