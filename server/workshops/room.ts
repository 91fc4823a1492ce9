import type { Storage } from '../storage/storage';
import { WorkshopActor } from './actor';
import { RoomDoc, type RoomDocOptions } from './room-doc';

/** One open connection to a room: a Socket.io session, a projector screen, a Yjs socket. */
export interface RoomConnection {
  /** Whose presence it is (a participant's Socket.io session); none for the others. */
  participantId?: string;
  /** Closes it when the workshop leaves this node; the client reconnects to its new owner. */
  close(): void;
}

export interface RoomOptions {
  /** How long the room stays loaded once its last connection has closed. */
  idleUnloadMs: number;
  doc: RoomDocOptions;
  /** Called once the room has been idle for `idleUnloadMs`: the registry unloads it. */
  onIdle(room: WorkshopRoom): void;
}

/**
 * One live workshop on this node, in the manner of y-partyserver's `YServer`: the actor
 * (control state, people, ratings, votes, actions), the shared Y.Doc, and the
 * connections that keep them loaded. It is loaded, unloaded and evicted as one: the
 * registry (`rooms.ts`) decides when, and this is how. The actor reads its facts from
 * this room's document; the document hears of changed rights from this room's actor.
 */
export class WorkshopRoom {
  private readonly connections = new Set<RoomConnection>();
  private unloadTimer: NodeJS.Timeout | undefined;
  private gone = false;

  private constructor(
    readonly actor: WorkshopActor,
    readonly doc: RoomDoc,
    private readonly options: RoomOptions,
  ) {
    // A person's rights changed: their document connections reopen with the new ones.
    actor.subscribe(({ rightsChanged }) => {
      for (const p of rightsChanged) doc.rightsChanged(p.id, p.removedAt !== null);
    });
  }

  /** The room of workshop `id` from storage, or null when there is no such workshop. */
  static async load(
    storage: Storage,
    id: string,
    options: RoomOptions,
  ): Promise<WorkshopRoom | null> {
    const doc = new RoomDoc(id, storage, options.doc);
    const actor = await WorkshopActor.load(storage, id, () => doc.facts());
    return actor && new WorkshopRoom(actor, doc, options);
  }

  get id(): string {
    return this.actor.id;
  }

  /** Unloaded or evicted: whatever still holds it holds a dead copy. */
  get closed(): boolean {
    return this.gone;
  }

  /**
   * A connection opens: it keeps the room loaded until the returned `leave` is called, and
   * a participant's counts as their presence. A room gone meanwhile closes it at once (the
   * client reconnects to the live one).
   */
  enter(conn: RoomConnection): () => void {
    if (this.gone) {
      conn.close();
      return () => undefined;
    }
    clearTimeout(this.unloadTimer);
    this.connections.add(conn);
    if (conn.participantId !== undefined) this.actor.connected(conn.participantId);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.connections.delete(conn);
      if (conn.participantId !== undefined) this.actor.disconnected(conn.participantId);
      this.release();
    };
  }

  /**
   * Whoever used the room without a connection (an HTTP request, a refused connection) is
   * done with it: it unloads once nobody has been connected for `idleUnloadMs`.
   */
  release(): void {
    if (this.connections.size > 0 || this.gone) return;
    clearTimeout(this.unloadTimer);
    this.unloadTimer = setTimeout(() => {
      this.unloadTimer = undefined;
      if (this.connections.size === 0 && !this.gone) this.options.onIdle(this);
    }, this.options.idleUnloadMs);
    this.unloadTimer.unref();
  }

  /**
   * Unloads (idle, or shutting down): the actor tells nobody anything more, its queued
   * commands finish, then the document stores what is pending and compacts its log.
   */
  async unload(): Promise<void> {
    this.close();
    await this.actor.idle();
    await this.doc.close();
  }

  /**
   * This node no longer serves the workshop (its lease passed to another node): every
   * connection closes (the clients reconnect, through the balancer, to the new owner)
   * and the document is dropped without storing.
   */
  evict(): void {
    this.close();
    for (const conn of [...this.connections]) conn.close();
    this.doc.evict();
  }

  private close(): void {
    this.gone = true;
    clearTimeout(this.unloadTimer);
    // Its last connections, closing now, must not broadcast into a newer room's audience.
    this.actor.dispose();
  }
}
