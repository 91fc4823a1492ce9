import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { analyseJourney } from '@/lib/analytics/journey';
import { analyseWorkshop } from '@/lib/analytics/rounds';
import { EXPORT_SCHEMA, EXPORT_VERSION, type WorkshopExport } from '@/lib/export/model';
import { RATINGS, renderEn, STEPS } from '../charts/test-utils';
import { SummaryView } from './summary-view';

const path = STEPS.map((s) => ({
  ...s,
  description: '',
  stage: 'during' as const,
  channel: 'web' as const,
  artefact: null,
}));

const data: WorkshopExport = {
  schema: EXPORT_SCHEMA,
  version: EXPORT_VERSION,
  exportedAt: '2026-11-23T10:00:00.000Z',
  workshop: {
    id: 'w1',
    title: 'Tilauksesta laskuun – kevät',
    templateId: 'b2b-order-to-invoice',
    locale: 'en',
    createdAt: '2026-11-23T09:00:00.000Z',
    phase: 'summary',
    rounds: 1,
    anonymous: true,
  },
  path,
  personas: [],
  situations: [],
  participantsByRole: { leader: 1, customer: 2 },
  warmup: null,
  ratings: [],
  notes: [
    {
      id: 'n1',
      stepId: 'delivery',
      lane: 'pains',
      text: 'Rahtikirjassa ei kerrottu, miksi rivi puuttui',
      authorRole: 'customer',
      authorName: '',
      createdAt: '2026-11-23T09:30:00.000Z',
      groupId: null,
    },
  ],
  groups: [],
  ideas: [
    { noteId: 'i1', stepId: 'delivery', text: 'Tell the customer about back orders', dots: 7 },
  ],
  actions: [
    {
      id: 'a1',
      text: 'Add back orders to the waybill',
      owner: 'Päivi',
      department: 'Logistics',
      dueDate: '2027-01-31',
      stepId: 'delivery',
      ideaId: 'i1',
      createdAt: '2026-11-23T10:00:00.000Z',
    },
  ],
  analysis: analyseJourney(STEPS, RATINGS),
};

