import crypto from 'node:crypto';
import pg from 'pg';
import { Nginx } from './nginx';
import { freshDataDir, type ServerHandle, startOurServer, type Target } from './servers';

/** The Postgres and Redis of the machine (as for the tests); a database of its own per run. */
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface Cluster {
  /** nginx's address, and the nodes' processes (what the server figures sum). */
  target: Target;
  nodes: ServerHandle[];
  stop(): Promise<void>;
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * `count` nodes as `npm start` runs them, over a fresh Postgres database and the Redis of
 * the machine, behind nginx running deploy/nginx.conf (one worker). Node i is `node-i`
 * (from 1). The browser test of several nodes (e2e/cluster.e2e.ts) runs one too.
 */
export async function startCluster(
  count: number,
  env: Record<string, string> = {},
): Promise<Cluster> {
  const database = `saappaat_bench_${crypto.randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${database}`);
  const databaseUrl = new URL(ADMIN_URL);
  databaseUrl.pathname = `/${database}`;
  const nodes: ServerHandle[] = [];
  let nginx: Nginx | undefined;
  const stop = async () => {
    await nginx?.close();
    await Promise.all(nodes.map((n) => n.stop()));
    await admin(`DROP DATABASE IF EXISTS ${database}`);
  };
  try {
    const secret = crypto.randomBytes(32).toString('hex');
    // One after the other: the first migrates the new database.
    for (let i = 0; i < count; i++) {
      nodes.push(
        await startOurServer(freshDataDir(), {
          DATABASE_URL: databaseUrl.toString(),
          REDIS_URL,
          NODE_ID: `node-${i + 1}`,
          SESSION_SECRET: secret,
          // Behind nginx: the caller's address is the one nginx appends to X-Forwarded-For.
          TRUST_PROXY: '1',
          ...env,
        }),
      );
    }
    nginx = await Nginx.start(nodes.map((n) => Number(new URL(n.url).port)));
    const target = { url: nginx.url, nodes: nodes.map((n) => ({ url: n.url, pid: n.pid })) };
    return { target, nodes, stop };
  } catch (err) {
    await stop().catch(() => undefined);
    throw err;
  }
}
