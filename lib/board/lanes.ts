/** The board's lanes per step, in display order. (No Yjs here: the phase machine uses it.) */
export const LANES = [
  'customerDoes',
  'customerThinks',
  'customerFeels',
  'staffDoes',
  'staffFeels',
  'backstage',
  'pains',
  'gains',
  'ideas',
  'questions',
] as const;
export type Lane = (typeof LANES)[number];

export function isLane(value: unknown): value is Lane {
  return typeof value === 'string' && (LANES as readonly string[]).includes(value);
}
