import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote } from '@/lib/board/board-doc';
import type { PathStep } from '@/lib/board/path-doc';
import { control } from '@/lib/domain/command-fixtures';
import { PHASES, type Phase } from '@/lib/domain/phases';
import type { RevealedRating } from '@/lib/domain/ratings';
import type { ControlState, WorkshopState } from '@/lib/domain/workshop';
import en from '@/lib/i18n/messages/en.json';
import fi from '@/lib/i18n/messages/fi.json';
import { useSession } from '@/lib/stores/session-store';
import { ProjectorView } from './projector-view';

const catalogues = { en, fi };
const JOIN_URL = 'https://saappaat.example/join/KX7P2Q';

const step = (id: string, title: string, over: Partial<PathStep> = {}): PathStep => ({
  id,
  title,
  description: `What happens at ${title}`,
  stage: 'during',
  channel: 'web',
  department: 'Sales',
  critical: false,
  targetFeeling: 'happy',
  artefact: null,
  ...over,
});

const STEPS = [
  step('s1', 'Order online'),
  step('s2', 'Delivery', {
    department: 'Logistics',
    critical: true,
    artefact: 'Your parcel will arrive between 8 and 22.',
  }),
  step('s3', 'Invoice', { department: 'Finance' }),
];

const PEOPLE: WorkshopState['participants'] = [
  { id: 'f', name: 'Fiia Facilitator', role: 'facilitator', lens: 'customer', online: true },
  { id: 'l', name: 'Leena Leader', role: 'leader', lens: 'customer', online: true },
  { id: 's', name: 'Sami Staff', role: 'staff', lens: 'staff', online: true },
  { id: 'c', name: 'Cecilia Customer', role: 'customer', lens: 'customer', online: true },
];

function state(phase: Phase, over: Partial<ControlState> = {}): WorkshopState {
  return {
    info: {
      id: 'w1',
      title: 'Ordering a sofa',
      templateId: 'webshop',
      locale: 'en',
      joinCode: 'KX7P2Q',
      createdAt: 0,
    },
    control: control({ phase, stepId: 's2', readiness: { scope: 'x', doneIds: ['l'] }, ...over }),
    participants: PEOPLE,
    ratingCounts: { '1:s2': 2 },
    warmup: { answered: 2, results: null },
    progress: { doneIds: ['l', 's'], dotsSpent: {} },
  };
}

function board(): Y.Doc {
  const doc = new Y.Doc();
  const note = (id: string, stepId: string, lane: 'pains' | 'gains' | 'ideas', text: string) =>
    addNote(doc, { id, stepId, lane, text, authorId: 'c', createdAt: Number(id.slice(1)) });
  note('n1', 's2', 'pains', 'Nobody says when the parcel comes');
  note('n2', 's2', 'gains', 'Tracking link works');
  note('n3', 's1', 'pains', 'Too many form fields');
  note('n4', 's1', 'ideas', 'Pick a delivery hour');
  note('n5', 's2', 'ideas', 'Text message the day before');
  note('n6', 's3', 'ideas', 'One invoice, not three');
  return doc;
}

const revealed = (stepId: string, role: 'leader' | 'customer', valence: number, n: number) =>
  ({
    key: `${stepId}-${role}-${n}`,
    stepId,
    round: 1,
    valence,
    emotion: valence < 0 ? 'frustrated' : 'happy',
    expectation: valence < 0 ? 'worse' : 'as',
    effort: null,
    note: null,
    role,
    lens: 'customer',
    cardId: null,
    personaId: null,
    name: null,
  }) as RevealedRating;

/** A leader happy at Delivery, two customer proxies upset: the largest gap is at Delivery. */
const RATINGS = [
  revealed('s1', 'leader', 1, 1),
  revealed('s1', 'customer', 0, 1),
  revealed('s2', 'leader', 2, 1),
  revealed('s2', 'customer', -2, 1),
  revealed('s2', 'customer', -3, 2),
  revealed('s3', 'leader', 0, 1),
  revealed('s3', 'customer', -1, 1),
];

afterEach(() => useSession.setState({ revealed: {}, voteResults: null, actions: [] }));

function show(s: WorkshopState, locale: 'en' | 'fi' = 'en', doc: Y.Doc | null = board()) {
  return render(
    <NextIntlClientProvider
      locale={locale}
      messages={catalogues[locale]}
      timeZone="Europe/Helsinki"
      onError={(err) => {
        throw err;
      }}
    >
      <ProjectorView state={s} steps={STEPS} doc={doc} joinUrl={JOIN_URL} />
    </NextIntlClientProvider>,
  );
}

