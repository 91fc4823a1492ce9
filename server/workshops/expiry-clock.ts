import type { Timer } from '../../lib/domain/timer';

/** The longest delay setTimeout takes (2^31 − 1 ms, about 24.8 days). */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** After a failed write of an expired timer, the next try comes this much later. */
const EXPIRY_RETRY_MS = 1_000;

/**
 * Wakes the actor when the room's running timer reaches its deadline, so that it can mark
 * it expired and every screen shows it. One wake-up pending at a time; it does not keep
 * the process alive.
 */
export class ExpiryClock {
  private handle: NodeJS.Timeout | null = null;

  constructor(private readonly wake: () => void) {}

  /** Wakes at the deadline of a running timer; a timer not running needs nothing. */
  schedule(timer: Timer): void {
    this.stop();
    if (timer.status !== 'running') return;
    // Node fires longer delays at once; a far deadline is re-armed when this one fires.
    this.arm(Math.min(MAX_TIMEOUT_MS, Math.max(0, timer.deadline - Date.now())));
  }

  /** Storage refused the expiry: try again in a moment rather than at once. */
  retryLater(): void {
    this.stop();
    this.arm(EXPIRY_RETRY_MS);
  }

  stop(): void {
    if (this.handle) clearTimeout(this.handle);
    this.handle = null;
  }

  private arm(ms: number): void {
    this.handle = setTimeout(this.wake, ms);
    this.handle.unref();
  }
}
