'use client';

import { useTranslations } from 'next-intl';
import { hasText } from '@/lib/export/board-notes';
import { useSession } from '@/lib/stores/session-store';
import { useIdeas } from '../decide/vote-board';
import { VoteRanking } from '../decide/vote-ranking';
import type { PartProps } from './part-props';

/** How many ideas the wall ranks: the rest are on everyone's own screen. */
const RANKED_SHOWN = 5;
/** How many ideas to vote on the wall lists while the totals are hidden. */
const LISTED_SHOWN = 12;

/**
 * The vote: the ideas to spend dots on while the totals are hidden (the server sends none);
 * the ranking as soon as the server sends it (voting closed, or totals open all along).
 */
export function VotePart({ state, steps, doc }: PartProps) {
  const t = useTranslations('vote');
  const tp = useTranslations('projector');
  const ideas = useIdeas(doc, steps).filter(hasText);
  const results = useSession((s) => s.voteResults);
  const { closed } = state.control.votes;
  if (results) {
    return (
      <section className="flex flex-col gap-6" aria-labelledby="projector-ranking">
        <h2 id="projector-ranking" className="text-4xl font-bold">
          {closed ? t('closed') : t('results')}
        </h2>
        <VoteRanking
          ideas={ideas}
          results={results}
          steps={steps}
          limit={RANKED_SHOWN}
          size="huge"
        />
      </section>
    );
  }
  const stepNo = (stepId: string) => steps.findIndex((s) => s.id === stepId) + 1;
  return (
    <section className="flex flex-col gap-6">
      <p className="text-3xl">{t('hidden')}</p>
      <p className="text-4xl font-bold">{tp('ideas', { count: ideas.length })}</p>
      <ul className="grid grid-cols-2 gap-x-10 gap-y-3">
        {ideas.slice(0, LISTED_SHOWN).map((idea) => (
          <li key={idea.id} className="text-3xl wrap-anywhere">
            <span className="text-xl text-stone-700">
              {t('step', { n: stepNo(idea.stepId) })} ·{' '}
            </span>
            {idea.text}
          </li>
        ))}
      </ul>
      {ideas.length > LISTED_SHOWN && (
        <p className="text-2xl text-stone-700">
          {tp('more', { count: ideas.length - LISTED_SHOWN })}
        </p>
      )}
    </section>
  );
}
