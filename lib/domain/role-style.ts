import type { RatedRole } from '../analytics/curve';
import type { Role } from './roles';

/**
 * The one role palette: the board's note edges and presence avatars, the charts, the live
 * and printed journey map and the PDF all draw a role in these colours. Okabe–Ito,
 * distinguishable with the common colour-vision deficiencies, and never the only cue: the
 * role's name (and on charts its marker shape) goes with it.
 *
 * Customers are vermillion, not Okabe–Ito's orange (#E69F00, which the board once used):
 * as a line on white the orange has 2.2:1, under the 3:1 a chart's graphics need, while
 * vermillion has 3.9:1 and still carries dark initials at 4.5:1.
 */
export const ROLE_COLOUR: Record<Role, string> = {
  facilitator: '#CC79A7', // reddish purple
  leader: '#0072B2', // blue
  staff: '#009E73', // bluish green
  customer: '#D55E00', // vermillion
  observer: '#999999', // grey
};

/** Text on a role's colour with a contrast of at least 4.5:1 (WCAG AA for small text). */
export const ROLE_TEXT_ON_COLOUR: Record<Role, string> = {
  facilitator: '#1c1917',
  leader: '#ffffff',
  staff: '#1c1917',
  customer: '#1c1917',
  observer: '#1c1917',
};

/** A rated role's curve: its colour and a marker, so curves are told apart without colour too. */
export const ROLE_STYLE: Record<
  RatedRole,
  { colour: string; shape: 'circle' | 'square' | 'triangle' }
> = {
  leader: { colour: ROLE_COLOUR.leader, shape: 'circle' },
  staff: { colour: ROLE_COLOUR.staff, shape: 'square' },
  customer: { colour: ROLE_COLOUR.customer, shape: 'triangle' },
};
