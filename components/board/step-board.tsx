'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type * as Y from 'yjs';
import type { PathStep } from '@/lib/board/path-doc';
import type { ControlState } from '@/lib/domain/workshop';
import { type BoardViewer, BoardView } from './board-view';

/** The board with a step picker (the walk pins it to the step in view instead). */
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
  const [picked, setPicked] = useState<string | null>(null);
  const stepId = fixedStepId ?? picked ?? control.stepId ?? steps[0]?.id;
  if (!doc || !stepId) return null;
  return (
    <div className="flex min-w-0 flex-col gap-3">
      {!fixedStepId && (
        <label className="flex items-center gap-2 text-sm">
          {t('step')}
          <select
            className="rounded border border-stone-400 bg-white px-2 py-1"
            value={stepId}
            onChange={(e) => setPicked(e.target.value)}
          >
            {steps.map((s, i) => (
              <option key={s.id} value={s.id}>
                {i + 1}. {s.title}
              </option>
            ))}
          </select>
        </label>
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
      />
    </div>
  );
}
