import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { PathStep } from '@/lib/board/path-doc';
import { control } from '@/lib/domain/command-fixtures';
import type { Emotion } from '@/lib/domain/emotions';
import type { RevealedRating } from '@/lib/domain/ratings';
import type { ControlState, WorkshopState } from '@/lib/domain/workshop';
import en from '@/lib/i18n/messages/en.json';
import fi from '@/lib/i18n/messages/fi.json';
import { useSession } from '@/lib/stores/session-store';
import { IdeationControls } from '../run/ideation-controls';
import { IdeatePart } from '../screen/ideate-part';
import { StepBoard } from './step-board';

const step = (id: string, title: string, targetFeeling: string): PathStep => ({
  id,
  title,
  description: '',
  stage: 'during',
  channel: 'web',
  department: 'Sales',
  critical: false,
  targetFeeling,
  artefact: null,
});

/**
 * Planted so the ranking is known by hand (one role, no perception gaps): Booking +2 (its
 * target); Arrival −3 (drop 5, short of happy by 5: 10); Invoice −1 (a rise, short of calm
 * by 2: 2); Feedback −2 (drop 1, short of happy by 4: 5). Prompts: Arrival, Feedback, Invoice.
 */
const STEPS = [
  step('s1', 'Booking', 'happy'),
  step('s2', 'Arrival', 'happy'),
  step('s3', 'Invoice', 'calm'),
  step('s4', 'Feedback', 'happy'),
];

let n = 0;
const seen = (stepId: string, valence: number, emotion: Emotion): RevealedRating => ({
  key: `k${++n}`,
  stepId,
  round: 1,
  valence,
  emotion,
  expectation: 'as',
  effort: null,
  note: null,
  role: 'customer',
  lens: 'customer',
  cardId: null,
  personaId: null,
  name: null,
});

const RATINGS = [
  seen('s1', 2, 'happy'),
  seen('s2', -3, 'angry'),
  seen('s2', -3, 'angry'),
  seen('s3', -1, 'unsure'),
  seen('s4', -2, 'frustrated'),
];
const ALL_REVEALED = ['1:s1', '1:s2', '1:s3', '1:s4'];

const realSend = useSession.getState().send;
afterEach(() => {
  cleanup();
  useSession.setState({ send: realSend, revealed: {} });
});

function withRatings(ratings = RATINGS) {
  useSession.setState({ revealed: Object.fromEntries(ratings.map((r) => [r.key, r])) });
}

function show(ui: ReactElement, locale: 'en' | 'fi' = 'en') {
  return render(
    <NextIntlClientProvider
      locale={locale}
      messages={locale === 'en' ? en : fi}
      timeZone="Europe/Helsinki"
    >
      {ui}
    </NextIntlClientProvider>,
  );
}

const ideating = (over: Partial<ControlState> = {}) =>
  control({ phase: 'ideate', stepId: 's2', revealed: ALL_REVEALED, ...over });

function board(state: ControlState, locale: 'en' | 'fi' = 'en') {
  const viewer = { participantId: 'p1', name: 'Aino', role: 'customer' as const };
  return show(
    <StepBoard doc={new Y.Doc()} steps={STEPS} control={state} viewer={viewer} />,
    locale,
  );
}

const lane = (name: string) => screen.getByRole('region', { name });

