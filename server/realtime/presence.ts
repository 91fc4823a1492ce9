import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { PresenceDenied } from '../../lib/protocol/codes';
import { type PresenceIdentity, vouchPresence } from '../../lib/protocol/presence';

/** One entry of a y-protocols awareness update. */
export interface AwarenessEntry {
  client: number;
  clock: number;
  /** The state as JSON; 'null' when the client leaves. */
  state: string;
}

/** The entries of an awareness update. Throws on malformed bytes. */
export function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const entries: AwarenessEntry[] = [];
  for (let n = decoding.readVarUint(decoder); n > 0; n--) {
    const client = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    entries.push({ client, clock, state: decoding.readVarString(decoder) });
  }
  return entries;
}

export function writeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { client, clock, state } of entries) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}

/**
 * Which presence entries a connection may set (issue 21, item 8): one state per
 * connection, under the first client id it announces (2,000 ghost states from one socket
 * were relayed to everyone), bounded and rewritten with the roster's name and role
 * (`vouchPresence`); a projector screen (`who` null) sets none. Returns the entries to
 * apply, rewritten, and the reasons for what was refused.
 */
export class PresenceGate {
  private readonly ids = new WeakMap<object, number>();

  admit(
    conn: object,
    entries: AwarenessEntry[],
    who: PresenceIdentity | null,
  ): { admitted: AwarenessEntry[]; denied: Set<PresenceDenied> } {
    const admitted: AwarenessEntry[] = [];
    const denied = new Set<PresenceDenied>();
    for (const entry of entries) {
      if (!who) {
        // The stock provider announces an empty state as it connects: nothing to say.
        if (entry.state !== '{}' && entry.state !== 'null') denied.add(PresenceDenied.SCREEN);
        continue;
      }
      const id = this.ids.get(conn) ?? entry.client;
      if (entry.client !== id) {
        denied.add(PresenceDenied.ONE_PER_CONNECTION);
        continue;
      }
      const vouched = vouchPresence(entry.state, who);
      if (!vouched.ok) {
        denied.add(vouched.reason);
        continue;
      }
      this.ids.set(conn, id);
      admitted.push({ ...entry, state: vouched.json });
    }
    return { admitted, denied };
  }
}
