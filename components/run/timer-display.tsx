'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { playChime } from '@/lib/client/chime';
import { useBrowserValue } from '@/lib/client/use-browser-value';
import { formatDuration, useServerNow } from '@/lib/client/use-server-now';
import { remainingMs, type Timer } from '@/lib/domain/timer';
import { useSession } from '@/lib/stores/session-store';
import { TIMER_WARNING_MS as WARNING_MS } from './timer-announcer';

const SOUND_KEY = 'saappaat:timer-sound';

/**
 * The room's timer, counted down against the server's clock. The one-minute warning and
 * the end show in words; a chime sounds at the end if the person wants it.
 */
export function TimerDisplay({
  timer,
  size = 'normal',
}: {
  timer: Timer;
  size?: 'normal' | 'huge';
}) {
  const t = useTranslations('timer');
  const serverNow = useServerNow(timer.status === 'running');
  const offsetMs = useSession((s) => s.offsetMs);
  const left = remainingMs(timer, serverNow);
  const storedSound = useBrowserValue(() => localStorage.getItem(SOUND_KEY) === '1', false);
  const [soundChoice, setSoundChoice] = useState<boolean | null>(null);
  const sound = soundChoice ?? storedSound;
  const expired = timer.status === 'expired' || (timer.status === 'running' && left === 0);
  // a11y: the warning is shown in words and with an icon, not by colour alone; screen
  // readers hear it from <TimerAnnouncer>, which stays on the page between timers.
  const warning = !expired && timer.status !== 'idle' && left <= WARNING_MS;

  const chimed = useRef(expired);
  useEffect(() => {
    if (expired && !chimed.current && sound) void playChime();
    chimed.current = expired;
  }, [expired, sound]);

  const text =
    timer.status === 'idle'
      ? t('idle')
      : expired
        ? t('expired')
        : `${formatDuration(left)}${timer.status === 'paused' ? ` · ${t('paused')}` : ''}`;
  const big = size === 'huge' ? 'text-8xl' : 'text-4xl';
  return (
    <div
      className="flex flex-col gap-1"
      data-testid="timer"
      data-status={expired ? 'expired' : timer.status}
    >
      <p className="text-sm font-medium">{t('label')}</p>
      <p
        className={`font-mono font-bold tabular-nums ${timer.status === 'idle' ? 'text-lg text-stone-600' : big} ${
          expired ? 'text-red-800' : ''
        }`}
        data-remaining-ms={left}
        // When this screen's own clock will read zero: comparable across screens in tests.
        data-ends-at={timer.status === 'running' ? timer.deadline - offsetMs : undefined}
      >
        {expired && <span aria-hidden="true">⏰ </span>}
        {text}
      </p>
      {warning && (
        <p className="text-sm font-semibold" data-testid="timer-warning">
          <span aria-hidden="true">⚠ </span>
          {t('oneMinute')}
        </p>
      )}
      {size === 'normal' && timer.status !== 'idle' && (
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={sound}
            onChange={(e) => {
              setSoundChoice(e.target.checked);
              localStorage.setItem(SOUND_KEY, e.target.checked ? '1' : '0');
            }}
          />
          {t('sound')}
        </label>
      )}
    </div>
  );
}
