import { z } from 'zod';
import { PRESENCE_STATE_MAX_BYTES } from '../constants';
import type { Role } from '../domain/roles';
import { PresenceDenied } from './codes';
import { DocIdSchema } from './schemas';

/**
 * Presence (Yjs awareness) as the server vouches for it (issue 21, item 8). A client may
 * say only which step it looks at; the name and role come from the roster, through the
 * token's participant, and the server writes them in. Client and server share this file.
 */

/** What a client may set: the step it looks at. Other fields are dropped. */
const ClientPresenceState = z.object({
  presence: z.object({ stepId: DocIdSchema.optional() }).optional(),
});

/** What everyone receives about someone: the step, with the roster's name and role. */
export interface Presence {
  /** Empty in an anonymous workshop: the board shows the role only. */
  name: string;
  role: Role;
  stepId?: string;
}

/** Who a connection belongs to, from the roster; null for a projector screen. */
export interface PresenceIdentity {
  name: string;
  role: Role;
  anonymous: boolean;
}

const utf8 = new TextEncoder();

export type Vouched = { ok: true; json: string } | { ok: false; reason: PresenceDenied };

/**
 * The state the server relays for a client's `json` (an awareness entry's state), or why
 * it is refused. `null` (the client leaving) always passes.
 */
export function vouchPresence(json: string, who: PresenceIdentity): Vouched {
  if (json === 'null') return { ok: true, json };
  // Characters first (never more than bytes), so a huge state is not encoded to be measured.
  if (
    json.length > PRESENCE_STATE_MAX_BYTES ||
    utf8.encode(json).length > PRESENCE_STATE_MAX_BYTES
  ) {
    return { ok: false, reason: PresenceDenied.TOO_LARGE };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { ok: false, reason: PresenceDenied.INVALID };
  }
  const state = ClientPresenceState.safeParse(parsed);
  if (!state.success) return { ok: false, reason: PresenceDenied.INVALID };
  const { presence } = state.data;
  if (!presence) return { ok: true, json: '{}' };
  const vouched: Presence = {
    name: who.anonymous ? '' : who.name,
    role: who.role,
    ...(presence.stepId === undefined ? {} : { stepId: presence.stepId }),
  };
  return { ok: true, json: JSON.stringify({ presence: vouched }) };
}
