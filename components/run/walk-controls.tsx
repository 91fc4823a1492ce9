'use client';

import { useTranslations } from 'next-intl';
import type { PathStep } from '@/lib/board/path-doc';
import type { ControlState } from '@/lib/domain/workshop';
import { Button } from '../ui/button';
import { ErrorMessage } from '../ui/error-message';
import { singleClick } from '../ui/single-click';
import { StepCard } from './step-card';
import { useCommand } from './use-command';

/** The facilitator moves the spotlight, sets the pace and starts new rounds. */
export function WalkControls({ control, steps }: { control: ControlState; steps: PathStep[] }) {
  const t = useTranslations('walk');
  const { run, error } = useCommand();
  const index = steps.findIndex((s) => s.id === control.stepId);
  const step = steps[index];
  // The step next to the one on screen, by id: a second click sent before the first one's
  // change arrives asks for the same step again instead of moving one further.
  const prev = index > 0 ? steps[index - 1] : undefined;
  const next = index >= 0 ? steps[index + 1] : undefined;
  const moveTo = (target: PathStep | undefined) => {
    if (target) void run('walk:step', { stepId: target.id });
  };
  return (
    <section aria-label={t('spotlight')} className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="secondary" disabled={!prev} onClick={singleClick(() => moveTo(prev))}>
          ← {t('prev')}
        </Button>
        <Button disabled={!next} onClick={singleClick(() => moveTo(next))}>
          {t('next')} →
        </Button>
        <label className="flex items-center gap-2 text-sm">
          {t('spotlight')}
          <select
            className="rounded border border-stone-400 bg-white px-2 py-1"
            value={control.stepId ?? ''}
            onChange={(e) => run('walk:step', { stepId: e.target.value })}
          >
            {steps.map((s, i) => (
              <option key={s.id} value={s.id}>
                {i + 1}. {s.title}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="sr-only">{t('hold')}</legend>
        {(['hold', 'free'] as const).map((pace) => (
          <label key={pace} className="flex items-center gap-2">
            <input
              type="radio"
              name="pace"
              checked={control.pace === pace}
              onChange={() => run('walk:pace', { pace })}
            />
            {t(pace)}
          </label>
        ))}
      </fieldset>
      {step && <StepCard step={step} index={index} total={steps.length} />}
      <div className="flex items-center gap-3">
        <p className="text-sm">{t('round', { n: control.round })}</p>
        <Button variant="secondary" onClick={() => run('round:start', {})}>
          {t('newRound')}
        </Button>
      </div>
      <ErrorMessage code={error} />
    </section>
  );
}
