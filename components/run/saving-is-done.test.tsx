import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PathStep } from '@/lib/board/path-doc';
import { control } from '@/lib/domain/command-fixtures';
import { EMOTION_NAMES } from '@/lib/domain/emotions';
import type { MyRating } from '@/lib/domain/ratings';
import type { ControlState, WorkshopState, You } from '@/lib/domain/workshop';
import en from '@/lib/i18n/messages/en.json';
import type { ClientEventName } from '@/lib/protocol/events';
import { useSession } from '@/lib/stores/session-store';
import { ParticipantStage } from './participant-stage';

const ME = 'p-anna';
const steps: PathStep[] = [
  {
    id: 's1',
    title: 'Book a time',
    description: '',
    stage: 'before',
    channel: 'web',
    department: '',
    critical: false,
    targetFeeling: EMOTION_NAMES[0]!,
    artefact: null,
  },
];

/** A server that answers each event when the test says so, as a slow one would. */
function slowServer() {
  const calls: Array<{
    event: ClientEventName;
    payload: unknown;
    answer: (ok: boolean) => Promise<void>;
  }> = [];
  const send = vi.fn(
    (event: ClientEventName, payload: unknown) =>
      new Promise((resolve) =>
        calls.push({
          event,
          payload,
          answer: (ok) =>
            act(async () =>
              resolve(
                ok
                  ? { ok: true }
                  : { ok: false, error: { code: 'STORAGE_FAILED', message: 'disk full' } },
              ),
            ),
        }),
      ),
  );
  useSession.setState({ send: send as never });
  return calls;
}
const sent = (calls: ReturnType<typeof slowServer>) => calls.map((c) => [c.event, c.payload]);

const realSend = useSession.getState().send;
afterEach(() => useSession.setState({ send: realSend, myRatings: [] }));

function stage(over: Partial<ControlState>, warmup: You['warmup'] = null) {
  const state: WorkshopState = {
    info: {
      id: 'w1',
      title: 'Clinic',
      templateId: 'clinic-visit',
      locale: 'en',
      joinCode: 'ABCD',
      createdAt: 0,
    },
    control: control(over),
    participants: [],
    ratingCounts: {},
    warmup: { answered: 0, results: null },
    progress: { doneIds: [], dotsSpent: {} },
  };
  const you: You = {
    participantId: ME,
    name: 'Anna',
    role: 'customer',
    lens: 'customer',
    personaId: null,
    cardId: null,
    warmup,
  };
  return (
    <NextIntlClientProvider locale="en" messages={en}>
      <ParticipantStage state={state} you={you} steps={steps} doc={null} />
    </NextIntlClientProvider>
  );
}

const warmupPhase = (doneIds: string[] = []) =>
  ({ phase: 'warmup', stepId: null, readiness: { scope: 'warmup', doneIds } }) as const;

const pick = (question: string, value: string) =>
  fireEvent.click(
    within(screen.getByRole('group', { name: question })).getByRole('radio', { name: value }),
  );
const status = () => screen.getByTestId('warmup-status').textContent;
const noReadyButton = () => expect(screen.queryByTestId('ready-button')).toBeNull();

