/** Helpers for the integration tests of exports and imports. */
import { strFromU8, unzipSync } from 'fflate';
import { expect } from 'vitest';
import { addNote, type Lane, readNotes } from '../../lib/board/board-doc';
import type { WorkshopExport } from '../../lib/export/model';
import type { AppServer } from '../../server/app-server';
import { ok } from './control';
import { readPdf } from './pdf';
import { rating } from './ratings';
import {
  connectClient,
  type CreatedWorkshop,
  createWorkshop,
  joinWorkshop,
  startTestServer,
  type TestClient,
  waitFor,
  yjsClient,
} from './server';

type Open = Array<{ close(): unknown }>;

export const TITLE = 'Tilauksesta laskuun – ”kevät” 😀';
/** Distinctive texts: a rating note that stays blind, and one that is revealed. */
export const SECRET = 'zq-unrevealed-note';
export const SHOWN = 'zq-revealed-note, “äö”';

export interface Person {
  id: string;
  client: TestClient;
  token: string;
}

export interface Room {
  server: AppServer;
  workshop: CreatedWorkshop;
  fac: Person;
  leader: Person;
  customers: [Person, Person];
  steps: string[];
}

/** A Finnish workshop with a facilitator, a leader and two customer proxies, all connected. */
export async function room(open: Open): Promise<Room> {
  const server = await startTestServer();
  open.push(server);
  const workshop = await createWorkshop(server, {
    title: TITLE,
    template: 'b2b-order-to-invoice',
    locale: 'fi',
  });
  const person = async (name: string, role?: string): Promise<Person> => {
    const key = role ? undefined : workshop.facilitatorKey;
    const joined = await joinWorkshop(server, workshop.id, { name, role }, key);
    const client = await connectClient(server, joined.token);
    open.push(client);
    return { id: joined.participantId, client, token: joined.token };
  };
  const fac = await person('Fran');
  const leader = await person('Leena Johtaja', 'leader');
  const customers: [Person, Person] = [
    await person('Asta Asiakas', 'customer'),
    await person('Bertta Asiakas', 'customer'),
  ];
  const exp = await exportJson(server, workshop);
  return { server, workshop, fac, leader, customers, steps: exp.path.map((s) => s.id) };
}

export function exportUrl(server: AppServer, id: string, format: string): string {
  return `${server.url}/api/workshops/${encodeURIComponent(id)}/export?format=${format}`;
}

export async function download(server: AppServer, workshop: CreatedWorkshop, format: string) {
  const res = await fetch(exportUrl(server, workshop.id, format), {
    headers: { authorization: `Bearer ${workshop.facilitatorKey}` },
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

export async function exportJson(
  server: AppServer,
  workshop: CreatedWorkshop,
): Promise<WorkshopExport> {
  const { bytes } = await download(server, workshop, 'json');
  return JSON.parse(Buffer.from(bytes).toString('utf8')) as WorkshopExport;
}

/** Every format's text: the JSON, the Markdown, each CSV file and the PDF's pages. */
export async function everyExport(server: AppServer, workshop: CreatedWorkshop): Promise<string[]> {
  const text = async (format: string) =>
    Buffer.from((await download(server, workshop, format)).bytes).toString('utf8');
  const zip = unzipSync((await download(server, workshop, 'csv')).bytes);
  const pdf = await readPdf((await download(server, workshop, 'pdf')).bytes);
  return [
    await text('json'),
    await text('md'),
    ...Object.values(zip).map((b) => strFromU8(b)),
    pdf.text.join(' '),
  ];
}

/** Walks the first step (leader and both proxies rate it) and reveals it. */
export async function walkAndRevealFirstStep(r: Room): Promise<void> {
  await ok(r.fac.client, 'phase:set', { phase: 'walk' });
  const first = r.steps[0]!;
  const put = (p: Person, body: object) => ok(p.client, 'rating:put', body);
  await put(r.leader, rating(first, { valence: 2, emotion: 'happy' }));
  await put(r.customers[0], rating(first, { valence: -2, emotion: 'frustrated', note: SHOWN }));
  await put(r.customers[1], rating(first, { valence: -3, emotion: 'angry', expectation: 'worse' }));
  await ok(r.fac.client, 'reveal:step', { stepId: first });
}

/** Adds notes as a customer proxy, named (a hostile client could), and waits for the server. */
export async function writeNotes(
  open: Open,
  r: Room,
  notes: Array<{ id: string; lane: Lane; text: string }>,
) {
  const writer = yjsClient(r.server, r.workshop.id, r.customers[0].token);
  const watcher = yjsClient(r.server, r.workshop.id, r.fac.token);
  open.push(
    { close: () => writer.provider.destroy() },
    { close: () => watcher.provider.destroy() },
  );
  await waitFor(() => writer.provider.synced && watcher.provider.synced, 5000, 'sync');
  for (const n of notes) {
    addNote(writer.doc, {
      ...n,
      stepId: r.steps[1]!,
      authorId: r.customers[0].id,
      createdAt: Date.now(),
    });
  }
  await waitFor(() => readNotes(watcher.doc).length >= notes.length, 5000, 'the notes');
}
