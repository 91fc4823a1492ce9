import { describe, expect, it } from 'vitest';
import { RateBook } from './rate-book';

const limits = { messages: { burst: 3, perSecond: 1 } };

/** Whole tokens left in a holder's bucket at `nowMs`, counted by taking them (drains it). */
function tokensLeft<N extends string>(book: RateBook<N>, holder: string, name: N, nowMs: number) {
  let n = 0;
  while (book.tryTake(holder, name, nowMs)) n++;
  return n;
}

describe('RateBook', () => {
  it('shares one bucket among a holder’s connections, and keeps it across a reconnect', () => {
    const book = new RateBook(limits);
    book.opened('w/anna', 0);
    book.opened('w/anna', 0);
    expect([1, 2, 3, 4].map(() => book.tryTake('w/anna', 'messages', 0))).toEqual([
      true,
      true,
      true,
      false,
    ]);
    book.closed('w/anna');
    book.closed('w/anna');
    book.opened('w/anna', 10);
    expect(book.tryTake('w/anna', 'messages', 10)).toBe(false);
    expect(book.tryTake('w/sami', 'messages', 10)).toBe(true);
    expect(book.tryTake('w/anna', 'messages', 1010)).toBe(true);
  });

  it('forgets an idle holder only once its buckets are full again', () => {
    const book = new RateBook(limits, 2);
    book.tryTake('a', 'messages', 0, 3);
    book.tryTake('b', 'messages', 0, 1);
    // Past the bound: the idle entries go, oldest first, to make room.
    book.opened('c', 0);
    expect(book.size).toBeLessThanOrEqual(2);
    const full = new RateBook(limits);
    full.tryTake('a', 'messages', 0, 3);
    full.opened('b', 60_000); // a sweep: 'a' is full again by now, so forgetting it is free
    expect(full.size).toBe(1);
    expect(tokensLeft(full, 'a', 'messages', 60_000)).toBe(3);
  });

  it('keeps a holder with an open connection, however many there are', () => {
    const book = new RateBook(limits, 1);
    book.opened('a', 0);
    book.tryTake('a', 'messages', 0, 3);
    book.opened('b', 0);
    expect(book.tryTake('a', 'messages', 0)).toBe(false);
  });
});
