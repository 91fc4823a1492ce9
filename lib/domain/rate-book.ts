import { RATE_BOOK_MAX_ENTRIES, RATE_BOOK_PRUNE_MS } from '../constants';
import { type Bucket, fullBucket, type RateLimit, refill, take } from './rate-bucket';

/**
 * Token buckets per holder (a participant in a workshop, or a projector screen) rather
 * than per connection (issue 21, item 10): all of a holder's connections take from the
 * same buckets, and the buckets outlive the connections, so a client closed for its rate
 * does not come back with a full allowance. An entry is forgotten only once nobody holds
 * it and every bucket has filled up again: then a fresh entry is the same thing, and
 * forgetting it gives nothing away. The clock is a parameter, as in `rate-bucket.ts`.
 */
interface Entry<N extends string> {
  buckets: Partial<Record<N, Bucket>>;
  /** Connections open under this holder. */
  open: number;
}

export class RateBook<N extends string> {
  private readonly entries = new Map<string, Entry<N>>();
  private prunedAtMs = 0;

  constructor(
    readonly limits: Readonly<Record<N, RateLimit>>,
    /** Above this many entries, idle ones are forgotten (oldest first) even if not yet full. */
    private readonly maxEntries = RATE_BOOK_MAX_ENTRIES,
  ) {}

  /** Takes `cost` tokens from `holder`'s `name` bucket; false (and nothing taken) if short. */
  tryTake(holder: string, name: N, nowMs: number, cost = 1): boolean {
    const entry = this.entry(holder, nowMs);
    const limit = this.limits[name];
    const { allowed, bucket } = take(
      entry.buckets[name] ?? fullBucket(limit, nowMs),
      limit,
      nowMs,
      cost,
    );
    entry.buckets[name] = bucket;
    return allowed;
  }

  /** A connection of `holder` opened: its entry is kept while any is open. */
  opened(holder: string, nowMs: number): void {
    this.entry(holder, nowMs).open++;
  }

  /** A connection of `holder` closed. */
  closed(holder: string): void {
    const entry = this.entries.get(holder);
    if (entry && entry.open > 0) entry.open--;
  }

  /** Connections open under `holder` now. */
  openCount(holder: string): number {
    return this.entries.get(holder)?.open ?? 0;
  }

  /**
   * Entries held now. Only tests read it: forgetting an entry is invisible by design (see
   * above), so the bound on memory can be checked only by counting.
   */
  get size(): number {
    return this.entries.size;
  }

  private entry(holder: string, nowMs: number): Entry<N> {
    let entry = this.entries.get(holder);
    if (!entry) {
      if (this.entries.size >= this.maxEntries || nowMs - this.prunedAtMs >= RATE_BOOK_PRUNE_MS) {
        this.prune(nowMs);
      }
      entry = { buckets: {}, open: 0 };
      this.entries.set(holder, entry);
    }
    return entry;
  }

  /** Forgets idle entries that are full again; past `maxEntries`, idle ones oldest first. */
  private prune(nowMs: number): void {
    this.prunedAtMs = nowMs;
    for (const [holder, entry] of this.entries) {
      if (entry.open === 0 && this.isFull(entry, nowMs)) this.entries.delete(holder);
    }
    for (const [holder, entry] of this.entries) {
      if (this.entries.size < this.maxEntries) break;
      if (entry.open === 0) this.entries.delete(holder);
    }
  }

  private isFull(entry: Entry<N>, nowMs: number): boolean {
    return (Object.keys(entry.buckets) as N[]).every((name) => {
      const limit = this.limits[name];
      return refill(entry.buckets[name]!, limit, nowMs).tokens >= limit.burst;
    });
  }
}

/** Whose buckets a connection takes from: a participant (or screen id) of one workshop. */
export function rateHolder(workshopId: string, participantId: string): string {
  return `${workshopId}/${participantId}`;
}
