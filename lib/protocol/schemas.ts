import { z } from 'zod';
import { lineText } from './plain-text';
import { PARTICIPANT_NAME_MAX_CHARS, SIMULATED_MAX, WORKSHOP_TITLE_MAX_CHARS } from '../constants';
import { LANES } from '../board/lanes';
import { EMOTION_NAMES, type Emotion } from '../domain/emotions';
import { PHASES } from '../domain/phases';
import { ACTION_FIELD_MAX_CHARS, ACTION_TEXT_MAX_CHARS } from '../domain/actions';
import { EXPECTATIONS, RATING_NOTE_MAX_CHARS } from '../domain/ratings';
import { VOTE_BUDGET_MAX } from '../domain/votes';
import { REVEAL_MODES } from '../domain/workshop';
import { JOINABLE_ROLES, LENSES, LOCALES } from '../domain/roles';

/** Trimmed one-line text with a length limit; empty, invisible or hidden characters refused. */
const textField = lineText;

const PhaseSchema = z.enum(PHASES);
const JoinableRoleSchema = z.enum(JOINABLE_ROLES);
const LocaleSchema = z.enum(LOCALES);
const LensSchema = z.enum(LENSES);
const IdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

// ---- HTTP bodies ----

export const CreateWorkshopBody = z.strictObject({
  title: textField(WORKSHOP_TITLE_MAX_CHARS),
  template: z.string().regex(/^[a-z0-9-]{1,64}$/),
  locale: LocaleSchema,
  /** Ratings and readiness show roles, not names. @default true */
  anonymous: z.boolean().optional(),
});
export type CreateWorkshopBody = z.infer<typeof CreateWorkshopBody>;

/** Joining as a participant (with a role) or as a facilitator (with the key in the header). */
export const JoinBody = z.strictObject({
  name: textField(PARTICIPANT_NAME_MAX_CHARS),
  role: JoinableRoleSchema.optional(),
});
export type JoinBody = z.infer<typeof JoinBody>;

/** Simulated participants for a practice run (the facilitator key in the header). */
export const SimulateBody = z.strictObject({
  count: z.number().int().min(1).max(SIMULATED_MAX).optional(),
  /** Repeatable rooms, for tests and demos. */
  seed: z.number().int().min(0).max(0xffffffff).optional(),
});
export type SimulateBody = z.infer<typeof SimulateBody>;

/** Running a workshop again (the facilitator key in the header): carry its actions over? */
export const RerunBody = z.strictObject({ carryActions: z.boolean() });
export type RerunBody = z.infer<typeof RerunBody>;

// ---- Socket.io handshake ----

export const HandshakeAuth = z.object({
  v: z.number().int(),
  token: z.string().min(1).max(512),
});
export type HandshakeAuth = z.infer<typeof HandshakeAuth>;

// ---- Socket.io client → server payloads ----

export const EmptyPayload = z.strictObject({});
export const PhaseSetPayload = z.strictObject({ phase: PhaseSchema });

/** Ids of things inside the workshop's document (steps, personas, cards): short slugs. */
export const DocIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const SetRolePayload = z.strictObject({ participantId: IdSchema, role: JoinableRoleSchema });
export const SetLensPayload = z.strictObject({ participantId: IdSchema, lens: LensSchema });
export const AssignPayload = z
  .strictObject({
    participantId: IdSchema,
    personaId: DocIdSchema.nullable().optional(),
    cardId: DocIdSchema.nullable().optional(),
  })
  .refine((p) => p.personaId !== undefined || p.cardId !== undefined, {
    message: 'personaId or cardId is required',
  });
export const DealPayload = z.strictObject({
  what: z.enum(['cards', 'personas']),
  onlyUnassigned: z.boolean(),
});
export const RemovePayload = z.strictObject({ participantId: IdSchema });

export const PhaseConfigurePayload = z.strictObject({
  enabled: z.array(PhaseSchema).min(1).max(PHASES.length),
});
export const WalkStepPayload = z.strictObject({ stepId: DocIdSchema });
export const WalkPacePayload = z.strictObject({ pace: z.enum(['hold', 'free']) });

const TIMER_MAX_MS = 3 * 60 * 60 * 1000;
const TIMER_ADD_MAX_MS = 60 * 60 * 1000;
export const TimerStartPayload = z.strictObject({
  durationMs: z.number().int().min(1000).max(TIMER_MAX_MS),
});
export const TimerAddPayload = z.strictObject({
  ms: z.number().int().min(1000).max(TIMER_ADD_MAX_MS),
});
export const ReadyPayload = z.strictObject({ ready: z.boolean() });

const ZeroToTen = z.number().int().min(0).max(10);
export const WarmupAnswerPayload = z.strictObject({ workplace: ZeroToTen, customers: ZeroToTen });
export const AnonymousPayload = z.strictObject({ anonymous: z.boolean() });
export const RevealModePayload = z.strictObject({ mode: z.enum(REVEAL_MODES) });

export const RatingPayload = z.strictObject({
  stepId: DocIdSchema,
  valence: z.number().int().min(-3).max(3),
  emotion: z.enum(EMOTION_NAMES as [Emotion, ...Emotion[]]),
  expectation: z.enum(EXPECTATIONS),
  effort: z.number().int().min(1).max(5).nullable(),
  /** The feeling the rater now expects at the next step; absent when they said none. */
  expectedNext: z.enum(EMOTION_NAMES as [Emotion, ...Emotion[]]).optional(),
  note: z
    .string()
    .trim()
    .max(RATING_NOTE_MAX_CHARS)
    .nullable()
    .transform((n) => (n ? n : null)),
});
export const LockPayload = z.strictObject({ stepId: DocIdSchema, locked: z.boolean() });
export const RevealStepPayload = z.strictObject({ stepId: DocIdSchema });

export const BoardLanesPayload = z.strictObject({
  hidden: z.array(z.enum(LANES)).max(LANES.length),
});
export const BoardLockPayload = z.strictObject({ locked: z.boolean() });

// ---- Dot voting and actions ----

/** Dots on one idea (a note id): 0 takes them back. Over the facilitator's limits: OVER_BUDGET. */
export const VoteSetPayload = z.strictObject({
  ideaId: DocIdSchema,
  dots: z.number().int().min(0).max(VOTE_BUDGET_MAX),
});
export const VotesConfigurePayload = z
  .strictObject({
    budget: z.number().int().min(1).max(VOTE_BUDGET_MAX),
    maxPerIdea: z.number().int().min(1).max(VOTE_BUDGET_MAX),
    hidden: z.boolean(),
  })
  .refine((p) => p.maxPerIdea <= p.budget, {
    message: 'must not exceed the budget',
    path: ['maxPerIdea'],
  });
export const ActionsAllowPayload = z.strictObject({ allowed: z.boolean() });

/** Optional text: trimmed, and empty means none. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((t) => (t ? t : null));

/** Creates an action (no `id`) or replaces the fields of action `id`. */
export const ActionPutPayload = z.strictObject({
  id: IdSchema.optional(),
  text: textField(ACTION_TEXT_MAX_CHARS),
  owner: optionalText(ACTION_FIELD_MAX_CHARS),
  department: optionalText(ACTION_FIELD_MAX_CHARS),
  dueDate: z.iso.date().nullable(),
  stepId: DocIdSchema.nullable(),
  ideaId: DocIdSchema.nullable(),
});
export const ActionDeletePayload = z.strictObject({ id: IdSchema });
