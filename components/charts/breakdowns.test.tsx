import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { analyseJourney } from '@/lib/analytics/journey';
import type { AnalyticsRating } from '@/lib/analytics/types';
import { Breakdowns } from './breakdowns';
import { RATINGS, renderEn, STEPS } from './test-utils';

describe('Breakdowns', () => {
  it('shows the share of worse-than-expected per step and a broken promise', () => {
    const ratings: AnalyticsRating[] = [
      ...RATINGS.filter((r) => r.stepId !== 'delivery'),
      { ...RATINGS[0]!, stepId: 'order', expectation: 'better', valence: 2 },
      { ...RATINGS[0]!, stepId: 'order', expectation: 'better', valence: 2 },
      { ...RATINGS[0]!, stepId: 'order', expectation: 'better', valence: 2 },
      { ...RATINGS[0]!, stepId: 'delivery', expectation: 'worse', valence: -2 },
      { ...RATINGS[0]!, stepId: 'delivery', expectation: 'worse', valence: -3 },
    ];
    const analysis = analyseJourney(STEPS, ratings);
    renderEn(<Breakdowns steps={STEPS} analysis={analysis} byRound={[]} cardTitles={{}} />);
    const table = screen.getByRole('table', { name: /Broken expectations/ });
    const delivery = within(table).getByRole('row', { name: /3\. Delivery/ });
    expect(delivery.textContent).toContain('100 %');
    expect(delivery.textContent).toContain('yes');
    expect(within(table).getByRole('row', { name: /1\. Welcome/ }).textContent).toContain('0 %');
  });

  it('splits the mean feeling by situation card, with the card titles', () => {
    const ratings: AnalyticsRating[] = [
      { ...RATINGS[5]!, cardId: 'in-a-hurry' },
      { ...RATINGS[6]!, cardId: null },
    ];
    const analysis = analyseJourney(STEPS, ratings);
    renderEn(
      <Breakdowns
        steps={STEPS}
        analysis={analysis}
        byRound={[]}
        cardTitles={{ 'in-a-hurry': 'In a hurry' }}
      />,
    );
    const table = screen.getByRole('table', { name: /by situation card/ });
    expect(within(table).getByRole('row', { name: /In a hurry/ }).textContent).toMatch(/[−-]2/);
    expect(within(table).getByRole('row', { name: /No situation card/ }).textContent).toMatch(
      /[−-]3/,
    );
    expect(screen.queryByRole('table', { name: /by round/ })).toBeNull();
  });

  it('heads each step column with its name, not only a number', () => {
    const steps = [...STEPS, { ...STEPS[0]!, id: 'long', title: 'Confirmation letter arrives' }];
    const ratings: AnalyticsRating[] = [{ ...RATINGS[5]!, cardId: 'in-a-hurry' }];
    renderEn(
      <Breakdowns
        steps={steps}
        analysis={analyseJourney(steps, ratings)}
        byRound={[]}
        cardTitles={{ 'in-a-hurry': 'In a hurry' }}
      />,
    );
    const table = screen.getByRole('table', { name: /by situation card/ });
    const headers = within(table).getAllByRole('columnheader').slice(1);
    expect(headers.map((h) => h.textContent)).toEqual([
      '1. Welcome1. Welcome',
      '2. Order2. Order',
      '3. Delivery3. Delivery',
      '4. Invoice4. Invoice',
      '5.Confirmati…5. Confirmation letter arrives',
    ]);
    expect(headers.at(-1)?.getAttribute('title')).toBe('5. Confirmation letter arrives');
    expect(screen.getByRole('region', { name: /by situation card/ })).toBeTruthy();
  });
});
