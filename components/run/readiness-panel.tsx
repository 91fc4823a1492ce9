'use client';

import { useTranslations } from 'next-intl';
import { NO_PROGRESS, type ProgressFacts, summariseProgress } from '@/lib/domain/progress';
import type { ControlState, ParticipantView } from '@/lib/domain/workshop';
import { useSession } from '@/lib/stores/session-store';

/**
 * How far the room is in this phase, by the phase's one signal (lib/domain/progress.ts):
 * how many are done, and who the room is waiting for: by name, or by count where names
 * are hidden (the projector and phones of an anonymous workshop). In the vote, the dots
 * spent and who still has dots. Nothing in the lobby or the summary.
 */
export function ReadinessPanel({
  control,
  participants,
  progress: given,
  showNames,
  size = 'normal',
  className = '',
}: {
  control: ControlState;
  participants: ParticipantView[];
  /** The state's progress facts; @default the session's (what the projector is sent). */
  progress?: ProgressFacts;
  showNames: boolean;
  size?: 'normal' | 'huge';
  /** Classes for the panel's frame (it renders nothing at all where nothing is counted). */
  className?: string;
}) {
  const t = useTranslations('progress');
  const held = useSession((s) => s.state?.progress);
  const summary = summariseProgress({
    control,
    participants,
    progress: given ?? held ?? NO_PROGRESS,
  });
  if (!summary) return null;
  const { signal, done, total, waiting, dots } = summary;
  const huge = size === 'huge';
  const pct = total === 0 ? 0 : Math.round((done / total) * 100);
  const count = t(`count.${signal}`, { done, total });
  const nameOf = new Map(participants.map((p) => [p.id, p.name]));
  const small = huge ? 'text-3xl' : 'text-sm';
  return (
    <section
      aria-label={count}
      className={`flex flex-col gap-2 ${className}`}
      data-testid="readiness"
      data-signal={signal}
      data-done={done}
      data-total={total}
    >
      <p className={huge ? 'text-5xl font-bold' : 'text-lg font-semibold'} aria-live="polite">
        {count}
      </p>
      <div className="h-3 w-full overflow-hidden rounded-full bg-stone-200" aria-hidden="true">
        <div className="h-full bg-emerald-700" style={{ width: `${pct}%` }} />
      </div>
      {dots && (
        <p className={small} data-testid="dots-spent" data-spent={dots.spent}>
          {t('dotsSpent', { spent: dots.spent, budget: dots.budget })}
        </p>
      )}
      {total > 0 &&
        (waiting.length === 0 ? (
          <p className={huge ? 'text-3xl' : ''}>✓ {t(`allDone.${signal}`)}</p>
        ) : dots ? (
          <p className={small} data-testid="waiting-for">
            {showNames
              ? t('dotsLeftFor', {
                  names: dots.left
                    .map((p) => t('dotsLeftPerson', { name: nameOf.get(p.id) ?? '', left: p.left }))
                    .join(', '),
                })
              : t('dotsLeftCount', { count: waiting.length })}
          </p>
        ) : (
          <p className={small} data-testid="waiting-for">
            {showNames
              ? t('waitingFor', { names: waiting.map((p) => p.name).join(', ') })
              : t('waitingCount', { count: waiting.length })}
          </p>
        ))}
    </section>
  );
}
