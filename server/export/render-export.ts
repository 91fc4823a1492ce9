import { renderCsvZip } from '../../lib/export/csv';
import { renderJson } from '../../lib/export/json';
import { exportMapSvg } from '../../lib/export/map-export';
import { renderMarkdown } from '../../lib/export/markdown';
import type { WorkshopExport } from '../../lib/export/model';

export const EXPORT_FORMATS = ['json', 'md', 'csv', 'pdf', 'svg'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

export interface RenderedExport {
  body: Uint8Array;
  contentType: string;
  extension: string;
}

/** An export in one format, as the bytes of the file to download. */
export async function renderExport(
  exp: WorkshopExport,
  format: ExportFormat,
): Promise<RenderedExport> {
  const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
  switch (format) {
    case 'json':
      return {
        body: utf8(renderJson(exp)),
        contentType: 'application/json; charset=utf-8',
        extension: 'json',
      };
    case 'md':
      return {
        body: utf8(renderMarkdown(exp)),
        contentType: 'text/markdown; charset=utf-8',
        extension: 'md',
      };
    case 'csv':
      // Four CSV files (ratings, notes, votes, actions) in one zip.
      return { body: renderCsvZip(exp), contentType: 'application/zip', extension: 'zip' };
    case 'pdf': {
      // Loaded on first use: pdfkit and its fonts cost ~0.3 s of every server start.
      const { renderPdf } = await import('../../lib/export/pdf');
      return { body: await renderPdf(exp), contentType: 'application/pdf', extension: 'pdf' };
    }
    case 'svg':
      // The journey map alone, as the PDF's A3 page draws it.
      return {
        body: utf8(exportMapSvg(exp)),
        contentType: 'image/svg+xml; charset=utf-8',
        extension: 'svg',
      };
  }
}
