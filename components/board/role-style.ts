import type { Role } from '@/lib/domain/roles';

/** Okabe–Ito colours per role, always shown together with the role's name. */
export const ROLE_COLOUR: Record<Role, string> = {
  facilitator: '#CC79A7',
  leader: '#0072B2',
  staff: '#009E73',
  customer: '#E69F00',
  observer: '#999999',
};
