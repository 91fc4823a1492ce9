import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addNote, notesMap } from '../../lib/board/board-doc';
import { insertStep, type PathStep } from '../../lib/board/path-doc';
import type { RevealedRating } from '../../lib/domain/ratings';
import type { WorkshopState } from '../../lib/domain/workshop';
import { initialControl } from '../../lib/domain/commands';
import { PHASES } from '../../lib/domain/phases';
import type { WorkshopActor } from '../workshops/actor';
import { buildExport, type ExportDeps, rankIdeas, WorkshopNotFoundError } from './build-export';

const step = (id: string, department: string): PathStep => ({
  id,
  title: `Askel ${id}`,
  description: '',
  stage: 'during',
  channel: 'web',
  department,
  critical: false,
  targetFeeling: 'calm',
  artefact: null,
});

function revealed(stepId: string, round: number, valence: number): RevealedRating {
  return {
    key: `${round}:${stepId}:k${valence}`,
    stepId,
    round,
    valence,
    emotion: valence < 0 ? 'frustrated' : 'happy',
    expectation: 'as',
    effort: null,
    note: null,
    role: 'customer',
    lens: 'customer',
    cardId: null,
    personaId: null,
    name: null,
  };
}

function fakes(anonymous: boolean): ExportDeps {
  const doc = new Y.Doc();
  insertStep(doc, step('a', 'Myynti'));
  insertStep(doc, step('b', 'Talous'));
  for (const [id, lane] of [
    ['i1', 'ideas'],
    ['i2', 'ideas'],
    ['p1', 'pains'],
  ] as const) {
    addNote(doc, {
      id,
      stepId: 'a',
      lane,
      text: `teksti ${id}`,
      authorId: 'p-1',
      createdAt: Date.UTC(2026, 2, 2),
    });
    // Stored before authorship came from the roster: a forged signature, never read.
    notesMap(doc).get(id)!.set('authorRole', 'leader');
    notesMap(doc).get(id)!.set('authorName', 'The CEO');
  }
  const control = { ...initialControl(PHASES), anonymous, round: 2 };
  const state = {
    info: {
      id: 'w1',
      title: 'Työpaja',
      templateId: 't',
      locale: 'fi',
      joinCode: 'X',
      createdAt: 0,
    },
    control,
    participants: [
      { id: '1', name: 'F', role: 'facilitator', lens: 'customer', online: true },
      { id: '2', name: 'A', role: 'customer', lens: 'customer', online: false },
      { id: '3', name: 'B', role: 'customer', lens: 'customer', online: true },
    ],
    ratingCounts: {},
    warmup: { answered: 0, results: null },
    progress: { doneIds: [], dotsSpent: {} },
  } as WorkshopState;
  const actor = {
    state: () => state,
    roster: () => new Map([['p-1', { name: 'Sanna', role: 'staff' }]]),
    revealedRatings: () => [revealed('b', 2, -3), revealed('a', 1, 2), revealed('a', 2, 1)],
  } as unknown as WorkshopActor;
  return {
    registry: { get: async (id) => (id === 'w1' ? actor : null) },
    storage: {
      listVotes: async () => [
        { workshopId: 'w1', participantId: '2', ideaId: 'i2', dots: 2 },
        { workshopId: 'w1', participantId: '3', ideaId: 'i2', dots: 1 },
      ],
      listActions: async () => [],
    },
    readDoc: async (_id, read) => read(doc),
    now: () => Date.UTC(2026, 2, 3),
  };
}

describe('buildExport', () => {
  it('gathers the workshop from the actor, the document and storage', async () => {
    const exp = await buildExport(fakes(true), 'w1');
    expect(exp.exportedAt).toBe('2026-03-03T00:00:00.000Z');
    expect(exp.workshop).toMatchObject({ id: 'w1', phase: 'lobby', rounds: 2, anonymous: true });
    expect(exp.participantsByRole).toEqual({ facilitator: 1, customer: 2 });
    expect(exp.path.map((s) => s.id)).toEqual(['a', 'b']);
    // Round, then path order.
    expect(exp.ratings.map((r) => `${r.round}:${r.stepId}`)).toEqual(['1:a', '2:a', '2:b']);
    expect(exp.ideas.map((i) => [i.noteId, i.dots])).toEqual([
      ['i2', 3],
      ['i1', 0],
    ]);
    expect(exp.notes.every((n) => n.authorName === '' && n.authorRole === 'staff')).toBe(true);
    expect(exp.notes[0]!.createdAt).toBe('2026-03-02T00:00:00.000Z');
  });

  it('analyses the latest round, and splits every round by round', async () => {
    const { analysis } = await buildExport(fakes(false), 'w1');
    expect(analysis.curve.map((p) => p.overall?.mean ?? null)).toEqual([1, -3]);
    expect(analysis.byRound.map((r) => r.round)).toEqual([1, 2]);
  });

  it('keeps every round analysed on its own, and the change per role between them', async () => {
    const exp = await buildExport(fakes(false), 'w1');
    expect(
      exp.rounds?.map((r) => [r.round, r.analysis.curve.map((p) => p.overall?.mean ?? null)]),
    ).toEqual([
      [1, [2, null]],
      [2, [1, -3]],
    ]);
    // The latest round is `analysis` as it always was.
    expect(exp.rounds?.at(-1)?.analysis.curve).toEqual(exp.analysis.curve);
    expect(exp.roundChanges?.map((c) => [c.stepId, c.role, c.change])).toEqual([
      ['a', 'customer', -1],
      ['b', 'customer', null],
    ]);
  });

  it('names note authors from the roster in a named workshop, and refuses an unknown one', async () => {
    const exp = await buildExport(fakes(false), 'w1');
    expect(exp.notes.map((n) => [n.authorName, n.authorRole])).toEqual([
      ['Sanna', 'staff'],
      ['Sanna', 'staff'],
      ['Sanna', 'staff'],
    ]);
    await expect(buildExport(fakes(false), 'nope')).rejects.toBeInstanceOf(WorkshopNotFoundError);
  });
});

describe('rankIdeas', () => {
  it('ranks by dots, creation order on ties, and leaves other lanes out', () => {
    const note = (id: string, lane: 'ideas' | 'pains') => ({
      id,
      stepId: 's',
      lane,
      text: id,
      authorRole: 'staff' as const,
      authorName: '',
      createdAt: '',
      groupId: null,
    });
    const ideas = rankIdeas(
      [note('z', 'ideas'), note('y', 'ideas'), note('x', 'pains'), note('w', 'ideas')],
      [
        { workshopId: 'w', participantId: 'p', ideaId: 'w', dots: 2 },
        { workshopId: 'w', participantId: 'p', ideaId: 'x', dots: 3 },
      ],
    );
    expect(ideas.map((i) => [i.noteId, i.dots])).toEqual([
      ['w', 2],
      ['z', 0],
      ['y', 0],
    ]);
  });
});
