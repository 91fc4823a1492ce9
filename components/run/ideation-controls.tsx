'use client';

import { useTranslations } from 'next-intl';
import type { PathStep } from '@/lib/board/path-doc';
import { useIdeationPrompts } from '@/lib/client/use-ideation-prompts';
import { stepBeside } from '@/lib/domain/ideation-prompts';
import type { ControlState } from '@/lib/domain/workshop';
import { usePromptWords } from '../board/ideation-prompt';
import { Button } from '../ui/button';
import { ErrorMessage } from '../ui/error-message';
import { singleClick } from '../ui/single-click';
import { useCommand } from './use-command';

/**
 * Ideate's prompts for the facilitator, worst moment of truth first (the server opened
 * ideate on the first): next and previous, or a choice, put one on everyone's board.
 * Nothing when nothing revealed stands out: ideate then runs without prompts.
 */
export function IdeationControls({
  control,
  steps,
  className = '',
}: {
  control: ControlState;
  steps: PathStep[];
  className?: string;
}) {
  const t = useTranslations('ideate');
  const tr = useTranslations('revealFlow');
  const words = usePromptWords();
  const { run, error } = useCommand();
  const prompts = useIdeationPrompts(steps, control);
  if (prompts.length === 0) return null;
  const order = prompts.map((p) => p.stepId);
  // By id, as the walk's controls do: a second press before the first one's change arrives
  // asks for the same step again instead of skipping one.
  const prev = stepBeside(order, control.stepId, -1);
  const next = stepBeside(order, control.stepId, 1);
  const moveTo = (stepId: string | undefined) => {
    if (stepId) void run('walk:step', { stepId });
  };
  return (
    <section aria-labelledby="ideation-prompts" className={`flex flex-col gap-3 ${className}`}>
      <h3 id="ideation-prompts" className="font-semibold">
        {t('promptsTitle')}
      </h3>
      <p className="text-sm text-stone-700">{t('promptsHelp')}</p>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" disabled={!prev} onClick={singleClick(() => moveTo(prev))}>
          <span aria-hidden="true">← </span>
          {t('prev')}
        </Button>
        <Button disabled={!next} onClick={singleClick(() => moveTo(next))}>
          {t('next')}
          <span aria-hidden="true"> →</span>
        </Button>
      </div>
      <ol aria-labelledby="ideation-prompts" className="flex flex-col gap-1">
        {prompts.map((prompt) => {
          const current = prompt.stepId === control.stepId;
          const w = words(prompt, steps, prompts.length);
          return (
            <li key={prompt.stepId}>
              <button
                type="button"
                aria-current={current ? 'step' : undefined}
                data-step-id={prompt.stepId}
                onClick={singleClick(() => moveTo(prompt.stepId))}
                className={`w-full rounded-md border px-3 py-2 text-left wrap-anywhere ${
                  current ? 'border-boot bg-amber-50 font-semibold' : 'border-stone-300 bg-white'
                }`}
              >
                {w.question}
                <span className="block text-sm font-normal text-stone-700">
                  {w.rank}
                  {current && ` · ${tr('inSpotlight')}`}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      <ErrorMessage code={error} />
    </section>
  );
}
