'use client';

import type { CurveLayout } from './curve-layout';
import { shortLabel, wrapLabel } from './step-label';

/** A step's number and name under its column, cut to fit; the full name is its title. */
export function CurveStepLabel({
  layout: g,
  x,
  y: baseline,
  index,
  title,
}: {
  layout: CurveLayout;
  x: number;
  y: number;
  index: number;
  title: string;
}) {
  const text = `${index + 1}. ${title}`;
  if (g.labels === 'slanted') {
    return (
      <text
        x={x}
        y={baseline}
        textAnchor="end"
        transform={`rotate(-45 ${x} ${baseline})`}
        fill="#1c2330"
        data-step-label={index}
      >
        <title>{text}</title>
        {shortLabel(text, g.chars)}
      </text>
    );
  }
  return (
    <text x={x} y={baseline} textAnchor="middle" fill="#1c2330" data-step-label={index}>
      <title>{text}</title>
      {wrapLabel(text, g.chars, 2).map((line, k) => (
        <tspan key={k} x={x} dy={k === 0 ? 0 : g.font * 1.2}>
          {line}
        </tspan>
      ))}
    </text>
  );
}
