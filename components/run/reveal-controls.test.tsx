import { fireEvent, render, screen, within } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PathStep } from '@/lib/board/path-doc';
import { control } from '@/lib/domain/command-fixtures';
import type { WorkshopState } from '@/lib/domain/workshop';
import en from '@/lib/i18n/messages/en.json';
import { useSession } from '@/lib/stores/session-store';
import { RevealControls } from './reveal-controls';
import { NO_PROGRESS } from '@/lib/domain/progress';
import type { RevealedRating } from '@/lib/domain/ratings';

const step = (id: string, title: string): PathStep => ({
  id,
  title,
  description: '',
  stage: 'during',
  channel: 'web',
  department: 'Sales',
  critical: false,
  targetFeeling: 'neutral',
  artefact: null,
});
const STEPS = [step('s1', 'Booking'), step('s2', 'Arrival'), step('s3', 'Invoice')];

const realSend = useSession.getState().send;
afterEach(() => useSession.setState({ send: realSend, state: null, revealed: {} }));

describe('RevealControls step by step', () => {
  it('offers the next step walked but not revealed, by name, and reveals it', () => {
    const send = vi.fn().mockResolvedValue({ ok: true });
    const state = {
      info: { id: 'w', title: 'W', templateId: 't', locale: 'en', joinCode: 'X', createdAt: 0 },
      control: control({ phase: 'reveal', revealMode: 'stepwise', revealed: ['1:s1'] }),
      participants: [],
      // Arrival was skipped in the walk: the next to reveal is Invoice.
      ratingCounts: { '1:s1': 3, '1:s3': 2 },
      warmup: { answered: 0, results: null },
      progress: NO_PROGRESS,
    } satisfies WorkshopState;
    useSession.setState({ send, state });
    render(
      <NextIntlClientProvider locale="en" messages={en}>
        <RevealControls state={state} steps={STEPS} />
      </NextIntlClientProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Reveal the next step: 3. Invoice' }));
    expect(send).toHaveBeenCalledWith('reveal:step', { stepId: 's3' });
    expect(screen.getByTestId('reveal-status').textContent).toBe(
      'The facilitator reveals the steps one by one: 1 of 2 revealed.',
    );
  });

  it('offers no "Reveal all steps" once every step someone rated is revealed', () => {
    // Seen after entering the reveal: the button was still offered, and pressed it only
    // revealed a step nobody rated ("Nobody rated this step").
    const state = {
      info: { id: 'w', title: 'W', templateId: 't', locale: 'en', joinCode: 'X', createdAt: 0 },
      control: control({ phase: 'reveal', revealed: ['1:s1', '1:s3'] }),
      participants: [],
      ratingCounts: { '1:s1': 3, '1:s3': 2 },
      warmup: { answered: 0, results: null },
      progress: NO_PROGRESS,
    } satisfies WorkshopState;
    useSession.setState({ state });
    render(
      <NextIntlClientProvider locale="en" messages={en}>
        <RevealControls state={state} steps={STEPS} />
      </NextIntlClientProvider>,
    );
    expect(screen.queryByRole('button', { name: en.reveal.all })).toBeNull();
  });
});

describe('RevealControls in a second round', () => {
  it("keeps round 1's findings in view, and what changed by role", () => {
    const revealed = (
      round: number,
      stepId: string,
      role: 'leader' | 'customer',
      valence: number,
    ) =>
      ({
        key: `${round}:${stepId}:${role}`,
        stepId,
        round,
        role,
        lens: round === 1 ? 'customer' : 'staff',
        cardId: null,
        personaId: null,
        valence,
        emotion: 'neutral',
        expectation: 'as',
        effort: null,
        note: null,
        name: null,
      }) satisfies RevealedRating;
    const ratings = [
      revealed(1, 's2', 'leader', 2),
      revealed(1, 's2', 'customer', -3),
      revealed(2, 's2', 'leader', -1),
    ];
    const state = {
      info: { id: 'w', title: 'W', templateId: 't', locale: 'en', joinCode: 'X', createdAt: 0 },
      control: control({ phase: 'reveal', round: 2, revealed: ['1:s2', '2:s2'] }),
      participants: [],
      ratingCounts: { '1:s2': 2, '2:s2': 1 },
      warmup: { answered: 0, results: null },
      progress: NO_PROGRESS,
    } satisfies WorkshopState;
    useSession.setState({ state, revealed: Object.fromEntries(ratings.map((r) => [r.key, r])) });
    render(
      <NextIntlClientProvider locale="en" messages={en}>
        <RevealControls state={state} steps={STEPS} />
      </NextIntlClientProvider>,
    );
    const rounds = screen.getByRole('region', { name: 'Round by round' });
    const round1 = within(rounds).getByRole('region', {
      name: "Round 1 (Customer's boots): findings",
    });
    // Round 1's gap at Arrival: leader +2 against the customer proxy's −3.
    expect(within(round1).getAllByText(/Arrival/).length).toBeGreaterThan(0);
    const leaders = within(rounds).getByRole('table', { name: 'Leader: mean feeling per round' });
    expect(leaders.textContent).toContain('2. Arrival+2-1-3');
  });
});
