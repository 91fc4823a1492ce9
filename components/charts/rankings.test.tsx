import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { analyseJourney } from '@/lib/analytics/journey';
import { Rankings } from './rankings';
import { RATINGS, STEPS, renderEn } from './test-utils';

const items = (name: string) =>
  within(screen.getByRole('region', { name }))
    .queryAllByRole('listitem')
    .map((li) => li.textContent);

describe('Rankings', () => {
  it('lists the biggest perception gaps first, naming the step and both roles', () => {
    renderEn(<Rankings steps={STEPS} analysis={analyseJourney(STEPS, RATINGS)} />);
    expect(items('Biggest perception gaps')).toEqual([
      'Step 3 · DeliveryLeader +2, Customer proxy -2.5: gap 4.5',
      'Step 1 · WelcomeLeader +2, Customer proxy +1: gap 1',
      'Step 2 · OrderLeader +1, Customer proxy 0: gap 1',
    ]);
  });

  it('ranks target gaps, hand-offs and moments of truth, largest first', () => {
    renderEn(<Rankings steps={STEPS} analysis={analyseJourney(STEPS, RATINGS)} />);
    expect(items('Furthest below the target feeling')).toEqual([
      'Step 3 · Deliverytarget Calm (+1), felt -1: short by 2',
      'Step 2 · Ordertarget Happy (+2), felt +0.5: short by 1.5',
      'Step 1 · Welcometarget Happy (+2), felt +1.5: short by 0.5',
    ]);
    // Ranked by the customer proxies' fall, with the leader's rise and everyone's beside it.
    expect(items('Worst hand-offs')).toEqual([
      'Step 2 · Order → Step 3 · DeliverySales → Logistics: Customer proxy -2.5; Leader +1, Everyone -1.5',
    ]);
    expect(screen.getByText('1 hand-off on the path')).toBeTruthy();
    expect(
      screen.getByText(
        'Ranked by the customer proxies’ fall; the other roles’ change and everyone’s beside it',
      ),
    ).toBeTruthy();
    expect(items('Moments of truth').map((text) => text?.split('score')[0])).toEqual([
      'Step 3 · Delivery',
      'Step 2 · Order',
      'Step 1 · Welcome',
    ]);
    // Drop 1.5 + shortfall 2 + perception gap 4.5 / 2 + critical 1 = 6.75.
    expect(items('Moments of truth')[0]).toBe('Step 3 · Deliveryscore 6.8 · ★ Critical step');
  });

  it('says when nobody walked in the customer’s boots and everyone’s fall ranks the hand-offs', () => {
    const inOwnBoots = RATINGS.map((r) =>
      r.role === 'facilitator' ? r : { ...r, role: 'staff' as const, lens: 'staff' as const },
    );
    renderEn(<Rankings steps={STEPS} analysis={analyseJourney(STEPS, inOwnBoots)} />);
    expect(
      screen.getByText('Nobody rated in the customer’s boots: ranked by everyone’s fall'),
    ).toBeTruthy();
    expect(items('Worst hand-offs')).toEqual([
      'Step 2 · Order → Step 3 · DeliverySales → Logistics: Everyone -1.5; Staff -1.5',
    ]);
  });

  it('says when nothing stands out yet', () => {
    renderEn(<Rankings steps={STEPS} analysis={analyseJourney(STEPS, [])} />);
    expect(items('Biggest perception gaps')).toEqual([]);
    expect(screen.getAllByText('Nothing stands out yet.')).toHaveLength(4);
  });
});
