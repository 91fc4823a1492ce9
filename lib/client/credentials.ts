/**
 * What this browser remembers per workshop: the participant token (so a reload or a
 * lost connection comes back as the same person) and, for facilitators, the key.
 */
const TOKEN_PREFIX = 'saappaat:token:';
/** A facilitator's token is kept apart, so one browser can test both views of a workshop. */
const FACILITATOR_TOKEN_PREFIX = 'saappaat:facilitator-token:';
const KEY_PREFIX = 'saappaat:key:';

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null; // storage disabled: the session lasts as long as the tab
  }
}

type As = 'participant' | 'facilitator';

function tokenKey(workshopId: string, as: As): string {
  return (as === 'facilitator' ? FACILITATOR_TOKEN_PREFIX : TOKEN_PREFIX) + workshopId;
}

export function savedToken(workshopId: string, as: As = 'participant'): string | null {
  return storage()?.getItem(tokenKey(workshopId, as)) ?? null;
}

export function saveToken(workshopId: string, token: string, as: As = 'participant'): void {
  storage()?.setItem(tokenKey(workshopId, as), token);
}

export function forgetToken(workshopId: string, as: As = 'participant'): void {
  storage()?.removeItem(tokenKey(workshopId, as));
}

export function savedFacilitatorKey(workshopId: string): string | null {
  return storage()?.getItem(KEY_PREFIX + workshopId) ?? null;
}

export function saveFacilitatorKey(workshopId: string, key: string): void {
  storage()?.setItem(KEY_PREFIX + workshopId, key);
}
