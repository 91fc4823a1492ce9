/** Two server processes over one Postgres and one Redis, behind nginx: for the fail-over tests. */
import { addNote } from '../../lib/board/board-doc';
import { PROTOCOL_VERSION } from '../../lib/protocol/events';
import { nodeName } from '../../server/cluster/redis-leases';
import { type BoardClient, boardClient } from './board';
import { redisClient, type Shared, TEST_REDIS_URL } from './cluster';
import { Nginx } from '../../support/nginx';
import { TEST_DATABASE_URL } from './postgres';
import {
  type CreatedWorkshop,
  createWorkshop,
  type Joined,
  joinWorkshop,
  type Reachable,
  TestClient,
  waitFor,
} from './server';
import { ServerProcess } from './server-process';

type Open = Array<{ close(): unknown }>;

/** A dead node's lease lapses this soon; short, so the test waits little. */
export const TEST_LEASE_TTL_MS = 2000;
/** Reconnects go through backoffs and a lapsing lease; two busy cores slow everything. */
export const CLUSTER_SLOW_MS = 45_000;

export interface Member {
  name: string;
  joined: Joined;
  client: TestClient;
  board: BoardClient;
}

export interface ClusterRoom {
  nodes: Record<'a' | 'b', ServerProcess>;
  nginx: Nginx;
  workshop: CreatedWorkshop;
  fac: Member;
  /** Leader, staff and a customer proxy: they rate, vote and write. */
  people: Member[];
  steps: string[];
  ideas: string[];
  /** The node whose lease the workshop is under now, by Redis. */
  owner(): Promise<'a' | 'b' | null>;
}

/** A Socket.io client (through nginx: routed by the workshop id), retrying as the app does. */
export async function clusterClient(
  via: Reachable,
  workshopId: string,
  token: string,
  open: Open,
): Promise<TestClient> {
  const client = new TestClient(via.url, token, PROTOCOL_VERSION, {
    workshopId,
    retryRefusals: true,
  });
  open.push(client);
  await waitFor(
    () => client.state !== undefined && client.you !== null,
    CLUSTER_SLOW_MS,
    'a client to connect through nginx',
  );
  return client;
}

export async function clusterRoom(
  shared: Shared,
  open: Open,
  { quickHeartbeat = true } = {},
): Promise<ClusterRoom> {
  const redis = redisClient();
  open.push({ close: () => redis.disconnect() });
  const node = async (id: 'a' | 'b') => {
    const proc = await ServerProcess.start({
      // Short heartbeats: a frozen node's clients notice within two seconds. Without them
      // (Socket.io's 25 s), its clients keep their sockets to it while it is frozen.
      ...(quickHeartbeat ? { pingIntervalMs: 1000, pingTimeoutMs: 1000 } : {}),
      env: {
        DATABASE_URL: TEST_DATABASE_URL,
        REDIS_URL: TEST_REDIS_URL,
        NODE_ID: id,
        LEASE_TTL_MS: String(TEST_LEASE_TTL_MS),
        REDIS_PREFIX: shared.prefix,
        PG_SCHEMA: shared.schema,
        HANDOFF_MIN_HOLD_MS: '1000',
        SESSION_SECRET: `cluster-test-secret-${shared.prefix}`,
      },
    });
    open.push(proc);
    return proc;
  };
  // One after the other: both would migrate the new schema at once (they may; it is slower).
  const a = await node('a');
  const b = await node('b');
  const port = (p: ServerProcess) => Number(new URL(p.url).port);
  const nginx = await Nginx.start([port(a), port(b)]);
  open.push(nginx);

  const workshop = await createWorkshop(nginx, {
    title: 'Two nodes',
    template: 'b2b-order-to-invoice',
    locale: 'en',
  });
  async function member(name: string, role?: string): Promise<Member> {
    const joined = role
      ? await joinWorkshop(nginx, workshop.id, { name, role })
      : await joinWorkshop(nginx, workshop.id, { name }, workshop.facilitatorKey);
    const client = await clusterClient(nginx, workshop.id, joined.token, open);
    const board = await boardClient(nginx, workshop.id, joined.token, open);
    return { name, joined, client, board };
  }
  const fac = await member('Fran');
  const people = [
    await member('Leila', 'leader'),
    await member('Sami', 'staff'),
    await member('Cilla', 'customer'),
  ];
  const steps = fac.board.doc.getArray<string>('stepOrder').toArray();
  const ideas = ['idea-1', 'idea-2'];
  ideas.forEach((id, i) =>
    addNote(fac.board.doc, {
      id,
      stepId: steps[i]!,
      lane: 'ideas',
      text: `Idea ${i + 1}`,
      authorId: fac.joined.participantId,
      createdAt: Date.now() + i,
    }),
  );
  // Relayed to another client: the server has applied (and stores) the ideas.
  await waitFor(
    () => ideas.every((id) => people[0]!.board.doc.getMap('notes').has(id)),
    CLUSTER_SLOW_MS,
    'the ideas on the board',
  );
  return {
    nodes: { a, b },
    nginx,
    workshop,
    fac,
    people,
    steps,
    ideas,
    async owner() {
      const lease = await redis.get(`${shared.prefix}lease:${workshop.id}`);
      const id = lease ? nodeName(lease) : null;
      return id === 'a' || id === 'b' ? id : null;
    },
  };
}
