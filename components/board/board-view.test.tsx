import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addNote, editNoteText, readNotes } from '@/lib/board/board-doc';
import type { PathStep } from '@/lib/board/path-doc';
import { renderEn } from '../charts/test-utils';
import { type BoardViewer, BoardView } from './board-view';

const STEPS: PathStep[] = [
  {
    id: 's1',
    title: 'Order',
    description: '',
    stage: 'during',
    channel: 'web',
    department: 'Sales',
    critical: false,
    targetFeeling: 'happy',
    artefact: null,
  },
];
const URL_NOTE = `See https://example.com/${'a'.repeat(288)}`;
const ME: BoardViewer = { participantId: 'p1', name: 'Aino', role: 'customer' };
const FACILITATOR: BoardViewer = { participantId: 'f1', name: 'Fia', role: 'facilitator' };

function boardWith(notes: Array<{ id: string; text: string; authorId?: string }>) {
  const doc = new Y.Doc();
  for (const n of notes) {
    addNote(doc, {
      id: n.id,
      stepId: 's1',
      lane: 'pains',
      text: n.text,
      authorId: n.authorId ?? 'p1',
      createdAt: 1,
    });
  }
  return doc;
}

function show(doc: Y.Doc, viewer: BoardViewer) {
  return renderEn(
    <BoardView
      doc={doc}
      steps={STEPS}
      stepId="s1"
      phase="reflect"
      viewer={viewer}
      anonymous={false}
      hiddenLanes={[]}
      boardLocked={false}
    />,
  );
}

const classes = (el: Element) => el.className.split(/\s+/);

describe('BoardView on a narrow screen', () => {
  it('keeps lanes from growing wider than the page for a long URL', () => {
    show(boardWith([{ id: 'n1', text: URL_NOTE, authorId: 'someone-else' }]), ME);
    const lanes = screen.getAllByRole('region').filter((el) => el.hasAttribute('data-lane'));
    expect(lanes.length).toBeGreaterThan(0);
    // The lanes' grid has minmax(0, 1fr) columns on every width, phones included.
    expect(classes(lanes[0]!.parentElement!)).toContain('grid-cols-1');
    for (const lane of lanes) expect(classes(lane)).toContain('min-w-0');
  });

  it('wraps a long word inside a note someone else wrote', () => {
    const { container } = show(
      boardWith([{ id: 'n1', text: URL_NOTE, authorId: 'someone-else' }]),
      ME,
    );
    const card = container.querySelector('[data-note-id="n1"]')!;
    expect(classes(card)).toContain('min-w-0');
    const text = within(card as HTMLElement).getByText(URL_NOTE);
    expect(classes(text)).toContain('wrap-anywhere');
  });
});

describe('an emptied note', () => {
  // jsdom's document never has focus; a person typing in the page does.
  beforeEach(() => void vi.spyOn(document, 'hasFocus').mockReturnValue(true));
  afterEach(() => void vi.restoreAllMocks());

  it('stays when the whole window lost focus (its writer may be copying text)', () => {
    vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    const doc = boardWith([{ id: 'n1', text: 'Slow page' }]);
    show(doc, ME);
    const box = screen.getByRole('textbox', { name: 'Note text' });
    fireEvent.change(box, { target: { value: '' } });
    fireEvent.blur(box);
    expect(readNotes(doc).map((n) => n.id)).toEqual(['n1']);
  });

  it('goes away when its writer leaves it empty', () => {
    const doc = boardWith([{ id: 'n1', text: 'Slow page' }]);
    show(doc, ME);
    const box = screen.getByRole('textbox', { name: 'Note text' });
    fireEvent.change(box, { target: { value: '   ' } });
    fireEvent.blur(box);
    expect(readNotes(doc)).toEqual([]);
  });

  it('stays while it has text, and when someone else leaves it empty', () => {
    const doc = boardWith([
      { id: 'n1', text: 'Slow page', authorId: FACILITATOR.participantId },
      { id: 'n2', text: 'Typo', authorId: 'p2' },
    ]);
    show(doc, FACILITATOR);
    const [mine, theirs] = screen.getAllByRole('textbox', { name: 'Note text' });
    fireEvent.blur(mine!);
    editNoteText(doc, 'n2', '');
    fireEvent.blur(theirs!);
    expect(readNotes(doc).map((n) => n.id)).toEqual(['n1', 'n2']);
  });
});
