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
});
