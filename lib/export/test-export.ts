/** A hand-made export for the renderers' tests: Finnish, with hostile and non-ASCII text. */
import { analyseWorkshop } from '../analytics/rounds';
import type { PathStep } from '../board/path-doc';
import type { Locale } from '../domain/roles';
import {
  EXPORT_SCHEMA,
  EXPORT_VERSION,
  type ExportNote,
  type ExportRating,
  type WorkshopExport,
} from './model';

export const TITLE = 'Tilauksesta laskuun – ”kevät” 😀';
/** Text that tries markup, formulas and CSV breaking at once. */
export const HOSTILE = '=HYPERLINK("http://x","ä") | *bold* _u_ `c` [l](u) <b> # - + \\';

function step(id: string, title: string, over: Partial<PathStep> = {}): PathStep {
  return {
    id,
    title,
    description: `Kuvaus: ${title}`,
    stage: 'during',
    channel: 'web',
    department: 'Myynti',
    critical: false,
    targetFeeling: 'calm',
    artefact: null,
    ...over,
  };
}

export const PATH: PathStep[] = [
  step('tilaus', 'Tilaus verkkokaupassa'),
  step('vahvistus', 'Vahvistus sähköpostiin', { channel: 'email', department: 'Asiakaspalvelu' }),
  step('lasku', 'Lasku | "yllätys" *', {
    channel: 'letter_invoice',
    department: 'Talous',
    critical: true,
    targetFeeling: 'happy',
  }),
];

function rating(stepId: string, valence: number, over: Partial<ExportRating> = {}): ExportRating {
  return {
    stepId,
    round: 1,
    role: 'customer',
    lens: 'customer',
    cardId: null,
    personaId: null,
    valence,
    emotion: valence < 0 ? 'frustrated' : 'happy',
    expectation: valence < 0 ? 'worse' : 'as',
    effort: null,
    note: null,
    name: null,
    ...over,
  };
}

export const RATINGS: ExportRating[] = [
  rating('tilaus', 2, { role: 'leader', lens: 'customer', expectation: 'better' }),
  rating('tilaus', 1, { note: 'Helppoa, “kiitos” 👍', personaId: 'maija', effort: 2 }),
  rating('vahvistus', 1, { role: 'leader' }),
  rating('vahvistus', -1, { role: 'staff', lens: 'staff', emotion: 'unsure' }),
  rating('vahvistus', -2, { cardId: 'kiire', personaId: 'maija', effort: 4 }),
  rating('lasku', -2, { role: 'leader', note: '-2 on liikaa', effort: 3 }),
  rating('lasku', -3, { emotion: 'angry', note: HOSTILE, effort: 5 }),
];

/**
 * RATINGS with promises: after "tilaus" a customer proxy expects "happy" (+2) at
 * "vahvistus", where the proxies feel −2 (a gap of −4); after "vahvistus" a leader expects
 * "calm" (+1) at "lasku", where the leaders feel −2 (−3). Staff promise nothing.
 */
export const PROMISED: ExportRating[] = RATINGS.map((r, i) =>
  i === 1 ? { ...r, expectedNext: 'happy' } : i === 2 ? { ...r, expectedNext: 'calm' } : r,
);

function note(id: string, stepId: string, lane: ExportNote['lane'], text: string): ExportNote {
  return {
    id,
    stepId,
    lane,
    text,
    authorRole: 'customer',
    authorName: '',
    createdAt: '2026-03-02T10:00:00.000Z',
    groupId: null,
  };
}

export const NOTES: ExportNote[] = [
  note('n1', 'lasku', 'pains', 'Eräpäivä liian lyhyt'),
  { ...note('n2', 'lasku', 'pains', 'Viitenumero puuttui'), groupId: 'g1' },
  { ...note('n3', 'lasku', 'pains', 'Viite väärin'), groupId: 'g1' },
  note('n4', 'tilaus', 'gains', 'Nopea toimitus 🚚 – ”loistava”'),
  note('n5', 'lasku', 'ideas', HOSTILE),
  note('n6', 'tilaus', 'ideas', '@SUM(A1:A9) idea'),
  note('n7', 'tilaus', 'questions', 'Kuka omistaa?'),
];

/** A finished Finnish workshop; `over` replaces top-level parts. */
export function sampleExport(
  over: Partial<WorkshopExport> = {},
  locale: Locale = 'fi',
): WorkshopExport {
  const ratings = over.ratings ?? RATINGS;
  return {
    schema: EXPORT_SCHEMA,
    version: EXPORT_VERSION,
    exportedAt: '2026-03-02T14:00:00.000Z',
    workshop: {
      id: 'w-123456789',
      title: TITLE,
      templateId: 'b2b-order-to-invoice',
      locale,
      createdAt: '2026-03-02T08:00:00.000Z',
      phase: 'summary',
      rounds: 1,
      anonymous: true,
    },
    path: PATH,
    personas: [{ id: 'maija', name: 'Maija Möttönen', description: 'Yrittäjä, ”kiireinen”' }],
    situations: [{ id: 'kiire', title: 'Kiire ⏰', description: 'Asiakkaalla on kiire' }],
    participantsByRole: { facilitator: 1, leader: 2, staff: 1, customer: 3 },
    warmup: {
      count: 4,
      enps: { score: 25, promoters: 2, passives: 1, detractors: 1, mean: 7.5 },
      customerEstimate: { score: -50, promoters: 0, passives: 2, detractors: 2, mean: 5.8 },
      // Four answers in all: no role has enough to show (lib/analytics/warmup.ts).
      byRole: {
        leader: { count: 2, figures: null },
        staff: { count: 1, figures: null },
        customer: { count: 1, figures: null },
      },
    },
    ratings,
    notes: NOTES,
    groups: [{ id: 'g1', stepId: 'lasku', title: 'Viitteet' }],
    ideas: [
      { noteId: 'n5', stepId: 'lasku', text: HOSTILE, dots: 7 },
      { noteId: 'n6', stepId: 'tilaus', text: '@SUM(A1:A9) idea', dots: 2 },
    ],
    actions: [
      {
        id: 'a1',
        text: '+358 40 soitto: selvitä ”viite” – ÅÄÖ',
        owner: 'Åsa Öberg',
        department: 'Talous',
        dueDate: '2026-04-30',
        stepId: 'lasku',
        ideaId: 'n5',
        createdAt: '2026-03-02T13:00:00.000Z',
      },
    ],
    ...analyseWorkshop(over.path ?? PATH, ratings),
    ...over,
  };
}
