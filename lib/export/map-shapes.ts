import { type Measure, wrap } from './map-marks';
import { INK } from './map-style';

/**
 * What the printed journey map is made of: rectangles, lines, paths and text lines in one
 * coordinate space. The SVG download (map-svg.ts) and the PDF's A3 page (map-pdf.ts) draw
 * the same list, so the two never disagree.
 */
export type Shape =
  | {
      kind: 'rect';
      x: number;
      y: number;
      w: number;
      h: number;
      fill: string | null;
      stroke?: string;
      strokeWidth?: number;
      dash?: readonly [number, number];
      radius?: number;
    }
  | {
      kind: 'line';
      x1: number;
      y1: number;
      x2: number;
      y2: number;
      stroke: string;
      strokeWidth: number;
      dash?: readonly [number, number];
    }
  | {
      kind: 'path';
      /** SVG path data (M, L, H, V, a, Z): pdfkit reads it too. */
      d: string;
      fill: string | null;
      stroke?: string;
      strokeWidth?: number;
      dash?: readonly [number, number];
    }
  | {
      kind: 'text';
      x: number;
      /** The baseline. */
      y: number;
      text: string;
      size: number;
      bold?: boolean;
      fill: string;
      anchor?: 'start' | 'middle' | 'end';
    };

type TextShape = Extract<Shape, { kind: 'text' }>;

export interface MapLayout {
  width: number;
  height: number;
  shapes: Shape[];
}

/** The shapes laid out so far, and the ways the layout's parts add to them. */
export interface Pen {
  readonly shapes: Shape[];
  readonly measure: Measure;
  push(shape: Shape): void;
  text(t: Omit<TextShape, 'kind'>): void;
  /**
   * Wraps `content` into at most `max` lines of width `w` below `top`, one text line each;
   * returns the height they take.
   */
  lines(
    content: string,
    x: number,
    top: number,
    w: number,
    size: number,
    bold: boolean,
    max: number,
    fill?: string,
  ): number;
}

export function pen(measure: Measure): Pen {
  const shapes: Shape[] = [];
  const text = (t: Omit<TextShape, 'kind'>) => {
    shapes.push({ kind: 'text', ...t });
  };
  return {
    shapes,
    measure,
    push: (shape) => {
      shapes.push(shape);
    },
    text,
    lines: (content, x, top, w, size, bold, max, fill = INK) => {
      const out = wrap(content, w, size, bold, max, measure);
      out.forEach((line, i) =>
        text({ x, y: top + size * (i + 1) * 1.2 - size * 0.25, text: line, size, bold, fill }),
      );
      return out.length * size * 1.2;
    },
  };
}
