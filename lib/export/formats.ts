/**
 * The export formats, in one place: what `GET /api/workshops/:id/export?format=` accepts
 * (in this order, as its refusal lists them), the file each downloads as, which of them
 * the summary screen offers, and which the runs of a series come in. Data only: the
 * summary screen imports it too. Each format's renderer is the server's
 * (`server/export/render-export.ts`, a record over these ids that does not compile until
 * a new format has one), and its button label is `summary.formats.<id>` in the catalogues.
 */
interface FormatSpec {
  /** The downloaded file's extension (CSV comes as a zip of four files). */
  extension: string;
  contentType: string;
  /** Its place among the summary screen's download buttons; absent: not offered there. */
  summaryButton?: number;
  /** Every run of a series can be had in it (`GET /api/workshops/:id/runs`). */
  series?: true;
}

export const EXPORT_FORMATS = {
  json: {
    extension: 'json',
    contentType: 'application/json; charset=utf-8',
    summaryButton: 4,
    series: true,
  },
  md: {
    extension: 'md',
    contentType: 'text/markdown; charset=utf-8',
    summaryButton: 2,
    series: true,
  },
  csv: { extension: 'zip', contentType: 'application/zip', summaryButton: 3 },
  pdf: { extension: 'pdf', contentType: 'application/pdf', summaryButton: 1 },
  // The journey map alone, as the PDF's A3 page draws it.
  svg: { extension: 'svg', contentType: 'image/svg+xml; charset=utf-8' },
} as const satisfies Record<string, FormatSpec>;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** The formats the runs of a series come in. */
export type SeriesFormat = {
  [F in ExportFormat]: (typeof EXPORT_FORMATS)[F] extends { series: true } ? F : never;
}[ExportFormat];

const ALL = Object.keys(EXPORT_FORMATS) as ExportFormat[];

/** Every format, in the registry's order. */
export const EXPORT_FORMAT_IDS: readonly ExportFormat[] = ALL;

export const SERIES_FORMAT_IDS = ALL.filter(
  (f): f is SeriesFormat => 'series' in EXPORT_FORMATS[f],
) as readonly SeriesFormat[];

/** The summary screen's download buttons, in their order. */
export const SUMMARY_DOWNLOADS: readonly ExportFormat[] = ALL.flatMap((f) => {
  const spec: FormatSpec = EXPORT_FORMATS[f];
  return spec.summaryButton === undefined ? [] : [{ f, at: spec.summaryButton }];
})
  .sort((a, b) => a.at - b.at)
  .map(({ f }) => f);

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && Object.hasOwn(EXPORT_FORMATS, value);
}

export function isSeriesFormat(value: unknown): value is SeriesFormat {
  return isExportFormat(value) && (SERIES_FORMAT_IDS as readonly string[]).includes(value);
}

/** The 400 message for a format that is not one of `accepted`. */
export function formatRefusal(accepted: readonly string[]): string {
  return `format: expected one of ${accepted.join(', ')}`;
}
