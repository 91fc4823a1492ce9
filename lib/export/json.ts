import { lineText, linesText } from '../protocol/plain-text';
import { z } from 'zod';
import { RATED_ROLES } from '../analytics/curve';
import { EXPECTATIONS } from '../domain/ratings';
import { WORKSHOP_TITLE_MAX_CHARS } from '../constants';
import { CHANNELS, STAGES } from '../templates/schema';
import { LANES } from '../board/lanes';
import { PHASES } from '../domain/phases';
import { LENSES, LOCALES, ROLES } from '../domain/roles';
import { EXPORT_RATING_FIELDS, EXPORT_SCHEMA, EXPORT_VERSION, type WorkshopExport } from './model';

/** The export as a file: indented JSON, UTF-8, a final newline. */
export function renderJson(exp: WorkshopExport): string {
  return `${JSON.stringify(exp, null, 2)}\n`;
}

/** Limits an import is held to; documented in docs/export-format.md. */
const IMPORT_LIMITS = {
  steps: 100,
  cards: 100,
  ratings: 20_000,
  notes: 20_000,
  items: 5_000,
  idChars: 128,
  textChars: 4_000,
} as const;

const id = z.string().min(1).max(IMPORT_LIMITS.idChars);
// Texts as people wrote them, line breaks and all; nothing hidden (lib/protocol/plain-text.ts).
const text = linesText(IMPORT_LIMITS.textChars);
const date = z.string().max(64);
const role = z.enum(ROLES);
const count = z.number().int().min(0);

const Step = z.object({
  id,
  title: text,
  description: text,
  stage: z.enum(STAGES),
  channel: z.enum(CHANNELS),
  department: text,
  critical: z.boolean(),
  targetFeeling: z.string().max(64),
  artefact: text.nullable(),
});

const Nps = z.object({
  score: z.number().min(-100).max(100),
  promoters: count,
  passives: count,
  detractors: count,
  mean: z.number().min(0).max(10),
});

const RoleWarmup = z.object({
  count,
  figures: z.object({ enps: Nps, customerEstimate: Nps }).nullable(),
});

// Exactly the fields an export writes of a rating (EXPORT_RATING_FIELDS): one list.
const Rating = z.object({
  stepId: id,
  round: z.number().int().min(1),
  role,
  lens: z.enum(LENSES),
  cardId: id.nullable(),
  // Files from before the persona was kept with the rating have none.
  personaId: id.nullable().default(null),
  valence: z.number().int().min(-3).max(3),
  emotion: z.string().max(64),
  expectation: z.enum(EXPECTATIONS),
  effort: z.number().int().min(1).max(5).nullable(),
  note: text.nullable(),
  name: text.nullable(),
  // Absent in exports made before it, and where the rater said none.
  expectedNext: z.string().max(64).optional(),
} satisfies Record<(typeof EXPORT_RATING_FIELDS)[number], z.ZodType>);

const Note = z.object({
  id,
  stepId: id,
  lane: z.enum(LANES),
  text,
  authorRole: role.nullable(),
  authorName: text,
  createdAt: date,
  groupId: id.nullable(),
});

const Action = z.object({
  id,
  text,
  owner: text.nullable(),
  department: text.nullable(),
  dueDate: date.nullable(),
  stepId: id.nullable(),
  ideaId: id.nullable(),
  createdAt: date,
});

/**
 * Derived data: checked for its outline only, kept as it is. Importers recompute what
 * they need from `path` and `ratings` rather than trust it (see docs/export-format.md).
 */
const Analysis = z.looseObject({
  curve: z.array(z.unknown()),
  targetGaps: z.array(z.unknown()),
  perceptionGaps: z.array(z.unknown()),
  handoffs: z.array(z.unknown()),
  bounces: count,
  expectations: z.array(z.unknown()),
  momentsOfTruth: z.array(z.unknown()),
  byCard: z.array(z.unknown()),
  // Written since issue 24; older files lack them.
  byPersona: z.array(z.unknown()).optional(),
  effort: z.looseObject({ steps: z.array(z.unknown()), path: z.unknown() }).optional(),
  byRound: z.array(z.unknown()),
  rankings: z.looseObject({
    perceptionGaps: z.array(z.unknown()),
    targetGaps: z.array(z.unknown()),
    worstHandoffs: z.array(z.unknown()),
    leadersVsCustomers: z.array(z.unknown()),
    momentsOfTruth: z.array(z.unknown()),
    highEffortLowFeeling: z.array(z.unknown()).optional(),
  }),
});

