import { renderCsvZip } from '../../lib/export/csv';
import { EXPORT_FORMATS, type ExportFormat } from '../../lib/export/formats';
import { renderJson } from '../../lib/export/json';
import { exportMapSvg } from '../../lib/export/map-export';
import { renderMarkdown } from '../../lib/export/markdown';
import type { WorkshopExport } from '../../lib/export/model';

export interface RenderedExport {
  body: Uint8Array;
  contentType: string;
  extension: string;
}

type Renderer = (exp: WorkshopExport) => Promise<Uint8Array | string> | Uint8Array | string;

/**
 * Each format of the registry (`lib/export/formats.ts`) and what draws it: a format
 * without a renderer here does not compile. Text comes back as UTF-8 bytes.
 */
const RENDERERS: { [F in ExportFormat]: Renderer } = {
  json: renderJson,
  md: renderMarkdown,
  // Four CSV files (ratings, notes, votes, actions) in one zip.
  csv: renderCsvZip,
  pdf: async (exp) => {
    // Loaded on first use: pdfkit and its fonts cost ~0.3 s of every server start.
    const { renderPdf } = await import('../../lib/export/pdf');
    return renderPdf(exp);
  },
  svg: exportMapSvg,
};

/** An export in one format, as the bytes of the file to download. */
export async function renderExport(
  exp: WorkshopExport,
  format: ExportFormat,
): Promise<RenderedExport> {
  const drawn = await RENDERERS[format](exp);
  const body = typeof drawn === 'string' ? new Uint8Array(Buffer.from(drawn, 'utf8')) : drawn;
  const { contentType, extension } = EXPORT_FORMATS[format];
  return { body, contentType, extension };
}
