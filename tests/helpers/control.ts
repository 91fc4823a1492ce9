/** Helpers for the integration tests of the facilitated flow: phases, walk, timer, readiness. */
import { expect } from 'vitest';
import type { WorkshopState } from '../../lib/domain/workshop';
import type { AppServer } from '../../server/app-server';
import type { Crew, Member } from './people';
import {
  connectClient,
  joinWorkshop,
  startTestServer,
  type TestClient,
  waitFor,
  yjsClient,
} from './server';

type Open = Array<{ close(): unknown }>;

/** Sends an event that must succeed. */
export async function ok(client: TestClient, event: string, payload: unknown = {}): Promise<void> {
  expect(await client.request(event, payload), event).toEqual({ ok: true });
}

/** Sends an event that must fail with `code`. */
export async function refused(
  client: TestClient,
  event: string,
  payload: unknown,
  code: string,
): Promise<void> {
  expect(await client.request(event, payload), event).toMatchObject({
    ok: false,
    error: { code },
  });
}

/** Waits until every member's latest state passes `check`. */
export async function everyoneSees(
  members: Member[],
  check: (state: WorkshopState) => boolean,
  what: string,
  timeoutMs = 5000,
): Promise<void> {
  await waitFor(
    () => members.every((m) => m.client.state !== undefined && check(m.client.state)),
    timeoutMs,
    what,
  );
}

/** The service path's step ids, as a y-websocket client reads them from the Y.Doc. */
export async function stepIdsFromDoc(crew: Crew, open: Open): Promise<string[]> {
  const y = yjsClient(crew.server, crew.workshop.id, crew.fac.joined.token);
  open.push({ close: () => y.provider.destroy() });
  await waitFor(() => y.provider.synced, 5000, 'the document to sync');
  return y.doc.getArray<string>('stepOrder').toArray();
}

/** Closes the crew's server (its clients start retrying) and starts another on its data. */
export async function restart(crew: Crew, dataDir: string, open: Open): Promise<AppServer> {
  await crew.server.close();
  const server = await startTestServer({ dataDir });
  open.push(server);
  return server;
}

/** Connects with an existing token (a reconnect) and remembers to close it. */
export async function reconnect(server: AppServer, token: string, open: Open) {
  const client = await connectClient(server, token);
  open.push(client);
  return client;
}

/** A newcomer joins with the code's workshop id and connects. */
export async function lateJoiner(
  server: AppServer,
  workshopId: string,
  open: Open,
  role = 'customer',
): Promise<TestClient> {
  const joined = await joinWorkshop(server, workshopId, { name: 'Late', role });
  return reconnect(server, joined.token, open);
}
