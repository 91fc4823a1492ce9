import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startWhenIdle } from './start-when-idle';

const WINDOW = 100;
const MAX_WAIT = 1_000;

describe('startWhenIdle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function held(busy: () => number) {
    const start = vi.fn(async () => 'pages');
    const idle = startWhenIdle(start, {
      windowMs: WINDOW,
      busyBelow: 0.5,
      maxWaitMs: MAX_WAIT,
      busyShare: busy,
    });
    return { start, idle };
  }

  it('starts once a window passes with the loop mostly idle', async () => {
    const shares = [0.9, 0.8, 0.2];
    const { start, idle } = held(() => shares.shift() ?? 0);
    await vi.advanceTimersByTimeAsync(2 * WINDOW);
    expect(start).not.toHaveBeenCalled();
    expect(idle.started).toBe(false);
    await vi.advanceTimersByTimeAsync(WINDOW);
    expect(start).toHaveBeenCalledTimes(1);
    await expect(idle.result).resolves.toBe('pages');
    await vi.advanceTimersByTimeAsync(MAX_WAIT);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('starts at the deadline when the loop never rests', async () => {
    const { start } = held(() => 1);
    await vi.advanceTimersByTimeAsync(MAX_WAIT - 1);
    expect(start).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('starts at once when someone waits for it, and only once', async () => {
    const { start, idle } = held(() => 1);
    const [a, b] = [idle.now(), idle.now()];
    await expect(a).resolves.toBe('pages');
    await expect(b).resolves.toBe('pages');
    await expect(idle.result).resolves.toBe('pages');
    await vi.advanceTimersByTimeAsync(MAX_WAIT);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('after cancel, starts only when asked', async () => {
    const { start, idle } = held(() => 0);
    idle.cancel();
    await vi.advanceTimersByTimeAsync(2 * MAX_WAIT);
    expect(start).not.toHaveBeenCalled();
    await expect(idle.now()).resolves.toBe('pages');
  });

  it('a failed start is the result, for everyone who waits', async () => {
    const idle = startWhenIdle(() => Promise.reject(new Error('no build')), {
      windowMs: WINDOW,
      busyBelow: 0.5,
      maxWaitMs: MAX_WAIT,
      busyShare: () => 0,
    });
    const result = expect(idle.result).rejects.toThrow('no build');
    await vi.advanceTimersByTimeAsync(WINDOW);
    await result;
    await expect(idle.now()).rejects.toThrow('no build');
  });
});
