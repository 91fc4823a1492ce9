import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { ClientClaims } from './client-claims';
import { PresenceGate, readAwarenessEntries, writeAwarenessEntries } from './presence';
import { send } from './send-buffer';
import type { Connection } from './yjs-connection';
import { awarenessMessage, deniedMessage } from './yjs-messages';

type AwarenessChanges = { added: number[]; updated: number[]; removed: number[] };

/**
 * A document's presence (y-protocols awareness): who may set which state, relaying what
 * changed to the others, and renewals gathered into one message every few seconds.
 */
export class DocPresence {
  readonly awareness: awarenessProtocol.Awareness;
  /** Which connection holds each presence state (each connection holds one at most). */
  private readonly presenceHolders = new Map<number, Connection>();
  /** Client ids whose awareness state changed in the update being handled now. */
  private readonly changedNow = new Set<number>();
  /** Client ids that renewed an unchanged state since the last relay of renewals. */
  private readonly renewed = new Set<number>();
  private readonly renewalTimer: NodeJS.Timeout;
  /** What each connection may say about its presence. */
  private readonly presence = new PresenceGate();

  constructor(
    doc: Y.Doc,
    private readonly conns: ReadonlyMap<WebSocket, Connection>,
    private readonly clientOwners: ClientClaims,
    renewalRelayMs: number,
    /** The connection is still served (open, and the document has not failed). */
    private readonly live: (conn: Connection) => boolean,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    // 'change' (a state that differs) comes just before 'update' (also bare renewals).
    this.awareness.on('change', (changes: AwarenessChanges) => {
      for (const id of [...changes.added, ...changes.updated, ...changes.removed]) {
        this.changedNow.add(id);
      }
    });
    this.awareness.on('update', this.onAwarenessUpdate);
    this.renewalTimer = setInterval(() => this.relayRenewals(), renewalRelayMs);
    this.renewalTimer.unref();
  }

  /** Everyone's presence, if anyone's, for a connection that just came. */
  greet(conn: Connection): void {
    const states = this.awareness.getStates();
    if (states.size > 0) send(conn.ws, awarenessMessage(this.awareness, [...states.keys()]));
  }

  /** Everyone's presence, for a connection that asked for it (even if nobody's). */
  answerQuery(conn: Connection): void {
    send(conn.ws, awarenessMessage(this.awareness, [...this.awareness.getStates().keys()]));
  }

  /** An awareness update from `conn`. Throws on malformed bytes. */
  receive(conn: Connection, bytes: Uint8Array): void {
    const update = this.ownPresence(conn, bytes);
    if (!update) return;
    const apply = () => {
      if (!this.live(conn)) return;
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, conn);
    };
    // An id is shown to others only once its claim is stored: a crash must not forget
    // the owner of an id that others have learned. (Awareness is ordered by its own
    // clocks, so a later state overtaking this one changes nothing.)
    if (this.clientOwners.settled) apply();
    else this.clientOwners.stored().then(apply, () => undefined);
  }

  /**
   * The entries of an awareness update that this connection may set: presence under a
   * client id another participant has claimed is dropped (found by the fuzz test: anyone
   * could rewrite or remove another person's presence, and overwrite that person's own
   * local state). y-websocket echoes others' states back too; dropping those changes
   * nothing. Unclaimed ids are claimed here (within the participant's bound): a client
   * announces its presence as it connects, before anyone else can learn its id. Throws on
   * malformed bytes.
   */
  private ownPresence(conn: Connection, update: Uint8Array): Uint8Array | null {
    // Ids another participant owns are dropped, as are ids past this one's bound, and
    // states another connection holds: a stock client echoes what it hears, its own
    // person's other tabs too, and an echo is not a second state of this connection.
    const own = readAwarenessEntries(update).filter((e) => {
      const holder = this.presenceHolders.get(e.client);
      if (holder && holder !== conn) return false;
      return !this.clientOwners.refusal(conn.participantId, [e.client]);
    });
    // One state per connection, bounded, with the roster's name and role (presence.ts).
    const { admitted, denied } = this.presence.admit(conn, own, conn.identity());
    for (const reason of denied) send(conn.ws, deniedMessage(reason));
    if (admitted.length === 0) return null;
    this.clientOwners.claim(
      conn.participantId,
      admitted.map((e) => e.client),
    );
    return writeAwarenessEntries(admitted);
  }

  private readonly onAwarenessUpdate = (changes: AwarenessChanges, origin: unknown): void => {
    // Updates from a client carry its Connection as the origin (see `receive`).
    const conn = origin ? this.conns.get((origin as Connection).ws) : undefined;
    if (conn) {
      for (const id of changes.added) {
        conn.clientIds.add(id);
        this.presenceHolders.set(id, conn);
      }
      for (const id of changes.removed) conn.clientIds.delete(id);
    }
    for (const id of changes.removed) this.presenceHolders.delete(id);
    const all = [...changes.added, ...changes.updated, ...changes.removed];
    const changed = all.filter((id) => this.changedNow.has(id));
    this.changedNow.clear();
    // A bare renewal (same state, next clock; every client sends one each 15 s) only
    // keeps the state from timing out at the others: relayed in one message per
    // connection every few seconds, not one per renewal to everyone (n² / 15 a second).
    for (const id of all) if (!changed.includes(id)) this.renewed.add(id);
    if (changed.length === 0) return;
    for (const id of changed) this.renewed.delete(id);
    // Relay to everyone but the sender: echoing a state back doubles presence traffic.
    const message = awarenessMessage(this.awareness, changed);
    for (const other of this.conns.values()) {
      if (other !== origin) send(other.ws, message);
    }
  };

  /** Sends the renewals gathered since the last time, in one message to each connection. */
  private relayRenewals(): void {
    const ids = [...this.renewed].filter((id) => this.awareness.meta.has(id));
    this.renewed.clear();
    if (ids.length === 0) return;
    const message = awarenessMessage(this.awareness, ids);
    for (const conn of this.conns.values()) send(conn.ws, message);
  }

  /** A connection closed: its presence states go (the others are told). */
  remove(conn: Connection): void {
    for (const id of conn.clientIds) this.presenceHolders.delete(id);
    if (conn.clientIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.clientIds], null);
    }
  }

  destroy(): void {
    clearInterval(this.renewalTimer);
    this.awareness.destroy();
  }
}
