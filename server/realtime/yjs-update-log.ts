import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { Storage } from '../storage/storage';
import type { DocLimits } from './yjs-doc-limits';
import { MESSAGE_SYNC } from './yjs-messages';

export interface UpdateLogHooks {
  /** Resolves once what must be stored before these updates is (their client ids' claims). */
  before(): Promise<void>;
  /** Sends a stored update's message to every connection but the one it came from. */
  relay(message: Uint8Array, origin: unknown): void;
  /** Storing failed: the document drops every connection (`SharedDoc.fail`). */
  failed(): void;
}

/**
 * A document's stored log: every update applied in memory is appended to storage, then
 * relayed, in order; the log is compacted into one snapshot when it grows.
 */
export class UpdateLog {
  /** Persistence and relay run in this chain, one batch at a time, in order. */
  private chain: Promise<void> = Promise.resolve();
  private updatesSinceCompaction = 0;
  /** Bytes of the stored log, and of its first entry (the snapshot, once compacted). */
  private storedBytes = 0;
  private snapshotBytes = 0;
  /** Bytes applied in memory but not yet stored. */
  private queuedBytes = 0;
  /** Updates applied in memory, waiting to be stored and relayed (in order). */
  private readonly unstored: Array<{ update: Uint8Array; message: Uint8Array; origin: unknown }> =
    [];
  /** Updates taken from `unstored` whose storing has not finished yet. */
  private storing = 0;
  private stopped = false;

  constructor(
    private readonly workshopId: string,
    private readonly storage: Storage,
    private readonly limits: Pick<DocLimits, 'compactAfterUpdates' | 'compactAfterBytes'>,
    private readonly hooks: UpdateLogHooks,
  ) {}

  /** The stored log as it was loaded. */
  loaded(log: { updates: Uint8Array[]; bytes: number }): void {
    this.updatesSinceCompaction = log.updates.length;
    this.storedBytes = log.bytes;
    this.snapshotBytes = log.updates[0]?.byteLength ?? 0;
  }

  /** The document's size as the limits count it: its stored log and what is queued for it. */
  get bytes(): number {
    return this.storedBytes + this.queuedBytes;
  }

  /** Nothing applied in memory waits to be stored. */
  get allStored(): boolean {
    return this.unstored.length === 0 && this.storing === 0;
  }

  /** The document failed: nothing more is stored or relayed. */
  stop(): void {
    this.stopped = true;
  }

  /** An update applied in memory: stored, then relayed (with those queued in the same turn). */
  append(update: Uint8Array, origin: unknown): void {
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
    if (this.stopped) return;
    this.storing = batch.length;
    try {
      // The claims these updates make were queued before them (`receiveSync`).
      await Promise.all([
        this.hooks.before(),
        ...batch.map((u) => this.storage.appendDocUpdate(this.workshopId, u.update)),
      ]);
    } catch (err) {
      console.error(`[yjs ${this.workshopId}] could not store an update`, err);
      this.hooks.failed();
      return;
    } finally {
      this.storing = 0;
    }
    for (const { update, message, origin } of batch) {
      this.updatesSinceCompaction++;
      this.storedBytes += update.byteLength;
      this.queuedBytes -= update.byteLength;
      this.hooks.relay(message, origin);
    }
    if (
      this.updatesSinceCompaction >= this.limits.compactAfterUpdates ||
      this.storedBytes - this.snapshotBytes >= this.limits.compactAfterBytes
    ) {
      await this.compactNow();
    }
  }

  /** Resolves once nothing applied in memory waits to be stored (or the document failed). */
  async whenStored(): Promise<void> {
    while (!this.stopped && !this.allStored) {
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
    this.chain = this.chain.then(() => (compact && !this.stopped ? this.compactNow() : undefined));
    await this.chain;
  }
}
