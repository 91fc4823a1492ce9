import { Histogram, type HistogramData, nowMs } from './stats';

interface Pending {
  at: number;
  /** Receivers in this process that have yet to see it. */
  left: number;
}

/**
 * Times actions from their send to their arrival at each other client of the room in
 * this process. Senders and receivers of one room live in the same load process, so one
 * monotonic clock serves both and nothing needs to ride inside the messages.
 */
export class Latency {
  private readonly pending = new Map<string, Pending>();
  readonly histograms = new Map<string, Histogram>();
  measuring = false;
  /** Arrivals that never came, for actions sent while measuring (found at `lost()`). */
  private lostCount = 0;

  constructor(
    /** How many receivers in this process an action of `key` should reach. */
    private readonly receiversOf: (key: string) => number,
  ) {}

  /** A client sent the action `key` (`kind:…`; the kind names its histogram). */
  sent(key: string): void {
    if (!this.measuring) return;
    this.pending.set(key, { at: nowMs(), left: this.receiversOf(key) });
  }

  arrived(key: string): void {
    const entry = this.pending.get(key);
    if (!entry) return;
    this.record(key.slice(0, key.indexOf(':')), nowMs() - entry.at);
    if (--entry.left <= 0) this.pending.delete(key);
  }

  record(kind: string, ms: number): void {
    let h = this.histograms.get(kind);
    if (!h) this.histograms.set(kind, (h = new Histogram()));
    h.add(ms);
  }

  /** Forgets what is still pending, counting the arrivals that never came. */
  settle(): number {
    for (const entry of this.pending.values()) this.lostCount += Math.max(0, entry.left);
    this.pending.clear();
    return this.lostCount;
  }

  data(): Record<string, HistogramData> {
    return Object.fromEntries([...this.histograms].map(([k, h]) => [k, h.toData()]));
  }
}
