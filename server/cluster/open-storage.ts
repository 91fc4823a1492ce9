import os from 'node:os';
import { HANDOFF_MIN_HOLD_MS, LEASE_TTL_MS } from '../../lib/constants';
import { PostgresStorage } from '../storage/postgres-storage';
import type { Fencing, Storage } from '../storage/storage';
import { Ownership } from './ownership';
import { RedisLeases } from './redis-leases';

export interface StorageConfig {
  databaseUrl?: string;
  redisUrl?: string;
  nodeId?: string;
  leaseTtlMs?: number;
  /** Keys of this node's leases begin with it (tests keep their runs apart). */
  redisPrefix?: string;
  /** A Postgres schema of its own (tests); default `public`. */
  schema?: string;
  /** Default HANDOFF_MIN_HOLD_MS. */
  handoffMinHoldMs?: number;
}

/**
 * The storage this configuration names. Nothing set: undefined, and the server uses
 * SQLite in its data directory. DATABASE_URL: Postgres. DATABASE_URL and REDIS_URL: Postgres
 * with fencing, and ownership of workshops by leases in Redis, for several nodes.
 */
export async function openStorage(
  config: StorageConfig,
): Promise<{ storage?: Storage; ownership?: Ownership }> {
  if (!config.databaseUrl) {
    if (config.redisUrl) throw new Error('REDIS_URL is for several nodes: set DATABASE_URL too');
    return {};
  }
  if (!config.redisUrl) {
    return {
      storage: await PostgresStorage.connect(config.databaseUrl, { schema: config.schema }),
    };
  }
  // Leases add the process id and a random part: unique even where names repeat.
  const nodeId = config.nodeId ?? os.hostname();
  const leases = await RedisLeases.create(config.redisUrl, {
    nodeId,
    ttlMs: config.leaseTtlMs ?? LEASE_TTL_MS,
    prefix: config.redisPrefix,
  });
  // Storage and ownership need each other: writes ask ownership for their fence, and
  // ownership claims fences in storage.
  const owner: { current?: Ownership } = {};
  const fencing: Fencing = {
    fenceFor: (id) => owner.current?.fenceFor(id) ?? 0,
    fenced: (id) => owner.current?.fenced(id),
  };
  const storage = await PostgresStorage.connect(config.databaseUrl, {
    schema: config.schema,
    fencing,
  });
  const ownership = new Ownership(leases, storage, {
    handoffMinHoldMs: config.handoffMinHoldMs ?? HANDOFF_MIN_HOLD_MS,
  });
  owner.current = ownership;
  try {
    await ownership.start();
  } catch (err) {
    await storage.close();
    await leases.close();
    throw new Error(`Redis at ${config.redisUrl} could not be reached: ${(err as Error).message}`);
  }
  return { storage, ownership };
}
