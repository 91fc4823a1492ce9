'use client';

import { useTranslations } from 'next-intl';
import { momentsToDiscuss } from '@/lib/analytics/moments';
import type { PathStep } from '@/lib/board/path-doc';
import { useJourneyAnalysis } from '@/lib/client/use-analysis';
import type { ControlState } from '@/lib/domain/workshop';
import { useValenceFormat } from '../charts/format';
import { ErrorMessage } from '../ui/error-message';
import { useCommand } from './use-command';

/**
 * Reflect's ranking for the facilitator, worst moment of truth first (the server opened
 * reflect on the first): choosing one puts it on everyone's board.
 */
export function ReflectRanking({ control, steps }: { control: ControlState; steps: PathStep[] }) {
  const t = useTranslations('revealFlow');
  const ta = useTranslations('analytics');
  const fmt = useValenceFormat();
  const { run, error } = useCommand();
  const analysis = useJourneyAnalysis(steps, control.round);
  const moments = momentsToDiscuss(analysis.momentsOfTruth);
  return (
    <section aria-labelledby="reflect-ranking" className="flex flex-col gap-2">
      <h3 id="reflect-ranking" className="font-semibold">
        {t('rankingTitle')}
      </h3>
      <p className="text-sm text-stone-700">
        {moments.length > 0 ? t('rankingHelp') : t('rankingEmpty')}
      </p>
      <ol className="flex flex-col gap-1" data-testid="reflect-ranking">
        {moments.map((m) => {
          const step = steps[m.index];
          if (!step) return null;
          const current = step.id === control.stepId;
          return (
            <li key={m.stepId}>
              <button
                type="button"
                aria-current={current ? 'step' : undefined}
                data-step-id={step.id}
                onClick={() => run('walk:step', { stepId: step.id })}
                className={`w-full rounded-md border px-3 py-2 text-left ${
                  current ? 'border-boot bg-amber-50 font-semibold' : 'border-stone-300 bg-white'
                }`}
              >
                {ta('stepName', { number: m.index + 1, title: step.title })}
                <span className="block text-sm font-normal text-stone-700">
                  {ta('momentsItem', { score: fmt.size(m.score) })}
                  {current && ` · ${t('inSpotlight')}`}
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
