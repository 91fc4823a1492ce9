'use client';

import { useTranslations } from 'next-intl';
import type { NoteView } from '@/lib/board/board-doc';
import type { PathStep } from '@/lib/board/path-doc';
import type { VoteResults } from '@/lib/domain/votes';

/**
 * The ideas ranked by their dots, most first, each with a bar for its share of the top
 * idea's dots. Read-only: for the projector and wherever the ranking is looked at.
 */
export function VoteRanking({
  ideas,
  results,
  steps,
  limit,
  size = 'normal',
}: {
  /** The board's ideas: the results name ideas by id, the text is the board's. */
  ideas: NoteView[];
  results: VoteResults;
  steps: PathStep[];
  /** Show only the first this many. Default: all. */
  limit?: number;
  size?: 'normal' | 'huge';
}) {
  const t = useTranslations('vote');
  const byId = new Map(ideas.map((i) => [i.id, i]));
  const ranked = results.ideas.filter((r) => byId.has(r.ideaId)).slice(0, limit);
  const top = Math.max(1, ranked[0]?.dots ?? 0);
  const huge = size === 'huge';
  const stepName = (stepId: string) => {
    const i = steps.findIndex((s) => s.id === stepId);
    return i < 0 ? '' : `${t('step', { n: i + 1 })} · ${steps[i]?.title}`;
  };
  return (
    <ol className={`flex flex-col ${huge ? 'gap-3' : 'gap-2'}`} data-testid="vote-ranking">
      {ranked.map((r, i) => {
        const idea = byId.get(r.ideaId)!;
        return (
          <li
            key={r.ideaId}
            className="grid grid-cols-[auto_1fr] items-baseline gap-x-4"
            data-testid="ranked-idea"
            data-idea-id={r.ideaId}
            data-dots={r.dots}
          >
            <span className={`${huge ? 'text-4xl' : 'text-lg'} font-bold tabular-nums`}>
              {i + 1}.
            </span>
            <div className="min-w-0">
              <p className={`${huge ? 'text-3xl' : ''} font-medium wrap-anywhere`}>{idea.text}</p>
              <p className={`${huge ? 'text-xl' : 'text-sm'} text-stone-700`}>
                {stepName(idea.stepId)} · {t('total', { dots: r.dots, voters: r.voters })}
              </p>
              <div
                className={`${huge ? 'h-3' : 'h-2'} mt-1 rounded-full bg-boot`}
                style={{ width: `${(r.dots / top) * 100}%` }}
                aria-hidden="true"
              />
            </div>
          </li>
        );
      })}
    </ol>
  );
}
