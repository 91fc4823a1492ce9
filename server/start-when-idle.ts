import { performance } from 'node:perf_hooks';

/** Work held back until the event loop has a moment to spare (see `startWhenIdle`). */
export interface IdleStart<T> {
  /** Starts the work now if it has not started (someone waits for it); its result. */
  now(): Promise<T>;
  /** The work's result, whenever it starts. */
  readonly result: Promise<T>;
  /** Whether the work has started. */
  readonly started: boolean;
  /** Stops watching; the work then starts only through `now()`. */
  cancel(): void;
}

export interface IdleOptions {
  /** The loop counts as idle when it was busy less than `busyBelow` of the last `windowMs`. */
  windowMs: number;
  busyBelow: number;
  /** Start anyway this long after the call. */
  maxWaitMs: number;
  /** The loop's busy share since the previous call (tests give their own). */
  busyShare?: () => number;
}

/** The event loop's busy share since the previous call, from Node's own accounting. */
function loopBusyShare(): () => number {
  let last = performance.eventLoopUtilization();
  return () => {
    const current = performance.eventLoopUtilization();
    const share = performance.eventLoopUtilization(current, last).utilization;
    last = current;
    return share;
  };
}

/**
 * Runs `start` once the event loop has been mostly idle for a moment, at the latest
 * `maxWaitMs` after this call, or at once on `now()`; never twice. The server prepares
 * Next's pages this way: preparing holds the event loop for about half a second, and
 * after a restart every open tab reconnects at once, each workshop to be loaded from
 * storage. A tab needs its sockets back, not a page; a page request starts it at once.
 */
export function startWhenIdle<T>(start: () => Promise<T>, options: IdleOptions): IdleStart<T> {
  let begun: Promise<T> | null = null;
  let resolve!: (value: Promise<T>) => void;
  const result = new Promise<T>((r) => (resolve = r));
  const busyShare = options.busyShare ?? loopBusyShare();
  const watch = setInterval(() => {
    if (busyShare() < options.busyBelow) void now();
  }, options.windowMs);
  const deadline = setTimeout(() => void now(), options.maxWaitMs);
  // Neither keeps a process alive that has nothing else to do.
  watch.unref();
  deadline.unref();

  const cancel = () => {
    clearInterval(watch);
    clearTimeout(deadline);
  };
  const now = (): Promise<T> => {
    if (!begun) {
      cancel();
      begun = Promise.resolve().then(start);
      resolve(begun);
    }
    return begun;
  };
  return {
    now,
    result,
    get started() {
      return begun !== null;
    },
    cancel,
  };
}
