import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../server/templates';
import { parseTemplate, type Template } from './schema';

const SEEDS = path.resolve(import.meta.dirname, '../../seeds/templates');

function readSeed(file: string): Template {
  return JSON.parse(fs.readFileSync(path.join(SEEDS, file), 'utf8')) as Template;
}

/** A valid template with `n` steps, built from the B2B seed's first step. */
function withSteps(n: number): Template {
  const seed = readSeed('b2b-order-to-invoice.json');
  const step = seed.steps[0];
  if (!step) throw new Error('seed has no steps');
  return { ...seed, steps: Array.from({ length: n }, (_, i) => ({ ...step, id: `step-${i}` })) };
}

/** The B2B seed with `n` personas (or situation cards), copies of its first, under fresh ids. */
function withPersonas(steps: number, n: number): Template {
  const t = withSteps(steps);
  const persona = t.personas[0];
  if (!persona) throw new Error('seed has no personas');
  // Under fresh ids, the seed's cards can no longer name its personas as misfits.
  const situations = t.situations.map((c) => ({ ...c, notFor: undefined }));
  return {
    ...t,
    situations,
    personas: Array.from({ length: n }, (_, i) => ({ ...persona, id: `p-${i}` })),
  };
}

function withSituations(steps: number, n: number): Template {
  const t = withSteps(steps);
  const card = t.situations[0];
  if (!card) throw new Error('seed has no situations');
  return { ...t, situations: Array.from({ length: n }, (_, i) => ({ ...card, id: `s-${i}` })) };
}

function dirWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saappaat-templates-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('the seed templates', () => {
  const files = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.json'));

  it('are all loaded and validated, each under its own file name', () => {
    const templates = loadTemplates(SEEDS);
    expect([...templates.keys()].sort()).toEqual(files.map((f) => f.replace(/\.json$/, '')).sort());
    expect(templates.size).toBeGreaterThanOrEqual(2);
  });

  it.each(files)('%s parses on its own', (file) => {
    expect(() => parseTemplate(file, readSeed(file))).not.toThrow();
  });

  /** The same idea keeps the same card id everywhere, so decks can be compared across workshops. */
  it.each(files)('%s deals the standard situation cards', (file) => {
    const ids = readSeed(file).situations.map((c) => c.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'in-a-hurry',
        'first-time',
        'earlier-error',
        'special-need',
        'elderly-new-to-digital',
      ]),
    );
  });
});

