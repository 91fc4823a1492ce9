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
/** Presses "I'm done" and lets what it awaits settle. */
const done = () => act(async () => void fireEvent.click(screen.getByTestId('ready-button')));
const note = () => screen.getByTestId('ready-note').textContent;

describe('"I\'m done" in the warm-up', () => {
  it('saves the answers at the tap that completes them, before any button (issue 22)', async () => {
    // Doing exactly what the screen says ("answer both, then press I'm done") lost the
    // answers: only a separate "Save my answers" button sent them.
    const calls = slowServer();
    render(stage(warmupPhase()));
    pick(en.warmup.q1, '8');
    expect(calls).toEqual([]);
    pick(en.warmup.q2, '4');
    expect(sent(calls)).toEqual([['warmup:answer', { workplace: 8, customers: 4 }]]);
    await act(async () => calls[0]?.answer(true));
    expect(screen.getByTestId('warmup-status').textContent).toBe(en.warmup.saved);
  });

  it('"I\'m done" during that save waits for it, and marks done once the server has them', async () => {
    const calls = slowServer();
    render(stage(warmupPhase()));
    pick(en.warmup.q1, '8');
    pick(en.warmup.q2, '4');
    await done();
    expect(sent(calls)).toEqual([['warmup:answer', { workplace: 8, customers: 4 }]]);
    await calls[0]?.answer(true);
    expect(sent(calls)).toEqual([
      ['warmup:answer', { workplace: 8, customers: 4 }],
      ['ready:set', { ready: true }],
    ]);
    expect(screen.getByTestId('warmup-status').textContent).toBe(en.warmup.saved);
  });

  it('stays not done and shows the refusal when the answers cannot be saved', async () => {
    const calls = slowServer();
    render(stage(warmupPhase()));
    pick(en.warmup.q1, '8');
    pick(en.warmup.q2, '4');
    await act(async () => calls[0]?.answer(false));
    // "I'm done" tries once more; refused again, the person stays not done.
    await done();
    await calls[1]?.answer(false);
    expect(sent(calls).map(([event]) => event)).toEqual(['warmup:answer', 'warmup:answer']);
    expect(screen.getByRole('alert').textContent).toContain(en.errors.STORAGE_FAILED);
    expect(screen.getByTestId('ready-button').textContent).toBe(en.ready.done);
  });

  it('says that an answer is missing, and marks done without one only when asked again', async () => {
    const calls = slowServer();
    render(stage(warmupPhase()));
    pick(en.warmup.q1, '8');
    await done();
    expect(calls).toEqual([]);
    expect(note()).toContain(en.warmup.incomplete);
    const button = screen.getByRole('button', { name: en.ready.doneAnyway });
    // Told to the screen reader on the button it is about, as well as in a live region.
    expect(button.getAttribute('aria-describedby')).toBe(
      screen.getByTestId('ready-note').getAttribute('id'),
    );
    // Picking the other answer turns it back into a plain "I'm done" that saves both.
    pick(en.warmup.q2, '4');
    expect(screen.getByTestId('ready-button').textContent).toBe(en.ready.done);
    expect(note()).toBe('');
  });

  it('lets a person be done without answering when they say so', async () => {
    const calls = slowServer();
    const { rerender } = render(stage(warmupPhase()));
    pick(en.warmup.q2, '3');
    await done();
    fireEvent.click(screen.getByRole('button', { name: en.ready.doneAnyway }));
    expect(sent(calls)).toEqual([['ready:set', { ready: true }]]);
    await calls[0]?.answer(true);
    rerender(stage(warmupPhase([ME])));
    expect(note()).toBe(en.ready.doneWithoutAnswer);
  });

  it('does not send again answers the server already has', async () => {
    const calls = slowServer();
    render(stage(warmupPhase(), { workplace: 8, customers: 4 }));
    await done();
    expect(sent(calls)).toEqual([['ready:set', { ready: true }]]);
  });

  it('marks done at once with nothing picked, and says it is without an answer', async () => {
    const calls = slowServer();
    const { rerender } = render(stage(warmupPhase()));
    await done();
    expect(sent(calls)).toEqual([['ready:set', { ready: true }]]);
    await calls[0]?.answer(true);
    rerender(stage(warmupPhase([ME])));
    expect(note()).toBe(en.ready.doneWithoutAnswer);
  });
});

describe('"I\'m done" in the walk', () => {
  const form = () => screen.getByTestId('rating-form');
  const choose = (label: string) =>
    fireEvent.click(within(form()).getByRole('radio', { name: label }));

  it('says the expectation is missing when only a feeling is picked', async () => {
    const calls = slowServer();
    render(stage({}));
    choose(en.emotions.frustrated);
    await done();
    expect(calls).toEqual([]);
    expect(note()).toContain(en.rate.missingExpectation);
    expect(screen.getByTestId('ready-button').textContent).toBe(en.ready.doneAnyway);
  });

  it('saves the rating again before done when the first save was refused', async () => {
    const calls = slowServer();
    render(stage({}));
    choose(en.emotions.frustrated);
    choose(en.rate.worse);
    expect(sent(calls).map(([event]) => event)).toEqual(['rating:put']);
    await calls[0]?.answer(false);
    await done();
    expect(sent(calls).map(([event]) => event)).toEqual(['rating:put', 'rating:put']);
    expect(calls[1]?.payload).toMatchObject({ emotion: 'frustrated', expectation: 'worse' });
    await calls[1]?.answer(true);
    expect(sent(calls).map(([event]) => event)).toEqual(['rating:put', 'rating:put', 'ready:set']);
  });

  it('saves a typed note before done, and does not resend a rating already saved', async () => {
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
    await done();
    expect(sent(calls)).toEqual([['ready:set', { ready: true }]]);
    await calls[0]?.answer(true);
    fireEvent.change(within(form()).getByLabelText(en.rate.note), {
      target: { value: 'Nobody said how long' },
    });
    await done();
    expect(calls[1]?.event).toBe('rating:put');
    expect(calls[1]?.payload).toMatchObject({ note: 'Nobody said how long' });
  });
});
