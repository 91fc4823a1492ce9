'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ControlState } from '@/lib/domain/workshop';
import { suggestedMinutes } from '@/lib/domain/phase-guide';
import { PHASE_SPECS } from '@/lib/domain/phases';
import { Button } from '../ui/button';
import { ErrorMessage } from '../ui/error-message';
import { useCommand } from '../run/use-command';

/**
 * The facilitator's guide to the current phase: what it is for, how long it usually
 * takes (with a timer of that length one press away) and a short script to read aloud,
 * so that a first-time facilitator can run every phase without a manual. Open until the
 * facilitator closes it; a native <details>, so it works by keyboard and screen reader.
 */
export function PhaseGuidePanel({
  control,
  stepCount,
}: {
  control: ControlState;
  stepCount: number;
}) {
  const t = useTranslations('phaseGuide');
  const tPhases = useTranslations('phases');
  const { run, error } = useCommand();
  const [open, setOpen] = useState(true);
  const phase = control.phase;
  const minutes = suggestedMinutes(phase, stepCount);
  return (
    <details
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      className="rounded-xl border border-stone-300 bg-amber-50 p-6"
      data-testid="phase-guide"
      data-phase={phase}
    >
      <summary className="cursor-pointer text-lg font-semibold">
        {t('heading', { phase: tPhases(phase) })}
        <span className="sr-only"> ({open ? t('hide') : t('show')})</span>
      </summary>
      <dl className="mt-4 grid gap-3 sm:grid-cols-[max-content_1fr] sm:gap-x-6">
        <dt className="font-medium">{t('purposeLabel')}</dt>
        <dd>{t(`${phase}.purpose`)}</dd>
        <dt className="font-medium">{t('durationLabel')}</dt>
        <dd className="flex flex-wrap items-center gap-3">
          <span data-testid="phase-guide-minutes" data-minutes={minutes}>
            {t('duration', { minutes })}
          </span>
          {/* Phases without a working block of their own: no timer to offer. */}
          {PHASE_SPECS[phase].timer && (
            <Button
              variant="secondary"
              onClick={() => run('timer:start', { durationMs: minutes * 60_000 })}
            >
              {t('startTimer', { minutes })}
            </Button>
          )}
        </dd>
        <dt className="font-medium">{t('scriptLabel')}</dt>
        <dd>
          <blockquote className="border-l-4 border-boot pl-4 italic">
            {t(`${phase}.script`)}
          </blockquote>
        </dd>
        <dt className="font-medium">{t('watchLabel')}</dt>
        <dd>{t(`${phase}.watch`)}</dd>
      </dl>
      <ErrorMessage code={error} />
    </details>
  );
}