describe('the ideas lane in ideate', () => {
  it('carries the prompt of a top moment of truth, at its head', () => {
    withRatings();
    board(ideating());
    const prompt = within(lane('Ideas')).getByTestId('ideation-prompt');
    expect(prompt.textContent).toContain(
      'How might we change “Arrival” so that the customer feels happy?',
    );
    expect(prompt.textContent).toContain('2 ratings');
    expect(prompt.textContent).toContain('felt most often: Angry');
    expect(prompt.textContent).toContain('Idea prompt 1 of 3');
    // At the head: before the lane's box for a new idea.
    const input = within(lane('Ideas')).getByRole('textbox', { name: /New note/ });
    expect(prompt.compareDocumentPosition(input) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(lane('Pains')).queryByTestId('ideation-prompt')).toBeNull();
  });

  it('words the third prompt, of one rating, in the singular', () => {
    withRatings();
    board(ideating({ stepId: 's3' }));
    const prompt = within(lane('Ideas')).getByTestId('ideation-prompt');
    expect(prompt.textContent).toContain('“Invoice” so that the customer feels calm?');
    expect(prompt.textContent).toContain('(1 rating)');
    expect(prompt.textContent).toContain('Idea prompt 3 of 3');
  });

  it('speaks Finnish in a Finnish workshop', () => {
    withRatings();
    board(ideating(), 'fi');
    const prompt = within(lane('Ideat')).getByTestId('ideation-prompt');
    expect(prompt.textContent).toContain(
      'Miten voisimme muuttaa askelta ”Arrival” niin, että asiakas tuntisi olonsa iloiseksi?',
    );
    expect(prompt.textContent).toContain('2 arviota');
    expect(prompt.textContent).toContain('Ideointikysymys 1/3');
  });

  it('is missing on a step outside the top three, outside ideate, and without reveals', () => {
    withRatings();
    const { unmount } = board(ideating({ stepId: 's1' }));
    expect(screen.queryByTestId('ideation-prompt')).toBeNull();
    unmount();
    board(ideating({ phase: 'reflect' }));
    expect(screen.queryByTestId('ideation-prompt')).toBeNull();
    cleanup();
    withRatings([]);
    board(ideating());
    expect(screen.queryByTestId('ideation-prompt')).toBeNull();
  });

  it('is made of revealed steps only', () => {
    withRatings();
    const revealed = ['1:s1', '1:s3', '1:s4'];
    const { unmount } = board(ideating({ revealed }));
    expect(screen.queryByTestId('ideation-prompt')).toBeNull();
    unmount();
    // Without Arrival, Feedback leads (a drop of 1, 4 short of happy) and Invoice follows.
    board(ideating({ revealed, stepId: 's4' }));
    expect(screen.getByTestId('ideation-prompt').textContent).toContain('Idea prompt 1 of 2');
  });
});

describe('the facilitator’s prompts', () => {
  function controls(stepId: string) {
    withRatings();
    const send = vi.fn().mockResolvedValue({ ok: true, data: {} });
    useSession.setState({ send });
    show(<IdeationControls control={ideating({ stepId })} steps={STEPS} />);
    return send;
  }
  const button = (name: string) => screen.getByRole('button', { name });

  it('lists the three prompts worst first and marks the one on everyone’s board', () => {
    const send = controls('s4');
    const list = screen.getByRole('list', { name: 'Idea prompts from the moments of truth' });
    const items = within(list).getAllByRole('button');
    expect(items.map((b) => b.getAttribute('data-step-id'))).toEqual(['s2', 's4', 's3']);
    expect(items[1]?.getAttribute('aria-current')).toBe('step');
    fireEvent.click(items[2]!, { detail: 1 });
    expect(send).toHaveBeenCalledWith('walk:step', { stepId: 's3' });
  });

  it('has labelled next and previous buttons that work from the keyboard', () => {
    const send = controls('s4');
    const next = button('Next prompt');
    const prev = button('Previous prompt');
    for (const b of [next, prev]) {
      expect(b.tagName).toBe('BUTTON');
      b.focus();
      expect(document.activeElement).toBe(b);
    }
    // Keyboard activation is a click with detail 0.
    fireEvent.click(next, { detail: 0 });
    fireEvent.click(prev, { detail: 0 });
    expect(send.mock.calls).toEqual([
      ['walk:step', { stepId: 's3' }],
      ['walk:step', { stepId: 's2' }],
    ]);
  });

  it('offers no prompt before the first or after the last', () => {
    controls('s2');
    expect(button('Previous prompt')).toHaveProperty('disabled', true);
    cleanup();
    controls('s3');
    expect(button('Next prompt')).toHaveProperty('disabled', true);
  });

  it('shows nothing when nothing revealed stands out', () => {
    useSession.setState({ revealed: {} });
    const { container } = show(<IdeationControls control={ideating()} steps={STEPS} />);
    expect(container.textContent).toBe('');
  });
});

describe('the projector in ideate', () => {
  it('shows the prompt of the step in the spotlight above the ideas', () => {
    withRatings();
    const state = { control: ideating({ stepId: 's4' }) } as WorkshopState;
    show(<IdeatePart state={state} steps={STEPS} doc={new Y.Doc()} joinUrl="" />);
    const prompt = screen.getByTestId('ideation-prompt');
    expect(prompt.textContent).toContain('“Feedback” so that the customer feels happy?');
    expect(prompt.textContent).toContain('Idea prompt 2 of 3');
  });
});
