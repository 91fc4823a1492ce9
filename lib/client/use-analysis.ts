'use client';

import { useMemo } from 'react';
import { analyseJourney, type JourneyAnalysis } from '../analytics/journey';
import { analyseRounds, roundChanges } from '../analytics/rounds';
import type { PathStep } from '../board/path-doc';
import type { RevealedRating } from '../domain/ratings';
import { useSession } from '../stores/session-store';

/** The revealed ratings of one walk of the path (`round`), or of all; the analytics take them as they are. */
function ofRound(revealed: Record<string, RevealedRating>, round?: number): RevealedRating[] {
  return Object.values(revealed).filter((r) => round === undefined || r.round === round);
}

/** The analysis of what has been revealed so far, of one round (or of all, when undefined). */
export function useJourneyAnalysis(steps: PathStep[], round: number | undefined): JourneyAnalysis {
  const revealed = useSession((s) => s.revealed);
  return useMemo(() => analyseJourney(steps, ofRound(revealed, round)), [steps, revealed, round]);
}

/** Every round revealed so far analysed on its own, and the change per role between them. */
export function useRoundAnalyses(steps: PathStep[]) {
  const revealed = useSession((s) => s.revealed);
  return useMemo(() => {
    const rounds = analyseRounds(steps, ofRound(revealed));
    return { rounds, changes: roundChanges(rounds) };
  }, [steps, revealed]);
}
