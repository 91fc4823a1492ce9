import { markerPath, type MarkerShape, runsPath } from '../analytics/line-path';
import { curveGeometry } from '../charts/curve-geometry';
import { ROLE_STYLE } from '../domain/role-style';
import type { CurveData } from './summary';

// No font files here, only drawing: the fonts stay in pdf-fonts.ts, loaded with the
// PDF alone. Texts come in printable. Role colours and markers: lib/domain/role-style.ts.

const TARGET = { colour: '#000000', shape: 'diamond' as MarkerShape };
const GRID = '#d0d4da';
const INK = '#1c2330';
const CHART_HEIGHT = 170;
const AXIS_WIDTH = 24;
const FONT_SIZE = 7;
const MARKER_R = 3;

type Doc = PDFKit.PDFDocument;

function marker(doc: Doc, x: number, y: number, shape: MarkerShape, colour: string): void {
  doc.path(markerPath(shape, x, y, MARKER_R));
  doc.lineWidth(0.5).fillAndStroke(colour, '#ffffff');
}

/** Text whose baseline is at y, anchored at x like SVG's text-anchor. */
function textAt(doc: Doc, text: string, x: number, y: number, anchor: 'middle' | 'end'): void {
  const width = doc.widthOfString(text);
  const left = anchor === 'middle' ? x - width / 2 : x - width;
  doc.text(text, left, y, { lineBreak: false, baseline: 'alphabetic' });
}

/**
 * Draws the emotion curve as vector graphics at the current position, full width, from
 * the geometry the screens draw too (lib/charts/curve-geometry.ts): a −3…+3 scale, step
 * numbers under their columns, the target as a dashed line with diamonds, each role's mean
 * as a line with its marker, and a legend. Its texts are in `font`, and the lines' labels
 * and `targetLabel` must be printable in it. Moves doc.y below.
 */
export function drawCurve(doc: Doc, curve: CurveData, targetLabel: string, font: string): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const plotLeft = left + AXIS_WIDTH;
  const plotRight = left + width - 8;
  const n = Math.max(curve.steps.length, 1);
  const geo = curveGeometry(
    {
      left: plotLeft,
      right: plotRight,
      top: doc.y + 6,
      plot: CHART_HEIGHT,
      col: (plotRight - plotLeft) / n,
      font: FONT_SIZE,
      r: MARKER_R,
    },
    curve.steps.length,
    [
      ...curve.lines.map((l) => ({ key: l.role, values: l.values, dodge: true })),
      { key: 'target', values: curve.target, dodge: false },
    ],
  );
  const top = geo.ticks[0]!.y;

  doc.save();
  doc.font(font).fontSize(FONT_SIZE);
  for (const tick of geo.ticks) {
    doc.moveTo(geo.grid.x1, tick.y).lineTo(geo.grid.x2, tick.y);
    doc
      .lineWidth(tick.zero ? 0.9 : 0.4)
      .strokeColor(tick.zero ? '#8a919c' : GRID)
      .stroke();
    const label = tick.value > 0 ? `+${tick.value}` : String(tick.value);
    // Centred on the line like SVG's middle baseline: half the digits' height below it.
    doc.fillColor(INK);
    textAt(doc, label, geo.tickLabelX, tick.y + FONT_SIZE * 0.36, 'end');
  }
  for (const { index, x } of geo.columns) {
    doc.moveTo(x, top).lineTo(x, geo.plotBottom).lineWidth(0.3).strokeColor(GRID).stroke();
    doc.fillColor(INK);
    textAt(doc, String(curve.steps[index]!.number), x, geo.stepLabelY, 'middle');
  }

  const styles = [...curve.lines.map((l) => ROLE_STYLE[l.role]), TARGET];
  geo.series.forEach((s, k) => {
    const style = styles[k]!;
    const dashed = s.key === 'target';
    if (s.runs.length > 0) {
      doc.path(runsPath(s.runs));
      if (dashed) doc.dash(5, { space: 3 });
      doc
        .lineWidth(dashed ? 1.2 : 1.8)
        .lineJoin('round')
        .strokeColor(style.colour)
        .stroke();
      doc.undash();
    }
    for (const p of s.points) marker(doc, p.x, p.y, style.shape, style.colour);
  });

  // Legend: one entry per line, then the target.
  let lx = plotLeft;
  const ly = geo.plotBottom + 20;
  doc.fontSize(8);
  const entries = [
    ...curve.lines.map((l) => ({ label: l.label, ...ROLE_STYLE[l.role], dashed: false })),
    { label: targetLabel, ...TARGET, dashed: true },
  ];
  for (const e of entries) {
    doc.moveTo(lx, ly + 4).lineTo(lx + 18, ly + 4);
    if (e.dashed) doc.dash(3, { space: 2 });
    doc.lineWidth(1.4).strokeColor(e.colour).stroke();
    doc.undash();
    marker(doc, lx + 9, ly + 4, e.shape, e.colour);
    doc.fillColor(INK).text(e.label, lx + 22, ly, { lineBreak: false });
    lx += 22 + doc.widthOfString(e.label) + 16;
  }
  doc.restore();
  doc.x = left;
  doc.y = ly + 18;
}

/** Height the curve with its legend takes, for page breaks. */
export const CURVE_BLOCK_HEIGHT = CHART_HEIGHT + 50;
