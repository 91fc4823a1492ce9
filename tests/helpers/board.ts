import * as authProtocol from 'y-protocols/auth';
import { messageAuth, type WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addNote, type Lane, notesMap, readNotes } from '../../lib/board/board-doc';
import type { AppServer, AppServerOptions } from '../../server/app-server';
import {
  connectClient,
  type CreatedWorkshop,
  createWorkshop,
  type Joined,
  joinWorkshop,
  startTestServer,
  type TestClient,
  tempDataDir,
  waitFor,
  yjsClient,
} from './server';

/** The first step of the b2b-order-to-invoice template, where test notes go. */
export const FIRST_STEP = 'request-quote';

/** Adds a note as `authorId` (the server checks that it is the writer's own id). */
export function writeNote(
  doc: Y.Doc,
  id: string,
  text: string,
  authorId: string,
  where: { stepId?: string; lane?: Lane } = {},
): void {
  addNote(doc, {
    id,
    stepId: where.stepId ?? FIRST_STEP,
    lane: where.lane ?? 'pains',
    text,
    authorId,
    createdAt: Date.now(),
  });
}

/** A note's text, or undefined if there is no such note. */
export function noteText(doc: Y.Doc, id: string): string | undefined {
  return readNotes(doc).find((n) => n.id === id)?.text;
}

/** Note id → text, for comparing boards. */
export function noteTexts(doc: Y.Doc): Record<string, string> {
  return Object.fromEntries(readNotes(doc).map((n) => [n.id, n.text]));
}

/** The roots the workshop's document uses, as JSON (a root a doc never typed would read as undefined). */
export function boardJson(doc: Y.Doc): Record<string, unknown> {
  return {
    steps: doc.getMap('steps').toJSON(),
    stepOrder: doc.getArray('stepOrder').toJSON(),
    personas: doc.getArray('personas').toJSON(),
    situations: doc.getArray('situations').toJSON(),
    notes: doc.getMap('notes').toJSON(),
    groups: doc.getMap('groups').toJSON(),
  };
}

export function hasNote(doc: Y.Doc, id: string): boolean {
  return notesMap(doc).has(id);
}

export interface BoardClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Every reason the server gave for refusing this client's edits, in order. */
  denied: string[];
}

/**
 * A y-websocket client that records the server's permission-denied reasons (the same
 * hook the UI uses), closed after the test through `open`.
 */
export async function boardClient(
  server: Pick<AppServer, 'url'>,
  workshopId: string,
  token: string,
  open: Array<{ close(): unknown }>,
  { sync = true } = {},
): Promise<BoardClient> {
  const { doc, provider } = yjsClient(server, workshopId, token);
  const denied: string[] = [];
  provider.messageHandlers[messageAuth] = (_encoder, decoder) => {
    authProtocol.readAuthMessage(decoder, doc, (_doc, reason) => denied.push(reason));
  };
  open.push({ close: () => provider.destroy() });
  if (sync) await waitFor(() => provider.synced, 5000, 'sync');
  return { doc, provider, denied };
}

/**
 * Waits until everything `from` has sent has been handled by the server: a presence
 * change travels on the same socket after the edits, and `to` sees it relayed.
 */
export async function handled(from: BoardClient, to: BoardClient): Promise<void> {
  // Presence may carry only the step a page looks at (the server drops anything else).
  const marker = `handled-${Math.random().toString(36).slice(2)}`;
  from.provider.awareness.setLocalStateField('presence', { stepId: marker });
  await waitFor(
    () => to.provider.awareness.getStates().get(from.doc.clientID)?.presence?.stepId === marker,
    5000,
    'the server to handle what was sent',
  );
}

/**
 * Waits until `reader` has everything the server relayed before `writer`'s probe: relays
 * go out in order, so once the probe arrives, anything handled earlier has arrived too.
 * (The probe is a group titled with a random number, of a step that does not exist: the
 * board shows no such group, and anyone with board rights may write one.)
 */
export async function probe(writer: BoardClient, reader: BoardClient): Promise<void> {
  const title = String(Math.random());
  const id = `probe-${writer.doc.clientID}`; // one per writer: two never race to create one
  writer.doc.transact(() => {
    const groups = writer.doc.getMap<Y.Map<unknown>>('groups');
    let group = groups.get(id);
    if (!group) {
      group = new Y.Map<unknown>();
      group.set('stepId', 'probe');
      groups.set(id, group);
    }
    group.set('title', title);
  });
  const seen = () => reader.doc.getMap<Y.Map<unknown>>('groups').get(id)?.get('title');
  await waitFor(() => seen() === title, 5000, 'the probe');
}

export interface BoardRoom {
  server: AppServer;
  dataDir: string;
  workshop: CreatedWorkshop;
  fac: Joined;
  /** The facilitator's Socket.io client, for commands such as board:lock. */
  facSocket: TestClient;
  anna: Joined;
  sami: Joined;
  olli: Joined;
}

/** A server with one workshop: Fran facilitates, Anna (customer), Sami (staff), Olli (observer). */
export async function boardRoom(
  open: Array<{ close(): unknown }>,
  options: AppServerOptions = {},
): Promise<BoardRoom> {
  const dataDir = options.dataDir ?? tempDataDir();
  const server = await startTestServer({ ...options, dataDir });
  open.push(server);
  const workshop = await createWorkshop(server);
  const fac = await joinWorkshop(server, workshop.id, { name: 'Fran' }, workshop.facilitatorKey);
  const anna = await joinWorkshop(server, workshop.id, { name: 'Anna', role: 'customer' });
  const sami = await joinWorkshop(server, workshop.id, { name: 'Sami', role: 'staff' });
  const olli = await joinWorkshop(server, workshop.id, { name: 'Olli', role: 'observer' });
  const facSocket = await connectClient(server, fac.token);
  open.push(facSocket);
  return { server, dataDir, workshop, fac, facSocket, anna, sami, olli };
}