describe('parseTemplate', () => {
  it('accepts a blank template with no steps, and paths of 6 and 12 steps', () => {
    expect(parseTemplate('x.json', withSteps(0)).steps).toHaveLength(0);
    expect(parseTemplate('x.json', withSteps(6)).steps).toHaveLength(6);
    expect(parseTemplate('x.json', withSteps(12)).steps).toHaveLength(12);
  });

  it('names the file and the field path of a step with a bad stage', () => {
    const t = withSteps(6) as unknown as { steps: Array<Record<string, unknown>> };
    t.steps[0] = { ...t.steps[0], stage: 'sometime' };
    expect(() => parseTemplate('broken.json', t)).toThrow(/broken\.json.*steps\.0\.stage/);
  });

  it('names the nested field of a missing translation', () => {
    const t = withSteps(6) as unknown as { steps: Array<{ title: Record<string, string> }> };
    const step = t.steps[2];
    if (step) step.title = { fi: 'Vain suomeksi' };
    expect(() => parseTemplate('half.json', t)).toThrow(/half\.json.*steps\.2\.title\.en/);
  });

  it.each([1, 2, 3, 4, 5])('refuses a path of %i steps', (n) => {
    expect(() => parseTemplate('short.json', withSteps(n))).toThrow(
      /short\.json.*field steps:.*6–12/,
    );
  });

  it('refuses more than 12 steps', () => {
    expect(() => parseTemplate('long.json', withSteps(13))).toThrow(/long\.json.*field steps/);
  });

  it('refuses a repeated step id and names the second one', () => {
    const t = withSteps(6);
    const [first, second] = t.steps;
    if (!first || !second) throw new Error('unreachable');
    second.id = first.id;
    expect(() => parseTemplate('dupes.json', t)).toThrow(
      /dupes\.json.*steps\.1\.id.*duplicate step id/,
    );
  });

  it('accepts 2 or 3 personas and 5 to 12 situation cards on a path', () => {
    expect(parseTemplate('x.json', withPersonas(6, 2)).personas).toHaveLength(2);
    expect(parseTemplate('x.json', withPersonas(6, 3)).personas).toHaveLength(3);
    expect(parseTemplate('x.json', withSituations(6, 5)).situations).toHaveLength(5);
    expect(parseTemplate('x.json', withSituations(6, 12)).situations).toHaveLength(12);
  });

  it.each([0, 1, 4])('refuses %i personas on a path', (n) => {
    expect(() => parseTemplate('people.json', withPersonas(6, n))).toThrow(
      /people\.json.*field personas:.*2–3 personas/,
    );
  });

  it.each([0, 4, 13])('refuses %i situation cards on a path', (n) => {
    expect(() => parseTemplate('deck.json', withSituations(6, n))).toThrow(
      /deck\.json.*field situations:.*5–12 situation cards/,
    );
  });

  it('lets a blank template (no steps) have no personas and any small deck', () => {
    const blank = { ...withPersonas(0, 0), situations: withSituations(0, 2).situations };
    const t = parseTemplate('blank.json', blank);
    expect(t.personas).toHaveLength(0);
    expect(t.situations).toHaveLength(2);
  });

  it('refuses a repeated persona id and names the second one', () => {
    const t = withPersonas(6, 3);
    const [, second, third] = t.personas;
    if (!second || !third) throw new Error('unreachable');
    third.id = second.id;
    expect(() => parseTemplate('twins.json', t)).toThrow(
      /twins\.json.*personas\.2\.id.*duplicate persona id/,
    );
  });

  it('refuses a repeated situation id, in a blank template too', () => {
    const path6 = withSituations(6, 6);
    const [first, , , , , last] = path6.situations;
    if (!first || !last) throw new Error('unreachable');
    last.id = first.id;
    expect(() => parseTemplate('deck.json', path6)).toThrow(
      /deck\.json.*situations\.5\.id.*duplicate situation id/,
    );

    const blank = withSituations(0, 2);
    const [a, b] = blank.situations;
    if (!a || !b) throw new Error('unreachable');
    b.id = a.id;
    expect(() => parseTemplate('blank.json', blank)).toThrow(
      /blank\.json.*situations\.1\.id.*duplicate situation id/,
    );
  });

  it('refuses unknown fields', () => {
    expect(() => parseTemplate('extra.json', { ...withSteps(6), colour: 'red' })).toThrow(
      /extra\.json/,
    );
  });

  it('refuses a target feeling outside the emotion palette', () => {
    const t = withSteps(6) as unknown as { steps: Array<Record<string, unknown>> };
    t.steps[5] = { ...t.steps[5], targetFeeling: 'ecstatic' };
    expect(() => parseTemplate('feel.json', t)).toThrow(/feel\.json.*steps\.5\.targetFeeling/);
  });

  it('says (root) when the whole thing is not an object', () => {
    expect(() => parseTemplate('root.json', 42)).toThrow(/root\.json: field \(root\)/);
  });
});

describe('loadTemplates', () => {
  it('refuses a file whose id does not match its name', () => {
    const dir = dirWith({ 'other-name.json': JSON.stringify(withSteps(6)) });
    expect(() => loadTemplates(dir)).toThrow(/other-name\.json: field id/);
  });

  it('names a file that is not JSON', () => {
    const dir = dirWith({ 'bad.json': '{ not json' });
    expect(() => loadTemplates(dir)).toThrow(/bad\.json: not valid JSON/);
  });

  it('ignores files that are not .json', () => {
    const good = withSteps(6);
    const dir = dirWith({ [`${good.id}.json`]: JSON.stringify(good), 'README.md': '# hi' });
    expect([...loadTemplates(dir).keys()]).toEqual([good.id]);
  });
});
