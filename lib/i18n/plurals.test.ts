import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../domain/roles';
import { CATALOGUES as catalogues } from './catalogues';

/**
 * Placeholders that hold a number of things. Written bare ("{promoters} promoters") they
 * read "1 promoters" in English and "1 suosittelijaa" in Finnish: each must be the argument
 * of an ICU plural, unless the message is listed in `FIGURES` below.
 */
const COUNT_NAMES = new Set([
  'count',
  'total',
  'done',
  'online',
  'left',
  'budget',
  'pages',
  'minutes',
  'steps',
  'promoters',
  'passives',
  'detractors',
  'dots',
  'voters',
  'people',
  'notes',
  'ideas',
  'answers',
  'ratings',
]);

/**
 * Where a count stands as a bare figure, with no word that agrees with it: a ratio
 * ("3 of 5", "3/5"), a notation ("n = 3", "×3") or a unit's abbreviation ("5 min").
 */
const FIGURES: Record<string, string[]> = {
  'workshop.present': ['online', 'total'],
  'screen.done': ['done', 'total'],
  'workshop.phaseOf': ['total'],
  'walk.step': ['total'],
  'revealFlow.waitingStepwise': ['total'],
  'revealFlow.stepRank': ['total'],
  'ideate.promptRank': ['total'],
  // Finnish writes these as a ratio ("2/5 on vastannut"); English makes the verb agree.
  'progress.count.answered': ['done', 'total'],
  'progress.count.rated': ['done', 'total'],
  'progress.count.dots': ['done', 'total'],
  'progress.count.ready': ['done', 'total'],
  'vote.left': ['budget'],
  'export.page': ['pages'],
  'analytics.count': ['count'],
  'export.groupItem': ['count'],
  // "+3 more" / "+3 lisää": no word agrees with the figure.
  'export.mapMore': ['count'],
  'phaseGuide.duration': ['minutes'],
  'phaseGuide.startTimer': ['minutes'],
  // Not a number at all: the titles of the steps no longer on the path.
  'export.compareRemoved': ['steps'],
};

function messages(tree: object, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string'
      ? [[`${prefix}${k}`, v] as [string, string]]
      : messages(v as object, `${prefix}${k}.`),
  );
}

describe('counts in the catalogues', () => {
  it.each(LOCALES)('are ICU plurals wherever a word agrees with them, in %s', (l) => {
    const bare: string[] = [];
    for (const [key, text] of messages(catalogues[l])) {
      const plural = new Set([...text.matchAll(/\{(\w+), plural,/g)].map((m) => m[1]));
      for (const [, name] of text.matchAll(/\{(\w+)\}/g)) {
        if (!name || !COUNT_NAMES.has(name) || plural.has(name)) continue;
        if (FIGURES[key]?.includes(name)) continue;
        bare.push(`${key}: {${name}}`);
      }
    }
    expect(bare).toEqual([]);
  });

  it.each(LOCALES)('every plural says both "one" and "other", in %s', (l) => {
    const incomplete = messages(catalogues[l])
      .filter(([, text]) => text.includes(', plural,'))
      .filter(([, text]) => {
        const plurals = text.split(', plural,').length - 1;
        const ones = (text.match(/(?:\bone|=1) \{/g) ?? []).length;
        const others = (text.match(/\bother \{/g) ?? []).length;
        return ones < plurals || others < plurals;
      })
      .map(([key]) => key);
    expect(incomplete).toEqual([]);
  });

  it('says "1 promoter" and "2 promoters", "1 suosittelija" and "2 suosittelijaa"', () => {
    const say = (locale: Locale, n: number) =>
      createTranslator({ locale, messages: catalogues[locale], namespace: 'warmup' })('detail', {
        promoters: n,
        passives: n,
        detractors: n,
        mean: '7',
      });
    expect(say('en', 1)).toBe('1 promoter, 1 passive, 1 detractor · mean 7');
    expect(say('en', 2)).toBe('2 promoters, 2 passives, 2 detractors · mean 7');
    expect(say('fi', 1)).toBe('1 suosittelija, 1 passiivinen, 1 arvostelija · keskiarvo 7');
    expect(say('fi', 2)).toBe('2 suosittelijaa, 2 passiivista, 2 arvostelijaa · keskiarvo 7');
  });
});
