import type { MouseEvent } from 'react';

/**
 * A click handler that ignores the second and later clicks of a double-click, for buttons
 * that move the whole room on (next step, next phase): people double-click out of habit,
 * and two moves would skip a step or a phase nobody saw. Keyboard activation (detail 0)
 * and separate clicks always count.
 */
export function singleClick(handler: () => void) {
  return (event: MouseEvent) => {
    if (event.detail > 1) return;
    handler();
  };
}
