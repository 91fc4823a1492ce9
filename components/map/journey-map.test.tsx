import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, readNotes } from '@/lib/board/board-doc';
import { buildJourneyMap } from '@/lib/board/journey-map';
import type { PathStep } from '@/lib/board/path-doc';
import { initialControl } from '@/lib/domain/commands';
import { PHASES } from '@/lib/domain/phases';
import type { ControlState } from '@/lib/domain/workshop';
import type { BoardViewer } from '../board/board-view';
import { renderEn } from '../charts/test-utils';
import { JourneyMap } from './journey-map';
import { LiveJourneyMap } from './live-journey-map';

function step(id: string, title: string, over: Partial<PathStep> = {}): PathStep {
  return {
    id,
    title,
    description: '',
    stage: 'during',
    channel: 'web',
    department: 'Sales',
    critical: false,
    targetFeeling: 'happy',
    artefact: null,
    ...over,
  };
}

const STEPS = [
  step('quote', 'Quote', { stage: 'before' }),
  step('order', 'Order'),
  step('delivery', 'Delivery', { department: 'Logistics', critical: true, channel: 'in_person' }),
];
const ME: BoardViewer = { participantId: 'p1', name: 'Aino', role: 'customer' };
const HIDDEN = [
  'customerThinks',
  'customerFeels',
  'staffFeels',
  'backstage',
  'gains',
  'questions',
] as const;

function control(over: Partial<ControlState> = {}): ControlState {
  return { ...initialControl(PHASES), phase: 'reflect', hiddenLanes: [...HIDDEN], ...over };
}

function boardDoc() {
  const doc = new Y.Doc();
  addNote(doc, {
    id: 'n1',
    stepId: 'delivery',
    lane: 'pains',
    text: 'Late again',
    authorId: 'p2',
    createdAt: 1,
  });
  return doc;
}

/** The grid's lane cells, by row: customerDoes, staffDoes, pains, ideas (the visible lanes). */
function cell(row: number, col: number): HTMLElement {
  const rows = within(screen.getByRole('grid'))
    .getAllByRole('row')
    .filter((r) => r.hasAttribute('data-lane'));
  return within(rows[row]!).getAllByRole('gridcell')[col]!;
}

