'use client';

import { useTranslations } from 'next-intl';
import { summariseReadiness } from '@/lib/domain/readiness';
import type { ControlState, ParticipantView } from '@/lib/domain/workshop';

/** How many are done, and who the room is waiting for (by role when anonymous and public). */
export function ReadinessPanel({
  control,
  participants,
  showNames,
  size = 'normal',
}: {
  control: ControlState;
  participants: ParticipantView[];
  showNames: boolean;
  size?: 'normal' | 'huge';
}) {
  const t = useTranslations();
  const { done, total, waiting } = summariseReadiness(control.readiness, participants);
  const pct = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <section
      aria-label={t('ready.count', { done, total })}
      className="flex flex-col gap-2"
      data-testid="readiness"
      data-done={done}
      data-total={total}
    >
      <p
        className={size === 'huge' ? 'text-5xl font-bold' : 'text-lg font-semibold'}
        aria-live="polite"
      >
        {t('ready.count', { done, total })}
      </p>
      <div className="h-3 w-full overflow-hidden rounded-full bg-stone-200" aria-hidden="true">
        <div className="h-full bg-emerald-700" style={{ width: `${pct}%` }} />
      </div>
      {total > 0 &&
        (waiting.length === 0 ? (
          <p className={size === 'huge' ? 'text-3xl' : ''}>✓ {t('ready.allDone')}</p>
        ) : showNames ? (
          <p className={size === 'huge' ? 'text-3xl' : 'text-sm'} data-testid="waiting-for">
            {t('ready.waitingFor', { names: waiting.map((p) => p.name).join(', ') })}
          </p>
        ) : (
          <p className={size === 'huge' ? 'text-3xl' : 'text-sm'}>
            {t('ready.waitingCount', { count: waiting.length })}
          </p>
        ))}
    </section>
  );
}
