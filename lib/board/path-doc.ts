import * as Y from 'yjs';
import type { Locale } from '../domain/roles';
import type { Template, TemplateStep } from '../templates/schema';

/**
 * The service path inside the workshop's Y.Doc. Steps live in a Y.Map keyed by id, their
 * order in a Y.Array of ids: a reorder moves an id and never copies a step, so two
 * co-facilitators editing and reordering at once cannot lose each other's text.
 */
export const PATH_STEPS = 'steps';
export const PATH_ORDER = 'stepOrder';
/** Personas and the situation deck: Y.Arrays of Y.Maps ({ id, name|title, description }). */
export const PERSONAS = 'personas';
export const SITUATIONS = 'situations';

export interface PathStep {
  id: string;
  title: string;
  description: string;
  stage: TemplateStep['stage'];
  channel: TemplateStep['channel'];
  department: string;
  critical: boolean;
  targetFeeling: string;
  artefact: string | null;
}

export interface PersonaCard {
  id: string;
  name: string;
  description: string;
}

export interface SituationCard {
  id: string;
  title: string;
  description: string;
  /** The personas (ids) this card does not fit (see the template's `notFor`). */
  notFor?: string[];
}

/** In the document a card is a flat map of strings: `notFor` is its ids, space-separated. */
const NOT_FOR_SEPARATOR = ' ';

export function personasArray(doc: Y.Doc): Y.Array<Y.Map<string>> {
  return doc.getArray(PERSONAS);
}

function situationsArray(doc: Y.Doc): Y.Array<Y.Map<string>> {
  return doc.getArray(SITUATIONS);
}

export function readPersonas(doc: Y.Doc): PersonaCard[] {
  return personasArray(doc)
    .toArray()
    .map((m) => m.toJSON() as PersonaCard);
}

export function readSituations(doc: Y.Doc): SituationCard[] {
  return situationsArray(doc)
    .toArray()
    .map((m) => {
      const { notFor, ...card } = m.toJSON() as Omit<SituationCard, 'notFor'> & {
        notFor?: unknown;
      };
      const ids = typeof notFor === 'string' ? notFor.split(NOT_FOR_SEPARATOR).filter(Boolean) : [];
      return ids.length > 0 ? { ...card, notFor: ids } : card;
    });
}

/** The flat record a situation card is stored as. */
function situationRecord(c: SituationCard): Record<string, string> {
  const record = { id: c.id, title: c.title, description: c.description };
  return c.notFor?.length ? { ...record, notFor: c.notFor.join(NOT_FOR_SEPARATOR) } : record;
}

/** Appends a persona or a situation card (each a flat record of strings). */
export function appendCard(list: Y.Array<Y.Map<string>>, card: Record<string, string>): void {
  const map = new Y.Map<string>();
  for (const [key, value] of Object.entries(card)) map.set(key, value);
  list.push([map]);
}

export function stepsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(PATH_STEPS);
}

export function stepOrder(doc: Y.Doc): Y.Array<string> {
  return doc.getArray(PATH_ORDER);
}

/** Localises a template's steps into plain path steps for one workshop language. */
export function templateSteps(template: Template, locale: Locale): PathStep[] {
  return template.steps.map((s) => ({
    id: s.id,
    title: s.title[locale],
    description: s.description[locale],
    stage: s.stage,
    channel: s.channel,
    department: s.department[locale],
    critical: s.critical,
    targetFeeling: s.targetFeeling,
    artefact: s.artefact ? s.artefact[locale] : null,
  }));
}

export function insertStep(doc: Y.Doc, step: PathStep, index?: number): void {
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(step)) map.set(key, value);
    stepsMap(doc).set(step.id, map);
    const order = stepOrder(doc);
    order.insert(Math.min(index ?? order.length, order.length), [step.id]);
  });
}

/** The path in order. Ids without a step, and repeated ids from concurrent moves, are skipped. */
export function readPath(doc: Y.Doc): PathStep[] {
  const steps = stepsMap(doc);
  const seen = new Set<string>();
  const result: PathStep[] = [];
  for (const id of stepOrder(doc).toArray()) {
    const map = steps.get(id);
    if (!map || seen.has(id)) continue;
    seen.add(id);
    result.push(map.toJSON() as PathStep);
  }
  return result;
}

/** What a workshop's path document starts with: the path, its personas and situation deck. */
export interface PathContent {
  path: readonly PathStep[];
  personas: readonly PersonaCard[];
  situations: readonly SituationCard[];
}

/** A document holding `content` (a new workshop's first content, e.g. from an import), as one Yjs update. */
export function pathDocUpdate(content: PathContent): Uint8Array {
  const doc = new Y.Doc();
  for (const step of content.path) insertStep(doc, step);
  for (const p of content.personas) {
    appendCard(personasArray(doc), { id: p.id, name: p.name, description: p.description });
  }
  for (const c of content.situations) appendCard(situationsArray(doc), situationRecord(c));
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** The first content of a new workshop's document, as one Yjs update. */
export function seedDocUpdate(template: Template, locale: Locale): Uint8Array {
  return pathDocUpdate({
    path: templateSteps(template, locale),
    personas: template.personas.map((p) => ({
      id: p.id,
      name: p.name[locale],
      description: p.description[locale],
    })),
    situations: template.situations.map((c) => ({
      id: c.id,
      title: c.title[locale],
      description: c.description[locale],
      ...(c.notFor?.length ? { notFor: c.notFor } : {}),
    })),
  });
}

/** Sets one field of one step; a no-op if the step is gone (deleted by someone else). */
export function setStepField<K extends keyof PathStep>(
  doc: Y.Doc,
  stepId: string,
  key: K,
  value: PathStep[K],
): void {
  stepsMap(doc).get(stepId)?.set(key, value);
}

/** Moves a step to `toIndex` in the visible order. Moves only the id, never the step. */
export function moveStep(doc: Y.Doc, stepId: string, toIndex: number): void {
  const visible = readPath(doc).map((s) => s.id);
  const from = visible.indexOf(stepId);
  if (from < 0 || toIndex < 0 || toIndex >= visible.length || from === toIndex) return;
  doc.transact(() => {
    const order = stepOrder(doc);
    // Remove every copy of the id (concurrent moves can leave two), then insert once.
    const ids = order.toArray();
    for (let i = ids.length - 1; i >= 0; i--) if (ids[i] === stepId) order.delete(i, 1);
    const without = visible.filter((id) => id !== stepId);
    const before = without[toIndex]; // the step that will follow the moved one
    const at = before === undefined ? order.length : order.toArray().indexOf(before);
    order.insert(at < 0 ? order.length : at, [stepId]);
  });
}

export function deleteStep(doc: Y.Doc, stepId: string): void {
  doc.transact(() => {
    const order = stepOrder(doc);
    const ids = order.toArray();
    for (let i = ids.length - 1; i >= 0; i--) if (ids[i] === stepId) order.delete(i, 1);
    stepsMap(doc).delete(stepId);
  });
}

/** Sets a field of a persona or a situation card by id. */
export function setCardField(
  list: Y.Array<Y.Map<string>>,
  id: string,
  key: string,
  value: string,
): void {
  list
    .toArray()
    .find((m) => m.get('id') === id)
    ?.set(key, value);
}

export function deleteCard(list: Y.Array<Y.Map<string>>, id: string): void {
  const index = list.toArray().findIndex((m) => m.get('id') === id);
  if (index >= 0) list.delete(index, 1);
}

/** A short random id for a new step, persona or card (unique enough within one workshop). */
export function newDocId(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
}
