/**
 * The rooms of the permission tests (tests/access-facilitator-only*.test.ts): a workshop
 * with one person of each role, a victim and a projector screen; a snapshot of everything
 * a refused event could have changed; and the trial of one event by every role.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { addNote, readNotes } from '../../lib/board/board-doc';
import { ROLES, type Role } from '../../lib/domain/roles';
import type { WorkshopExport } from '../../lib/export/model';
import { ErrorCode } from '../../lib/protocol/codes';
import { EVENT_PERMISSION, mayAttempt } from '../../lib/protocol/event-access';
import { type ClientEventName, clientEventSchemas } from '../../lib/protocol/events';
import type { AppServer } from '../../server/app-server';
import { databaseRows } from './access';
import { exportJson } from './export';
import { closeAfterEach } from './people';
import { connectScreen } from './ratings';
import {
  BUSY_HOST_LIMITS,
  connectClient,
  type CreatedWorkshop,
  createWorkshop,
  joinWorkshop,
  startTestServer,
  TestClient,
  tempDataDir,
  waitFor,
  yjsClient,
} from './server';

/** A test file's server, its data, and what to close after each test. */
export interface AccessServer {
  server: AppServer;
  dataDir: string;
  open: Array<{ close(): unknown }>;
}

/** One server for the test file; its fields are there once `beforeAll` has run. */
export function accessServer(): AccessServer {
  const at = { open: closeAfterEach() } as AccessServer;
  beforeAll(async () => {
    at.dataDir = tempDataDir();
    // Documents stay loaded for the whole file: an unload would compact their stored log.
    // Addresses come from X-Forwarded-For, so that refused keys do not slow later requests.
    // A workshop per scenario, all from 127.0.0.1.
    at.server = await startTestServer({
      dataDir: at.dataDir,
      idleUnloadMs: 10 * 60_000,
      trustProxy: true,
      requestLimits: BUSY_HOST_LIMITS,
    });
  });
  afterAll(async () => {
    await at.server.close();
  });
  return at;
}

export interface Person {
  /** Participant id; null for the projector screen. */
  id: string | null;
  role: Role | 'screen';
  token: string;
  client: TestClient;
}

export interface Room {
  /** The server it is on. */
  at: AccessServer;
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
export async function room(at: AccessServer): Promise<Room> {
  const { server, open } = at;
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
    at,
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
export async function fac(r: Room, event: ClientEventName, payload: unknown): Promise<unknown> {
  const ack = await r.fac.client.request(event, payload);
  expect(ack, `${event} ${JSON.stringify(payload)}`).toMatchObject({ ok: true });
  return (ack as { data?: unknown }).data;
}

/** Adds an idea (a note in the ideas lane) as the facilitator; resolves once stored. */
export async function addIdea(r: Room, id: string): Promise<void> {
  const { server, open } = r.at;
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

export const ACTION = {
  text: 'Call the customer back',
  owner: 'Leena',
  department: null,
  dueDate: '2026-05-01',
  stepId: null,
  ideaId: null,
};

export interface Scenario {
  /** Brings the workshop to a state in which the event works for a role that may send it. */
  prepare?: (r: Room) => Promise<void>;
  /**
   * Valid payloads as `sender` would send them. Refused senders try each; a sender who may
   * send the event sends the first. People commands aim at the victim first, then at the
   * sender themself (a participant promoting or un-removing themself is the likelier attack).
   */
  payloads: (r: Room, sender: Person) => unknown[];
}

/**
 * Events whose permission lets participants write only while the facilitator allows it
 * (`control.actionsByParticipants`, off in a new workshop): facilitator-only until then.
 */
const onlyWhenAllowed = (event: ClientEventName) => EVENT_PERMISSION[event] === 'action.write';

/** Everything a facilitator's new connection is told, once it has all arrived. */
async function facilitatorView(r: Room): Promise<Record<string, unknown>> {
  const { server, open } = r.at;
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

/** The JSON export, without the moment it was made. */
export async function exportWithoutTime(r: Room): Promise<Omit<WorkshopExport, 'exportedAt'>> {
  const { exportedAt: _at, ...rest } = await exportJson(r.at.server, r.workshop);
  return rest;
}

interface Snapshot {
  rows: Record<string, unknown[]>;
  view: Record<string, unknown>;
  exported: Omit<WorkshopExport, 'exportedAt'>;
}

export async function snapshot(r: Room): Promise<Snapshot> {
  return {
    rows: databaseRows(r.at.dataDir, r.workshop.id),
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

/**
 * Tries `event` from everyone who may not send it, then from those who may, each in a
 * fresh room that `scenario` prepares.
 */
export async function tryEvent(
  at: AccessServer,
  event: ClientEventName,
  scenario: Scenario,
): Promise<void> {
  const r = await room(at);
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
