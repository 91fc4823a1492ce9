import { describe, expect, it } from 'vitest';
import en from '../i18n/messages/en.json';
import fi from '../i18n/messages/fi.json';
import {
  EXPORT_FORMAT_IDS,
  EXPORT_FORMATS,
  formatRefusal,
  isExportFormat,
  isSeriesFormat,
  SERIES_FORMAT_IDS,
  SUMMARY_DOWNLOADS,
} from './formats';

describe('the export format registry', () => {
  it('accepts its formats, in its order, and nothing else', () => {
    expect(EXPORT_FORMAT_IDS).toEqual(['json', 'md', 'csv', 'pdf', 'svg']);
    for (const f of EXPORT_FORMAT_IDS) expect(isExportFormat(f)).toBe(true);
    for (const other of ['xml', '', null, undefined, 'toString', '__proto__', 'JSON']) {
      expect(isExportFormat(other), String(other)).toBe(false);
    }
    expect(formatRefusal(EXPORT_FORMAT_IDS)).toBe(
      'format: expected one of json, md, csv, pdf, svg',
    );
  });

  it('offers the summary screen four downloads, PDF first, each with a label in every catalogue', () => {
    expect(SUMMARY_DOWNLOADS).toEqual(['pdf', 'md', 'csv', 'json']);
    for (const messages of [en, fi]) {
      const labels = messages.summary.formats as Record<string, string>;
      for (const f of SUMMARY_DOWNLOADS) expect(labels[f], f).toBeTruthy();
    }
  });

  it('gives the runs of a series as JSON or Markdown', () => {
    expect(SERIES_FORMAT_IDS).toEqual(['json', 'md']);
    expect(isSeriesFormat('md')).toBe(true);
    expect(isSeriesFormat('pdf')).toBe(false);
  });

  it('names a CSV export a zip (four files in one)', () => {
    expect(EXPORT_FORMATS.csv).toEqual({
      extension: 'zip',
      contentType: 'application/zip',
      summaryButton: 3,
    });
  });
});
