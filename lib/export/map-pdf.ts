import { exportMapLayout } from './map-export';
import type { Shape } from './map-shapes';
import type { WorkshopExport } from './model';
import { ascent, FONT, printable } from './pdf-fonts';

type Doc = PDFKit.PDFDocument;

const MARGIN = 36;

/**
 * Adds the journey map on a landscape A3 page, the size a team hangs on the wall: the
 * same layout as the SVG download, scaled to fit the page whole.
 */
export function addMapPage(doc: Doc, exp: WorkshopExport): void {
  if (exp.path.length === 0) return;
  doc.addPage({
    size: 'A3',
    layout: 'landscape',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
  });
  const measure = (text: string, size: number, bold: boolean) =>
    doc
      .font(bold ? FONT.bold : FONT.regular)
      .fontSize(size)
      .widthOfString(printable(text, bold ? 'bold' : 'regular'));
  const layout = exportMapLayout(exp, measure);
  const room = { w: doc.page.width - 2 * MARGIN, h: doc.page.height - 2 * MARGIN - 12 };
  const k = Math.min(room.w / layout.width, room.h / layout.height, 1.5);
  // Shapes are drawn under a transform; texts are placed by hand at the scaled size, so that
  // pdfkit never sees a text below its page's bottom (it would start a new page).
  const at = (x: number, y: number) => [MARGIN + x * k, MARGIN + y * k] as const;
  for (const shape of layout.shapes) draw(doc, shape, k, at);
  doc.x = MARGIN;
  doc.y = MARGIN;
}

function draw(
  doc: Doc,
  s: Shape,
  k: number,
  at: (x: number, y: number) => readonly [number, number],
): void {
  if (s.kind === 'text') {
    const size = s.size * k;
    const face = s.bold ? 'bold' : 'regular';
    const text = printable(s.text, face);
    doc.font(FONT[face]).fontSize(size).fillColor(s.fill);
    const width = doc.widthOfString(text);
    const [x, y] = at(s.x, s.y);
    const left = s.anchor === 'middle' ? x - width / 2 : s.anchor === 'end' ? x - width : x;
    // The layout gives baselines; pdfkit places a text by its top.
    doc.text(text, left, y - ascent(face) * size, { lineBreak: false });
    return;
  }
  doc.save();
  doc.translate(MARGIN, MARGIN).scale(k);
  if (s.kind === 'rect') {
    if (s.radius) doc.roundedRect(s.x, s.y, s.w, s.h, s.radius);
    else doc.rect(s.x, s.y, s.w, s.h);
  } else if (s.kind === 'line') {
    doc.moveTo(s.x1, s.y1).lineTo(s.x2, s.y2);
  } else {
    doc.path(s.d);
  }
  const stroke = 'stroke' in s ? s.stroke : undefined;
  const fill = s.kind === 'line' ? null : s.fill;
  if (stroke) {
    doc.lineWidth(s.strokeWidth ?? 1);
    if (s.dash) doc.dash(s.dash[0], { space: s.dash[1] });
  }
  if (fill && stroke) doc.fillAndStroke(fill, stroke);
  else if (fill) doc.fill(fill);
  else if (stroke) doc.stroke(stroke);
  doc.undash();
  doc.restore();
}
