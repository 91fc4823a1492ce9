import { render } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import type { ReactElement } from 'react';
import type { AnalyticsRating, AnalyticsStep } from '@/lib/analytics/types';
import en from '@/lib/i18n/messages/en.json';

export function renderEn(ui: ReactElement) {
  return render(
    <NextIntlClientProvider locale="en" messages={en} timeZone="Europe/Helsinki">
      {ui}
    </NextIntlClientProvider>,
  );
}

const step = (id: string, title: string, over: Partial<AnalyticsStep> = {}): AnalyticsStep => ({
  id,
  title,
  department: 'Sales',
  critical: false,
  targetFeeling: 'happy',
  ...over,
});

/** Four steps: a hand-off from Order to Delivery, and a critical Delivery. */
export const STEPS = [
  step('welcome', 'Welcome'),
  step('order', 'Order'),
  step('delivery', 'Delivery', { department: 'Logistics', critical: true, targetFeeling: 'calm' }),
  step('invoice', 'Invoice', { department: 'Logistics', targetFeeling: 'neutral' }),
];

const rate = (stepId: string, role: AnalyticsRating['role'], valence: number): AnalyticsRating => ({
  stepId,
  role,
  valence,
  round: 1,
  lens: 'customer',
  cardId: null,
  personaId: null,
  expectation: 'as',
  effort: null,
});

/** The scene: a leader feels +2 at Delivery, two customer proxies −2 and −3. Nobody rated Invoice. */
export const RATINGS = [
  rate('welcome', 'leader', 2),
  rate('welcome', 'customer', 1),
  rate('order', 'leader', 1),
  rate('order', 'customer', 0),
  rate('delivery', 'leader', 2),
  rate('delivery', 'customer', -2),
  rate('delivery', 'customer', -3),
  rate('delivery', 'facilitator', 3),
];
