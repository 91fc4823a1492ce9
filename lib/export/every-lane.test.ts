import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../tests/helpers/pdf';
import { LANES } from '../board/lanes';
import { renderCsvZip } from './csv';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import type { ExportNote } from './model';
import { renderPdf } from './pdf';
import { PATH, sampleExport } from './test-export';

/** One note in every lane of every step, each with a text found nowhere else. */
const NOTES: ExportNote[] = PATH.flatMap((step) =>
  LANES.map((lane) => ({
    id: `${step.id}-${lane}`,
    stepId: step.id,
    lane,
    text: `Note ${step.id} ${lane}`,
    authorRole: 'staff' as const,
    authorName: '',
    createdAt: '2026-03-02T10:00:00.000Z',
    groupId: null,
  })),
);
const TEXTS = NOTES.map((n) => n.text);

describe('every lane in every export', () => {
  const exp = sampleExport({ notes: NOTES, groups: [], ideas: [] }, 'en');

  it('Markdown has a note from every lane of every step', () => {
    const md = renderMarkdown(exp);
    expect(TEXTS.filter((text) => !md.includes(text))).toEqual([]);
  });

  it('the PDF has a note from every lane of every step', async () => {
    const text = (await readPdf(await renderPdf(exp))).text.join('\n');
    expect(TEXTS.filter((t) => !text.includes(t))).toEqual([]);
  });

  it('CSV and JSON have a note from every lane of every step', () => {
    const csv = Object.values(unzipSync(renderCsvZip(exp)))
      .map((bytes) => strFromU8(bytes))
      .join('\n');
    const json = renderJson(exp);
    expect(TEXTS.filter((t) => !csv.includes(t) || !json.includes(t))).toEqual([]);
  });

  it('a grouped note keeps its group, and a step with no notes is left out', () => {
    const grouped = sampleExport(
      {
        notes: [{ ...NOTES[5]!, groupId: 'g1' }],
        groups: [{ id: 'g1', stepId: PATH[0]!.id, title: 'Backstage trouble' }],
        ideas: [],
      },
      'en',
    );
    const md = renderMarkdown(grouped);
    expect(md).toContain(`- Backstage trouble: ${NOTES[5]!.text}`);
    expect(md).toContain(`### 1. ${PATH[0]!.title}`);
    expect(md).not.toContain(`### 2. ${PATH[1]!.title}`);
  });
});
