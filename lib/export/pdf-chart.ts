import { ROLE_STYLE } from '../domain/role-style';
import type { CurveData } from './summary';
import { toWinAnsi } from './pdf-text';

const GRID = '#d0d4da';
const INK = '#1c2330';
const CHART_HEIGHT = 170;
const AXIS_WIDTH = 24;
/** Room between the plot's edges and the first and last step. */
const INSET = 14;

type Point = [number, number];

function marker(doc: PDFKit.PDFDocument, [x, y]: Point, shape: string, colour: string): void {
  const r = 3;
  if (shape === 'square') doc.rect(x - r, y - r, 2 * r, 2 * r);
  else if (shape === 'triangle') doc.polygon([x, y - r - 0.5], [x + r, y + r], [x - r, y + r]);
  else if (shape === 'diamond')
    doc.polygon([x, y - r - 1], [x + r + 1, y], [x, y + r + 1], [x - r - 1, y]);
  else doc.circle(x, y, r);
  doc.fillColor(colour).fill();
}

/** A polyline through the points, broken where a value is missing (an unrated step). */
function line(
  doc: PDFKit.PDFDocument,
  values: Array<number | null>,
  at: (i: number, v: number) => Point,
  colour: string,
  dashed: boolean,
): Point[] {
  const points: Point[] = [];
  let run: Point[] = [];
  const flush = () => {
    if (run.length > 1) {
      doc.moveTo(...run[0]!);
      for (const p of run.slice(1)) doc.lineTo(...p);
      if (dashed) doc.dash(5, { space: 3 });
      doc
        .lineWidth(dashed ? 1.2 : 1.8)
        .strokeColor(colour)
        .stroke();
      doc.undash();
    }
    run = [];
  };
  values.forEach((v, i) => {
    if (v === null) return flush();
    const p = at(i, v);
    run.push(p);
    points.push(p);
  });
  flush();
  return points;
}

/**
 * Draws the emotion curve as vector graphics at the current position, full width:
 * a −3…+3 scale, step numbers along the bottom, the target as a dashed line with
 * diamonds, each role's mean as a line with its marker, and a legend. Moves doc.y below.
 */
export function drawCurve(doc: PDFKit.PDFDocument, curve: CurveData, targetLabel: string): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const top = doc.y + 6;
  const plotLeft = left + AXIS_WIDTH;
  const plotWidth = width - AXIS_WIDTH - 8;
  const n = curve.steps.length;
  const span = plotWidth - 2 * INSET;
  const x = (i: number) => plotLeft + INSET + (n <= 1 ? span / 2 : (i * span) / (n - 1));
  const y = (v: number) => top + ((3 - v) / 6) * CHART_HEIGHT;
  const at = (i: number, v: number): Point => [x(i), y(v)];

  doc.save();
  doc.font('Helvetica').fontSize(7);
  for (let v = -3; v <= 3; v++) {
    doc.moveTo(plotLeft, y(v)).lineTo(plotLeft + plotWidth, y(v));
    doc
      .lineWidth(v === 0 ? 0.9 : 0.4)
      .strokeColor(v === 0 ? '#8a919c' : GRID)
      .stroke();
    const text = v > 0 ? `+${v}` : String(v);
    doc.fillColor(INK).text(text, left, y(v) - 3, { width: AXIS_WIDTH - 6, align: 'right' });
  }
  curve.steps.forEach((s, i) => {
    doc
      .moveTo(x(i), top)
      .lineTo(x(i), top + CHART_HEIGHT)
      .lineWidth(0.3)
      .strokeColor(GRID)
      .stroke();
    doc
      .fillColor(INK)
      .text(String(s.number), x(i) - 10, top + CHART_HEIGHT + 4, { width: 20, align: 'center' });
  });

  for (const p of line(doc, curve.target, at, '#000000', true))
    marker(doc, p, 'diamond', '#000000');
  for (const l of curve.lines) {
    const style = ROLE_STYLE[l.role];
    for (const p of line(doc, l.values, at, style.colour, false))
      marker(doc, p, style.shape, style.colour);
  }

  // Legend: one entry per line, then the target.
  let lx = plotLeft;
  const ly = top + CHART_HEIGHT + 20;
  doc.fontSize(8);
  const entries = [
    ...curve.lines.map((l) => ({ label: l.label, ...ROLE_STYLE[l.role], dashed: false })),
    { label: targetLabel, colour: '#000000', shape: 'diamond', dashed: true },
  ];
  for (const e of entries) {
    doc.moveTo(lx, ly + 4).lineTo(lx + 18, ly + 4);
    if (e.dashed) doc.dash(3, { space: 2 });
    doc.lineWidth(1.4).strokeColor(e.colour).stroke();
    doc.undash();
    marker(doc, [lx + 9, ly + 4], e.shape, e.colour);
    const text = toWinAnsi(e.label);
    doc.fillColor(INK).text(text, lx + 22, ly, { lineBreak: false });
    lx += 22 + doc.widthOfString(text) + 16;
  }
  doc.restore();
  doc.x = left;
  doc.y = ly + 18;
}

/** Height the curve with its legend takes, for page breaks. */
export const CURVE_BLOCK_HEIGHT = CHART_HEIGHT + 50;
