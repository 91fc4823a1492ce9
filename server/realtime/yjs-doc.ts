import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebSocket } from 'ws';
import * as authProtocol from 'y-protocols/auth';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { NOTES_PER_LANE_MAX } from '../../lib/board/board-doc';
import {
  YJS_CLIENT_IDS_PER_PARTICIPANT_MAX,
  YJS_RENEWAL_RELAY_MS,
  YJS_COMPACT_AFTER_BYTES,
  YJS_COMPACT_AFTER_UPDATES,
  YJS_DOC_MAX_BYTES,
  YJS_ADDRESS_SHARE_MAX_BYTES,
  YJS_SHARE_MAX_BYTES,
} from '../../lib/constants';
import { CloseCode } from '../../lib/protocol/codes';
import type { Storage } from '../storage/storage';
import type { PresenceIdentity } from '../../lib/protocol/presence';
import { PresenceGate, readAwarenessEntries, writeAwarenessEntries } from './presence';
import { send } from './send-buffer';
import { ClientClaims } from './client-claims';
import { guardUpdate, type Writer } from './yjs-guard';
import { ShareBook } from './yjs-share';

/** y-websocket's message types (the first varuint of every message). */
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
const MESSAGE_QUERY_AWARENESS = 3;

const LOAD_ORIGIN = Symbol('load');

type AwarenessChanges = { added: number[]; updated: number[]; removed: number[] };

export interface Connection {
  ws: WebSocket;
  participantId: string;
  /** Who writes on this connection, asked per update: roles and the board lock change. */
  writer(): Writer;
  /** Awareness client ids this connection controls, removed when it closes. */
  clientIds: Set<number>;
  /** Whose presence this is, from the roster, asked per update; null for a screen. */
  identity(): PresenceIdentity | null;
  /** Where the connection comes from (`addressKey`): shares are bounded per address too. */
  address: string;
}

/** When the log is compacted, and how large a document may grow. */
export interface DocLimits {
  compactAfterUpdates: number;
  /** Bytes appended since the last snapshot. */
  compactAfterBytes: number;
  docMaxBytes: number;
  /** Most of the document one participant may hold (YJS_SHARE_MAX_BYTES). */
  shareMaxBytes: number;
  /** What the participants of one address may hold together (YJS_ADDRESS_SHARE_MAX_BYTES). */
  addressShareMaxBytes: number;
  /** How often gathered presence renewals are relayed (YJS_RENEWAL_RELAY_MS). */
  renewalRelayMs: number;
  /** Yjs client ids one participant may claim (YJS_CLIENT_IDS_PER_PARTICIPANT_MAX). */
  clientIdsPerParticipant: number;
}

export const DEFAULT_DOC_LIMITS: DocLimits = {
  compactAfterUpdates: YJS_COMPACT_AFTER_UPDATES,
  compactAfterBytes: YJS_COMPACT_AFTER_BYTES,
  docMaxBytes: YJS_DOC_MAX_BYTES,
  shareMaxBytes: YJS_SHARE_MAX_BYTES,
  addressShareMaxBytes: YJS_ADDRESS_SHARE_MAX_BYTES,
  renewalRelayMs: YJS_RENEWAL_RELAY_MS,
  clientIdsPerParticipant: YJS_CLIENT_IDS_PER_PARTICIPANT_MAX,
};

/**
 * One workshop's Y.Doc with its connections. The stored log is applied before the first
 * message is answered; every update passes the guard (yjs-guard.ts) and is appended to
 * storage before it is relayed.
 */
