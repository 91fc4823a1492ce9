import type { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';

/** How many points a key may take per window, and how long it waits once over. */
export interface LimitRule {
  points: number;
  /** Fixed window in milliseconds: a whole number of seconds (Redis counts in seconds). */
  windowMs: number;
  /** Once over, the key is refused this long (default: until its window ends). */
  blockMs?: number;
}

/** Where several nodes keep their counts together (the cluster's Redis client). */
export interface LimitStore {
  redis: Redis;
  /** Key prefix of this cluster (test runs sharing one Redis never meet). */
  prefix: string;
}

/**
 * One counter per key (an address, a workshop, or all), in memory on one node or in
 * Redis shared by the nodes. Should Redis fail, the node counts in memory meanwhile
 * (the library's insurance limiter): limits go on holding, per node.
 */
export class Limit {
  private readonly limiter: RateLimiterAbstract;

  constructor(name: string, rule: LimitRule, store?: LimitStore) {
    for (const ms of [rule.windowMs, rule.blockMs ?? 0]) {
      if (!Number.isInteger(ms / 1000) || ms < 0) {
        throw new Error(`limit ${name}: ${ms} ms is not a whole number of seconds`);
      }
    }
    if (rule.windowMs === 0 || !Number.isInteger(rule.points) || rule.points < 1) {
      throw new Error(`limit ${name}: needs at least one point and a window`);
    }
    const options = {
      keyPrefix: name,
      points: rule.points,
      duration: rule.windowMs / 1000,
      blockDuration: (rule.blockMs ?? 0) / 1000,
    };
    const memory = new RateLimiterMemory(options);
    this.limiter = store
      ? new RateLimiterRedis({
          ...options,
          keyPrefix: `${store.prefix}limit:${name}`,
          storeClient: store.redis,
          insuranceLimiter: memory,
        })
      : memory;
  }

  /** Takes a point for `key`: null when it may go on, else the milliseconds to wait. */
  async take(key: string): Promise<number | null> {
    try {
      await this.limiter.consume(key);
      return null;
    } catch (err) {
      if (err instanceof RateLimiterRes) return Math.max(1, err.msBeforeNext);
      throw err;
    }
  }

  /** Gives back a point taken for something that turned out not to count. */
  async giveBack(key: string): Promise<void> {
    await this.limiter.reward(key, 1);
  }

  /** Marks `key` for `ms` (a remembered fact rather than a count). */
  async mark(key: string, ms: number): Promise<void> {
    await this.limiter.set(key, 1, Math.ceil(ms / 1000));
  }

  /** Whether `key` holds any point now (taken or marked). */
  async holds(key: string): Promise<boolean> {
    return (await this.limiter.get(key)) !== null;
  }
}