describe('JourneyMap', () => {
  it('shows the steps as columns under their stages, with channel, owner, critical and hand-off', () => {
    const map = buildJourneyMap({ steps: STEPS, notes: [], groups: [], curve: [] });
    renderEn(<JourneyMap map={map} readOnly />);
    const grid = screen.getByRole('grid', { name: /journey map/i });
    expect(
      within(grid).getByRole('columnheader', { name: 'Before purchase' }).getAttribute('colspan'),
    ).toBe('1');
    expect(
      within(grid).getByRole('columnheader', { name: 'During purchase' }).getAttribute('colspan'),
    ).toBe('2');
    const delivery = within(grid).getByRole('columnheader', { name: /3\. Delivery/ });
    expect(delivery.textContent).toContain('In person');
    expect(delivery.textContent).toContain('Owner: Logistics');
    expect(delivery.textContent).toContain('Critical'); // a word, not only a colour
    const order = within(grid).getByRole('columnheader', { name: /2\. Order/ });
    expect(order.textContent).toContain('Hand-off: Sales → Logistics');
    expect(
      within(grid)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toContain('Pains');
    expect(screen.getByText('The curves appear once ratings are revealed.')).toBeTruthy();
    // The scroller positions its content: the cells' sr-only (absolute) texts stay clipped
    // inside it instead of widening a phone's page to the map's width.
    const scroller = grid.parentElement!;
    expect(scroller.className.split(/\s+/)).toEqual(
      expect.arrayContaining(['relative', 'overflow-x-auto']),
    );
  });

  it('moves focus between cells with the arrow keys, Home, End and Ctrl+End (one tab stop)', () => {
    const doc = boardDoc();
    renderEn(<LiveJourneyMap doc={doc} steps={STEPS} control={control()} viewer={ME} />);
    const stops = within(screen.getByRole('grid'))
      .getAllByRole('gridcell')
      .filter((c) => c.tabIndex === 0);
    expect(stops).toHaveLength(1);
    const first = cell(0, 0);
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(cell(0, 1));
    fireEvent.keyDown(cell(0, 1), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(cell(1, 1));
    fireEvent.keyDown(cell(1, 1), { key: 'End' });
    expect(document.activeElement).toBe(cell(1, 2));
    fireEvent.keyDown(cell(1, 2), { key: 'ArrowRight' }); // stays at the edge
    expect(document.activeElement).toBe(cell(1, 2));
    fireEvent.keyDown(cell(1, 2), { key: 'Home' });
    expect(document.activeElement).toBe(cell(1, 0));
    fireEvent.keyDown(cell(1, 0), { key: 'End', ctrlKey: true });
    expect(document.activeElement).toBe(cell(3, 2));
    expect(cell(3, 2).tabIndex).toBe(0);
    expect(cell(0, 0).tabIndex).toBe(-1);
    fireEvent.keyDown(cell(3, 2), { key: 'ArrowUp' });
    expect(document.activeElement).toBe(cell(2, 2));
    expect(cell(2, 2).textContent).toContain('Late again');
  });

  it('opens a cell with Enter, and a note added there is written to the board’s document', () => {
    const doc = boardDoc();
    renderEn(<LiveJourneyMap doc={doc} steps={STEPS} control={control()} viewer={ME} />);
    const pains = cell(2, 2);
    pains.focus();
    fireEvent.keyDown(pains, { key: 'Enter' });
    const dialog = screen.getByRole('dialog', { name: 'Pains · 3. Delivery' });
    expect(within(dialog).getByText('Late again')).toBeTruthy();
    const field = within(dialog).getByRole('textbox', { name: 'New note in “Pains”' });
    expect(document.activeElement).toBe(field);
    fireEvent.change(field, { target: { value: 'Nobody called' } });
    // As a keyboard user does: Tab to "Add", then press it.
    const add = within(dialog).getByRole('button', { name: 'Add' });
    add.focus();
    fireEvent.click(add);
    // Focus goes back to the empty field for the next note (a reviewer's fell to the page's
    // body as the emptied field disabled "Add", and Escape no longer closed the dialog).
    expect(document.activeElement).toBe(field);
    const added = readNotes(doc).find((n) => n.text === 'Nobody called');
    expect(added).toMatchObject({ stepId: 'delivery', lane: 'pains', authorId: 'p1' });
    // The map shows it at once, and Escape returns to the cell.
    expect(pains.textContent).toContain('Nobody called');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(pains);
  });

  it('lets a participant edit their own note from the cell, not someone else’s', () => {
    const doc = boardDoc();
    addNote(doc, {
      id: 'mine',
      stepId: 'delivery',
      lane: 'pains',
      text: 'Mine',
      authorId: 'p1',
      createdAt: 2,
    });
    renderEn(<LiveJourneyMap doc={doc} steps={STEPS} control={control()} viewer={ME} />);
    fireEvent.click(cell(2, 2));
    const dialog = screen.getByRole('dialog');
    const boxes = within(dialog).getAllByRole('textbox', { name: 'Note text' });
    expect(boxes).toHaveLength(1);
    fireEvent.change(boxes[0]!, { target: { value: 'Mine, edited' } });
    expect(readNotes(doc).find((n) => n.id === 'mine')!.text).toBe('Mine, edited');
  });

  it('only shows a locked board’s notes, and the projector’s map never opens', () => {
    const doc = boardDoc();
    const { unmount } = renderEn(
      <LiveJourneyMap
        doc={doc}
        steps={STEPS}
        control={control({ boardLocked: true })}
        viewer={ME}
      />,
    );
    fireEvent.keyDown(cell(2, 2), { key: 'Enter' });
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain('The facilitator has locked the board for now.');
    expect(within(dialog).queryByRole('textbox')).toBeNull();
    unmount();

    renderEn(
      <LiveJourneyMap doc={doc} steps={STEPS} control={control()} viewer={null} size="huge" />,
    );
    expect(screen.getByRole('grid').getAttribute('aria-readonly')).toBe('true');
    fireEvent.keyDown(cell(2, 2), { key: 'Enter' });
    fireEvent.click(cell(2, 2));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
