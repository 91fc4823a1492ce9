/**
 * The room's timer, kept by the server as an absolute deadline so that every screen
 * (each with its own clock offset) shows the same remaining time.
 */
export type Timer =
  | { status: 'idle' }
  | { status: 'running'; deadline: number; durationMs: number }
  | { status: 'paused'; remainingMs: number; durationMs: number }
  | { status: 'expired'; expiredAt: number; durationMs: number };

export const IDLE_TIMER: Timer = { status: 'idle' };

export function startTimer(durationMs: number, now: number): Timer {
  return { status: 'running', deadline: now + durationMs, durationMs };
}

export function pauseTimer(timer: Timer, now: number): Timer | null {
  if (timer.status !== 'running') return null;
  return {
    status: 'paused',
    remainingMs: Math.max(0, timer.deadline - now),
    durationMs: timer.durationMs,
  };
}

export function resumeTimer(timer: Timer, now: number): Timer | null {
  if (timer.status !== 'paused') return null;
  return { status: 'running', deadline: now + timer.remainingMs, durationMs: timer.durationMs };
}

/** Adds time to a running, paused or just-expired timer (an expired one runs again). */
export function addTime(timer: Timer, ms: number, now: number): Timer | null {
  switch (timer.status) {
    case 'running':
      return { ...timer, deadline: timer.deadline + ms, durationMs: timer.durationMs + ms };
    case 'paused':
      return { ...timer, remainingMs: timer.remainingMs + ms, durationMs: timer.durationMs + ms };
    case 'expired':
      return { status: 'running', deadline: now + ms, durationMs: timer.durationMs + ms };
    case 'idle':
      return null;
  }
}

/** A running timer whose deadline has passed becomes expired; anything else is unchanged. */
export function expireIfDue(timer: Timer, now: number): Timer {
  if (timer.status === 'running' && timer.deadline <= now) {
    return { status: 'expired', expiredAt: timer.deadline, durationMs: timer.durationMs };
  }
  return timer;
}

/**
 * The timer a new phase starts with. A running or paused one carries on (a timebox may
 * span phases, and the facilitator can stop it); one that has run out is cleared, or the
 * new phase would open with "Time's up" on every screen.
 */
export function timerForNewPhase(timer: Timer, now: number): Timer {
  return expireIfDue(timer, now).status === 'expired' ? IDLE_TIMER : timer;
}

/** Milliseconds left, as seen at server time `serverNow`. */
export function remainingMs(timer: Timer, serverNow: number): number {
  switch (timer.status) {
    case 'running':
      return Math.max(0, timer.deadline - serverNow);
    case 'paused':
      return timer.remainingMs;
    case 'idle':
    case 'expired':
      return 0;
  }
}
