import PDFDocument from 'pdfkit';
import type { WorkshopExport } from './model';
import { addMapPage } from './map-pdf';
import { CURVE_BLOCK_HEIGHT, drawCurve } from './pdf-chart';
import { FONT, type Face, printable, registerFonts } from './pdf-fonts';
import { type Block, buildSummary, type Section } from './summary';
import { fill } from './words';

const INK = '#1c2330';
const MUTED = '#5b6472';
const RULE = '#c3c8cf';
const REGULAR = FONT.regular;
const BOLD = FONT.bold;
const ITALIC = FONT.italic;
const BODY_SIZE = 9.5;
const CELL_PAD = 3;

type Doc = PDFKit.PDFDocument;

const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page unless `height` still fits on this one. */
function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function heading(doc: Doc, text: string, size: number): void {
  ensureSpace(doc, size * 3);
  doc.moveDown(0.6).font(BOLD).fontSize(size).fillColor(INK);
  doc.text(printable(text, 'bold'), doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
}

function paragraph(doc: Doc, text: string, face: Face = 'regular'): void {
  doc.font(FONT[face]).fontSize(BODY_SIZE).fillColor(INK);
  doc.text(printable(text, face), doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.4);
}

function list(doc: Doc, items: string[], label?: string): void {
  if (label) paragraph(doc, label, 'bold');
  const left = doc.page.margins.left;
  doc.font(REGULAR).fontSize(BODY_SIZE).fillColor(INK);
  for (const item of items) {
    const text = printable(item);
    ensureSpace(doc, doc.heightOfString(text, { width: contentWidth(doc) - 12 }));
    const y = doc.y;
    doc.text('•', left + 2, y);
    doc.text(text, left + 12, y, { width: contentWidth(doc) - 12 });
    doc.moveDown(0.15);
  }
  doc.moveDown(0.3);
}

/**
 * Column widths: numeric columns as wide as their header; text columns at least as wide
 * as their longest word (so no word breaks inside), the rest shared by content length.
 */
function columnWidths(doc: Doc, head: string[], rows: string[][], numeric: boolean[]): number[] {
  const total = contentWidth(doc);
  const cellsOf = (i: number) => [head[i]!, ...rows.map((r) => r[i] ?? '')];
  const widest = (i: number) => {
    let max = 0;
    for (const [j, text] of cellsOf(i).entries()) {
      doc.font(j === 0 ? BOLD : REGULAR).fontSize(BODY_SIZE - 1);
      // pdfkit measures a word with the space after it, and splits one wider than the line.
      const words = text.split(' ');
      words.forEach((word, k) => {
        const measured = k < words.length - 1 ? `${word} ` : word;
        max = Math.max(max, doc.widthOfString(measured));
      });
    }
    return Math.min(total / 3, max + 2 * CELL_PAD + 1);
  };
  const least = head.map((_, i) => widest(i));
  const weight = head.map((_, i) =>
    numeric[i] ? 0 : Math.min(60, Math.max(...cellsOf(i).map((c) => c.length))),
  );
  const spare = Math.max(0, total - least.reduce((a, b) => a + b, 0));
  const weights = weight.reduce((a, b) => a + b, 0) || 1;
  return least.map((w, i) => w + (spare * weight[i]!) / weights);
}

interface Columns {
  widths: number[];
  numeric: boolean[];
}

function rowHeight(doc: Doc, texts: string[], { widths }: Columns): number {
  const heights = texts.map((t, i) =>
    doc.heightOfString(t || ' ', { width: widths[i]! - 2 * CELL_PAD }),
  );
  return Math.max(...heights) + 2 * CELL_PAD;
}

function drawRow(doc: Doc, texts: string[], columns: Columns, height: number): void {
  const left = doc.page.margins.left;
  const y = doc.y;
  let x = left;
  texts.forEach((t, i) => {
    const width = columns.widths[i]! - 2 * CELL_PAD;
    const align = columns.numeric[i] ? 'right' : 'left';
    doc.fillColor(INK).text(t, x + CELL_PAD, y + CELL_PAD, { width, align });
    x += columns.widths[i]!;
  });
  doc.moveTo(left, y + height).lineTo(left + contentWidth(doc), y + height);
  doc.lineWidth(0.4).strokeColor(RULE).stroke();
  doc.x = left;
  doc.y = y + height;
}

/** A table whose header repeats on every page it runs onto. */
function table(doc: Doc, b: Extract<Block, { kind: 'table' }>): void {
  const head = b.head.map((t) => printable(t, 'bold'));
  const rows = b.rows.map((row) => row.map((t) => printable(t)));
  const columns = { widths: columnWidths(doc, head, rows, b.numeric), numeric: b.numeric };
  const header = () => {
    doc.font(BOLD).fontSize(BODY_SIZE - 1);
    drawRow(doc, head, columns, rowHeight(doc, head, columns));
  };
  doc.font(BOLD).fontSize(BODY_SIZE - 1);
  const headHeight = rowHeight(doc, head, columns);
  ensureSpace(doc, headHeight * 3);
  header();
  for (const texts of rows) {
    doc.font(REGULAR).fontSize(BODY_SIZE - 1);
    const height = rowHeight(doc, texts, columns);
    if (doc.y + height > bottom(doc)) {
      doc.addPage();
      header();
      doc.font(REGULAR).fontSize(BODY_SIZE - 1);
    }
    drawRow(doc, texts, columns, height);
  }
  doc.moveDown(0.6);
}

function facts(doc: Doc, rows: Array<[string, string]>): void {
  const left = doc.page.margins.left;
  const labelWidth = 150;
  for (const [k, v] of rows) {
    doc.font(REGULAR).fontSize(BODY_SIZE);
    const value = printable(v);
    ensureSpace(doc, doc.heightOfString(value, { width: contentWidth(doc) - labelWidth }));
    const y = doc.y;
    doc
      .font(BOLD)
      .fillColor(MUTED)
      .text(printable(k, 'bold'), left, y, { width: labelWidth - 8 });
    const afterLabel = doc.y;
    doc
      .font(REGULAR)
      .fillColor(INK)
      .text(value, left + labelWidth, y, { width: contentWidth(doc) - labelWidth });
    doc.y = Math.max(doc.y, afterLabel) + 2;
  }
  doc.x = left;
  doc.moveDown(0.4);
}

function block(doc: Doc, b: Block): void {
  if (b.kind === 'paragraph') paragraph(doc, b.text);
  else if (b.kind === 'list') list(doc, b.items, b.label);
  else if (b.kind === 'facts') facts(doc, b.rows);
  else table(doc, b);
}

function section(doc: Doc, s: Section): void {
  heading(doc, s.title, 13);
  for (const b of s.blocks) block(doc, b);
  for (const part of s.parts ?? []) {
    heading(doc, part.title, 10.5);
    for (const b of part.blocks) block(doc, b);
  }
}

/** Page numbers in the bottom margin of every page (written once all pages exist). */
function pageNumbers(doc: Doc, template: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not add a page
    doc.font(REGULAR).fontSize(8).fillColor(MUTED);
    doc.text(
      printable(fill(template, { page: i + 1, pages: count })),
      doc.page.margins.left,
      doc.page.height - margin / 2,
      {
        width: contentWidth(doc),
        align: 'center',
        lineBreak: false,
      },
    );
    doc.page.margins.bottom = margin;
  }
}

