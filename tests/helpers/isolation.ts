/**
 * The two workshops of the isolation tests (tests/access-isolation*.test.ts): A, whose
 * people attack, and B, full of marker strings (title, step, note, idea, rating note,
 * action, names), with a re-run; and the checks that nothing of B reached A's people and
 * that an attack changed nothing.
 */
import { expect } from 'vitest';
import { addNote, readNotes } from '../../lib/board/board-doc';
import { readPath, readPersonas, setStepField } from '../../lib/board/path-doc';
import type { ClientEventName } from '../../lib/protocol/events';
import type { AppServer } from '../../server/app-server';
import { callApi, databaseRows } from './access';
import { rating, type YjsSpy, yjsSpy } from './ratings';
import {
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

type Open = Array<{ close(): unknown }>;

/** Every marker of B starts with this: letters only, so no export format escapes it. */
export const M = 'QQBSECRET';
const B_STEP_TITLE = `${M}steptitle`;
export const B_NOTE_ID = `${M}note1`;
export const B_IDEA_ID = `${M}idea1`;
const B_ACTION = `${M}actiontext`;

export interface Person {
  /** Participant id; null for a projector screen. */
  id: string | null;
  name: string;
  token: string;
  client: TestClient;
}

export interface Side {
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

async function side(
  server: AppServer,
  shared: Open,
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

/** Sends an event that must succeed; answers with the acknowledgement's data. */
export async function ok(p: Person, event: ClientEventName, payload: unknown): Promise<unknown> {
  const ack = await p.client.request(event, payload);
  expect(ack, `${p.name} ${event}`).toMatchObject({ ok: true });
  return (ack as { data?: unknown }).data;
}

/** Fills B with markers everywhere a workshop keeps something; answers B's re-run and action. */
async function fillB(server: AppServer, shared: Open, B: Side, bSpy: YjsSpy) {
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
  return { B2: JSON.parse(rerun.text) as { id: string; joinCode: string }, bActionId: action.id };
}

/** Answers once the server has sent `client` everything it sent before (same socket, in order). */
async function roundTrip(client: TestClient): Promise<void> {
  expect(await client.request('time:sync', {})).toMatchObject({ ok: true });
}

export type Isolation = Awaited<ReturnType<typeof isolatedWorkshops>>;

/** A server with A and a filled B, each with a facilitator, three roles and a screen. */
export async function isolatedWorkshops() {
  const shared: Open = [];
  const dataDir = tempDataDir();
  // Documents stay loaded: an unload would compact (rewrite) their stored log meanwhile.
  // Addresses come from X-Forwarded-For, so refused keys do not slow later requests down.
  const server = await startTestServer({ dataDir, idleUnloadMs: 10 * 60_000, trustProxy: true });
  const filled = (async () => {
    const A = await side(
      server,
      shared,
      { title: 'Alpha workshop', template: 'b2b-order-to-invoice', locale: 'en' },
      'a',
    );
    const aSpy = await yjsSpy(server, A.workshop.id, A.fac.token, shared);
    const B = await side(
      server,
      shared,
      { title: `${M}title`, template: 'clinic-visit', locale: 'fi' },
      M,
    );
    const bSpy = await yjsSpy(server, B.workshop.id, B.fac.token, shared);
    return { A, aSpy, B, bSpy, ...(await fillB(server, shared, B, bSpy)) };
  })();
  async function close(): Promise<void> {
    for (const thing of shared.splice(0).reverse()) await thing.close();
    await server.close();
  }
  // B2 is B's re-run: the second workshop of B's series, opened by B's key.
  const { A, aSpy, B, bSpy, B2, bActionId } = await filled.catch(async (err: unknown) => {
    await close();
    throw err;
  });

  /** Everything that identifies B: its markers, ids, codes and people. */
  const secretsOfB = (): string[] => [
    M,
    B.workshop.id,
    B.workshop.joinCode,
    B.workshop.facilitatorKey,
    B2.id,
    B2.joinCode,
    bActionId,
    ...B.everyone.flatMap((p) => (p.id ? [p.id, p.token] : [p.token])),
  ];

  /** The secrets of B found in `text` (none, we hope). */
  const leaks = (text: string): string[] => secretsOfB().filter((s) => text.includes(s));

  /** The same for raw bytes, as Yjs sends strings (UTF-8 inside binary messages). */
  const leaksInBytes = (chunks: Buffer[]): string[] => {
    const all = Buffer.concat(chunks);
    return secretsOfB().filter((s) => all.includes(Buffer.from(s, 'utf8')));
  };

  /** Database rows of B, its re-run and A: what must not change. */
  const rowsOfAll = (): Record<string, unknown> => ({
    A: databaseRows(dataDir, A.workshop.id),
    B: databaseRows(dataDir, B.workshop.id),
    B2: databaseRows(dataDir, B2.id),
  });

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

  return {
    server,
    dataDir,
    A,
    B,
    B2,
    bActionId,
    aSpy,
    bSpy,
    leaks,
    leaksInBytes,
    rowsOfAll,
    changesNothing,
    close,
  };
}