describe('the warm-up: a saved answer is what counts as done (issue 22)', () => {
  it('saves the answers at the tap that completes them, with no button to press', async () => {
    // Doing exactly what the screen said ("answer both, then press I'm done") once lost
    // the answers: only a separate "Save my answers" button sent them.
    const calls = slowServer();
    render(stage(warmupPhase()));
    pick(en.warmup.q1, '8');
    expect(calls).toEqual([]);
    pick(en.warmup.q2, '4');
    expect(sent(calls)).toEqual([['warmup:answer', { workplace: 8, customers: 4 }]]);
    // No "Save my answers" beside answers already on their way or stored: a reviewer
    // pressed it, wondering whether they had to (it shows only when a save failed).
    expect(screen.queryByRole('button', { name: en.warmup.save })).toBeNull();
    await act(async () => calls[0]?.answer(true));
    expect(status()).toBe(en.warmup.saved);
    expect(screen.queryByRole('button', { name: en.warmup.save })).toBeNull();
  });

  it('has no "I\'m done": the answer itself is done, and the screen says so', async () => {
    // Two notions of done (an answer and a button) counted apart (issue 22, item 3).
    const calls = slowServer();
    render(stage(warmupPhase()));
    noReadyButton();
    pick(en.warmup.q1, '8');
    pick(en.warmup.q2, '4');
    await act(async () => calls[0]?.answer(true));
    noReadyButton();
    expect(status()).toContain('You are done');
  });

  it('says that an answer is missing when only one is picked, and sends nothing', () => {
    const calls = slowServer();
    render(stage(warmupPhase()));
    pick(en.warmup.q1, '8');
    expect(calls).toEqual([]);
    expect(status()).toBe(en.warmup.incomplete);
  });

  it('shows a refusal, and "Save my answers" sends them again', async () => {
    const calls = slowServer();
    render(stage(warmupPhase()));
    pick(en.warmup.q1, '8');
    pick(en.warmup.q2, '4');
    await act(async () => calls[0]?.answer(false));
    expect(screen.getByRole('alert').textContent).toContain(en.errors.STORAGE_FAILED);
    expect(status()).toBe(en.warmup.unsaved);
    fireEvent.click(screen.getByRole('button', { name: en.warmup.save }));
    expect(sent(calls).map(([event]) => event)).toEqual(['warmup:answer', 'warmup:answer']);
    await calls[1]?.answer(true);
    expect(status()).toBe(en.warmup.saved);
  });

  it('does not send again answers the server already has, and says they are done', () => {
    const calls = slowServer();
    render(stage(warmupPhase(), { workplace: 8, customers: 4 }));
    expect(calls).toEqual([]);
    expect(status()).toBe(en.warmup.saved);
  });
});

describe('the walk: a saved rating is being done with the step (issue 22, item 3)', () => {
  const form = () => screen.getByTestId('rating-form');
  const choose = (label: string) =>
    fireEvent.click(within(form()).getByRole('radio', { name: label }));
  const ratingStatus = () => screen.getByTestId('rating-status').textContent;

  it('has no "I\'m done"; two choices save, and the screen says the step is done', async () => {
    const calls = slowServer();
    render(stage({}));
    noReadyButton();
    choose(en.emotions.frustrated);
    expect(calls).toEqual([]);
    expect(ratingStatus()).toBe(en.rate.missingExpectation);
    choose(en.rate.worse);
    expect(sent(calls).map(([event]) => event)).toEqual(['rating:put']);
    await calls[0]?.answer(true);
    expect(ratingStatus()).toBe(en.rate.saved);
    expect(ratingStatus()).toContain('you are done with this step');
  });

  it('saves a typed note when the field is left, and an effort when it is picked', async () => {
    // Nothing typed waits for a button that a person might never press.
    const calls = slowServer();
    const saved: MyRating = {
      stepId: 's1',
      round: 1,
      emotion: 'frustrated',
      expectation: 'worse',
      valence: -2,
      effort: null,
      note: null,
    };
    act(() => useSession.setState({ myRatings: [saved] }));
    render(stage({}));
    expect(ratingStatus()).toBe(en.rate.saved);
    const note = within(form()).getByLabelText(en.rate.note);
    fireEvent.change(note, { target: { value: 'Nobody said how long' } });
    expect(calls).toEqual([]);
    fireEvent.blur(note);
    expect(calls[0]?.payload).toMatchObject({ note: 'Nobody said how long', effort: null });
    await calls[0]?.answer(true);
    fireEvent.change(within(form()).getByLabelText(en.rate.effort), { target: { value: '4' } });
    expect(calls[1]?.payload).toMatchObject({ note: 'Nobody said how long', effort: 4 });
  });
});

describe('"I\'m done" only where a phase has no other signal', () => {
  it('is offered in reflect and not in the vote', () => {
    slowServer();
    const { rerender } = render(stage({ phase: 'reflect', stepId: null }));
    expect(screen.getByTestId('ready-button').textContent).toBe(en.ready.done);
    rerender(stage({ phase: 'vote', stepId: null }));
    noReadyButton();
  });
});
