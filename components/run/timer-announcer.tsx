'use client';

import { useTranslations } from 'next-intl';
import { useServerNow } from '@/lib/client/use-server-now';
import { remainingMs, type Timer } from '@/lib/domain/timer';

/** Below this much time left, the room hears "one minute left". */
export const TIMER_WARNING_MS = 60_000;

/** What a screen reader should be hearing about the timer: a warning, the end, or nothing. */
export function timerAnnouncement(timer: Timer, now: number): 'oneMinute' | 'expired' | null {
  if (timer.status === 'idle') return null;
  const left = remainingMs(timer, now);
  if (timer.status === 'expired' || (timer.status === 'running' && left === 0)) return 'expired';
  return left <= TIMER_WARNING_MS ? 'oneMinute' : null;
}

/**
 * a11y: the timer's live region. It stays on the page while no timer runs, so it is empty
 * before a timer starts and a screen reader hears the warning even when a one-minute
 * timer starts (a live region inserted already holding text is not read out). Its text
 * changes only at the warning and at the end, never with the ticking clock; a pause
 * under a minute keeps the warning, so resuming does not repeat it.
 */
export function TimerAnnouncer({ timer }: { timer: Timer }) {
  const t = useTranslations('timer');
  const now = useServerNow(timer.status === 'running');
  const said = timerAnnouncement(timer, now);
  return (
    <p aria-live="assertive" className="sr-only" data-testid="timer-announcement">
      {said ? t(said) : ''}
    </p>
  );
}
