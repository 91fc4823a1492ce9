import type { MapLayout, Shape } from './map-shapes';

/**
 * The journey map as a standalone SVG document (a string: no DOM, so the server and the
 * browser both write it). Every text is escaped: notes are what anyone typed.
 */

const FONT = 'Helvetica, Arial, sans-serif';

/**
 * What XML 1.0 cannot hold at all, escaped or not: C0 controls but tab, newline and
 * return; U+FFFE and U+FFFF; lone surrogates. A note with one broke the whole SVG (F4).
 */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(
      /[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
    );
}

const num = (v: number) => String(Number(v.toFixed(2)));

function stroke(s: { stroke?: string; strokeWidth?: number; dash?: readonly number[] }): string {
  if (!s.stroke) return '';
  const dash = s.dash ? ` stroke-dasharray="${s.dash.join(' ')}"` : '';
  return ` stroke="${s.stroke}" stroke-width="${num(s.strokeWidth ?? 1)}"${dash}`;
}

function shape(s: Shape): string {
  switch (s.kind) {
    case 'rect': {
      const r = s.radius ? ` rx="${num(s.radius)}"` : '';
      return `<rect x="${num(s.x)}" y="${num(s.y)}" width="${num(s.w)}" height="${num(s.h)}"${r} fill="${s.fill ?? 'none'}"${stroke(s)}/>`;
    }
    case 'line':
      return `<line x1="${num(s.x1)}" y1="${num(s.y1)}" x2="${num(s.x2)}" y2="${num(s.y2)}"${stroke(s)}/>`;
    case 'path':
      return `<path d="${s.d}" fill="${s.fill ?? 'none'}"${stroke(s)} stroke-linejoin="round"/>`;
    case 'text': {
      const anchor = s.anchor && s.anchor !== 'start' ? ` text-anchor="${s.anchor}"` : '';
      const weight = s.bold ? ' font-weight="bold"' : '';
      return `<text x="${num(s.x)}" y="${num(s.y)}" font-size="${num(s.size)}"${weight}${anchor} fill="${s.fill}">${escapeXml(s.text)}</text>`;
    }
  }
}

/** The SVG document of a laid-out map; `title` names it for screen readers and file viewers. */
export function renderMapSvg(layout: MapLayout, title: string): string {
  const { width, height } = layout;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" font-family="${FONT}" role="img" aria-labelledby="map-title">`,
    `<title id="map-title">${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...layout.shapes.map(shape),
    '</svg>',
    '',
  ].join('\n');
}
