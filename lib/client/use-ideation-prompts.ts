'use client';

import { useMemo } from 'react';
import type { PathStep } from '../board/path-doc';
import { type IdeationPrompt, ideationPrompts, seenRatings } from '../domain/ideation-prompts';
import type { ControlState } from '../domain/workshop';
import { useSession } from '../stores/session-store';

const NONE: IdeationPrompt[] = [];

/**
 * Ideate's prompts, worst moment of truth first, built on this screen from the ratings it
 * was shown (revealed ones) and the revealed keys: the same ranking the server places the
 * spotlight with. None outside ideate.
 */
export function useIdeationPrompts(
  steps: PathStep[],
  control: Pick<ControlState, 'phase' | 'round' | 'revealed'>,
): IdeationPrompt[] {
  const revealed = useSession((s) => s.revealed);
  const { phase, round, revealed: keys } = control;
  return useMemo(
    () =>
      phase === 'ideate'
        ? ideationPrompts(steps, seenRatings({ round, revealed: keys }, Object.values(revealed)))
        : NONE,
    [steps, revealed, phase, round, keys],
  );
}
