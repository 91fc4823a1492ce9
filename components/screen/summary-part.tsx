'use client';

import { useTranslations } from 'next-intl';
import type { JourneyAnalysis } from '@/lib/analytics/journey';
import { useJourneyAnalysis } from '@/lib/client/use-analysis';
import { hasText } from '@/lib/export/board-notes';
import { useSession } from '@/lib/stores/session-store';
import { Rankings } from '../charts/rankings';
import { useIdeas } from '../decide/vote-board';
import { VoteRanking } from '../decide/vote-ranking';
import type { PartProps } from './part-props';

/** Of each ranking, the wall shows the top: the rest is in the summary everyone can open. */
const HEADLINES_PER_RANKING = 1;
const TOP_IDEAS = 3;

function headlines(analysis: JourneyAnalysis): JourneyAnalysis {
  const r = analysis.rankings;
  const head = <T,>(items: T[]) => items.slice(0, HEADLINES_PER_RANKING);
  return {
    ...analysis,
    rankings: {
      perceptionGaps: head(r.perceptionGaps),
      leadersVsCustomers: head(r.leadersVsCustomers),
      targetGaps: head(r.targetGaps),
      worstHandoffs: head(r.worstHandoffs),
      brokenExpectations: head(r.brokenExpectations),
      momentsOfTruth: head(r.momentsOfTruth),
      highEffortLowFeeling: head(r.highEffortLowFeeling),
    },
  };
}

/**
 * The summary: the headline findings of what was revealed (the same analysis as the
 * summary page, of the latest round), the top-voted ideas and how many actions were agreed.
 */
export function SummaryPart({ state, steps, doc }: PartProps) {
  const t = useTranslations();
  const analysis = useJourneyAnalysis(steps, state.control.round);
  const ideas = useIdeas(doc, steps).filter(hasText);
  const results = useSession((s) => s.voteResults);
  const actions = useSession((s) => s.actions);
  return (
    <section className="grid grid-cols-[2fr_1fr] gap-10">
      <div className="text-xl">
        <h2 className="mb-4 text-4xl font-bold">{t('projector.findings')}</h2>
        <Rankings steps={steps} analysis={headlines(analysis)} />
      </div>
      <div className="flex flex-col gap-6">
        {results && results.ideas.some((i) => i.dots > 0) && (
          <section aria-labelledby="projector-top-ideas">
            <h2 id="projector-top-ideas" className="mb-4 text-4xl font-bold">
              {t('summary.ideas')}
            </h2>
            <div className="text-2xl">
              <VoteRanking ideas={ideas} results={results} steps={steps} limit={TOP_IDEAS} />
            </div>
          </section>
        )}
        <p className="text-4xl font-bold">{t('projector.actions', { count: actions.length })}</p>
      </div>
    </section>
  );
}
