import { act, fireEvent, render, screen } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { PathStep } from '@/lib/board/path-doc';
import { control } from '@/lib/domain/command-fixtures';
import type { RevealedRating } from '@/lib/domain/ratings';
import type { ControlState } from '@/lib/domain/workshop';
import en from '@/lib/i18n/messages/en.json';
import { useSession } from '@/lib/stores/session-store';
import { StepBoard } from './step-board';

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
const VIEWER = { participantId: 'p1', name: 'Aino', role: 'customer' as const };

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

/** Booking felt fine to both; Arrival split them (+3 / −3); Invoice fell a little further. */
const REVEALED = [
  seen('s1', 'leader', 2),
  seen('s1', 'customer', 2),
  seen('s2', 'leader', 3),
  seen('s2', 'customer', -3),
  seen('s3', 'leader', -1),
  seen('s3', 'customer', -1),
];

afterEach(() => useSession.setState({ revealed: {} }));

function board(state: ControlState, doc = new Y.Doc()) {
  return (
    <NextIntlClientProvider locale="en" messages={en} timeZone="Europe/Helsinki">
      <StepBoard doc={doc} steps={STEPS} control={state} viewer={VIEWER} />
    </NextIntlClientProvider>
  );
}

const picker = () =>
  screen.getByRole('combobox', { name: 'Step on the board' }) as HTMLSelectElement;

describe('StepBoard in reflect', () => {
  it('opens on the spotlighted step and says where it ranks among the moments of truth', () => {
    useSession.setState({ revealed: Object.fromEntries(REVEALED.map((r) => [r.key, r])) });
    render(board(control({ phase: 'reflect', stepId: 's2', revealed: ['1:s1', '1:s2', '1:s3'] })));
    expect(picker().value).toBe('s2');
    expect(screen.getByTestId('step-rank').textContent).toBe('Moment of truth 1 of 2');
  });

  it('lets a person pick another step, and follows the spotlight again when it moves', () => {
    useSession.setState({ revealed: Object.fromEntries(REVEALED.map((r) => [r.key, r])) });
    const doc = new Y.Doc();
    const state = control({ phase: 'reflect', stepId: 's2', revealed: ['1:s1', '1:s2', '1:s3'] });
    const { rerender } = render(board(state, doc));
    fireEvent.change(picker(), { target: { value: 's1' } });
    expect(picker().value).toBe('s1');
    expect(screen.getByTestId('step-rank').textContent).toBe('Not among the moments of truth');
    fireEvent.click(screen.getByRole('button', { name: 'Back to the step under discussion' }));
    expect(picker().value).toBe('s2');

    fireEvent.change(picker(), { target: { value: 's1' } });
    act(() => rerender(board({ ...state, stepId: 's3' }, doc)));
    expect(picker().value).toBe('s3');
    expect(screen.getByTestId('step-rank').textContent).toBe('Moment of truth 2 of 2');
  });
});
