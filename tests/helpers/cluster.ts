import crypto from 'node:crypto';
import { Redis } from 'ioredis';
import { openStorage } from '../../server/cluster/open-storage';
import type { Ownership } from '../../server/cluster/ownership';
import type { AppServer } from '../../server/app-server';
import { dropSchema, freshSchema, TEST_DATABASE_URL } from './postgres';
import { startTestServer, tempDataDir } from './server';

/** The Redis the cluster tests use: TEST_REDIS_URL, or the one every machine runs. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * What the nodes of one test share, and no other test does: a Postgres schema, a Redis
 * key prefix, and a data directory (for the token secret every node must share).
 */
export interface Shared {
  schema: string;
  prefix: string;
  dataDir: string;
}

export function sharedBy(label: string): Shared {
  return {
    schema: freshSchema(label),
    prefix: `t:${crypto.randomBytes(5).toString('hex')}:`,
    dataDir: tempDataDir(),
  };
}

export interface Node {
  id: string;
  server: AppServer;
  ownership: Ownership;
  close(): Promise<void>;
}

/** A real server in this process with Postgres storage and Redis leases. */
export async function startNode(
  shared: Shared,
  id: string,
  options: { leaseTtlMs?: number; handoffMinHoldMs?: number } = {},
): Promise<Node> {
  const { storage, ownership } = await openStorage({
    databaseUrl: TEST_DATABASE_URL,
    redisUrl: TEST_REDIS_URL,
    nodeId: id,
    schema: shared.schema,
    redisPrefix: shared.prefix,
    ...options,
  });
  if (!storage || !ownership) throw new Error('expected Postgres with ownership');
  const server = await startTestServer({ storage, ownership, dataDir: shared.dataDir });
  return { id, server, ownership, close: () => server.close() };
}

/** Removes what the test left in Postgres and Redis. */
export async function cleanUp(shared: Shared): Promise<void> {
  await dropSchema(shared.schema);
  const redis = new Redis(TEST_REDIS_URL);
  try {
    const keys = await redis.keys(`${shared.prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

/** A plain Redis connection, for looking at (and tampering with) the leases. */
export function redisClient(): Redis {
  return new Redis(TEST_REDIS_URL);
}
