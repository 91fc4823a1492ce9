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
    renderEn(
      <Breakdowns
        steps={STEPS}
        analysis={analysis}
        byRound={[]}
        cardTitles={{}}
        personaNames={{}}
      />,
    );
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
        personaNames={{}}
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
        personaNames={{}}
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

  it('splits the mean feeling by persona, with the persona names', () => {
    const ratings: AnalyticsRating[] = [
      { ...RATINGS[5]!, personaId: 'anneli' },
      { ...RATINGS[6]!, personaId: null },
    ];
    renderEn(
      <Breakdowns
        steps={STEPS}
        analysis={analyseJourney(STEPS, ratings)}
        byRound={[]}
        cardTitles={{}}
        personaNames={{ anneli: 'Anneli, 68' }}
      />,
    );
    const table = screen.getByRole('table', { name: /by persona/ });
    expect(within(table).getByRole('row', { name: /Anneli, 68/ }).textContent).toMatch(/[−-]2/);
    expect(within(table).getByRole('row', { name: /No persona/ }).textContent).toMatch(/[−-]3/);
    expect(screen.getByRole('region', { name: /by persona/ })).toBeTruthy();
  });

  it('shows the effort per step and role, said in full, and ranks high effort with low feeling', () => {
    const ratings: AnalyticsRating[] = [
      { ...RATINGS[4]!, effort: 2 },
      { ...RATINGS[5]!, effort: 5 },
      { ...RATINGS[6]!, effort: 4 },
      { ...RATINGS[1]!, effort: 1 },
    ];
    renderEn(
      <Breakdowns
        steps={STEPS}
        analysis={analyseJourney(STEPS, ratings)}
        byRound={[]}
        cardTitles={{}}
        personaNames={{}}
      />,
    );
    const table = screen.getByRole('table', { name: /How hard the step was/ });
    const delivery = within(table).getByRole('row', { name: /3\. Delivery/ });
    // The customer proxies answered 5 and 4: 4.5, all of it hard or very hard.
    expect(delivery.textContent).toContain('effort 4.5 of 5; 100% answered 4 or 5; 2 answers');
    expect(within(table).getByRole('row', { name: /Whole path/ })).toBeTruthy();
    const hot = screen.getByRole('region', { name: 'High effort, low feeling' });
    expect(
      within(hot)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([expect.stringContaining('Step 3 · Delivery')]);
  });

  it('says so when nobody has answered the effort question', () => {
    renderEn(
      <Breakdowns
        steps={STEPS}
        analysis={analyseJourney(STEPS, RATINGS)}
        byRound={[]}
        cardTitles={{}}
        personaNames={{}}
      />,
    );
    expect(screen.getByText('Nobody has said yet how hard a step was.')).toBeTruthy();
    expect(screen.queryByRole('table', { name: /How hard/ })).toBeNull();
  });
});
