import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PathStep } from '@/lib/board/path-doc';
import { control } from '@/lib/domain/command-fixtures';
import type { ControlState, WorkshopState } from '@/lib/domain/workshop';
import { useSession } from '@/lib/stores/session-store';
import { renderEn } from '../charts/test-utils';
import { RevealView } from './reveal-view';
import { NO_PROGRESS } from '@/lib/domain/progress';

const step = (id: string): PathStep => ({
  id,
  title: `Step ${id}`,
  description: '',
  stage: 'during',
  channel: 'web',
  department: 'Sales',
  critical: false,
  targetFeeling: 'neutral',
  artefact: null,
});
const STEPS = ['s1', 's2', 's3'].map(step);

function inRoom(over: Partial<ControlState>, ratingCounts: Record<string, number>) {
  const state = {
    info: { id: 'w', title: 'W', templateId: 't', locale: 'en', joinCode: 'X', createdAt: 0 },
    control: control({ phase: 'reveal', ...over }),
    participants: [],
    ratingCounts,
    warmup: { answered: 0, results: null },
    progress: NO_PROGRESS,
  } satisfies WorkshopState;
  useSession.setState({ state });
}

afterEach(() => useSession.setState({ state: null }));

const status = () => screen.queryByTestId('reveal-status')?.textContent ?? null;

describe('the reveal says what it waits for', () => {
  it('step by step: how many of the steps walked are revealed so far', () => {
    inRoom({ revealMode: 'stepwise', revealed: ['1:s2'] }, { '1:s1': 3, '1:s2': 2 });
    renderEn(<RevealView steps={STEPS} round={1} />);
    expect(status()).toBe('The facilitator reveals the steps one by one: 1 of 2 revealed.');
  });

  it('says nobody rated, rather than showing a blank curve as if ratings were lost', () => {
    inRoom({}, {});
    renderEn(<RevealView steps={STEPS} round={1} />);
    expect(status()).toBe(
      'Nobody has rated a step in this round, so there is nothing to reveal yet.',
    );
  });

  it('says nothing once what was walked is revealed', () => {
    inRoom({ revealed: ['1:s1'] }, { '1:s1': 3 });
    renderEn(<RevealView steps={STEPS} round={1} />);
    expect(status()).toBeNull();
  });
});
