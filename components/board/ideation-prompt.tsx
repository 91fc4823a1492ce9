'use client';

import { useTranslations } from 'next-intl';
import type { PathStep } from '@/lib/board/path-doc';
import type { IdeationPrompt } from '@/lib/domain/ideation-prompts';
import { useValenceFormat } from '../charts/format';

/** A prompt in the workshop's language: its question, the finding under it, its place. */
export function usePromptWords() {
  const t = useTranslations();
  const fmt = useValenceFormat();
  return (prompt: IdeationPrompt, steps: PathStep[], total: number) => {
    const step = steps.find((s) => s.id === prompt.stepId)?.title ?? '';
    return {
      question: prompt.target
        ? t('ideate.prompt', { step, target: t(`ideate.feels.${prompt.target}`) })
        : t('ideate.promptBetter', { step }),
      evidence: prompt.felt
        ? t('ideate.evidence', {
            mean: fmt.level(prompt.mean),
            count: prompt.count,
            felt: t(`emotions.${prompt.felt}`),
          })
        : t('ideate.evidenceMixed', { mean: fmt.level(prompt.mean), count: prompt.count }),
      rank: t('ideate.promptRank', { rank: prompt.rank, total }),
    };
  };
}

const SIZES = {
  normal: { rank: 'text-xs', question: 'font-semibold', evidence: 'text-sm' },
  huge: { rank: 'text-2xl', question: 'text-4xl font-bold', evidence: 'text-2xl' },
};

/**
 * A prompt at the head of its step's ideas lane (and on the wall). Derived, not a note:
 * nobody edits or deletes it, and it changes with what is revealed (ideation-prompts.ts).
 */
export function IdeationPromptCard({
  prompt,
  total,
  steps,
  size = 'normal',
}: {
  prompt: IdeationPrompt;
  total: number;
  steps: PathStep[];
  size?: keyof typeof SIZES;
}) {
  const words = usePromptWords()(prompt, steps, total);
  const type = SIZES[size];
  return (
    <div
      className="flex min-w-0 flex-col gap-1 rounded-md border-l-4 border-boot bg-white px-3 py-2"
      data-testid="ideation-prompt"
      data-step-id={prompt.stepId}
    >
      <p className={`${type.rank} font-medium text-stone-700`}>{words.rank}</p>
      <p className={`${type.question} wrap-anywhere`}>{words.question}</p>
      <p className={`${type.evidence} text-stone-700`}>{words.evidence}</p>
    </div>
  );
}
