import type { Role } from '@/lib/domain/roles';

/** Okabe–Ito colours per role, always shown together with the role's name. */
export const ROLE_COLOUR: Record<Role, string> = {
  facilitator: '#CC79A7',
  leader: '#0072B2',
  staff: '#009E73',
  customer: '#E69F00',
  observer: '#999999',
};

/** Text on a role's colour with a contrast of at least 4.5:1 (WCAG AA for small text). */
export const ROLE_TEXT_ON_COLOUR: Record<Role, string> = {
  facilitator: '#1c1917',
  leader: '#ffffff',
  staff: '#1c1917',
  customer: '#1c1917',
  observer: '#1c1917',
};
