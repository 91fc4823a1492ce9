'use client';

import { useTranslations } from 'next-intl';
import { Fragment } from 'react';
import { handoffs } from '@/lib/analytics/handoffs';
import type { PathStep } from '@/lib/board/path-doc';
import { STAGES } from '@/lib/templates/schema';
import { ChannelLabel } from './channel-label';

/**
 * The service path as the customer walks it: stages across, each step with its channel
 * and owning department, and every hand-off between departments marked between steps.
 */
export function JourneyView({ steps, spotlightId }: { steps: PathStep[]; spotlightId?: string }) {
  const t = useTranslations();
  const marks = new Map(handoffs(steps).map((h) => [h.fromIndex, h]));
  if (steps.length === 0) return <p>{t('path.noSteps')}</p>;
  return (
    <section aria-labelledby="journey-heading" className="flex min-w-0 flex-col gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="journey-heading" className="text-lg font-semibold">
          {t('path.customerView')}
        </h2>
        <p className="text-sm" data-testid="handoff-count">
          {t('path.handoffCount', { count: marks.size })}
        </p>
      </div>
      {/* Focusable, so a keyboard user can scroll the path sideways with the arrow keys. */}
      <ol
        className="flex flex-col gap-2 pb-2 focus-visible:outline-2 focus-visible:outline-boot md:flex-row md:overflow-x-auto"
        data-testid="journey"
        tabIndex={0}
        aria-labelledby="journey-heading"
      >
        {steps.map((step, i) => {
          const handoff = marks.get(i);
          const newStage = i === 0 || steps[i - 1]?.stage !== step.stage;
          return (
            <Fragment key={step.id}>
              <li
                className={`flex shrink-0 flex-col gap-1 rounded-lg border bg-white p-3 md:w-56 ${
                  step.id === spotlightId ? 'border-boot ring-2 ring-boot' : 'border-stone-300'
                }`}
                data-step-id={step.id}
              >
                <p
                  className={`text-xs font-semibold uppercase tracking-wide ${newStage ? 'text-stone-700' : 'invisible'}`}
                  aria-hidden={!newStage}
                >
                  {STAGES.includes(step.stage) ? t(`stages.${step.stage}`) : step.stage}
                </p>
                <p className="text-xs text-stone-600">{t('path.step', { n: i + 1 })}</p>
                <h3 className="font-semibold leading-snug">{step.title}</h3>
                <p className="text-sm">
                  <ChannelLabel channel={step.channel} />
                </p>
                <p className="text-sm text-stone-700">{step.department}</p>
                {step.critical && (
                  <p className="text-sm font-medium text-boot-dark">
                    <span aria-hidden="true">★ </span>
                    {t('path.critical')}
                  </p>
                )}
              </li>
              {handoff && (
                <li
                  className="flex shrink-0 items-center justify-center gap-2 text-center text-xs text-stone-700 md:w-24 md:flex-col md:gap-0"
                  data-testid="handoff"
                >
                  <span aria-hidden="true" className="text-2xl">
                    ⇄
                  </span>

                  {t('path.handoff', { from: handoff.fromDepartment, to: handoff.toDepartment })}
                </li>
              )}
            </Fragment>
          );
        })}
      </ol>
    </section>
  );
}
