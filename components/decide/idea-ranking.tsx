'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import type { NoteView } from '@/lib/board/board-doc';
import type { PathStep } from '@/lib/board/path-doc';
import { useNarrowScreen } from '@/lib/client/use-narrow-screen';
import type { ActionItem } from '@/lib/domain/actions';
import type { RankedIdea } from '@/lib/domain/idea-ranking';
import { Button } from '../ui/button';

/**
 * The vote's ideas, most dots first, kept at hand while actions are written: beside the
 * form on a wide screen, above it (and folding away) on a phone.
 */
export function IdeaRanking({
  ranked,
  voted,
  steps,
  actions,
  onStart,
  className = '',
}: {
  ranked: RankedIdea<NoteView>[];
  /** The vote's results are out (otherwise the ideas are in the board's order). */
  voted: boolean;
  steps: PathStep[];
  actions: ActionItem[];
  /** Starts a new action from an idea; left out for those who may not write actions. */
  onStart?: (idea: NoteView) => void;
  className?: string;
}) {
  const t = useTranslations('actions');
  const tv = useTranslations('vote');
  const narrow = useNarrowScreen();
  const [open, setOpen] = useState(true);
  const headingId = useId();
  const listId = useId();
  const heading = voted ? t('ranking') : t('rankingUnranked');
  const shown = !narrow || open;
  const stepNo = (stepId: string) => steps.findIndex((s) => s.id === stepId) + 1;
  const actionsFrom = (id: string) => actions.filter((a) => a.ideaId === id).length;
  return (
    <section
      aria-labelledby={headingId}
      className={`flex min-w-0 flex-col gap-2 rounded-lg bg-stone-100 p-3 ${className}`}
      data-testid="idea-ranking"
    >
      <h3 className="font-semibold">
        {narrow ? (
          <button
            type="button"
            className="flex min-h-11 w-full items-center justify-between gap-2 text-left"
            aria-expanded={open}
            aria-controls={open ? listId : undefined}
            onClick={() => setOpen((o) => !o)}
          >
            <span>
              <span id={headingId}>{heading}</span> · {t('rankingCount', { count: ranked.length })}
            </span>
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          </button>
        ) : (
          <span id={headingId}>{heading}</span>
        )}
      </h3>
      {shown && (
        <div id={listId} className="flex flex-col gap-2">
          {!voted && <p className="text-sm text-stone-700">{t('rankingWaiting')}</p>}
          <ol className="flex flex-col gap-2">
            {ranked.map(({ idea, dots }, i) => {
              const written = actionsFrom(idea.id);
              return (
                <li
                  key={idea.id}
                  className="flex min-w-0 flex-col gap-1 rounded-md border border-stone-300 bg-white p-2"
                  data-idea-id={idea.id}
                >
                  <div className="flex min-w-0 gap-2">
                    <span aria-hidden="true" className="font-semibold text-stone-700">
                      {i + 1}.
                    </span>
                    <p className="min-w-0 font-medium wrap-anywhere" data-idea-text>
                      {idea.text}
                    </p>
                  </div>
                  <div className="flex flex-wrap items-center justify-between gap-x-2 gap-y-1">
                    <p className="text-xs text-stone-700">
                      {tv('step', { n: stepNo(idea.stepId) })}
                      {dots !== null && <> · {t('rankingDots', { dots })}</>}
                      {written > 0 && <> · {t('rankingHasAction', { count: written })}</>}
                    </p>
                    {onStart && (
                      <Button
                        variant="secondary"
                        className="px-2 py-1 text-sm"
                        aria-label={t('rankingStartFrom', { idea: idea.text.slice(0, 80) })}
                        onClick={() => onStart(idea)}
                      >
                        {t('rankingStart')}
                      </Button>
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
        </div>
      )}
    </section>
  );
}
