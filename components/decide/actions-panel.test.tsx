import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addNote } from '@/lib/board/board-doc';
import type { PathStep } from '@/lib/board/path-doc';
import type { ActionItem } from '@/lib/domain/actions';
import { control } from '@/lib/domain/command-fixtures';
import { NO_PROGRESS } from '@/lib/domain/progress';
import type { VoteResults } from '@/lib/domain/votes';
import type { WorkshopState, You } from '@/lib/domain/workshop';
import { useSession } from '@/lib/stores/session-store';
import { renderEn } from '../charts/test-utils';
import { ActionsPanel } from './actions-panel';

const step = (id: string, title: string): PathStep => ({
  id,
  title,
  description: '',
  stage: 'during',
  channel: 'web',
  department: '',
  critical: false,
  targetFeeling: 'happy',
  artefact: null,
});
const STEPS = [step('s1', 'Book a time'), step('s2', "The doctor's appointment")];
const IDEAS = {
  a: { stepId: 's1', text: 'Call back within a day' },
  b: { stepId: 's1', text: 'Show the queue' },
  c: { stepId: 's2', text: 'Text when the doctor is late' },
};
const RESULTS: VoteResults = {
  ideas: [
    { ideaId: 'c', dots: 5, voters: 3 },
    { ideaId: 'a', dots: 2, voters: 2 },
    { ideaId: 'b', dots: 0, voters: 0 },
  ],
  voters: 3,
};

function board() {
  const doc = new Y.Doc();
  for (const [id, idea] of Object.entries(IDEAS)) {
    addNote(doc, { id, lane: 'ideas', authorId: 'p2', createdAt: 1, ...idea });
  }
  return doc;
}

const you = (role: You['role']): You => ({
  participantId: `p-${role}`,
  name: 'Fia',
  role,
  lens: 'customer',
  personaId: null,
  cardId: null,
  warmup: null,
});

function show({
  results = RESULTS as VoteResults | null,
  actions = [] as ActionItem[],
  role = 'facilitator' as You['role'],
} = {}) {
  useSession.setState({ voteResults: results, actions });
  const state: WorkshopState = {
    info: {
      id: 'w1',
      title: 'Clinic',
      templateId: 'clinic-visit',
      locale: 'en',
      joinCode: 'ABCD',
      createdAt: 0,
    },
    control: control({ phase: 'actions', stepId: null }),
    participants: [],
    ratingCounts: {},
    warmup: { answered: 0, results: null },
    progress: NO_PROGRESS,
  };
  return renderEn(<ActionsPanel state={state} you={you(role)} steps={STEPS} doc={board()} />);
}

const realSend = useSession.getState().send;
afterEach(() => {
  useSession.setState({ send: realSend, voteResults: null, actions: [] });
  vi.unstubAllGlobals();
});

const ranking = () => screen.getByRole('region', { name: /^Ideas/ });
const rankedTexts = () =>
  within(ranking())
    .getAllByRole('listitem')
    .map((li) => li.querySelector('[data-idea-text]')?.textContent);
const options = (name: string) =>
  [...(screen.getByRole('combobox', { name }) as HTMLSelectElement).options].map(
    (o) => o.textContent,
  );

describe('writing actions with the vote at hand', () => {
  it('shows the ideas beside the form, most dots first, with their dots', () => {
    show();
    expect(ranking()).toBe(screen.getByRole('region', { name: 'Ideas, most dots first' }));
    expect(rankedTexts()).toEqual([IDEAS.c.text, IDEAS.a.text, IDEAS.b.text]);
    const top = within(ranking()).getAllByRole('listitem')[0]!;
    within(top).getByText(/5 dots/);
  });

  it('lists the ideas "From idea" most dots first, with their dots', () => {
    show();
    expect(options('From idea')).toEqual([
      '—',
      `${IDEAS.c.text} · 5 dots`,
      `${IDEAS.a.text} · 2 dots`,
      `${IDEAS.b.text} · no dots`,
    ]);
  });

  it('starts an action from an idea picked in the ranking', () => {
    const send = vi.fn(async () => ({ ok: true }) as const);
    useSession.setState({ send: send as never });
    show();
    fireEvent.click(screen.getByRole('button', { name: `Start an action from “${IDEAS.c.text}”` }));
    const text = screen.getByRole('textbox', { name: 'What will be done' }) as HTMLInputElement;
    expect(text.value).toBe(IDEAS.c.text);
    expect(document.activeElement).toBe(text);
    expect((screen.getByRole('combobox', { name: 'From idea' }) as HTMLSelectElement).value).toBe(
      'c',
    );
    expect((screen.getByRole('combobox', { name: 'Step' }) as HTMLSelectElement).value).toBe('s2');
    fireEvent.click(screen.getByRole('button', { name: 'Add the action' }));
    expect(send).toHaveBeenCalledWith(
      'action:put',
      expect.objectContaining({ text: IDEAS.c.text, ideaId: 'c', stepId: 's2' }),
    );
  });

  it('says which ideas already have an action', () => {
    const action: ActionItem = {
      id: 'x1',
      text: 'Send a text message',
      owner: null,
      department: null,
      dueDate: null,
      stepId: 's2',
      ideaId: 'c',
      createdBy: null,
      createdAt: 1,
    };
    show({ actions: [action] });
    const [top, second] = within(ranking()).getAllByRole('listitem');
    within(top!).getByText(/· 1 action written$/);
    expect(within(second!).queryByText(/action written/)).toBeNull();
  });

  it('keeps the board order, and says when the ranking comes, before the vote is closed', () => {
    show({ results: null, role: 'customer' });
    expect(ranking()).toBe(screen.getByRole('region', { name: 'Ideas on the board' }));
    screen.getByText('The ranking shows once the voting is closed.');
    expect(rankedTexts()).toEqual([IDEAS.a.text, IDEAS.b.text, IDEAS.c.text]);
    // Someone who may not write actions reads the ranking but starts nothing from it.
    expect(screen.queryAllByRole('button', { name: /^Start an action/ })).toEqual([]);
  });
});

describe('the ranking on a phone', () => {
  it('sits above the form, open, and folds away', () => {
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: true,
      media: query,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    }));
    show();
    const fold = screen.getByRole('button', { name: /^Ideas, most dots first/ });
    expect(fold.getAttribute('aria-expanded')).toBe('true');
    const form = screen.getByRole('textbox', { name: 'What will be done' });
    expect(fold.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    fireEvent.click(fold);
    expect(fold.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText(IDEAS.c.text, { selector: '[data-idea-text]' })).toBeNull();
  });
});
