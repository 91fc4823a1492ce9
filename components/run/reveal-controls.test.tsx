import { fireEvent, render, screen } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PathStep } from '@/lib/board/path-doc';
import { control } from '@/lib/domain/command-fixtures';
import type { WorkshopState } from '@/lib/domain/workshop';
import en from '@/lib/i18n/messages/en.json';
import { useSession } from '@/lib/stores/session-store';
import { RevealControls } from './reveal-controls';
import { NO_PROGRESS } from '@/lib/domain/progress';

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
afterEach(() => useSession.setState({ send: realSend, state: null }));

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
