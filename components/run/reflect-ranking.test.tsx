import { fireEvent, render, screen, within } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PathStep } from '@/lib/board/path-doc';
import { control } from '@/lib/domain/command-fixtures';
import type { RevealedRating } from '@/lib/domain/ratings';
import en from '@/lib/i18n/messages/en.json';
import { useSession } from '@/lib/stores/session-store';
import { ReflectRanking } from './reflect-ranking';

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

const seen = (stepId: string, role: 'leader' | 'customer', valence: number): RevealedRating => ({
  key: `1:${stepId}:${role}`,
  stepId,
  round: 1,
  valence,
  emotion: valence < 0 ? 'angry' : 'happy',
  expectation: 'as',
  effort: null,
  note: null,
  role,
  lens: 'customer',
  cardId: null,
  personaId: null,
  name: null,
});

const realSend = useSession.getState().send;
afterEach(() => useSession.setState({ send: realSend, revealed: {} }));

describe('ReflectRanking', () => {
  it('lists the moments of truth worst first and moves the spotlight to the one chosen', () => {
    const ratings = [
      seen('s1', 'leader', 2),
      seen('s1', 'customer', 2),
      seen('s2', 'leader', 3),
      seen('s2', 'customer', -3),
      seen('s3', 'leader', -1),
      seen('s3', 'customer', -1),
    ];
    const send = vi.fn().mockResolvedValue({ ok: true });
    useSession.setState({ send, revealed: Object.fromEntries(ratings.map((r) => [r.key, r])) });
    render(
      <NextIntlClientProvider locale="en" messages={en}>
        <ReflectRanking control={control({ phase: 'reflect', stepId: 's2' })} steps={STEPS} />
      </NextIntlClientProvider>,
    );
    const list = screen.getByTestId('reflect-ranking');
    const buttons = within(list).getAllByRole('button');
    expect(buttons.map((b) => b.getAttribute('data-step-id'))).toEqual(['s2', 's3']);
    expect(buttons[0]?.getAttribute('aria-current')).toBe('step');
    fireEvent.click(buttons[1]!);
    expect(send).toHaveBeenCalledWith('walk:step', { stepId: 's3' });
  });
});
