import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { curve } from '@/lib/analytics/curve';
import { EmotionCurve } from './emotion-curve';
import { RATINGS, STEPS, renderEn } from './test-utils';

describe('EmotionCurve', () => {
  it('draws one line per role that rated, plus the dashed target line', () => {
    const { container } = renderEn(
      <EmotionCurve steps={STEPS} curve={curve(STEPS, RATINGS)} handoffs={[1]} />,
    );
    const lines = [...container.querySelectorAll('path[data-line]')];
    expect(lines.map((l) => l.getAttribute('data-line'))).toEqual(['leader', 'customer', 'target']);
    expect(lines[2]?.getAttribute('stroke-dasharray')).toBeTruthy();
  });

  it('leaves a gap in the line at a step nobody rated', () => {
    const ratings = RATINGS.filter((r) => r.stepId !== 'order');
    const { container } = renderEn(<EmotionCurve steps={STEPS} curve={curve(STEPS, ratings)} />);
    const leader = container.querySelector('path[data-line="leader"]')?.getAttribute('d') ?? '';
    // Welcome and Delivery are rated, Order and Invoice not: two lone points and no segment.
    expect(leader).toBe('');
    const target = container.querySelector('path[data-line="target"]')?.getAttribute('d') ?? '';
    expect(target.match(/M/g)).toHaveLength(1);
  });

  it('offers the same numbers in a table for screen readers', () => {
    renderEn(<EmotionCurve steps={STEPS} curve={curve(STEPS, RATINGS)} />);
    const table = screen.getByRole('table');
    expect(table.parentElement?.className).toContain('sr-only');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Step', 'Leader', 'Customer proxy', 'Everyone', 'Target']);
    const delivery = within(table).getByRole('row', { name: /3\. Delivery/ });
    const cells = within(delivery)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual(['+2', '-2.5', '-1', '+1']);
    const invoice = within(table).getByRole('row', { name: /4\. Invoice/ });
    expect(within(invoice).getAllByRole('cell')[0]?.textContent).toBe('no ratings');
  });

  it('summarises the curve in its accessible name and marks hand-offs and critical steps', () => {
    const { container } = renderEn(
      <EmotionCurve steps={STEPS} curve={curve(STEPS, RATINGS)} handoffs={[1]} size="huge" />,
    );
    const img = screen.getByRole('img');
    expect(img.getAttribute('aria-label')).toBe(
      'Emotion curve over 4 steps for Leader, Customer proxy. Lowest overall feeling at step 3, Delivery: -1.',
    );
    expect(container.querySelectorAll('[data-handoff]')).toHaveLength(1);
    expect(container.querySelectorAll('[data-critical]')).toHaveLength(1);
    const legend = screen.getByRole('list', { name: 'Legend' });
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Leader',
      'Customer proxy',
      'Target',
      '★ Critical step',
      '⇄ Hand-off between departments',
    ]);
  });

  it('says so when nobody has rated yet', () => {
    const { container } = renderEn(<EmotionCurve steps={STEPS} curve={curve(STEPS, [])} />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Emotion curve over 4 steps: no ratings yet.',
    );
    expect(container.querySelectorAll('path[data-line]')).toHaveLength(1);
  });
});
