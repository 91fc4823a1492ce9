'use client';

import { useTranslations } from 'next-intl';
import { useIdeationPrompts } from '@/lib/client/use-ideation-prompts';
import { hasText } from '@/lib/export/board-notes';
import { IdeationPromptCard } from '../board/ideation-prompt';
import { useIdeas } from '../decide/vote-board';
import type { PartProps } from './part-props';

/** Ideas shown at once: newer ones push the oldest off, and the count says how many there are. */
const IDEAS_SHOWN = 9;

/**
 * Ideate: the prompt of the step in the spotlight (a top moment of truth), then the ideas
 * as they arrive on the board, newest first.
 */
export function IdeatePart({ state, steps, doc }: PartProps) {
  const t = useTranslations();
  const prompts = useIdeationPrompts(steps, state.control);
  const prompt = prompts.find((p) => p.stepId === state.control.stepId);
  const ideas = useIdeas(doc, steps)
    .filter(hasText)
    .sort((a, b) => b.createdAt - a.createdAt);
  const stepNo = (stepId: string) => steps.findIndex((s) => s.id === stepId) + 1;
  return (
    <section className="flex flex-col gap-6">
      {prompt && (
        <IdeationPromptCard prompt={prompt} total={prompts.length} steps={steps} size="huge" />
      )}
      <p className="text-4xl font-bold" aria-live="polite" data-testid="ideas-count">
        {t('projector.ideas', { count: ideas.length })}
      </p>
      <ul className="grid grid-cols-3 gap-4">
        {ideas.slice(0, IDEAS_SHOWN).map((idea) => (
          <li
            key={idea.id}
            className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3"
            data-testid="projector-idea"
          >
            <p className="text-lg text-stone-700">
              {t('vote.step', { n: stepNo(idea.stepId) })} · {steps[stepNo(idea.stepId) - 1]?.title}
            </p>
            <p className="text-3xl wrap-anywhere">{idea.text}</p>
          </li>
        ))}
      </ul>
      {ideas.length > IDEAS_SHOWN && (
        <p className="text-2xl text-stone-700">
          {t('projector.more', { count: ideas.length - IDEAS_SHOWN })}
        </p>
      )}
    </section>
  );
}
