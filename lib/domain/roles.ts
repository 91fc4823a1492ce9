/** What a participant is in the organisation. See DESIGN.md, "Words". */
export const ROLES = ['facilitator', 'leader', 'staff', 'customer', 'observer'] as const;
export type Role = (typeof ROLES)[number];

/** Roles a person may pick when joining; facilitator comes only with the facilitator key. */
export const JOINABLE_ROLES = ['leader', 'staff', 'customer', 'observer'] as const;
export type JoinableRole = (typeof JOINABLE_ROLES)[number];

/** Whose boots a participant walks in, per round. */
export const LENSES = ['customer', 'staff'] as const;
export type Lens = (typeof LENSES)[number];

/** Staff start in their own boots; everyone else starts in the customer's. */
export function defaultLens(role: Role): Lens {
  return role === 'staff' ? 'staff' : 'customer';
}

export const LOCALES = ['fi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fi';
