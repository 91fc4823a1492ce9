'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { PathStep } from '@/lib/board/path-doc';
import type { ControlState } from '@/lib/domain/workshop';
import { Button } from '../ui/button';
import { StepCard } from './step-card';

/**
 * The walk for a participant: the spotlighted step, or, when the facilitator lets the
 * room run ahead, any step they pick. `children` is the capture form for the step shown.
 */
export function WalkView({
  control,
  steps,
  children,
}: {
  control: ControlState;
  steps: PathStep[];
  children?: (step: PathStep) => React.ReactNode;
}) {
  const t = useTranslations('walk');
  const [ownId, setOwnId] = useState<string | null>(null);
  const spotlightIndex = steps.findIndex((s) => s.id === control.stepId);
  const free = control.pace === 'free';
  const ownIndex = free && ownId ? steps.findIndex((s) => s.id === ownId) : -1;
  const index = ownIndex >= 0 ? ownIndex : spotlightIndex;
  const step = steps[index];
  if (!step) return <p>{t('noStep')}</p>;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-stone-700">{t('round', { n: control.round })}</p>
      {free && (
        <nav aria-label={t('spotlight')} className="flex flex-wrap gap-2">
          <Button
            variant="secondary"
            disabled={index <= 0}
            onClick={() => setOwnId(steps[index - 1]?.id ?? null)}
          >
            ← {t('prev')}
          </Button>
          <Button
            variant="secondary"
            disabled={index >= steps.length - 1}
            onClick={() => setOwnId(steps[index + 1]?.id ?? null)}
          >
            {t('next')} →
          </Button>
          {index !== spotlightIndex && spotlightIndex >= 0 && (
            <Button variant="secondary" onClick={() => setOwnId(null)}>
              {t('backToSpotlight')}
            </Button>
          )}
        </nav>
      )}
      {index !== spotlightIndex && spotlightIndex >= 0 && (
        <p role="status" className="text-sm">
          {t('ahead', { n: spotlightIndex + 1 })}
        </p>
      )}
      <StepCard step={step} index={index} total={steps.length} />
      {children?.(step)}
    </div>
  );
}
