import { exportWords } from './words';
import { describe, expect, it } from 'vitest';
import { analyseJourney } from '../analytics/journey';
import type { ExportRating } from './model';
import { buildSummary } from './summary';
import { PATH, RATINGS, sampleExport } from './test-export';

/** Planted: the proxies fall 3 into the invoice; the leaders fall 4 into the confirmation. */
const rate = (stepId: string, valence: number, over: Partial<ExportRating> = {}) => ({
  ...RATINGS[1]!,
  stepId,
  valence,
  emotion: 'neutral',
  ...over,
});
const PLANTED: ExportRating[] = [
  rate('tilaus', 0),
  rate('vahvistus', 0),
  rate('lasku', -3),
  rate('tilaus', 2, { role: 'leader' }),
  rate('vahvistus', -2, { role: 'leader' }),
  rate('lasku', -2, { role: 'leader' }),
];

function section(ratings: ExportRating[], locale: 'fi' | 'en') {
  const exp = sampleExport({ ratings, analysis: analyseJourney(PATH, ratings) }, locale);
  const title = exportWords(locale).t.handoffsTitle;
  return buildSummary(exp).sections.find((s) => s.title === title)!;
}

describe('the hand-offs of the summary', () => {
  it('lists the customers’ fall first, the others’ change beside it, then the rest in path order', () => {
    const { title, blocks } = section(PLANTED, 'en');
    expect(title).toBe('Hand-offs between departments');
    expect(blocks).toEqual([
      { kind: 'paragraph', text: '2 hand-offs on the path.' },
      {
        kind: 'paragraph',
        text: expect.stringMatching(/^Ranked by how the customer proxies’ feeling changed/),
      },
      {
        kind: 'list',
        label: 'Falls, the worst first',
        items: [
          '2. Vahvistus sähköpostiin → 3. Lasku | "yllätys" * (Asiakaspalvelu → Talous): ' +
            'Customer proxy -3.0; Leader 0.0, Everyone -1.5',
        ],
      },
      {
        kind: 'list',
        label: 'Other hand-offs, in path order',
        items: [
          '1. Tilaus verkkokaupassa → 2. Vahvistus sähköpostiin (Myynti → Asiakaspalvelu): ' +
            'Customer proxy 0.0; Leader -4.0, Everyone -2.0',
        ],
      },
    ]);
  });

  it('says so, in Finnish too, when nobody walked in the customer’s boots', () => {
    const inOwnBoots = PLANTED.map((r) => ({
      ...r,
      role: 'staff' as const,
      lens: 'staff' as const,
    }));
    const { blocks } = section(inOwnBoots, 'fi');
    expect(blocks[1]).toEqual({
      kind: 'paragraph',
      text: expect.stringMatching(/^Kukaan ei arvioinut asiakkaan saappaissa/),
    });
    expect(blocks[2]).toMatchObject({
      label: 'Pudotukset, pahin ensin',
      items: [
        '1. Tilaus verkkokaupassa → 2. Vahvistus sähköpostiin (Myynti → Asiakaspalvelu): ' +
          'Kaikki −2,0; Henkilöstö −2,0',
        '2. Vahvistus sähköpostiin → 3. Lasku | "yllätys" * (Asiakaspalvelu → Talous): ' +
          'Kaikki −1,5; Henkilöstö −1,5',
      ],
    });
  });

  it('falls back to those in the customer’s lens when no proxy rated in it', () => {
    const leadersOnly = PLANTED.filter((r) => r.role === 'leader');
    const { blocks } = section(leadersOnly, 'en');
    expect(blocks[1]).toEqual({
      kind: 'paragraph',
      text: expect.stringMatching(/^No customer proxy rated in the customer’s boots/),
    });
    expect(blocks[2]).toMatchObject({
      items: [
        '1. Tilaus verkkokaupassa → 2. Vahvistus sähköpostiin (Myynti → Asiakaspalvelu): ' +
          'In the customer’s boots -4.0; Leader -4.0, Everyone -4.0',
      ],
    });
  });

  it('lists every hand-off in path order, unrated, before anyone rated', () => {
    const { blocks } = section([], 'fi');
    expect(blocks).toEqual([
      { kind: 'paragraph', text: 'Polulla on 2 siirtoa.' },
      {
        kind: 'list',
        items: [
          '1. Tilaus verkkokaupassa → 2. Vahvistus sähköpostiin (Myynti → Asiakaspalvelu): ei arvioitu',
          '2. Vahvistus sähköpostiin → 3. Lasku | "yllätys" * (Asiakaspalvelu → Talous): ei arvioitu',
        ],
      },
    ]);
  });
});