export class SharedDoc {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** What each Yjs client id holds of the document; counts the stored log as it loads. */
  private readonly shares = new ShareBook(this.doc);
  readonly conns = new Map<WebSocket, Connection>();
  readonly ready: Promise<void>;
  /** Persistence and relay run in this chain, one update at a time, in order. */
  private chain: Promise<void> = Promise.resolve();
  private updatesSinceCompaction = 0;
  /** Bytes of the stored log, and of its first entry (the snapshot, once compacted). */
  private storedBytes = 0;
  private snapshotBytes = 0;
  /** Bytes applied in memory but not yet stored. */
  private queuedBytes = 0;
  private failed = false;
  /**
   * Whose each Yjs client id is: the participant who first used it, to write or in
   * presence. Stored, and loaded with the document (client-claims.ts).
   */
  private readonly clientOwners: ClientClaims;
  /** Updates applied in memory, waiting to be stored and relayed (in order). */
  private readonly unstored: Array<{ update: Uint8Array; message: Uint8Array; origin: unknown }> =
    [];
  /** The participants seen writing from each address (`Connection.address`). */
  private readonly peopleAt = new Map<string, Set<string>>();
  /** Which connection holds each presence state (each connection holds one at most). */
  private readonly presenceHolders = new Map<number, Connection>();
  /** Client ids whose awareness state changed in the update being handled now. */
  private readonly changedNow = new Set<number>();
  /** Client ids that renewed an unchanged state since the last relay of renewals. */
  private readonly renewed = new Set<number>();
  private readonly renewalTimer: NodeJS.Timeout;
  /** Updates taken from `unstored` whose storing has not finished yet. */
  private storing = 0;
  /** What each connection may say about its presence. */
  private readonly presence = new PresenceGate();
  /** Connections whose answer to a sync step 1 is not yet written to the kernel. */
  private readonly answering = new WeakSet<Connection>();

