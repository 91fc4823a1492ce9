import type * as Y from 'yjs';
import { ACTOR_IDLE_UNLOAD_MS, YJS_IDLE_UNLOAD_MS } from '../../lib/constants';
import { NotOwnerError } from '../cluster/not-owner';
import { storedDocReader } from './stored-doc';
import { DEFAULT_DOC_LIMITS, type DocLimits } from '../realtime/yjs-doc-limits';
import type { Storage } from '../storage/storage';
import { WorkshopActor } from './actor';
import { readDocFacts } from './doc-facts';
import { WorkshopRoom } from './room';
import type { DocTally } from './room-doc';

/**
 * What the registry asks of ownership when several nodes run (server/cluster): take a
 * workshop before loading it (false: no such workshop; throws NotOwnerError when another
 * node serves it), and give it back once it is unloaded.
 */
export interface WorkshopOwnership {
  acquire(workshopId: string): Promise<boolean>;
  /** Does another node hold the workshop's lease now? */
  heldElsewhere(workshopId: string): Promise<boolean>;
  /** Still holds it (a lease may be lost while the workshop loads). */
  holds(workshopId: string): boolean;
  release(workshopId: string): Promise<void>;
}

export interface RoomsOptions {
  /** How long an idle room, and an idle document, stay in memory. */
  idleUnloadMs?: number;
  /** Yjs compaction thresholds and size limits (tests lower them). */
  docLimits?: Partial<DocLimits>;
  ownership?: WorkshopOwnership;
}

/**
 * The live workshops of this process: one room per workshop (`room.ts`), loaded from
 * storage on first use (after taking its lease, with several nodes), unloaded when nobody
 * has been connected for a while (then the lease is given back), evicted when the lease
 * is lost.
 */
export class WorkshopRooms {
  private readonly rooms = new Map<string, Promise<WorkshopRoom | null>>();
  /** The loaded room per workshop: a closing connection may hold an unloaded one. */
  private readonly current = new Map<string, WorkshopRoom>();
  /** Unloads storing their document and giving their lease back, by workshop. */
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly tally: DocTally = { loaded: 0 };
  private readonly roomIdleMs: number;
  private readonly docIdleMs: number;
  private readonly docLimits: DocLimits;
  private readonly ownership?: WorkshopOwnership;

  constructor(
    private readonly storage: Storage,
    options: RoomsOptions = {},
  ) {
    this.roomIdleMs = options.idleUnloadMs ?? ACTOR_IDLE_UNLOAD_MS;
    this.docIdleMs = options.idleUnloadMs ?? YJS_IDLE_UNLOAD_MS;
    this.docLimits = { ...DEFAULT_DOC_LIMITS };
    const limits = options.docLimits ?? {};
    for (const [key, value] of Object.entries(limits) as Array<[keyof DocLimits, number]>) {
      if (value !== undefined) this.docLimits[key] = value;
    }
    this.ownership = options.ownership;
  }

  /** Documents in memory now (for tests and metrics). */
  get loadedDocs(): number {
    return this.tally.loaded;
  }

  /** The room of workshop `id`, loaded if need be; null when there is no such workshop. */
  room(id: string): Promise<WorkshopRoom | null> {
    let room = this.rooms.get(id);
    if (!room) {
      room = this.load(id);
      this.rooms.set(id, room);
      // A missing workshop is not cached, so one created later is found.
      const loading = room;
      const forget = () => {
        if (this.rooms.get(id) === loading) this.rooms.delete(id);
      };
      void room.then((r) => r ?? forget(), forget);
    }
    return room;
  }

  /** The live workshop's actor (for HTTP requests, which `release` it when done). */
  async get(id: string): Promise<WorkshopActor | null> {
    return (await this.room(id))?.actor ?? null;
  }

  /** An HTTP request is done with the workshop: it unloads once nobody is connected. */
  release(actor: WorkshopActor): void {
    const room = this.current.get(actor.id);
    // An actor unloaded or evicted already is nobody's to unload.
    if (room?.actor === actor) room.release();
  }

  private async load(id: string): Promise<WorkshopRoom | null> {
    // An unload of the same workshop still storing or giving its lease back must finish
    // first, or this load would read an old document, or lose the lease it takes.
    await this.unloading.get(id);
    if (this.ownership && !(await this.ownership.acquire(id))) return null;
    let room: WorkshopRoom | null;
    try {
      room = await WorkshopRoom.load(this.storage, id, {
        idleUnloadMs: this.roomIdleMs,
        doc: { limits: this.docLimits, idleUnloadMs: this.docIdleMs, tally: this.tally },
        onIdle: (idle) => this.unload(idle),
      });
    } catch (err) {
      await this.ownership?.release(id);
      throw err;
    }
    if (room && this.ownership && !this.ownership.holds(id)) {
      // The lease went while the workshop loaded (lost, or handed over): not ours to serve.
      room.evict();
      throw new NotOwnerError(id, null);
    }
    if (room) this.current.set(id, room);
    return room;
  }

  /** The one way out of memory for an idle room: stored, then its lease given back. */
  private unload(room: WorkshopRoom): void {
    const { id } = room;
    if (this.current.get(id) !== room) return;
    this.current.delete(id);
    this.rooms.delete(id);
    const unload = room
      .unload()
      .then(() => this.ownership?.release(id))
      .finally(() => {
        if (this.unloading.get(id) === unload) this.unloading.delete(id);
      });
    unload.catch((err: unknown) => console.error(`[rooms ${id}] unload failed`, err));
    this.unloading.set(id, unload);
  }

  /**
   * This node no longer serves the workshop (its lease passed to another node): the room
   * closes its connections and is dropped at once.
   */
  evict(id: string): void {
    const room = this.current.get(id);
    this.current.delete(id);
    this.rooms.delete(id);
    room?.evict();
  }

  /**
   * Reads the workshop's document with `read`: the live one when the room is loaded, else
   * straight from storage (where all of it is once no room holds it; nothing is loaded).
   */
  async readDoc<T>(id: string, read: (doc: Y.Doc) => T): Promise<T> {
    const room = this.current.get(id) ?? (await this.rooms.get(id)?.catch(() => null));
    if (room) return room.doc.read(read);
    await this.unloading.get(id)?.catch(() => undefined);
    return storedDocReader(this.storage)(id, read);
  }

  /**
   * For reading another node's workshop without taking it over (comparing the runs of a
   * series, one of which may be live elsewhere): null when this node serves it or could
   * (one node, or nobody holds it), else a copy loaded from storage for this read alone,
   * which the caller disposes. Never registered, never written through.
   */
  async readOnlyCopy(id: string): Promise<WorkshopActor | null> {
    if (!this.ownership || this.ownership.holds(id)) return null;
    if (!(await this.ownership.heldElsewhere(id))) return null;
    const facts = () =>
      storedDocReader(this.storage)(id, (doc) => readDocFacts(doc, { lazy: false }));
    const copy = await WorkshopActor.load(this.storage, id, facts, { readOnly: true });
    if (!copy) throw new NotOwnerError(id, null);
    return copy;
  }

  /** Shutdown: every room's queued commands finish and its document is stored and compacted. */
  async close(): Promise<void> {
    const loading = await Promise.all([...this.rooms.values()].map((r) => r.catch(() => null)));
    const rooms = new Set([...loading, ...this.current.values()]);
    this.rooms.clear();
    this.current.clear();
    await Promise.all([...rooms].map((room) => room?.unload()));
    // Unloads under way store their documents too (a lease they fail to give back expires).
    await Promise.all([...this.unloading.values()].map((u) => u.catch(() => undefined)));
  }
}
