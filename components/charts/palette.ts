/** The target line: black, dashed, with diamonds. */
export const TARGET_STYLE = { colour: '#000000', shape: 'diamond', dash: '6 4' } as const;

/**
 * ColorBrewer PuOr, 7 classes (colour-blind safe): orange for bad feelings, purple for good,
 * near-white for neutral. Index 0 is −3, index 6 is +3.
 */
export const VALENCE_SCALE = [
  '#b35806',
  '#f1a340',
  '#fee0b6',
  '#f7f7f7',
  '#d8daeb',
  '#998ec3',
  '#542788',
] as const;

/** Fill and readable text colour for a mean valence, rounded half away from zero. */
export function valenceColours(mean: number): { fill: string; text: string } {
  const bin = Math.max(-3, Math.min(3, Math.sign(mean) * Math.round(Math.abs(mean))));
  const fill = VALENCE_SCALE[bin + 3] as string;
  return { fill, text: Math.abs(bin) === 3 ? '#ffffff' : '#1c2330' };
}
