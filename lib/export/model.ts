import type { JourneyAnalysis } from '../analytics/journey';
import type { RoundAnalysis, RoundChange } from '../analytics/rounds';
import type { RevealedRating } from '../domain/ratings';
import type { WarmupResults } from '../analytics/warmup';
import type { GroupView, Lane } from '../board/board-doc';
import type { PathStep, PersonaCard, SituationCard } from '../board/path-doc';
import type { Phase } from '../domain/phases';
import type { Locale, Role } from '../domain/roles';

/** Bumped on every incompatible change of the export's shape; see docs/export-format.md. */
export const EXPORT_SCHEMA = 'saappaat.workshop';
export const EXPORT_VERSION = 1;

/**
 * Everything a workshop produced, as exports and the summary see it. Blind stays blind:
 * only revealed ratings are in it, and nothing names a rater in an anonymous workshop.
 */
export interface WorkshopExport {
  schema: typeof EXPORT_SCHEMA;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  workshop: {
    id: string;
    title: string;
    templateId: string;
    locale: Locale;
    createdAt: string;
    phase: Phase;
    rounds: number;
    anonymous: boolean;
  };
  path: PathStep[];
  personas: PersonaCard[];
  situations: SituationCard[];
  /** How many took part, by role. */
  participantsByRole: Partial<Record<Role, number>>;
  warmup: WarmupResults | null;
  ratings: ExportRating[];
  notes: ExportNote[];
  groups: GroupView[];
  /** Ideas (notes in the ideas lane) with their dots, most voted first. */
  ideas: ExportIdea[];
  actions: ExportAction[];
  /** The analysis of the latest round (its `byRound` splits the ratings of every round). */
  analysis: JourneyAnalysis;
  /**
   * Every round with revealed ratings analysed on its own, in round order (the latest is
   * `analysis` again). Absent in exports made before rounds were kept apart.
   */
  rounds?: RoundAnalysis[];
  /** Per step and role, each round's mean and the change from the first round to the latest. */
  roundChanges?: RoundChange[];
}

/**
 * A rating in an export: a revealed rating (lib/domain/ratings.ts) without its key, the
 * rater's name only in named workshops. The fields in the file's order.
 */
export const EXPORT_RATING_FIELDS = [
  'stepId',
  'round',
  'role',
  'lens',
  'cardId',
  'personaId',
  'valence',
  'emotion',
  'expectation',
  'effort',
  'note',
  'name',
  'expectedNext',
] as const satisfies readonly Exclude<keyof RevealedRating, 'key'>[];

export interface ExportRating extends Omit<
  Pick<RevealedRating, (typeof EXPORT_RATING_FIELDS)[number]>,
  'emotion' | 'expectedNext'
> {
  /** An emotion's name; a file imported from another version may name one this build lacks. */
  emotion: string;
  /** The feeling expected at the next step, likewise a name; absent when none was said. */
  expectedNext?: string;
}

export interface ExportNote {
  id: string;
  stepId: string;
  lane: Lane;
  text: string;
  /** From the roster, by the note's author id; null for an author it does not know. */
  authorRole: Role | null;
  /** From the roster; empty in anonymous workshops (and for an unknown author). */
  authorName: string;
  createdAt: string;
  groupId: string | null;
}

export interface ExportIdea {
  noteId: string;
  stepId: string;
  text: string;
  dots: number;
}

export interface ExportAction {
  id: string;
  text: string;
  owner: string | null;
  department: string | null;
  dueDate: string | null;
  stepId: string | null;
  ideaId: string | null;
  createdAt: string;
}
