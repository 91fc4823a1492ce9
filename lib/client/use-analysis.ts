'use client';

import { useMemo } from 'react';
import { analyseJourney, type JourneyAnalysis } from '../analytics/journey';
import type { AnalyticsRating } from '../analytics/types';
import type { PathStep } from '../board/path-doc';
import type { RevealedRating } from '../domain/ratings';
import { useSession } from '../stores/session-store';

/** Revealed ratings as the analytics take them; `round` keeps one walk of the path. */
export function toAnalyticsRatings(
  revealed: Record<string, RevealedRating>,
  round?: number,
): AnalyticsRating[] {
  return Object.values(revealed)
    .filter((r) => round === undefined || r.round === round)
    .map((r) => ({
      stepId: r.stepId,
      round: r.round,
      role: r.role,
      lens: r.lens,
      cardId: r.cardId,
      valence: r.valence,
      expectation: r.expectation,
      effort: r.effort,
    }));
}

/** The analysis of what has been revealed so far, of one round (or of all, when undefined). */
export function useJourneyAnalysis(steps: PathStep[], round: number | undefined): JourneyAnalysis {
  const revealed = useSession((s) => s.revealed);
  return useMemo(
    () => analyseJourney(steps, toAnalyticsRatings(revealed, round)),
    [steps, revealed, round],
  );
}