/**
 * The workshop's summary as an A4 PDF, in its language: the same content as the
 * Markdown, with the emotion curve drawn as vector lines, and the journey map on a
 * landscape A3 page at the end. DejaVu Sans, embedded; see pdf-fonts.ts for what happens
 * to characters it has no glyph for.
 */
export function renderPdf(exp: WorkshopExport): Promise<Uint8Array> {
  const summary = buildSummary(exp);
  const { t } = summary.words;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 50, left: 50, right: 50 },
    bufferPages: true,
    lang: exp.workshop.locale,
    displayTitle: true,
    info: {
      // Metadata strings are UTF-16 in the PDF: they keep every character.
      Title: exp.workshop.title,
      Subject: t.heading,
      Creator: 'Saappaat',
    },
  });
  registerFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });

  doc
    .font(BOLD)
    .fontSize(20)
    .fillColor(INK)
    .text(printable(summary.title, 'bold'), { width: contentWidth(doc) });
  doc.font(ITALIC).fontSize(11).fillColor(MUTED).text(printable(summary.heading, 'italic'));
  summary.sections.forEach((s, i) => {
    if (i === summary.curveBefore && summary.curve) {
      heading(doc, t.curveTitle, 13);
      ensureSpace(doc, CURVE_BLOCK_HEIGHT);
      const lines = summary.curve.lines.map((l) => ({ ...l, label: printable(l.label) }));
      drawCurve(doc, { ...summary.curve, lines }, printable(t.target), REGULAR);
    }
    section(doc, s);
  });
  addMapPage(doc, exp);
  pageNumbers(doc, t.page);
  doc.end();
  return done;
}