describe('SummaryView', () => {
  it('puts facts, pains, ideas and actions on one page', () => {
    renderEn(<SummaryView data={data} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Summary: Tilauksesta laskuun – kevät',
    );
    expect(screen.getByTestId('summary-participants').textContent).toBe(
      'Leader 1, Customer proxy 2',
    );
    const pains = screen.getByRole('region', { name: 'Top pains and gains per step' });
    expect(within(pains).getByText(/Rahtikirjassa ei kerrottu/)).toBeTruthy();
    expect(screen.getByTestId('summary-ideas').textContent).toContain('7 dots');
    expect(screen.getByTestId('summary-actions').textContent).toContain('Päivi');
    expect(screen.getByRole('img', { name: /Emotion curve over/ })).toBeTruthy();
  });

  it('shows the journey map, read-only, with its downloads', () => {
    renderEn(<SummaryView data={data} />);
    const section = screen.getByRole('region', { name: 'Journey map' });
    const grid = within(section).getByRole('grid');
    expect(grid.getAttribute('aria-readonly')).toBe('true');
    // Only the lane that holds a note, with the note under its step.
    expect(
      within(grid)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toContain('Pains');
    const cell = grid.querySelector('[data-cell="pains:delivery"]')!;
    expect(cell.textContent).toContain('Rahtikirjassa ei kerrottu');
    expect(within(section).getByRole('button', { name: 'Download the map (SVG)' })).toBeTruthy();
    expect(within(section).getByRole('button', { name: 'Download the map (PNG)' })).toBeTruthy();
  });
});

describe('SummaryView: promises broken', () => {
  it('ranks them by role beside the other rankings', () => {
    // A customer proxy expected "happy" (+2) at Delivery after Order, and felt −2.5 there.
    const ratings = RATINGS.map((r) =>
      r.stepId === 'order' && r.role === 'customer' ? { ...r, expectedNext: 'happy' as const } : r,
    );
    renderEn(<SummaryView data={{ ...data, analysis: analyseJourney(STEPS, ratings) }} />);
    const gaps = screen.getByRole('region', { name: 'Where views differ' });
    const promises = within(gaps).getByRole('region', { name: 'Promises broken' });
    expect(within(promises).getByRole('group', { name: 'Customer proxy' }).textContent).toContain(
      'Step 3 · Delivery',
    );
  });
});

describe('SummaryView with emptied notes', () => {
  const note = (id: string, lane: 'pains' | 'gains', text: string) => ({
    ...data.notes[0]!,
    id,
    lane,
    text,
  });

  it('leaves out blank notes, and says there are none when only blank ones are left', () => {
    renderEn(<SummaryView data={{ ...data, notes: [note('b1', 'pains', '  \n ')] }} />);
    const section = screen.getByRole('region', { name: 'Top pains and gains per step' });
    expect(section.textContent).not.toMatch(/Pains:/);
    expect(within(section).getByText('Nothing yet.')).toBeTruthy();
  });

  it('lists only the notes with text', () => {
    renderEn(
      <SummaryView
        data={{ ...data, notes: [note('b1', 'pains', ' '), note('g1', 'gains', 'Quick reply')] }}
      />,
    );
    const section = screen.getByRole('region', { name: 'Top pains and gains per step' });
    expect(section.textContent).not.toMatch(/Pains:/);
    expect(section.textContent).toMatch(/Gains: Quick reply/);
    expect(within(section).queryByText('Nothing yet.')).toBeNull();
  });

  it('wraps long words in notes, ideas and actions instead of widening the page', () => {
    const long = 'x'.repeat(288);
    renderEn(<SummaryView data={{ ...data, notes: [note('p1', 'pains', long)] }} />);
    const pains = screen.getByRole('region', { name: 'Top pains and gains per step' });
    expect(within(pains).getByText(long).className).toContain('wrap-anywhere');
    expect(screen.getByTestId('summary-ideas').querySelector('li')!.className).toContain(
      'wrap-anywhere',
    );
    expect(
      within(screen.getByTestId('summary-actions')).getByText('Add back orders to the waybill')
        .className,
    ).toContain('wrap-anywhere');
  });

  it('shows each earlier round’s findings and the change per role when there are two rounds', () => {
    // Round 2, leaders in staff's boots: +1 at Delivery, where they felt +2 in round 1.
    const round2 = RATINGS.filter((r) => r.role === 'leader').map((r) => ({
      ...r,
      round: 2,
      lens: 'staff' as const,
      valence: r.stepId === 'delivery' ? 1 : r.valence,
    }));
    const ratings = [...RATINGS, ...round2];
    renderEn(<SummaryView data={{ ...data, ...analyseWorkshop(STEPS, ratings) }} />);
    const rounds = screen.getByRole('region', { name: 'Round by round' });
    const round1 = within(rounds).getByRole('region', {
      name: "Round 1 (Customer's boots): findings",
    });
    // Round 1's perception gap at Delivery (leader +2, proxies −2.5): gone from round 2.
    expect(round1.textContent).toContain('Delivery');
    expect(within(round1).getByText('7 revealed ratings')).toBeTruthy();
    const leaders = within(rounds).getByRole('table', { name: 'Leader: mean feeling per round' });
    const row = within(leaders).getByRole('rowheader', { name: '3. Delivery' }).closest('tr')!;
    expect([...row.querySelectorAll('td')].map((c) => c.textContent)).toEqual(['+2', '+1', '-1']);
  });

  it('shows no rounds section with one round', () => {
    renderEn(<SummaryView data={{ ...data, ...analyseWorkshop(STEPS, RATINGS) }} />);
    expect(screen.queryByRole('region', { name: 'Round by round' })).toBeNull();
  });
});
