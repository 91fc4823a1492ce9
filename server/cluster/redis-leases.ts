import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Taking a lease: set-if-absent with a time-to-live, in one script so that the fencing
 * number is drawn only by the node that gets the lease. The number comes from a counter
 * per workshop, raised past `floor` (the fence stored in Postgres) should Redis have lost
 * its counters (it keeps nothing on disk here). The lease's value is `node:fence`.
 * Returns {1, fence} when this node holds the lease now, {0, owner} when another does.
 */
const ACQUIRE = `
local current = redis.call('GET', KEYS[1])
if current then
  local node, fence = string.match(current, '^(.*):(%d+)$')
  if node == ARGV[1] then
    redis.call('PEXPIRE', KEYS[1], ARGV[2])
    return {1, fence}
  end
  return {0, node}
end
local fence = redis.call('INCR', KEYS[2])
local floor = tonumber(ARGV[3])
if fence <= floor then
  fence = floor + 1
  redis.call('SET', KEYS[2], fence)
end
redis.call('SET', KEYS[1], ARGV[1] .. ':' .. fence, 'PX', ARGV[2])
return {1, tostring(fence)}
`;

/**
 * Renews every lease whose value is still ours, and takes back one that is gone (expired
 * unnoticed, or Redis restarted empty): should another node have claimed the workshop
 * meanwhile, fencing refuses our writes and we let go then. Returns the 1-based indexes
 * of the leases another node holds now.
 */
const RENEW = `
local lost = {}
for i, key in ipairs(KEYS) do
  local current = redis.call('GET', key)
  if current == ARGV[i + 1] then
    redis.call('PEXPIRE', key, ARGV[1])
  elseif not current then
    redis.call('SET', key, ARGV[i + 1], 'PX', ARGV[1])
  else
    table.insert(lost, i)
  end
end
return lost
`;

/** Deletes a lease only if it is still ours. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`;

type LeaseCommands = {
  leaseAcquire(
    lease: string,
    counter: string,
    node: string,
    ttlMs: number,
    floor: number,
  ): Promise<[number, string]>;
  leaseRenew(numKeys: number, ...args: Array<string | number>): Promise<number[]>;
  leaseRelease(lease: string, value: string): Promise<number>;
};

/**
 * A lease's value is `name#instance:fence`: the node's configured name, then this
 * process's own random instance, so two processes started with one NODE_ID (a rolling
 * deploy) never take each other's lease for their own.
 */
export function nodeName(leaseValue: string): string {
  return leaseValue.replace(/:\d+$/, '').replace(/#[^#]*$/, '');
}

export type Acquired = { held: true; fence: number } | { held: false; owner: string };

export interface LeaseOptions {
  /** This node's name, unique among the nodes (and across restarts of one node). */
  nodeId: string;
  ttlMs: number;
  /** Key prefix, so that test runs sharing one Redis never meet. */
  prefix?: string;
}

/**
 * Workshop leases in Redis: who owns which workshop, with which fencing number. Only the
 * Redis side; `Ownership` decides when to take, renew and give them up.
 */
export class RedisLeases {
  readonly redis: Redis & LeaseCommands;
  readonly nodeId: string;
  /** This process among the nodes: the name, the process id and a random part. */
  readonly instance: string;
  readonly ttlMs: number;
  /** Every key of this cluster begins with it. */
  readonly prefix: string;

  /** Loads ioredis here, not at start: a server without REDIS_URL never needs it. */
  static async create(url: string, options: LeaseOptions): Promise<RedisLeases> {
    const { Redis } = await import('ioredis');
    return new RedisLeases(
      new Redis(url, {
        // A command waits for a lost connection a short while, then fails: a lease that
        // cannot be renewed must be found out, not queued for ever.
        maxRetriesPerRequest: 2,
        lazyConnect: true,
      }),
      options,
    );
  }

  private constructor(redis: Redis, options: LeaseOptions) {
    if (options.nodeId.length === 0) throw new Error('A node id is needed for leases');
    this.nodeId = options.nodeId;
    this.instance = `${options.nodeId}#${process.pid}-${randomBytes(4).toString('hex')}`;
    this.ttlMs = options.ttlMs;
    this.prefix = options.prefix ?? 'saappaat:';
    redis.on('error', (err: Error) => console.error('[redis]', err.message));
    redis.defineCommand('leaseAcquire', { numberOfKeys: 2, lua: ACQUIRE });
    redis.defineCommand('leaseRenew', { lua: RENEW });
    redis.defineCommand('leaseRelease', { numberOfKeys: 1, lua: RELEASE });
    this.redis = redis as Redis & LeaseCommands;
  }

  connect(): Promise<void> {
    return this.redis.connect();
  }

  key(workshopId: string): string {
    return `${this.prefix}lease:${workshopId}`;
  }

  private value(fence: number): string {
    return `${this.instance}:${fence}`;
  }

  /** Takes the lease if nobody holds it (or renews ours); `floor`: the fence Postgres holds. */
  async acquire(workshopId: string, floor: number): Promise<Acquired> {
    const [held, value] = await this.redis.leaseAcquire(
      this.key(workshopId),
      `${this.prefix}fence:${workshopId}`,
      this.instance,
      this.ttlMs,
      floor,
    );
    return held === 1
      ? { held: true, fence: Number(value) }
      : { held: false, owner: nodeName(value) };
  }

  /** Renews these leases in one round trip; returns the workshop ids whose lease was lost. */
  async renew(leases: ReadonlyMap<string, number>): Promise<string[]> {
    if (leases.size === 0) return [];
    const ids = [...leases.keys()];
    const lost = await this.redis.leaseRenew(
      ids.length,
      ...ids.map((id) => this.key(id)),
      this.ttlMs,
      ...ids.map((id) => this.value(leases.get(id)!)),
    );
    return lost.map((i) => ids[i - 1]!);
  }

  async release(workshopId: string, fence: number): Promise<void> {
    await this.redis.leaseRelease(this.key(workshopId), this.value(fence));
  }

  /** Which process holds a workshop's lease now (its instance; null: nobody). */
  async holder(workshopId: string): Promise<string | null> {
    const value = await this.redis.get(this.key(workshopId));
    return value ? value.replace(/:\d+$/, '') : null;
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
