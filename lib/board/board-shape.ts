import { CHANNELS, STAGES } from '../templates/schema';
import { GROUP_TITLE_MAX_CHARS, GROUPS, LANES, NOTE_TEXT_MAX_CHARS, NOTES } from './board-doc';
import { PATH_ORDER, PATH_STEPS, PERSONAS, SITUATIONS } from './path-doc';

/**
 * The shape of a workshop's document, as the app writes it: which roots exist, of what
 * kind, and what each entry under them holds. The server refuses anything else (issue
 * 21: 20,000 roots in one update made every later full sync block for seconds, and texts
 * in roots nobody shows filled boards). Pure data; `server/realtime/yjs-guard-shape.ts`
 * applies it to incoming Yjs structs.
 */

/** Ids of notes, groups, steps and cards (map keys and id fields); imports allow as long. */
export const DOC_ID_MAX_CHARS = 128;
/** A step's title and department, as the path editor limits them. */
export const STEP_TITLE_MAX_CHARS = 120;
/** A step's description and artefact, as the path editor limits them. */
export const STEP_TEXT_MAX_CHARS = 1000;
/** A persona's name or a situation card's title. */
export const CARD_NAME_MAX_CHARS = 80;
/** A persona's or situation card's description. */
export const CARD_DESCRIPTION_MAX_CHARS = 500;
/** An emotion's name (a step's target feeling). */
const EMOTION_MAX_CHARS = 64;

/** One value: a JSON primitive in a Y.Map (or a Y.Array), or a Y.Text. */
export type ValueRule =
  | { type: 'string'; maxChars: number; nullable?: true; oneOf?: readonly string[] }
  | { type: 'number' }
  | { type: 'boolean' }
  | { type: 'text'; maxChars: number };

/** An entry under a root: a Y.Map with these fields (all optional), or a plain value. */
export type EntryRule = { type: 'record'; fields: Readonly<Record<string, ValueRule>> } | ValueRule;

export interface RootRule {
  /** A Y.Map root (entries under keys, at most DOC_ID_MAX_CHARS long) or a Y.Array root. */
  kind: 'map' | 'array';
  entry: EntryRule;
}

const id: ValueRule = { type: 'string', maxChars: DOC_ID_MAX_CHARS };
const optionalId: ValueRule = { ...id, nullable: true };

/** A note, as `addNote` writes it. Authorship is `authorId` alone: names come from the roster. */
const NOTE: EntryRule = {
  type: 'record',
  fields: {
    id,
    lane: { type: 'string', maxChars: 32, oneOf: LANES },
    stepId: id,
    text: { type: 'text', maxChars: NOTE_TEXT_MAX_CHARS },
    authorId: id,
    createdAt: { type: 'number' },
    groupId: optionalId,
    painId: optionalId,
  },
};

const GROUP: EntryRule = {
  type: 'record',
  fields: { stepId: id, title: { type: 'string', maxChars: GROUP_TITLE_MAX_CHARS } },
};

const title: ValueRule = { type: 'string', maxChars: STEP_TITLE_MAX_CHARS };
const STEP: EntryRule = {
  type: 'record',
  fields: {
    id,
    title,
    description: { type: 'string', maxChars: STEP_TEXT_MAX_CHARS },
    stage: { type: 'string', maxChars: 16, oneOf: STAGES },
    channel: { type: 'string', maxChars: 32, oneOf: CHANNELS },
    department: title,
    critical: { type: 'boolean' },
    // Any name, as imports allow (lib/export/json.ts); the editor offers EMOTION_NAMES.
    targetFeeling: { type: 'string', maxChars: EMOTION_MAX_CHARS },
    artefact: { type: 'string', maxChars: STEP_TEXT_MAX_CHARS, nullable: true },
  },
};

const cardName: ValueRule = { type: 'string', maxChars: CARD_NAME_MAX_CHARS };
const description: ValueRule = { type: 'string', maxChars: CARD_DESCRIPTION_MAX_CHARS };

export const BOARD_SHAPE: Readonly<Record<string, RootRule>> = {
  [NOTES]: { kind: 'map', entry: NOTE },
  [GROUPS]: { kind: 'map', entry: GROUP },
  [PATH_STEPS]: { kind: 'map', entry: STEP },
  [PATH_ORDER]: { kind: 'array', entry: id },
  [PERSONAS]: {
    kind: 'array',
    entry: { type: 'record', fields: { id, name: cardName, description } },
  },
  [SITUATIONS]: {
    kind: 'array',
    entry: { type: 'record', fields: { id, title: cardName, description } },
  },
};

/** The rule for a root, or undefined for a root the app does not use. */
export function rootRule(root: string): RootRule | undefined {
  return Object.hasOwn(BOARD_SHAPE, root) ? BOARD_SHAPE[root] : undefined;
}

/** The rule for a field of a record entry, or undefined for a field the app does not write. */
export function fieldRule(entry: EntryRule, field: string): ValueRule | undefined {
  return entry.type === 'record' && Object.hasOwn(entry.fields, field)
    ? entry.fields[field]
    : undefined;
}

export type Fit = 'ok' | 'wrong-type' | 'too-long';

/**
 * Whether a primitive value fits its rule (`text` rules take Y.Texts, checked apart).
 * `replaces`: the value it overwrites; a string over the limit may still replace a longer
 * one (an imported step's long description, shortened in the editor).
 */
export function primitiveFits(rule: ValueRule, value: unknown, replaces?: unknown): Fit {
  switch (rule.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? 'ok' : 'wrong-type';
    case 'boolean':
      return typeof value === 'boolean' ? 'ok' : 'wrong-type';
    case 'text':
      return 'wrong-type';
    case 'string':
      if (value === null && rule.nullable) return 'ok';
      if (typeof value !== 'string') return 'wrong-type';
      if (rule.oneOf && !rule.oneOf.includes(value)) return 'wrong-type';
      if (value.length <= rule.maxChars) return 'ok';
      return typeof replaces === 'string' && value.length <= replaces.length ? 'ok' : 'too-long';
  }
}
