'use client';

import { useSyncExternalStore } from 'react';

/** Below Tailwind's `sm` breakpoint (640 px), where the board has one column: a phone. */
const NARROW_SCREEN_QUERY = '(max-width: 639.98px)';

const media = () =>
  typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(NARROW_SCREEN_QUERY)
    : null;

function subscribe(onChange: () => void) {
  const m = media();
  m?.addEventListener('change', onChange);
  return () => m?.removeEventListener('change', onChange);
}

/**
 * True on a narrow screen, where long pages fold what is not at hand. A hook, not CSS
 * alone: a folded part is left out of the page (and so of the tab order and of what a
 * screen reader reads), not merely hidden. Wide on the server and in the first render.
 */
export function useNarrowScreen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => media()?.matches ?? false,
    () => false,
  );
}
