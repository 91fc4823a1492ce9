import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { curve } from '@/lib/analytics/curve';
import { HeatMap } from './heat-map';
import { RATINGS, STEPS, renderEn } from './test-utils';

describe('HeatMap', () => {
  it('prints the mean and count in every rated cell, not just a colour', () => {
    renderEn(<HeatMap steps={STEPS} curve={curve(STEPS, RATINGS)} />);
    const row = screen.getByRole('row', { name: /3\. Delivery/ });
    const cells = within(row).getAllByRole('cell');
    expect(cells.map((c) => c.textContent)).toEqual(['+2n = 1', '-2.5n = 2', '-1n = 3']);
    expect(cells[1]?.style.backgroundColor).not.toBe('');
  });

  it('marks cells nobody rated with a dash', () => {
    renderEn(<HeatMap steps={STEPS} curve={curve(STEPS, RATINGS)} />);
    const row = screen.getByRole('row', { name: /4\. Invoice/ });
    for (const cell of within(row).getAllByRole('cell')) {
      expect(cell.textContent).toBe('–no ratings');
    }
  });

  it('has one column per role that rated, plus everyone', () => {
    renderEn(<HeatMap steps={STEPS} curve={curve(STEPS, RATINGS)} size="huge" />);
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Step',
      'Leader',
      'Customer proxy',
      'Everyone',
    ]);
  });

  it('names each step, with the full name as its title where a phone cuts it short', () => {
    renderEn(<HeatMap steps={STEPS} curve={curve(STEPS, RATINGS)} />);
    const names = screen.getAllByRole('rowheader');
    expect(names.map((n) => n.getAttribute('title'))).toEqual([
      '1. Welcome',
      '2. Order',
      '3. Delivery',
      '4. Invoice',
    ]);
  });

  it.each(['normal', 'huge'] as const)('sets no type under 12 px (%s)', (size) => {
    const { container } = renderEn(
      <HeatMap steps={STEPS} curve={curve(STEPS, RATINGS)} size={size} />,
    );
    const sized = [...container.querySelectorAll<HTMLElement>('[style]')].filter(
      (el) => el.style.fontSize !== '',
    );
    // The table's own size, the counts in the cells and the colour scale.
    expect(sized.length).toBeGreaterThanOrEqual(3);
    for (const el of sized) expect(parseFloat(el.style.fontSize)).toBeGreaterThanOrEqual(12);
    // No size relative to the parent (the counts were 0.75em of 14 px: 10.5 px).
    expect(container.innerHTML).not.toMatch(/text-\[0\.\d+em\]/);
  });

  it('shares a phone’s width between its roles, each step’s name on a line above them', () => {
    renderEn(<HeatMap steps={STEPS} curve={curve(STEPS, RATINGS)} />);
    const row = screen.getByRole('row', { name: /3\. Delivery/ });
    // A grid of one equal column per role on a phone: no role can be pushed off-screen.
    expect(row.className.split(' ')).toEqual(expect.arrayContaining(['grid', 'sm:table-row']));
    expect(row.style.gridTemplateColumns).toBe('repeat(3, minmax(0, 1fr))');
    const name = within(row).getByRole('rowheader');
    expect(name.className.split(' ')).toContain('col-span-full');
  });
});
