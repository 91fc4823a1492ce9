import { describe, expect, it } from 'vitest';
import { curve } from '../analytics/curve';
import type { AnalyticsRating } from '../analytics/types';
import { buildJourneyMap, mapAvailable, type MapNote, stageRuns } from './journey-map';
import type { PathStep } from './path-doc';

function step(id: string, over: Partial<PathStep> = {}): PathStep {
  return {
    id,
    title: `Step ${id}`,
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
  step('quote', { stage: 'before' }),
  step('call', { stage: 'before', channel: 'phone' }),
  step('order', { department: ' Sales operations ' }),
  step('delivery', { department: 'Logistics', critical: true, channel: 'in_person' }),
  step('invoice', { stage: 'after', department: 'Billing', targetFeeling: 'calm' }),
];

const note = (id: string, stepId: string, lane: MapNote['lane'], over: Partial<MapNote> = {}) => ({
  id,
  stepId,
  lane,
  text: `text ${id}`,
  groupId: null,
  ...over,
});

function rating(stepId: string, role: AnalyticsRating['role'], valence: number): AnalyticsRating {
  return {
    stepId,
    role,
    valence,
    round: 1,
    lens: 'customer',
    cardId: null,
    personaId: null,
    expectation: 'as',
    effort: null,
  };
}

describe('buildJourneyMap', () => {
  it('puts the steps in order as columns, with stage, channel, owner, critical and hand-offs', () => {
    const map = buildJourneyMap({ steps: STEPS, notes: [], groups: [], curve: [] });
    expect(map.columns.map((c) => c.stepId)).toEqual([
      'quote',
      'call',
      'order',
      'delivery',
      'invoice',
    ]);
    expect(map.columns[1]).toMatchObject({
      index: 1,
      channel: 'phone',
      stage: 'before',
      handoffToNext: {
        fromDepartment: 'Sales',
        toDepartment: 'Sales operations',
      },
    });
    expect(map.columns[0]!.handoffToNext).toBeNull();
    expect(map.columns[2]!.department).toBe('Sales operations');
    expect(map.columns[3]).toMatchObject({
      critical: true,
      handoffToNext: { toDepartment: 'Billing' },
    });
    expect(map.columns[4]!.handoffToNext).toBeNull(); // the last step hands off to nobody
    expect(map.stages).toEqual([
      { stage: 'before', start: 0, span: 2 },
      { stage: 'during', start: 2, span: 2 },
      { stage: 'after', start: 4, span: 1 },
    ]);
  });

  it('keeps a stage that comes back as a run of its own', () => {
    expect(stageRuns([{ stage: 'during' }, { stage: 'after' }, { stage: 'during' }])).toEqual([
      { stage: 'during', start: 0, span: 1 },
      { stage: 'after', start: 1, span: 1 },
      { stage: 'during', start: 2, span: 1 },
    ]);
  });

  it('makes a row per visible lane, with each step’s notes in its cell and groups apart', () => {
    const notes = [
      note('n1', 'delivery', 'pains'),
      note('n2', 'delivery', 'pains', { groupId: 'g1' }),
      note('n3', 'delivery', 'pains', { groupId: 'g1' }),
      note('n4', 'delivery', 'pains', { groupId: 'g-elsewhere' }), // its group is another step's
      note('n5', 'quote', 'ideas'),
      note('n6', 'gone', 'pains'), // a step no longer on the path
      note('n7', 'quote', 'pains', { text: '  ' }), // a blank sticky
    ];
    const map = buildJourneyMap({
      steps: STEPS,
      notes,
      groups: [
        { id: 'g1', stepId: 'delivery', title: 'Late' },
        { id: 'g-elsewhere', stepId: 'order', title: 'Other' },
      ],
      curve: [],
      hiddenLanes: ['questions', 'backstage'],
    });
    expect(map.rows.map((r) => r.lane)).toEqual([
      'customerDoes',
      'customerThinks',
      'customerFeels',
      'staffDoes',
      'staffFeels',
      'pains',
      'gains',
      'ideas',
    ]);
    const pains = map.rows.find((r) => r.lane === 'pains')!;
    expect(pains.cells.map((c) => c.count)).toEqual([0, 0, 0, 4, 0]);
    const cell = pains.cells[3]!;
    expect(cell.groups).toEqual([{ id: 'g1', title: 'Late', notes: [notes[1], notes[2]] }]);
    expect(cell.loose.map((n) => n.id)).toEqual(['n1', 'n4']);
    expect(map.rows.find((r) => r.lane === 'ideas')!.cells[0]!.loose.map((n) => n.id)).toEqual([
      'n5',
    ]);
  });

  it('leaves out empty lanes when asked (a printed map)', () => {
    const map = buildJourneyMap({
      steps: STEPS,
      notes: [note('n1', 'call', 'gains'), note('n2', 'order', 'pains')],
      groups: [],
      curve: [],
      dropEmptyLanes: true,
    });
    expect(map.rows.map((r) => r.lane)).toEqual(['pains', 'gains']);
  });

  it('has no curves before anything is revealed', () => {
    const map = buildJourneyMap({ steps: STEPS, notes: [], groups: [], curve: curve(STEPS, []) });
    expect(map.curves).toEqual([]);
  });

  it('aligns each role’s mean and the target with the columns once revealed', () => {
    const ratings = [
      rating('quote', 'leader', 2),
      rating('delivery', 'leader', 1),
      rating('delivery', 'customer', -2),
      rating('delivery', 'customer', -3),
      rating('invoice', 'facilitator', 3), // facilitators do not rate the journey
    ];
    const map = buildJourneyMap({
      steps: STEPS,
      notes: [],
      groups: [],
      curve: curve(STEPS, ratings),
    });
    expect(map.curves).toEqual([
      { key: 'leader', values: [2, null, null, 1, null] },
      { key: 'customer', values: [null, null, null, -2.5, null] },
      { key: 'target', values: [2, 2, 2, 2, 1] },
    ]);
  });
});

describe('mapAvailable', () => {
  it('opens the map to everyone from reflect on', () => {
    expect(mapAvailable('walk')).toBe(false);
    expect(mapAvailable('reveal')).toBe(false);
    expect(mapAvailable('reflect')).toBe(true);
    expect(mapAvailable('vote')).toBe(true);
    expect(mapAvailable('summary')).toBe(true);
  });
});
