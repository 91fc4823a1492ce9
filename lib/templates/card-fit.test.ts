import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTemplate, type Template } from './schema';

const SEEDS = path.resolve(import.meta.dirname, '../../seeds/templates');
const FILES = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.json'));

function readSeed(file: string): Template {
  return JSON.parse(fs.readFileSync(path.join(SEEDS, file), 'utf8')) as Template;
}

/** A persona's age from "Anneli, 68, retired" ("Anneli, 68, eläkeläinen"), if it says one. */
function personaAge(p: Template['personas'][number]): number | null {
  const m = /,\s*(\d{1,3})\s*,/.exec(p.name.en);
  return m ? Number(m[1]) : null;
}

/** What a card says of age: "You are 82" (exactly) or "You are over 65" (more than). */
function cardAge(card: Template['situations'][number]): { over: boolean; age: number } | null {
  const m = /\bYou are (over )?(\d{1,3})\b/.exec(card.description.en);
  return m ? { over: Boolean(m[1]), age: Number(m[2]) } : null;
}

describe('which situation cards fit which personas', () => {
  it.each(FILES)('%s: a card that states an age is never dealt to a persona of another', (file) => {
    const t = readSeed(file);
    const misfits: string[] = [];
    for (const card of t.situations) {
      const said = cardAge(card);
      if (!said) continue;
      for (const p of t.personas) {
        const age = personaAge(p);
        if (age === null || card.notFor?.includes(p.id)) continue;
        const fits = said.over ? age > said.age : age === said.age;
        if (!fits) misfits.push(`${card.id} (${card.description.en}) for ${p.name.en}`);
      }
    }
    expect(misfits).toEqual([]);
  });

  it('names the file and field of a card that is "not for" a persona the template lacks', () => {
    const t = readSeed('clinic-visit.json');
    const bad = {
      ...t,
      situations: t.situations.map((c, i) => (i === 2 ? { ...c, notFor: ['nobody-here'] } : c)),
    };
    expect(() => parseTemplate('clinic-visit.json', bad)).toThrow(
      /clinic-visit\.json: field situations\.2\.notFor\.0: no persona nobody-here/,
    );
  });

  it('refuses a card that fits no persona at all: random dealing could never give it', () => {
    const t = readSeed('clinic-visit.json');
    const everyone = t.personas.map((p) => p.id);
    const bad = {
      ...t,
      situations: t.situations.map((c, i) => (i === 0 ? { ...c, notFor: everyone } : c)),
    };
    expect(() => parseTemplate('clinic-visit.json', bad)).toThrow(
      /field situations\.0\.notFor: fits no persona/,
    );
  });
});
