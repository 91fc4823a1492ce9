'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { Timer } from '@/lib/domain/timer';
import { Button } from '../ui/button';
import { ErrorMessage } from '../ui/error-message';
import { inputClass } from '../ui/field';
import { TimerDisplay } from './timer-display';
import { useCommand } from './use-command';

const PRESET_MINUTES = [1, 3, 5, 10];
const MINUTE_MS = 60_000;

export function TimerControls({ timer }: { timer: Timer }) {
  const t = useTranslations('timer');
  const { run, error } = useCommand();
  const [custom, setCustom] = useState('15');
  return (
    <section aria-label={t('label')} className="flex flex-col gap-3">
      <TimerDisplay timer={timer} />
      <div className="flex flex-wrap gap-2">
        {PRESET_MINUTES.map((n) => (
          <Button
            key={n}
            variant="secondary"
            onClick={() => run('timer:start', { durationMs: n * MINUTE_MS })}
          >
            {t('startMinutes', { n })}
          </Button>
        ))}
        <span className="flex items-center gap-1">
          <input
            aria-label={t('custom')}
            className={`${inputClass} w-20`}
            type="number"
            min={1}
            max={180}
            value={custom}
            onChange={(e) => setCustom(e.target.value)}
          />
          <Button
            variant="secondary"
            onClick={() =>
              run('timer:start', { durationMs: Math.round(Number(custom) * MINUTE_MS) })
            }
          >
            {t('start')}
          </Button>
        </span>
      </div>
      <div className="flex flex-wrap gap-2">
        {/* a11y: one button that turns from Pause into Resume, so keyboard focus stays on it */}
        {(timer.status === 'running' || timer.status === 'paused') && (
          <Button
            variant="secondary"
            onClick={() => run(timer.status === 'running' ? 'timer:pause' : 'timer:resume', {})}
          >
            {timer.status === 'running' ? t('pause') : t('resume')}
          </Button>
        )}
        {timer.status !== 'idle' && (
          <>
            <Button variant="secondary" onClick={() => run('timer:add', { ms: MINUTE_MS })}>
              {t('addMinute')}
            </Button>
            <Button variant="secondary" onClick={() => run('timer:stop', {})}>
              {t('stop')}
            </Button>
          </>
        )}
      </div>
      <ErrorMessage code={error} />
    </section>
  );
}
