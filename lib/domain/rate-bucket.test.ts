import { describe, expect, it } from 'vitest';
import { RateBook } from './rate-book';
import { fullBucket, type RateLimit, refill, take } from './rate-bucket';

const limit: RateLimit = { burst: 5, perSecond: 2 };

/** Whole tokens left in a holder's bucket at `nowMs`, counted by taking them (drains it). */
function tokensLeft<N extends string>(book: RateBook<N>, holder: string, name: N, nowMs: number) {
  let n = 0;
  while (book.tryTake(holder, name, nowMs)) n++;
  return n;
}

describe('take', () => {
  it('allows a full burst at once, then refuses', () => {
    let bucket = fullBucket(limit, 0);
    const answers: boolean[] = [];
    for (let i = 0; i < 7; i++) {
      const taken = take(bucket, limit, 0);
      answers.push(taken.allowed);
      bucket = taken.bucket;
    }
    expect(answers).toEqual([true, true, true, true, true, false, false]);
    expect(bucket.tokens).toBe(0);
  });

  it('gives back perSecond tokens a second, never more than the burst', () => {
    const empty = { tokens: 0, atMs: 1000 };
    expect(refill(empty, limit, 1500).tokens).toBe(1);
    expect(refill(empty, limit, 2000).tokens).toBe(2);
    expect(refill(empty, limit, 1_000_000).tokens).toBe(5);
  });

  it('takes nothing when it refuses, so a flood does not delay recovery', () => {
    let bucket = { tokens: 0.5, atMs: 0 };
    for (let i = 0; i < 100; i++) bucket = take(bucket, limit, 0).bucket;
    expect(bucket.tokens).toBe(0.5);
    expect(take(bucket, limit, 250).allowed).toBe(true); // 0.5 + 0.5
  });

  it('charges a cost, and refuses one larger than what is left', () => {
    const bucket = fullBucket(limit, 0);
    const big = take(bucket, limit, 0, 4);
    expect(big).toEqual({ allowed: true, bucket: { tokens: 1, atMs: 0 } });
    expect(take(big.bucket, limit, 0, 2).allowed).toBe(false);
    expect(take(bucket, limit, 0, 6).allowed).toBe(false); // more than the burst: never
  });

  it('adds nothing when the clock goes backwards, and does not move its own clock back', () => {
    const bucket = { tokens: 1, atMs: 5000 };
    expect(refill(bucket, limit, 4000)).toEqual({ tokens: 1, atMs: 5000 });
    // Had the clock moved back to 4000, the next second would count twice.
    expect(refill(refill(bucket, limit, 4000), limit, 5500).tokens).toBe(2);
  });

  it('does not change the bucket it is given', () => {
    const bucket = fullBucket(limit, 0);
    take(bucket, limit, 0, 3);
    expect(bucket).toEqual({ tokens: 5, atMs: 0 });
  });
});

describe('a bucket kept in a RateBook', () => {
  it('holds a sustained rate: over ten seconds, the burst plus perSecond per second', () => {
    const book = new RateBook({ events: limit });
    let allowed = 0;
    // Someone trying every 10 ms for 10 s gets 5 + 2 × 10 through, and no more.
    for (let t = 0; t <= 10_000; t += 10) if (book.tryTake('p', 'events', t)) allowed++;
    expect(allowed).toBe(25);
  });

  it('lets an honest rate through for ever', () => {
    const book = new RateBook({ events: limit });
    for (let t = 0; t < 60_000; t += 500) expect(book.tryTake('p', 'events', t)).toBe(true);
    expect(tokensLeft(book, 'p', 'events', 60_000)).toBe(5);
  });
});
