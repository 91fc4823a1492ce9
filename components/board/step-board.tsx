'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type * as Y from 'yjs';
import { momentsToDiscuss } from '@/lib/analytics/moments';
import type { PathStep } from '@/lib/board/path-doc';
import { useJourneyAnalysis } from '@/lib/client/use-analysis';
import { useIdeationPrompts } from '@/lib/client/use-ideation-prompts';
import type { ControlState } from '@/lib/domain/workshop';
import { type BoardViewer, BoardView } from './board-view';
import { IdeationPromptCard } from './ideation-prompt';

/**
 * The board with a step picker (the walk pins it to the step in view instead). It follows
 * the facilitator's spotlight: a step picked here holds only until the spotlight moves.
 */
export function StepBoard({
  doc,
  steps,
  control,
  viewer,
  fixedStepId,
}: {
  doc: Y.Doc | null;
  steps: PathStep[];
  control: ControlState;
  viewer: BoardViewer;
  fixedStepId?: string;
}) {
  const t = useTranslations('board');
  const tr = useTranslations('revealFlow');
  // Remembered with the spotlight it was picked under, so a new spotlight wins without an effect.
  const [picked, setPicked] = useState<{ id: string; under: string | null } | null>(null);
  const own = picked && picked.under === control.stepId ? picked.id : null;
  const stepId = fixedStepId ?? own ?? control.stepId ?? steps[0]?.id;
  const analysis = useJourneyAnalysis(steps, control.round);
  const prompts = useIdeationPrompts(steps, control);
  if (!doc || !stepId) return null;
  const prompt = prompts.find((p) => p.stepId === stepId);
  const moments = momentsToDiscuss(analysis.momentsOfTruth);
  const rank = moments.findIndex((m) => m.stepId === stepId);
  const spotlit = steps.find((s) => s.id === control.stepId);
  return (
    <div className="flex min-w-0 flex-col gap-3">
      {!fixedStepId && (
        <div className="flex flex-col gap-2">
          <label className="flex flex-wrap items-center gap-2 text-sm">
            {t('step')}
            <select
              className="min-w-0 max-w-full rounded border border-stone-400 bg-white px-2 py-1"
              value={stepId}
              onChange={(e) => setPicked({ id: e.target.value, under: control.stepId })}
            >
              {steps.map((s, i) => (
                <option key={s.id} value={s.id}>
                  {i + 1}. {s.title}
                </option>
              ))}
            </select>
          </label>
          {moments.length > 0 && (
            <p className="text-sm font-medium" data-testid="step-rank">
              {rank >= 0
                ? tr('stepRank', { rank: rank + 1, total: moments.length })
                : tr('notRanked')}
            </p>
          )}
          {spotlit && stepId !== spotlit.id && (
            <button
              type="button"
              className="self-start text-sm text-boot underline"
              onClick={() => setPicked(null)}
            >
              {tr('backToSpotlight')}
            </button>
          )}
        </div>
      )}
      <BoardView
        doc={doc}
        steps={steps}
        stepId={stepId}
        phase={control.phase}
        viewer={viewer}
        anonymous={control.anonymous}
        hiddenLanes={control.hiddenLanes}
        boardLocked={control.boardLocked}
        laneHeads={
          prompt && {
            ideas: <IdeationPromptCard prompt={prompt} total={prompts.length} steps={steps} />,
          }
        }
      />
    </div>
  );
}
