import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { analyseJourney } from '@/lib/analytics/journey';
import type { AnalyticsRating } from '@/lib/analytics/types';
import en from '@/lib/i18n/messages/en.json';
import { PromisesBroken } from './promises-broken';
import { RATINGS, STEPS, renderEn } from './test-utils';

const promised = (r: AnalyticsRating, expectedNext: AnalyticsRating['expectedNext']) => ({
  ...r,
  expectedNext,
});

/** After Order a customer proxy expects "happy" (+2) at Delivery, felt −2.5 there (−4.5). */
const PROMISED = RATINGS.map((r) =>
  r.stepId === 'order' && r.role === 'customer'
    ? promised(r, 'happy')
    : r.stepId === 'welcome' && r.role === 'leader'
      ? promised(r, 'calm')
      : r,
);

describe('PromisesBroken', () => {
  it('ranks the promises broken per role, naming the step, expected and felt', () => {
    renderEn(<PromisesBroken steps={STEPS} analysis={analyseJourney(STEPS, PROMISED)} />);
    const region = screen.getByRole('region', { name: en.analytics.promisesTitle });
    const role = (name: string) =>
      within(within(region).getByRole('group', { name }))
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    expect(role('Customer proxy')).toEqual(['Step 3 · Deliveryexpected +2, felt -2.5: -4.5']);
    // The leader expected calm (+1) at Order and felt +1 there: kept, so not listed.
    expect(within(region).queryByRole('group', { name: 'Leader' })).toBeNull();
  });

  it('says when nobody said what they expected next', () => {
    renderEn(<PromisesBroken steps={STEPS} analysis={analyseJourney(STEPS, RATINGS)} />);
    const region = screen.getByRole('region', { name: en.analytics.promisesTitle });
    expect(region.textContent).toContain(en.analytics.promisesNone);
  });
});
