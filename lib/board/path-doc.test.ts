import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LOCALES } from '../domain/roles';
import { parseTemplate } from '../templates/schema';
import {
  insertStep,
  type PathStep,
  readPath,
  seedDocUpdate,
  stepOrder,
  stepsMap,
  templateSteps,
} from './path-doc';

const template = parseTemplate(
  'b2b-order-to-invoice.json',
  JSON.parse(
    fs.readFileSync(
      path.resolve(import.meta.dirname, '../../seeds/templates/b2b-order-to-invoice.json'),
      'utf8',
    ),
  ),
);

function docFrom(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

function step(id: string, title = id): PathStep {
  return {
    id,
    title,
    description: '',
    stage: 'during',
    channel: 'web',
    department: 'Sales',
    critical: false,
    targetFeeling: 'calm',
    artefact: null,
  };
}

describe('seedDocUpdate and readPath', () => {
  it.each(LOCALES)('round-trip the template path in %s', (locale) => {
    const doc = docFrom(seedDocUpdate(template, locale));
    const read = readPath(doc);
    expect(read).toEqual(templateSteps(template, locale));
    expect(read.map((s) => s.id)).toEqual(template.steps.map((s) => s.id));
    expect(read[0]?.title).toBe(template.steps[0]?.title[locale]);
  });

  it('localises every text field and keeps artefacts that are null', () => {
    const fi = readPath(docFrom(seedDocUpdate(template, 'fi')));
    const en = readPath(docFrom(seedDocUpdate(template, 'en')));
    expect(fi[0]?.title).toBe('Tarjouspyyntö');
    expect(en[0]?.title).toBe('Request for a quote');
    expect(fi[0]?.department).not.toBe(en[0]?.department);
    const noArtefact = template.steps.findIndex((s) => s.artefact === null);
    expect(noArtefact).toBeGreaterThanOrEqual(0);
    expect(fi[noArtefact]?.artefact).toBeNull();
  });

  it('gives an empty path for a template without steps', () => {
    const blank = { ...template, steps: [] };
    expect(readPath(docFrom(seedDocUpdate(blank, 'fi')))).toEqual([]);
  });
});

describe('readPath', () => {
  it('skips an id that appears twice in the order, keeping the first position', () => {
    const doc = new Y.Doc();
    insertStep(doc, step('a'));
    insertStep(doc, step('b'));
    insertStep(doc, step('c'));
    // What two concurrent moves of the same step leave behind.
    stepOrder(doc).insert(0, ['c']);
    expect(readPath(doc).map((s) => s.id)).toEqual(['c', 'a', 'b']);
  });

  it('skips ids that have no step', () => {
    const doc = new Y.Doc();
    insertStep(doc, step('a'));
    insertStep(doc, step('b'));
    stepOrder(doc).insert(1, ['ghost']);
    stepsMap(doc).delete('a');
    expect(readPath(doc).map((s) => s.id)).toEqual(['b']);
  });

  it('inserts at the given index and clamps an index past the end', () => {
    const doc = new Y.Doc();
    insertStep(doc, step('a'));
    insertStep(doc, step('b'), 0);
    insertStep(doc, step('c'), 99);
    expect(readPath(doc).map((s) => s.id)).toEqual(['b', 'a', 'c']);
  });

  it('sees an edit made through the step map', () => {
    const doc = docFrom(seedDocUpdate(template, 'en'));
    const first = template.steps[0]?.id ?? '';
    stepsMap(doc).get(first)?.set('title', 'Pyyntö — päivitetty ✓');
    expect(readPath(doc)[0]?.title).toBe('Pyyntö — päivitetty ✓');
  });
});
