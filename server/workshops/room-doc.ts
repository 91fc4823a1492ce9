import type * as Y from 'yjs';
import { CloseCode } from '../../lib/protocol/codes';
import { storedDocReader } from './stored-doc';
import type { Connection } from '../realtime/yjs-connection';
import { SharedDoc } from '../realtime/yjs-doc';
import type { DocLimits } from '../realtime/yjs-doc-limits';
import type { Storage } from '../storage/storage';
import type { DocFacts } from './workshop-change';
import { readDocFacts } from './doc-facts';

/** Documents in memory across the rooms of a process (`loadedDocs`, for tests and metrics). */
export interface DocTally {
  loaded: number;
}

export interface RoomDocOptions {
  limits: DocLimits;
  /** How long the document stays in memory once nobody uses it. */
  idleUnloadMs: number;
  tally: DocTally;
}

/**
 * A room's Y.Doc, loaded when first used (a document connection, a command's facts, an
 * export) and unloaded again after `idleUnloadMs` without connections. It unloads sooner
 * than the room: a room kept by Socket.io connections alone need not hold its board.
 * The document itself (storage, compaction, the write guard) is `SharedDoc`'s business.
 */
export class RoomDoc {
  private shared: SharedDoc | null = null;
  private unloadTimer: NodeJS.Timeout | undefined;
  /** The room is gone (unloaded, evicted or shut down): nothing loads here any more. */
  private closed = false;

  constructor(
    readonly workshopId: string,
    private readonly storage: Storage,
    private readonly options: RoomDocOptions,
  ) {}

  /** The document for a connection, loaded if need be; `left` once the connection closes. */
  open(): SharedDoc {
    clearTimeout(this.unloadTimer);
    this.unloadTimer = undefined;
    if (!this.shared) {
      const { limits } = this.options;
      this.shared = new SharedDoc(this.workshopId, this.storage, (d) => this.drop(d), limits);
      this.options.tally.loaded++;
    }
    return this.shared;
  }

  /** A connection `open` served has closed. */
  left(shared: SharedDoc, conn: Connection): void {
    shared.remove(conn);
    if (shared.conns.size === 0) this.scheduleUnload(shared);
  }

  /**
   * Reads the document with `read` (loaded for the purpose if need be). Once the room is
   * gone (a command still queued when it unloaded), from storage, where all of it is.
   */
  async read<T>(read: (doc: Y.Doc) => T): Promise<T> {
    if (this.closed && !this.shared) return storedDocReader(this.storage)(this.workshopId, read);
    const shared = this.open();
    try {
      await shared.ready;
      return read(shared.doc);
    } finally {
      if (shared.conns.size === 0) this.scheduleUnload(shared);
    }
  }

  /** What the room's actor needs of the document (`readDocFacts`). */
  facts(): Promise<DocFacts> {
    // A copy read from storage is destroyed after the read: its ideas are read at once.
    return this.read((doc) => readDocFacts(doc, { lazy: !this.closed }));
  }

  /**
   * A person's rights changed: close their document connections. A removed person gets
   * 4401 (do not retry); anyone else 4100 (RIGHTS_CHANGED), and reconnects with the new rights.
   */
  rightsChanged(participantId: string, removed: boolean): void {
    for (const conn of this.shared?.conns.values() ?? []) {
      if (conn.participantId !== participantId) continue;
      conn.ws.close(removed ? CloseCode.UNAUTHORIZED : CloseCode.RIGHTS_CHANGED, 'rights changed');
    }
  }

  private scheduleUnload(shared: SharedDoc): void {
    // A copy dropped after a storage failure must not cancel its successor's unload.
    if (this.shared !== shared || this.closed) return;
    clearTimeout(this.unloadTimer);
    this.unloadTimer = setTimeout(() => {
      this.unloadTimer = undefined;
      void shared.flush(true).then(() => {
        if (shared.conns.size === 0 && this.shared === shared) this.drop(shared);
      });
    }, this.options.idleUnloadMs);
    this.unloadTimer.unref();
  }

  private drop(shared: SharedDoc): void {
    if (this.shared === shared) {
      this.shared = null;
      this.options.tally.loaded--;
    }
    shared.destroy();
  }

  /** The room unloads or shuts down: what is pending is stored, the log compacted. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.unloadTimer);
    const shared = this.shared;
    if (!shared) return;
    await shared.flush(true);
    if (this.shared === shared) this.drop(shared);
  }

  /**
   * The room is evicted (its lease passed on): dropped without storing; its updates are
   * stored already, or fenced off, and every client still holds its own.
   */
  evict(): void {
    this.closed = true;
    clearTimeout(this.unloadTimer);
    if (this.shared) this.drop(this.shared);
  }
}