/** Schema of version 1 (after the schema name and version were checked on their own). */
const WorkshopExportSchema = z.object({
  schema: z.literal(EXPORT_SCHEMA),
  version: z.literal(EXPORT_VERSION),
  exportedAt: date,
  workshop: z.object({
    id,
    title: lineText(WORKSHOP_TITLE_MAX_CHARS),
    templateId: z.string().regex(/^[a-z0-9-]{1,64}$/),
    locale: z.enum(LOCALES),
    createdAt: date,
    phase: z.enum(PHASES),
    rounds: z.number().int().min(1),
    anonymous: z.boolean(),
  }),
  path: z.array(Step).max(IMPORT_LIMITS.steps),
  personas: z.array(z.object({ id, name: text, description: text })).max(IMPORT_LIMITS.cards),
  situations: z
    .array(
      z.object({
        id,
        title: text,
        description: text,
        // Persona ids, kept space-separated in the document: none may hold white space.
        notFor: z.array(id.regex(/^\S+$/)).max(IMPORT_LIMITS.cards).optional(),
      }),
    )
    .max(IMPORT_LIMITS.cards),
  participantsByRole: z.partialRecord(role, count),
  warmup: z
    .object({
      count,
      // Null while fewer than 3 answered (each answer would be told).
      enps: Nps.nullable(),
      customerEstimate: Nps.nullable(),
      // Exports made before the split lack it (an import reads only the path anyway).
      byRole: z.record(z.enum(RATED_ROLES), RoleWarmup).optional(),
    })
    .nullable(),
  ratings: z.array(Rating).max(IMPORT_LIMITS.ratings),
  notes: z.array(Note).max(IMPORT_LIMITS.notes),
  groups: z.array(z.object({ id, stepId: id, title: text })).max(IMPORT_LIMITS.items),
  ideas: z.array(z.object({ noteId: id, stepId: id, text, dots: count })).max(IMPORT_LIMITS.items),
  actions: z.array(Action).max(IMPORT_LIMITS.items),
  analysis: Analysis,
  // Written since issue 24 (each round on its own); older files lack them.
  rounds: z
    .array(
      z.looseObject({ round: z.number().int().min(1), lenses: z.unknown(), analysis: Analysis }),
    )
    .optional(),
  roundChanges: z.array(z.unknown()).optional(),
});

/** Why an import was refused. */
export type ExportParseErrorCode =
  /** Not JSON at all. */
  | 'NOT_JSON'
  /** JSON, but not a Saappaat workshop export (no or another `schema`). */
  | 'NOT_AN_EXPORT'
  /** A Saappaat export of a version this build cannot read (newer, or not a version). */
  | 'UNSUPPORTED_VERSION'
  /** The right schema and version, but a field is missing or wrong. */
  | 'INVALID_EXPORT';

export interface ExportParseError {
  code: ExportParseErrorCode;
  message: string;
  /** Where in the document, for INVALID_EXPORT: e.g. "path.2.stage". */
  path: string;
}

export type ParsedExport =
  { ok: true; value: WorkshopExport } | { ok: false; error: ExportParseError };

const refuse = (code: ExportParseErrorCode, message: string, path = ''): ParsedExport => ({
  ok: false,
  error: { code, message, path },
});

/**
 * Reads an export (JSON text, or an already parsed value) for an import. Checks the
 * schema name, then the version, then every field; unknown fields are dropped.
 */
export function parseWorkshopExport(input: string | unknown): ParsedExport {
  let json: unknown = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch {
      return refuse('NOT_JSON', 'The file is not JSON');
    }
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return refuse('NOT_AN_EXPORT', 'Not a Saappaat workshop export');
  }
  const head = json as { schema?: unknown; version?: unknown };
  if (head.schema !== EXPORT_SCHEMA) {
    return refuse('NOT_AN_EXPORT', `schema: expected "${EXPORT_SCHEMA}"`, 'schema');
  }
  if (typeof head.version !== 'number' || !Number.isInteger(head.version) || head.version < 1) {
    return refuse('UNSUPPORTED_VERSION', 'version: not a version number', 'version');
  }
  if (head.version > EXPORT_VERSION) {
    const message = `version ${head.version} is newer than this server reads (${EXPORT_VERSION})`;
    return refuse('UNSUPPORTED_VERSION', message, 'version');
  }
  const parsed = WorkshopExportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') ?? '';
    return refuse('INVALID_EXPORT', `${path || 'export'}: ${issue?.message ?? 'invalid'}`, path);
  }
  return { ok: true, value: parsed.data as unknown as WorkshopExport };
}
