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

  it('names each step on the axis, cut to fit, with the full name as its title', () => {
    const steps = [
      ...STEPS,
      { ...STEPS[0]!, id: 'long', title: 'The doctor’s appointment is confirmed by letter' },
    ];
    const { container } = renderEn(
      <EmotionCurve steps={steps} curve={curve(steps, RATINGS)} width={358} />,
    );
    const labels = [...container.querySelectorAll('[data-step-label]')];
    expect(labels.map(visibleText)).toEqual([
      '1. Welcome',
      '2. Order',
      '3. Delivery',
      '4. Invoice',
      expect.stringMatching(/^5\. The.*…$/),
    ]);
    expect(labels.map((l) => l.querySelector('title')?.textContent)).toEqual([
      '1. Welcome',
      '2. Order',
      '3. Delivery',
      '4. Invoice',
      '5. The doctor’s appointment is confirmed by letter',
    ]);
  });

  it.each([390 - 32, 320 - 32])(
    'keeps its type at 12 px or more, drawn at its own size, %i px wide',
    (width) => {
      const many = Array.from({ length: 8 }, (_, i) => ({
        ...STEPS[i % 4]!,
        id: `s${i}`,
        title: `Asiakas saa tilausvahvistuksen ${i}`,
      }));
      const { container } = renderEn(
        <EmotionCurve steps={many} curve={curve(many, [])} width={width} />,
      );
      const svg = container.querySelector('svg[role="img"]')!;
      const [, , vbWidth] = svg.getAttribute('viewBox')!.split(' ').map(Number);
      // One viewBox unit is one CSS pixel: the browser does not shrink the drawing.
      expect(Number(svg.getAttribute('width'))).toBe(vbWidth);
      const scale = Number(svg.getAttribute('width')) / vbWidth!;
      const sizes = [svg, ...svg.querySelectorAll('text, tspan')]
        .map((el) => el.getAttribute('font-size'))
        .filter((v): v is string => v !== null)
        .map(Number);
      expect(sizes.length).toBeGreaterThan(0);
      for (const size of sizes) expect(size * scale).toBeGreaterThanOrEqual(12);
      // Either the whole chart fits the phone, or it says it scrolls sideways.
      const fits = vbWidth! <= width;
      expect(fits || screen.queryByTestId('swipe-cue') !== null).toBe(true);
    },
  );

  it('fits eight steps on a 390 px phone without scrolling', () => {
    // 390 px less the page's and the panel's padding (16 + 16 px a side).
    const many = Array.from({ length: 8 }, (_, i) => ({ ...STEPS[i % 4]!, id: `s${i}` }));
    const { container } = renderEn(
      <EmotionCurve steps={many} curve={curve(many, [])} width={326} />,
    );
    const svg = container.querySelector('svg[role="img"]')!;
    expect(Number(svg.getAttribute('width'))).toBeLessThanOrEqual(326);
    expect(Number(svg.getAttribute('width'))).toBeGreaterThan(300);
    expect(screen.queryByTestId('swipe-cue')).toBeNull();
  });
});

/** What a label shows, without its tooltip title. */
function visibleText(el: Element): string {
  return [...el.childNodes]
    .filter((n) => n.nodeName !== 'title')
    .map((n) => n.textContent)
    .join(' ');
}
