import { describe, expect, it } from 'vitest';
import { bestOffset, type ClockSample, offsetOf } from './clock';

describe('offsetOf', () => {
  it('is zero when the server answered at the midpoint of an agreeing clock', () => {
    expect(offsetOf({ t0: 1000, serverNow: 1050, t1: 1100 })).toBe(0);
  });

  it('is server time minus client time, assuming the reply took half the round trip', () => {
    // The client is 7 minutes ahead of the server; the round trip took 40 ms.
    const skew = 7 * 60_000;
    expect(offsetOf({ t0: 10_000 + skew, serverNow: 10_020, t1: 10_040 + skew })).toBe(-skew);
    expect(offsetOf({ t0: 10_000, serverNow: 190_020, t1: 10_040 })).toBe(180_000);
  });
});

describe('bestOffset', () => {
  it('uses the sample with the shortest round trip', () => {
    const samples: ClockSample[] = [
      // A slow reply whose answer was delayed on the way back: misleading.
      { t0: 0, serverNow: 500, t1: 1000 - 100 },
      { t0: 2000, serverNow: 5010, t1: 2020 },
      { t0: 3000, serverNow: 6400, t1: 3600 },
    ];
    expect(bestOffset(samples)).toBe(3000);
  });

  it('keeps the first of equally short round trips', () => {
    expect(
      bestOffset([
        { t0: 0, serverNow: 110, t1: 20 },
        { t0: 100, serverNow: 900, t1: 120 },
      ]),
    ).toBe(100);
  });

  it('is zero with no samples', () => {
    expect(bestOffset([])).toBe(0);
  });

  it('is the single sample’s offset when there is one', () => {
    expect(bestOffset([{ t0: 100, serverNow: 50, t1: 200 }])).toBe(-100);
  });
});