  constructor(
    readonly workshopId: string,
    private readonly storage: Storage,
    private readonly onFailure: (doc: SharedDoc) => void,
    private readonly limits: DocLimits = DEFAULT_DOC_LIMITS,
  ) {
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.clientOwners = new ClientClaims(
      workshopId,
      storage,
      limits.clientIdsPerParticipant,
      (err) => {
        console.error(`[yjs ${workshopId}] could not store a client id's owner`, err);
        this.fail();
      },
    );
    this.ready = this.load();
    // Not loaded: drop this copy (closing with 4500), so the next connection loads afresh.
    this.ready.catch(() => this.fail());
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== LOAD_ORIGIN) this.persistAndRelay(update, origin);
    });
    // 'change' (a state that differs) comes just before 'update' (also bare renewals).
    this.awareness.on('change', (changes: AwarenessChanges) => {
      for (const id of [...changes.added, ...changes.updated, ...changes.removed]) {
        this.changedNow.add(id);
      }
    });
    this.awareness.on('update', this.onAwarenessUpdate);
    this.renewalTimer = setInterval(() => this.relayRenewals(), this.limits.renewalRelayMs);
    this.renewalTimer.unref();
  }

  private async load(): Promise<void> {
    const [log] = await Promise.all([
      this.storage.loadDoc(this.workshopId),
      this.clientOwners.load(),
    ]);
    Y.transact(
      this.doc,
      () => {
        for (const update of log.updates) Y.applyUpdate(this.doc, update, LOAD_ORIGIN);
      },
      LOAD_ORIGIN,
    );
    this.updatesSinceCompaction = log.updates.length;
    this.storedBytes = log.bytes;
    this.snapshotBytes = log.updates[0]?.byteLength ?? 0;
  }

  /** The document's size as the limits count it: its stored log and what is queued for it. */
  get bytes(): number {
    return this.storedBytes + this.queuedBytes;
  }

  /** Called once `ready` has resolved: greets the client with our state vector and presence. */
  greet(conn: Connection): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    send(conn.ws, encoding.toUint8Array(encoder));
    const states = this.awareness.getStates();
    if (states.size > 0) {
      send(conn.ws, awarenessMessage(this.awareness, [...states.keys()]));
    }
  }

  /** Handles one binary message. Throws on malformed input; the caller closes with 4400. */
  receive(conn: Connection, data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC:
        return this.receiveSync(conn, decoder);
      case MESSAGE_AWARENESS: {
        const update = this.ownPresence(conn, decoding.readVarUint8Array(decoder));
        if (!update) return;
        const apply = () => {
          if (this.failed || !this.conns.has(conn.ws)) return;
          awarenessProtocol.applyAwarenessUpdate(this.awareness, update, conn);
        };
        // An id is shown to others only once its claim is stored: a crash must not forget
        // the owner of an id that others have learned. (Awareness is ordered by its own
        // clocks, so a later state overtaking this one changes nothing.)
        if (this.clientOwners.settled) apply();
        else this.clientOwners.stored().then(apply, () => undefined);
        return;
      }
      case MESSAGE_QUERY_AWARENESS:
        send(conn.ws, awarenessMessage(this.awareness, [...this.awareness.getStates().keys()]));
        return;
      case MESSAGE_AUTH:
        return; // permission is settled at connect time
      default:
        throw new Error(`unknown message type ${type}`);
    }
  }

  private receiveSync(conn: Connection, decoder: decoding.Decoder): void {
    const syncType = decoding.readVarUint(decoder);
    if (syncType === syncProtocol.messageYjsSyncStep1) {
      const stateVector = decoding.readVarUint8Array(decoder);
      // One answer at a time per connection: a request that comes while the last answer
      // is pending or unread is not answered (60 requests from a client that stopped
      // reading queued the whole board 60 times). The pending answer, encoded later
      // against an older state vector, holds all it would get; relays bring the rest.
      if (this.answering.has(conn)) return;
      this.answering.add(conn);
      const reply = () => {
        if (this.failed || !this.conns.has(conn.ws)) return;
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        syncProtocol.writeSyncStep2(encoder, this.doc, stateVector);
        send(conn.ws, encoding.toUint8Array(encoder), () => this.answering.delete(conn));
      };
      // The answer is the whole document: it waits until what is in memory is stored, or
      // it would hand out edits that are not stored yet (and may never be).
      if (this.unstored.length === 0 && this.storing === 0) reply();
      else void this.whenStored().then(reply);
      return;
    }
    if (
      syncType !== syncProtocol.messageYjsSyncStep2 &&
      syncType !== syncProtocol.messageYjsUpdate
    ) {
      throw new Error(`unknown sync message type ${syncType}`);
    }
    const update = decoding.readVarUint8Array(decoder);
    // A Yjs client id is one writer's. New structs under someone else's id (even garbage)
    // would take that client's next clocks: its real edits would then look "already
    // known" here and be dropped, and its own Yjs would switch ids. Found by the fuzz
    // test. An honest client only sends new structs under its own id (others' reach it
    // from here, so they are known), so the whole update is refused.
    const clients = this.newClients(update);
    const refused = this.clientOwners.refusal(conn.participantId, clients);
    if (refused) {
      send(conn.ws, deniedMessage(refused));
      return;
    }
    const verdict = guardUpdate(this.doc, update, conn.writer(), {
      notesPerLane: NOTES_PER_LANE_MAX,
      docMaxBytes: this.limits.docMaxBytes,
      docBytes: this.bytes,
      ...this.shareOf(conn, clients),
    });
    // Claimed (and its storing queued) before the update is: stored no later than it.
    this.clientOwners.claim(conn.participantId, clients);
    // A refused part is not applied (the rewrite holds only its clocks, as garbage); the
    // writer's own copy keeps it, and the writer is told why, once per reason.
    if (verdict.update) Y.applyUpdate(this.doc, verdict.update, conn);
    for (const reason of verdict.denied) send(conn.ws, deniedMessage(reason));
  }

  /**
   * What the writer holds of the board, and the most they may: their own share, and no
   * more than what their address has left (everyone who connected from it, together).
   * `clients` are the ids this update writes under; those nobody has claimed yet become
   * the writer's with it (an id they already hold is counted once, with their others).
   */
  private shareOf(conn: Connection, clients: number[]) {
    const people = this.peopleAt.get(conn.address) ?? new Set<string>();
    this.peopleAt.set(conn.address, people.add(conn.participantId));
    const held = (pid: string) => this.shares.bytesOf(this.clientOwners.clientsOf(pid));
    const claiming = this.shares.bytesOf(clients.filter((c) => !this.clientOwners.has(c)));
    const own = held(conn.participantId) + claiming;
    let atAddress = claiming;
    for (const pid of people) atAddress += held(pid);
    const room = Math.min(
      this.limits.shareMaxBytes - own,
      this.limits.addressShareMaxBytes - atAddress,
    );
    return { shareBytes: own, shareMaxBytes: own + Math.max(0, room) };
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

  /** The Yjs client ids with structs in `update` that this document does not have yet. */
  private newClients(update: Uint8Array): number[] {
    const { to } = Y.parseUpdateMeta(update);
    const clients: number[] = [];
    for (const [client, end] of to) {
      if (end > Y.getState(this.doc.store, client)) clients.push(client);
    }
    return clients;
  }

  private persistAndRelay(update: Uint8Array, origin: unknown): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    this.queuedBytes += update.byteLength;
    this.unstored.push({ update, message: encoding.toUint8Array(encoder), origin });
    if (this.unstored.length === 1) this.chain = this.chain.then(() => this.storeAndRelay());
  }

  /**
   * Stores every update that arrived since the last turn of the chain, then relays them
   * in order. Storage commits writes in groups (sqlite-storage.ts), so updates that
   * arrive together are stored with one commit rather than waiting for one each.
   */
  private async storeAndRelay(): Promise<void> {
    const batch = this.unstored.splice(0);
    if (this.failed) return;
    this.storing = batch.length;
    try {
      // The claims these updates make were queued before them (`receiveSync`).
      await Promise.all([
        this.clientOwners.stored(),
        ...batch.map((u) => this.storage.appendDocUpdate(this.workshopId, u.update)),
      ]);
    } catch (err) {
      console.error(`[yjs ${this.workshopId}] could not store an update`, err);
      this.fail();
      return;
    } finally {
      this.storing = 0;
    }
    for (const { update, message, origin } of batch) {
      this.updatesSinceCompaction++;
      this.storedBytes += update.byteLength;
      this.queuedBytes -= update.byteLength;
      for (const conn of this.conns.values()) {
        if (conn !== origin) send(conn.ws, message);
      }
    }
    if (
      this.updatesSinceCompaction >= this.limits.compactAfterUpdates ||
      this.storedBytes - this.snapshotBytes >= this.limits.compactAfterBytes
    ) {
      await this.compactNow();
    }
  }

  /** Resolves once nothing applied in memory waits to be stored (or the document failed). */
  private async whenStored(): Promise<void> {
    while (!this.failed && (this.unstored.length > 0 || this.storing > 0)) {
      await this.chain.catch(() => undefined);
    }
  }

  /** Merges the stored log into one snapshot. Runs inside the chain, so no append races it. */
  private async compactNow(): Promise<void> {
    try {
      const log = await this.storage.loadDoc(this.workshopId);
      if (log.updates.length <= 1) return;
      const temp = new Y.Doc();
      for (const update of log.updates) Y.applyUpdate(temp, update);
      const snapshot = Y.encodeStateAsUpdate(temp);
      temp.destroy();
      await this.storage.compactDoc(this.workshopId, snapshot, log.lastSeq);
      this.updatesSinceCompaction = 1;
      this.storedBytes = this.snapshotBytes = snapshot.byteLength;
    } catch (err) {
      // The log is still complete; compaction only saves space, so try again later.
      console.error(`[yjs ${this.workshopId}] compaction failed`, err);
    }
  }

  /** Waits for pending writes, then compacts the log (on unload and shutdown). */
  async flush(compact: boolean): Promise<void> {
    this.chain = this.chain.then(() => (compact && !this.failed ? this.compactNow() : undefined));
    await this.chain;
  }

  /** Storage failed: drop every connection so clients resync (their edits are kept locally). */
  private fail(): void {
    if (this.failed) return;
    this.failed = true;
    for (const conn of this.conns.values())
      conn.ws.close(CloseCode.STORAGE_FAILED, 'storage failed');
    this.onFailure(this);
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

  remove(conn: Connection): void {
    this.conns.delete(conn.ws);
    for (const id of conn.clientIds) this.presenceHolders.delete(id);
    if (conn.clientIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.clientIds], null);
    }
  }

  destroy(): void {
    clearInterval(this.renewalTimer);
    this.awareness.destroy();
    this.doc.destroy();
  }
}

function deniedMessage(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AUTH);
  authProtocol.writePermissionDenied(encoder, reason);
  return encoding.toUint8Array(encoder);
}

function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}
