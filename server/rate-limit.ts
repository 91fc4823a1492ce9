/**
 * A token bucket per key (an address): `capacity` tokens, one back every `refillMs`.
 * Used to slow down guessing: only failed attempts take a token.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly capacity: number,
    private readonly refillMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Milliseconds until `key` may try again; 0 when it may try now. */
  retryAfterMs(key: string, now = Date.now()): number {
    const bucket = this.refill(key, now);
    return bucket.tokens >= 1 ? 0 : Math.ceil((1 - bucket.tokens) * this.refillMs);
  }

  /** Records one failed attempt by `key`. */
  hit(key: string, now = Date.now()): void {
    const bucket = this.refill(key, now);
    bucket.tokens = Math.max(0, bucket.tokens - 1);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) this.prune(now);
  }

  private refill(key: string, now: number): { tokens: number; at: number } {
    const bucket = this.buckets.get(key);
    if (!bucket) return { tokens: this.capacity, at: now };
    const tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.at) / this.refillMs);
    return { tokens, at: now };
  }

  /** Forgets keys whose buckets are full again, so memory stays bounded. */
  private prune(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) / this.refillMs >= this.capacity)
        this.buckets.delete(key);
    }
  }
}