const projector = () => screen.getByTestId('projector');
const part = () => screen.getByTestId('projector-part');

describe('ProjectorView', () => {
  it('lobby: the join code and the QR code large, with who is here, and no corner', () => {
    show(state('lobby'));
    expect(screen.getByTestId('join-code').textContent).toBe('KX7P2Q');
    expect(projector().querySelector(`[data-qr-url="${JOIN_URL}"]`)).not.toBeNull();
    expect(part().textContent).toContain('saappaat.example/join/KX7P2Q');
    expect(screen.queryByTestId('join-corner')).toBeNull();
  });

  it.each(PHASES.filter((p) => p !== 'lobby'))(
    '%s: the join code and QR stay in a corner for latecomers',
    (phase) => {
      show(state(phase));
      const corner = screen.getByTestId('join-corner');
      expect(corner.textContent).toContain('KX7P2Q');
      expect(corner.querySelector(`[data-qr-url="${JOIN_URL}"]`)).not.toBeNull();
      expect(projector().dataset.phase).toBe(phase);
    },
  );

  it('warm-up: the questions and the answers as they arrive, then the results', () => {
    const { unmount } = show(state('warmup'));
    expect(part().textContent).toContain(en.warmup.q1);
    // The answers arriving, counted as every other screen counts them.
    expect(screen.getByTestId('readiness').dataset.signal).toBe('answered');
    expect(screen.getByTestId('readiness').dataset.done).toBe('2');
    unmount();
    const closed = state('warmup', { warmupClosed: true });
    const figure = { score: 33, promoters: 2, passives: 0, detractors: 1, mean: 7.3 };
    closed.warmup = {
      answered: 3,
      results: { count: 3, enps: figure, customerEstimate: { ...figure, score: -33 } },
    };
    show(closed);
    expect(within(part()).getByTestId('enps').textContent).toContain('+33');
    expect(within(part()).getByTestId('customer-estimate').textContent).toContain('-33');
  });

  it('walk: the step with its artefact, the timer and who is done', () => {
    const deadline = Date.now() + 300_000;
    show(state('walk', { timer: { status: 'running', deadline, durationMs: 300_000 } }));
    const card = within(part()).getByTestId('step-card');
    expect(card.textContent).toContain('Delivery');
    expect(card.textContent).toContain('Your parcel will arrive between 8 and 22.');
    expect(card.textContent).toContain('Step 2 of 3');
    expect(screen.getByTestId('readiness')).toBeTruthy();
    expect(screen.getByTestId('timer')).toBeTruthy();
  });

  it('reveal: the curves and the largest gap', () => {
    useSession.setState({ revealed: Object.fromEntries(RATINGS.map((r) => [r.key, r])) });
    show(state('reveal'));
    expect(within(part()).getByTestId('biggest-gap').dataset.stepId).toBe('s2');
    // Written as every other figure on the screen: one decimal at most, "+2", not "2.0".
    expect(within(part()).getByTestId('biggest-gap').textContent).not.toMatch(/\d\.0\b/);
    expect(within(part()).getByTestId('emotion-curve')).toBeTruthy();
    // Only "I'm done" counts here: the same count as on every screen, as a line under the
    // curves (a reviewer found the phones' "0 of 3 done" missing from the wall).
    expect(screen.getByTestId('readiness').dataset.signal).toBe('ready');
    expect(part().contains(screen.getByTestId('readiness'))).toBe(false);
  });

  it('reflect: the step under discussion and its notes, without authors', () => {
    show(state('reflect', { anonymous: false }));
    const p = part();
    expect(within(p).getByRole('heading', { level: 2 }).textContent).toContain('Delivery');
    expect(p.textContent).toContain('Nobody says when the parcel comes');
    expect(p.textContent).toContain('Tracking link works');
    // Another step's notes stay off the wall.
    expect(p.textContent).not.toContain('Too many form fields');
    expect(p.textContent).not.toContain('Cecilia');
  });

  it('ideate: the ideas as they arrive, newest first, with their count', () => {
    show(state('ideate'));
    const items = within(part()).getAllByTestId('projector-idea');
    expect(items.map((i) => i.textContent)).toEqual([
      expect.stringContaining('One invoice, not three'),
      expect.stringContaining('Text message the day before'),
      expect.stringContaining('Pick a delivery hour'),
    ]);
    expect(part().textContent).toContain('3 ideas');
  });

  it('vote: the ideas without totals while hidden, who is done; then the ranking', () => {
    const { unmount } = show(state('vote'));
    expect(part().textContent).toContain(en.vote.hidden);
    expect(part().textContent).toContain('Pick a delivery hour');
    expect(within(part()).queryByTestId('vote-ranking')).toBeNull();
    expect(screen.getByTestId('readiness')).toBeTruthy();
    unmount();

    useSession.setState({
      voteResults: {
        ideas: [
          { ideaId: 'n5', dots: 7, voters: 3 },
          { ideaId: 'n6', dots: 4, voters: 2 },
          { ideaId: 'n4', dots: 0, voters: 0 },
        ],
        voters: 3,
      },
    });
    show(state('vote', { votes: { budget: 5, maxPerIdea: 3, hidden: true, closed: true } }));
    const ranked = within(part()).getAllByTestId('ranked-idea');
    expect(ranked.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/Text message the day before.*7 dots from 3 people/),
      expect.stringMatching(/One invoice, not three.*4 dots from 2 people/),
      expect.stringMatching(/Pick a delivery hour.*0 dots/),
    ]);
    expect(part().textContent).not.toContain(en.vote.hidden);
    // Nobody spends dots any more: the ranking has the wall to itself.
    expect(screen.queryByTestId('readiness')).toBeNull();
  });

  it('actions: the list as it is written', () => {
    const { unmount } = show(state('actions'));
    expect(part().textContent).toContain(en.actions.empty);
    unmount();
    useSession.setState({
      actions: [
        {
          id: 'a1',
          text: 'Send the delivery hour by text message',
          owner: 'Mirja',
          department: 'Logistics',
          dueDate: '2026-09-01',
          stepId: 's2',
          ideaId: 'n5',
          createdBy: 'f',
          createdAt: 1,
        },
      ],
    });
    show(state('actions'));
    const row = within(part()).getByTestId('projector-action');
    expect(row.textContent).toContain('Send the delivery hour by text message');
    expect(row.textContent).toContain('Mirja');
    expect(row.textContent).toContain('Delivery');
  });

  it('summary: the headline findings, with the top idea and the actions', () => {
    useSession.setState({
      revealed: Object.fromEntries(RATINGS.map((r) => [r.key, r])),
      voteResults: { ideas: [{ ideaId: 'n5', dots: 7, voters: 3 }], voters: 3 },
    });
    show(state('summary'));
    const p = part();
    expect(within(p).getByTestId('rankings').textContent).toContain('Delivery');
    expect(within(p).getByTestId('vote-ranking').textContent).toContain(
      'Text message the day before',
    );
    expect(screen.queryByTestId('readiness')).toBeNull();
  });

  it('keeps names off the wall when the workshop is anonymous', () => {
    for (const phase of PHASES) {
      const { unmount } = show(state(phase, { anonymous: true }));
      for (const p of PEOPLE) expect(projector().textContent, phase).not.toContain(p.name);
      unmount();
    }
  });

  it.each(['en', 'fi'] as const)('has every word of every phase in %s', (locale) => {
    useSession.setState({ revealed: Object.fromEntries(RATINGS.map((r) => [r.key, r])) });
    for (const phase of PHASES) {
      // onError throws: a missing message fails here.
      const { unmount } = show(state(phase), locale);
      expect(part().textContent?.length, phase).toBeGreaterThan(0);
      unmount();
    }
  });

  it('from reflect on, one press puts the journey map on the wall, and another brings the phase back', () => {
    show(state('walk'));
    expect(screen.queryByRole('button', { name: en.projector.showMap })).toBeNull();
    cleanup();
    show(state('reflect'));
    fireEvent.click(screen.getByRole('button', { name: en.projector.showMap }));
    // The whole map, drawn to fit the wall: nothing to scroll, no keys to press.
    const map = within(part()).getByTestId('projector-map');
    expect(map.querySelector('svg')?.getAttribute('viewBox')).toMatch(/^0 0 \d+/);
    expect(map.textContent).toContain('Nobody says'); // a note, wrapped into lines
    expect(map.textContent).not.toContain(en.map.swipe);
    expect(within(part()).queryByText(en.projector.underDiscussion, { exact: false })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: en.projector.showPhase }));
    expect(within(part()).queryByTestId('projector-map')).toBeNull();
    expect(part().textContent).toContain(en.projector.underDiscussion);
  });
});
