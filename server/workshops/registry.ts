import { ACTOR_IDLE_UNLOAD_MS } from '../../lib/constants';
import type { Storage } from '../storage/storage';
import { type ReadDocFacts, WorkshopActor } from './actor';

/**
 * The live workshops of this process: one actor per workshop, loaded from storage on
 * first use and dropped again when nobody has been connected for a while.
 */
export class WorkshopRegistry {
  private readonly actors = new Map<string, Promise<WorkshopActor | null>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly storage: Storage,
    private readonly readDocFacts: ReadDocFacts,
    private readonly idleUnloadMs = ACTOR_IDLE_UNLOAD_MS,
  ) {}

  get(id: string): Promise<WorkshopActor | null> {
    let actor = this.actors.get(id);
    if (!actor) {
      actor = WorkshopActor.load(this.storage, id, this.readDocFacts);
      this.actors.set(id, actor);
      // A missing workshop is not cached, so one created later is found.
      void actor.then(
        (a) => a ?? this.actors.delete(id),
        () => this.actors.delete(id),
      );
    }
    return actor;
  }

  /** Called when a connection closes; unloads the actor once nobody is left. */
  release(actor: WorkshopActor): void {
    if (actor.connectionCount > 0) return;
    clearTimeout(this.unloadTimers.get(actor.id));
    const timer = setTimeout(() => {
      this.unloadTimers.delete(actor.id);
      if (actor.connectionCount === 0) {
        this.actors.delete(actor.id);
        actor.dispose();
      }
    }, this.idleUnloadMs);
    timer.unref();
    this.unloadTimers.set(actor.id, timer);
  }

  async idle(): Promise<void> {
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    const actors = await Promise.all(this.actors.values());
    await Promise.all(actors.map((a) => a?.idle()));
    for (const a of actors) a?.dispose();
  }
}
