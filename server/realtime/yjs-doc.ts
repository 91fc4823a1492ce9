import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebSocket } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { NOTES_PER_LANE_MAX } from '../../lib/board/board-doc';
import { CloseCode } from '../../lib/protocol/codes';
import type { Storage } from '../storage/storage';
import { send } from './send-buffer';
import { ClientClaims } from './client-claims';
import type { Connection } from './yjs-connection';
import { DEFAULT_DOC_LIMITS, type DocLimits } from './yjs-doc-limits';
import { DocPresence } from './yjs-doc-presence';
import { guardUpdate } from './yjs-guard';
import {
  deniedMessage,
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
} from './yjs-messages';
import { ShareBook } from './yjs-share';
import { UpdateLog } from './yjs-update-log';

const LOAD_ORIGIN = Symbol('load');

/**
 * One workshop's Y.Doc with its connections. The stored log is applied before the first
 * message is answered; every update passes the guard (yjs-guard.ts) and is appended to
 * storage before it is relayed (`yjs-update-log.ts`); presence is `yjs-doc-presence.ts`'s.
 */
export class SharedDoc {
  readonly doc = new Y.Doc();
  /** What each Yjs client id holds of the document; counts the stored log as it loads. */
  private readonly shares = new ShareBook(this.doc);
  readonly conns = new Map<WebSocket, Connection>();
  readonly ready: Promise<void>;
  private failed = false;
  /**
   * Whose each Yjs client id is: the participant who first used it, to write or in
   * presence. Stored, and loaded with the document (client-claims.ts).
   */
  private readonly clientOwners: ClientClaims;
  private readonly log: UpdateLog;
  private readonly presence: DocPresence;
  /** The participants seen writing from each address (`Connection.address`). */
  private readonly peopleAt = new Map<string, Set<string>>();
  /** Connections whose answer to a sync step 1 is not yet written to the kernel. */
  private readonly answering = new WeakSet<Connection>();

  constructor(
    readonly workshopId: string,
    private readonly storage: Storage,
    private readonly onFailure: (doc: SharedDoc) => void,
    private readonly limits: DocLimits = DEFAULT_DOC_LIMITS,
  ) {
    this.clientOwners = new ClientClaims(
      workshopId,
      storage,
      limits.clientIdsPerParticipant,
      (err) => {
        console.error(`[yjs ${workshopId}] could not store a client id's owner`, err);
        this.fail();
      },
    );
    this.log = new UpdateLog(workshopId, storage, limits, {
      before: () => this.clientOwners.stored(),
      relay: (message, origin) => {
        for (const conn of this.conns.values()) {
          if (conn !== origin) send(conn.ws, message);
        }
      },
      failed: () => this.fail(),
    });
    this.presence = new DocPresence(
      this.doc,
      this.conns,
      this.clientOwners,
      limits.renewalRelayMs,
      (conn) => !this.failed && this.conns.has(conn.ws),
    );
    this.ready = this.load();
    // Not loaded: drop this copy (closing with 4500), so the next connection loads afresh.
    this.ready.catch(() => this.fail());
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== LOAD_ORIGIN) this.log.append(update, origin);
    });
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
    this.log.loaded(log);
  }

  /** The document's size as the limits count it: its stored log and what is queued for it. */
  get bytes(): number {
    return this.log.bytes;
  }

  /** Called once `ready` has resolved: greets the client with our state vector and presence. */
  greet(conn: Connection): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    send(conn.ws, encoding.toUint8Array(encoder));
    this.presence.greet(conn);
  }

  /** Handles one binary message. Throws on malformed input; the caller closes with 4400. */
  receive(conn: Connection, data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC:
        return this.receiveSync(conn, decoder);
      case MESSAGE_AWARENESS:
        return this.presence.receive(conn, decoding.readVarUint8Array(decoder));
      case MESSAGE_QUERY_AWARENESS:
        return this.presence.answerQuery(conn);
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
      if (this.log.allStored) reply();
      else void this.log.whenStored().then(reply);
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

  /** The Yjs client ids with structs in `update` that this document does not have yet. */
  private newClients(update: Uint8Array): number[] {
    const { to } = Y.parseUpdateMeta(update);
    const clients: number[] = [];
    for (const [client, end] of to) {
      if (end > Y.getState(this.doc.store, client)) clients.push(client);
    }
    return clients;
  }

  /** Waits for pending writes, then compacts the log (on unload and shutdown). */
  flush(compact: boolean): Promise<void> {
    return this.log.flush(compact);
  }

  /** Storage failed: drop every connection so clients resync (their edits are kept locally). */
  private fail(): void {
    if (this.failed) return;
    this.failed = true;
    this.log.stop();
    for (const conn of this.conns.values())
      conn.ws.close(CloseCode.STORAGE_FAILED, 'storage failed');
    this.onFailure(this);
  }

  remove(conn: Connection): void {
    this.conns.delete(conn.ws);
    this.presence.remove(conn);
  }

  destroy(): void {
    this.presence.destroy();
    this.doc.destroy();
  }
}
