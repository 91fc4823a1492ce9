import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addNote, type Lane, NOTE_TEXT_MAX_CHARS } from '@/lib/board/board-doc';
import type { PathStep } from '@/lib/board/path-doc';
import type { Phase } from '@/lib/domain/phases';
import { renderEn } from '../charts/test-utils';
import { type BoardViewer, BoardView } from './board-view';

const step = (id: string, title: string): PathStep => ({
  id,
  title,
  description: '',
  stage: 'during',
  channel: 'web',
  department: 'Sales',
  critical: false,
  targetFeeling: 'happy',
  artefact: null,
});
const STEPS = [step('s1', 'Book a time'), step('s2', "The doctor's appointment")];
const ME: BoardViewer = { participantId: 'p1', name: 'Aino', role: 'customer', lens: 'customer' };

function boardWith(notes: Array<{ id: string; lane: Lane; text: string; authorId?: string }>) {
  const doc = new Y.Doc();
  for (const n of notes) {
    addNote(doc, { stepId: 's1', authorId: 'p2', createdAt: 1, ...n });
  }
  return doc;
}

function show(doc: Y.Doc, phase: Phase, viewer: BoardViewer = ME) {
  return renderEn(
    <BoardView
      doc={doc}
      steps={STEPS}
      stepId="s1"
      phase={phase}
      viewer={viewer}
      anonymous={false}
      hiddenLanes={[]}
      boardLocked={false}
    />,
  );
}

/** A phone held upright: the page's media query for narrow screens matches. */
function onAPhone() {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: true,
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}
afterEach(() => void vi.unstubAllGlobals());

const laneOrder = () =>
  screen
    .getAllByRole('region')
    .filter((el) => el.hasAttribute('data-lane'))
    .map((el) => el.getAttribute('data-lane'));
const lane = (name: RegExp) => screen.getByRole('button', { name });

describe('the board on a phone', () => {
  it('opens the lane the phase is about first, and folds the others with their note count', () => {
    onAPhone();
    show(
      boardWith([
        { id: 'n1', lane: 'pains', text: 'Nobody answered the phone' },
        { id: 'n2', lane: 'pains', text: 'The form lost my answers' },
      ]),
      'ideate',
    );
    expect(laneOrder()[0]).toBe('ideas');
    expect(lane(/^Ideas/).getAttribute('aria-expanded')).toBe('true');
    screen.getByRole('textbox', { name: 'New note in “Ideas”' });

    const pains = lane(/^Pains/);
    expect(pains.getAttribute('aria-expanded')).toBe('false');
    screen.getByRole('button', { name: 'Pains · 2 notes' });
    expect(screen.queryByText('Nobody answered the phone')).toBeNull();
    // A folded lane, empty or not, shows no box to type in until asked.
    expect(screen.queryByRole('textbox', { name: 'New note in “Pains”' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'New note in “Gains”' })).toBeNull();
    screen.getByRole('button', { name: 'Gains · no notes' });

    fireEvent.click(pains);
    expect(pains.getAttribute('aria-expanded')).toBe('true');
    screen.getByText('Nobody answered the phone');
    screen.getByRole('textbox', { name: 'New note in “Pains”' });
  });

  it('in reflect, opens pains, gains and questions first', () => {
    onAPhone();
    show(boardWith([]), 'reflect');
    expect(laneOrder().slice(0, 3)).toEqual(['pains', 'gains', 'questions']);
    expect(lane(/^Questions/).getAttribute('aria-expanded')).toBe('true');
    expect(lane(/^Ideas/).getAttribute('aria-expanded')).toBe('false');
  });

  it('in the walk, opens the lanes of the boots the person walks in', () => {
    onAPhone();
    show(boardWith([]), 'walk', { ...ME, role: 'staff', lens: 'staff' });
    expect(laneOrder().slice(0, 3)).toEqual(['staffDoes', 'staffFeels', 'backstage']);
    expect(lane(/^Customer feels/).getAttribute('aria-expanded')).toBe('false');
  });
});

describe('the board on a wide screen', () => {
  it('keeps every lane open, the phase’s first, with nothing to unfold', () => {
    show(boardWith([{ id: 'n1', lane: 'pains', text: 'Nobody answered the phone' }]), 'ideate');
    expect(laneOrder()[0]).toBe('ideas');
    expect(screen.queryAllByRole('button', { expanded: false })).toEqual([]);
    screen.getByText('Nobody answered the phone');
    expect(screen.getAllByRole('textbox', { name: /^New note in/ })).toHaveLength(10);
  });
});

describe('a note’s controls', () => {
  it('each have a visible label, and delete says what it does', () => {
    const { container } = show(
      boardWith([
        { id: 'p', lane: 'pains', text: 'Long wait', authorId: 'p1' },
        { id: 'i', lane: 'ideas', text: 'Show the queue', authorId: 'p1' },
      ]),
      'ideate',
    );
    const idea = within(container.querySelector<HTMLElement>('[data-note-id="i"]')!);
    for (const [visible, control] of [
      ['Move to lane', 'combobox'],
      ['Move to step', 'combobox'],
      ['Answers a pain', 'combobox'],
    ] as const) {
      // The words a sighted person reads label the control, and begin its spoken name.
      const label = idea.getByText(visible).closest('label');
      const field = idea.getByRole(control, { name: new RegExp(`^${visible}`) });
      expect([...(field as HTMLSelectElement).labels]).toEqual([label]);
    }
    const del = idea.getByRole('button', { name: /^Delete note/ });
    expect(del.textContent).toBe('Delete note');
  });
});

describe('the 500-character limit', () => {
  it('shows what is left as a note nears the limit, and nothing before', () => {
    const long = 'x'.repeat(NOTE_TEXT_MAX_CHARS - 30);
    show(
      boardWith([
        { id: 'n1', lane: 'pains', text: long, authorId: 'p1' },
        { id: 'n2', lane: 'gains', text: 'Short', authorId: 'p1' },
      ]),
      'reflect',
    );
    const [near, short] = screen.getAllByRole('textbox', { name: 'Note text' });
    expect(screen.getByRole('textbox', { description: '30 characters left' })).toBe(near);
    expect(short!.hasAttribute('aria-describedby')).toBe(false);
    expect(screen.getAllByText(/characters? left/)).toHaveLength(1);
  });

  it('counts down in the box for a new note', () => {
    show(boardWith([]), 'reflect');
    const box = screen.getByRole('textbox', { name: 'New note in “Pains”' });
    fireEvent.change(box, { target: { value: 'y'.repeat(NOTE_TEXT_MAX_CHARS - 1) } });
    expect(screen.getByRole('textbox', { description: '1 character left' })).toBe(box);
    fireEvent.change(box, { target: { value: 'y'.repeat(NOTE_TEXT_MAX_CHARS) } });
    const full = 'No characters left: a note holds 500 at most';
    expect(screen.getByRole('textbox', { description: full })).toBe(box);
  });
});
