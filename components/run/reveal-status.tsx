'use client';

import { useTranslations } from 'next-intl';
import type { PathStep } from '@/lib/board/path-doc';
import { revealProgress } from '@/lib/domain/reveal-progress';
import { useSession } from '@/lib/stores/session-store';

/**
 * What a screen waits for when the reveal is not complete: a blank curve looked as if the
 * ratings were lost. Silent once everything walked is shown (or outside a workshop).
 */
export function RevealStatus({ steps, huge = false }: { steps: PathStep[]; huge?: boolean }) {
  const t = useTranslations('revealFlow');
  const state = useSession((s) => s.state);
  if (!state) return null;
  const { control } = state;
  const progress = revealProgress(
    control,
    state.ratingCounts,
    steps.map((s) => s.id),
  );
  const stepwise = control.revealMode === 'stepwise' && progress.revealed < progress.walked;
  if (progress.walked > 0 && !stepwise) return null;
  return (
    <p
      className={`rounded-lg border-2 border-dashed border-stone-400 p-4 ${huge ? 'text-3xl' : 'text-lg'}`}
      data-testid="reveal-status"
      data-revealed={progress.revealed}
      data-walked={progress.walked}
    >
      {progress.walked === 0
        ? t('nothingWalked')
        : t('waitingStepwise', { revealed: progress.revealed, total: progress.walked })}
    </p>
  );
}
