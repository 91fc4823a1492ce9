import { type KeyboardEvent, useRef, useState } from 'react';

/**
 * A grid's roving tabindex: one cell is in the tab order at a time; the arrow keys, Home,
 * End and Ctrl+Home/End move between cells, Enter or Space activates one.
 */
export function useRovingCell(
  rows: number,
  cols: number,
  /** Enter or Space on a cell; none: the keys do nothing. */
  activate?: (row: number, col: number) => void,
) {
  const [active, setActive] = useState({ row: 0, col: 0 });
  const cells = useRef(new Map<string, HTMLTableCellElement>());
  const at = { row: Math.min(active.row, rows - 1), col: Math.min(active.col, cols - 1) };

  function move(row: number, col: number) {
    const next = {
      row: Math.max(0, Math.min(rows - 1, row)),
      col: Math.max(0, Math.min(cols - 1, col)),
    };
    setActive(next);
    const el = cells.current.get(`${next.row}:${next.col}`);
    // The whole cell into view, clear of the fixed lane names (scroll-padding), not just a corner.
    el?.focus({ preventScroll: true });
    el?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }

  function onKeyDown(e: KeyboardEvent, row: number, col: number) {
    const ctrl = e.ctrlKey || e.metaKey;
    const moves: Record<string, () => void> = {
      ArrowRight: () => move(row, col + 1),
      ArrowLeft: () => move(row, col - 1),
      ArrowDown: () => move(row + 1, col),
      ArrowUp: () => move(row - 1, col),
      Home: () => (ctrl ? move(0, 0) : move(row, 0)),
      End: () => (ctrl ? move(rows - 1, cols - 1) : move(row, cols - 1)),
    };
    if (moves[e.key]) {
      e.preventDefault();
      moves[e.key]!();
    } else if ((e.key === 'Enter' || e.key === ' ') && activate) {
      e.preventDefault();
      activate(row, col);
    }
  }

  /** The props of the cell at (row, col). */
  const cellProps = (row: number, col: number) => ({
    ref: (el: HTMLTableCellElement | null) => {
      if (el) cells.current.set(`${row}:${col}`, el);
      else cells.current.delete(`${row}:${col}`);
    },
    tabIndex: row === at.row && col === at.col ? 0 : -1,
    onKeyDown: (e: KeyboardEvent) => onKeyDown(e, row, col),
    onFocus: () => setActive({ row, col }),
  });

  return cellProps;
}
