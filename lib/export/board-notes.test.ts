import { describe, expect, it } from 'vitest';
import { hasPainsOrGains, hasText, stepNotes } from './board-notes';
import { renderMarkdown } from './markdown';
import { topNotes } from './summary-findings';
import { NOTES, sampleExport } from './test-export';
import { exportWords } from './words';

const blank = (over: Partial<(typeof NOTES)[number]> = {}) => ({
  ...NOTES[0]!,
  id: 'blank',
  text: ' \n\t ',
  ...over,
});

describe('blank notes', () => {
  it('count as absent: empty or only white space', () => {
    expect(hasText({ text: '' })).toBe(false);
    expect(hasText({ text: ' \n\t' })).toBe(false);
    expect(hasText({ text: ' x ' })).toBe(true);
  });

  it('are left out of a step and lane, which keep their other notes in order', () => {
    const exp = sampleExport({ notes: [blank(), ...NOTES] });
    expect(stepNotes(exp, 'lasku', 'pains').map((n) => n.id)).toEqual(['n1', 'n2', 'n3']);
  });

  it('make no pains or gains on their own, on the page and in the Markdown alike', () => {
    const exp = sampleExport({ notes: [blank(), blank({ id: 'b2', lane: 'gains' })] }, 'en');
    expect(hasPainsOrGains(exp)).toBe(false);
    expect(renderMarkdown(exp)).toContain('No pains or gains on the board.');
    expect(hasPainsOrGains(sampleExport())).toBe(true);
  });

  it('do not swell a group in the export', () => {
    const exp = sampleExport({ notes: [...NOTES, blank({ groupId: 'g1' })] });
    expect(topNotes(exp, 'lasku', 'pains', exportWords('fi'))).toEqual([
      'Viitteet (×2)',
      'Eräpäivä liian lyhyt',
    ]);
  });
});
