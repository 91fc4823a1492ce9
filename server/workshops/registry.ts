import { ACTOR_IDLE_UNLOAD_MS } from '../../lib/constants';
import { NotOwnerError } from '../cluster/not-owner';
import type { Storage } from '../storage/storage';
import { type ReadDocFacts, WorkshopActor } from './actor';

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

/**
 * The live workshops of this process: one actor per workshop, loaded from storage on
 * first use and dropped again when nobody has been connected for a while.
 */
export class WorkshopRegistry {
  private readonly actors = new Map<string, Promise<WorkshopActor | null>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  private readonly evictListeners: Array<(workshopId: string) => void> = [];
  /** The loaded actor per workshop: a closing connection may hold an evicted one. */
  private readonly current = new Map<string, WorkshopActor>();
  /** Unloads giving their lease back, by workshop. */
  private readonly unloading = new Map<string, Promise<void>>();

  constructor(
    private readonly storage: Storage,
    private readonly readDocFacts: ReadDocFacts,
    private readonly idleUnloadMs = ACTOR_IDLE_UNLOAD_MS,
    private readonly ownership?: WorkshopOwnership,
  ) {}

  get(id: string): Promise<WorkshopActor | null> {
    let actor = this.actors.get(id);
    if (!actor) {
      actor = this.load(id);
      this.actors.set(id, actor);
      // A missing workshop is not cached, so one created later is found.
      const loading = actor;
      const forget = () => {
        if (this.actors.get(id) === loading) this.actors.delete(id);
      };
      void actor.then((a) => a ?? forget(), forget);
    }
    return actor;
  }

  private async load(id: string): Promise<WorkshopActor | null> {
    // An unload of the same workshop still giving its lease back must finish first, or
    // it would give back the lease this load takes.
    await this.unloading.get(id);
    if (this.ownership && !(await this.ownership.acquire(id))) return null;
    let actor: WorkshopActor | null;
    try {
      actor = await WorkshopActor.load(this.storage, id, this.readDocFacts);
    } catch (err) {
      await this.ownership?.release(id);
      throw err;
    }
    if (actor && this.ownership && !this.ownership.holds(id)) {
      // The lease went while the workshop loaded (lost, or handed over): not ours to serve.
      actor.dispose();
      throw new NotOwnerError(id, null);
    }
    if (actor) this.current.set(id, actor);
    return actor;
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
    const copy = await WorkshopActor.load(this.storage, id, this.readDocFacts, {
      readOnly: true,
    });
    if (!copy) throw new NotOwnerError(id, null);
    return copy;
  }

  /** Called when a connection closes; unloads the actor once nobody is left. */
  release(actor: WorkshopActor): void {
    // An actor evicted already (its connections closing now) is nobody's to unload.
    if (actor.connectionCount > 0 || !this.isCurrent(actor)) return;
    clearTimeout(this.unloadTimers.get(actor.id));
    const timer = setTimeout(() => {
      this.unloadTimers.delete(actor.id);
      if (actor.connectionCount > 0 || !this.isCurrent(actor)) return;
      this.actors.delete(actor.id);
      this.current.delete(actor.id);
      actor.dispose();
      const unload = actor
        .idle()
        .then(() => this.ownership?.release(actor.id))
        .finally(() => {
          if (this.unloading.get(actor.id) === unload) this.unloading.delete(actor.id);
        });
      this.unloading.set(actor.id, unload);
    }, this.idleUnloadMs);
    timer.unref();
    this.unloadTimers.set(actor.id, timer);
  }

  private isCurrent(actor: WorkshopActor): boolean {
    return this.current.get(actor.id) === actor;
  }

  /**
   * This node no longer serves the workshop (its lease passed to another node): drop the
   * actor at once and tell the listeners, which close the workshop's connections.
   */
  evict(id: string): void {
    clearTimeout(this.unloadTimers.get(id));
    this.unloadTimers.delete(id);
    const actor = this.current.get(id);
    this.current.delete(id);
    this.actors.delete(id);
    actor?.dispose();
    for (const listener of this.evictListeners) listener(id);
  }

  onEvict(listener: (workshopId: string) => void): void {
    this.evictListeners.push(listener);
  }

  async idle(): Promise<void> {
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    const actors = await Promise.all(this.actors.values());
    await Promise.all(actors.map((a) => a?.idle()));
    for (const a of actors) a?.dispose();
  }
}
