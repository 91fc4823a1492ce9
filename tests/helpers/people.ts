import { afterEach, expect } from 'vitest';
import type { WorkshopState } from '../../lib/domain/workshop';
import { ErrorCode } from '../../lib/protocol/codes';
import type { AppServer, AppServerOptions } from '../../server/app-server';
import {
  type CreatedWorkshop,
  connectClient,
  createWorkshop,
  type Joined,
  joinWorkshop,
  startTestServer,
  type TestClient,
  tempDataDir,
  waitFor,
} from './server';

/** Things to close after each test, last opened first. Call once at a test file's top level. */
export function closeAfterEach(): Array<{ close(): unknown }> {
  const open: Array<{ close(): unknown }> = [];
  afterEach(async () => {
    for (const thing of open.splice(0).reverse()) await thing.close();
  });
  return open;
}

export interface Member {
  name: string;
  joined: Joined;
  client: TestClient;
}

export interface Crew {
  server: AppServer;
  workshop: CreatedWorkshop;
  fac: Member;
  leader: Member;
  staff: Member;
  customers: Member[];
  observer: Member;
  /** Everyone but the facilitator. */
  others: Member[];
  everyone: Member[];
}

/**
 * A fresh server with one workshop, a facilitator, a leader, a staff member, `customers`
 * customer proxies and an observer, all connected and seeing each other online.
 */
export async function gatherCrew(
  open: Array<{ close(): unknown }>,
  {
    template = 'b2b-order-to-invoice',
    customers = 3,
    dataDir = tempDataDir(),
    rateLimits,
  }: {
    template?: string;
    customers?: number;
    dataDir?: string;
    rateLimits?: AppServerOptions['rateLimits'];
  } = {},
): Promise<Crew> {
  const server = await startTestServer({ dataDir, rateLimits });
  open.push(server);
  const workshop = await createWorkshop(server, { title: 'People', template, locale: 'en' });
  async function member(name: string, role?: string): Promise<Member> {
    const joined = role
      ? await joinWorkshop(server, workshop.id, { name, role })
      : await joinWorkshop(server, workshop.id, { name }, workshop.facilitatorKey);
    const client = await connectClient(server, joined.token);
    open.push(client);
    return { name, joined, client };
  }
  const fac = await member('Fran');
  const leader = await member('Lea', 'leader');
  const staff = await member('Sami', 'staff');
  const customerList: Member[] = [];
  for (let i = 1; i <= customers; i++) customerList.push(await member(`Cust${i}`, 'customer'));
  const observer = await member('Olli', 'observer');
  const others = [leader, staff, ...customerList, observer];
  const everyone = [fac, ...others];
  await waitFor(
    () =>
      everyone.every(
        (m) => m.client.state?.participants.filter((p) => p.online).length === everyone.length,
      ),
    5000,
    'everyone online',
  );
  return {
    server,
    workshop,
    fac,
    leader,
    staff,
    customers: customerList,
    observer,
    others,
    everyone,
  };
}

/**
 * Resolves once the server has handled everything sent to `client` so far: Socket.io keeps
 * one socket's packets in order, so the acknowledgement of a harmless bad request comes
 * after anything the server emitted to it before.
 */
export async function settle(...clients: TestClient[]): Promise<void> {
  for (const c of clients) {
    expect(await c.request('phase:set', { phase: 'no-such-phase' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.INVALID_PAYLOAD },
    });
  }
}

/** Events of one name a client heard since `mark` (an index into `heard`). */
export function heardSince(client: TestClient, event: string, mark = 0): unknown[] {
  return client.heard
    .slice(mark)
    .filter((h) => h.event === event)
    .map((h) => h.args[0]);
}

export function participantIn(state: WorkshopState | undefined, id: string) {
  return state?.participants.find((p) => p.id === id);
}
