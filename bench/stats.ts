/**
 * Latency histogram: fixed 20 µs buckets up to 5 s, so workers can record millions of
 * samples in constant memory and the parent can merge them exactly (no sampling).
 */
const BUCKET_MS = 0.02;
const BUCKETS = 250_000;

export interface HistogramData {
  counts: number[];
  /** Samples beyond the last bucket, kept as they are. */
  overflow: number[];
  total: number;
}

export class Histogram {
  private readonly counts = new Uint32Array(BUCKETS);
  private readonly overflow: number[] = [];
  total = 0;

  add(ms: number): void {
    const bucket = Math.floor(Math.max(0, ms) / BUCKET_MS);
    if (bucket < BUCKETS) this.counts[bucket]!++;
    else this.overflow.push(ms);
    this.total++;
  }

  merge(data: HistogramData): void {
    // Sparse on the wire: [bucket, count, bucket, count, …].
    for (let i = 0; i < data.counts.length; i += 2) {
      this.counts[data.counts[i]!]! += data.counts[i + 1]!;
    }
    this.overflow.push(...data.overflow);
    this.total += data.total;
  }

  toData(): HistogramData {
    const counts: number[] = [];
    this.counts.forEach((n, bucket) => {
      if (n > 0) counts.push(bucket, n);
    });
    return { counts, overflow: [...this.overflow], total: this.total };
  }

  /** The q-quantile (0..1) in ms, at the upper edge of its bucket; NaN when empty. */
  quantile(q: number): number {
    if (this.total === 0) return Number.NaN;
    const rank = Math.max(1, Math.ceil(q * this.total));
    let seen = 0;
    for (let b = 0; b < BUCKETS; b++) {
      seen += this.counts[b]!;
      if (seen >= rank) return (b + 1) * BUCKET_MS;
    }
    const sorted = [...this.overflow].sort((a, b) => a - b);
    return sorted[rank - seen - 1] ?? sorted.at(-1) ?? Number.NaN;
  }

  summary(): { p50: number; p95: number; p99: number; samples: number } {
    const round = (x: number) => Math.round(x * 100) / 100;
    return {
      p50: round(this.quantile(0.5)),
      p95: round(this.quantile(0.95)),
      p99: round(this.quantile(0.99)),
      samples: this.total,
    };
  }
}

/** A monotonic clock in ms (CLOCK_MONOTONIC: the same in every process of the machine). */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
