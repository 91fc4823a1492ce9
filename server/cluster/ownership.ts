import type { Redis } from 'ioredis';
import type { Fencing } from '../storage/storage';
import { NotOwnerError } from './not-owner';
import type { RedisLeases } from './redis-leases';

/** The two things ownership asks of storage (PostgresStorage has them). */
export interface FenceStore {
  storedFence(workshopId: string): Promise<number | null>;
  claimFence(workshopId: string, fence: number): Promise<boolean>;
}

export interface OwnershipOptions {
  /** How often held leases are renewed (a third of their time-to-live by default). */
  renewMs?: number;
  /** A lease held this briefly is not handed over on request (no ping-pong). */
  handoffMinHoldMs: number;
}

/**
 * Which workshops this node serves (several nodes, issue 11). A workshop is served by the
 * node holding its lease in Redis; the lease's fencing number is claimed in Postgres
 * before the workshop is loaded, and every write checks it (`Fencing`).
 *
 * Losing a lease (not renewed in time, or a write refused by fencing) evicts the
 * workshop: its connections close and its clients reconnect, through the balancer, to
 * whichever node serves it now. A node asked for a workshop that another node owns
 * answers NOT_OWNER and asks the owner, over Redis pub/sub, to hand it over: the balancer
 * has sent the workshop here (a node came back, or the owner was out of the balancer's
 * view), so here is where its clients will arrive.
 */
export class Ownership implements Fencing {
  private readonly held = new Map<string, { fence: number; since: number }>();
  /** The last fence this node held per workshop: writes after a release still carry it. */
  private readonly lastFence = new Map<string, number>();
  /** Shutting down: hand-overs are not honoured (`quiesce`). */
  private quiet = false;
  private readonly evictListeners: Array<(workshopId: string) => void> = [];
  private readonly subscriber: Redis;
  private readonly channel: string;
  private renewTimer: NodeJS.Timeout | undefined;
  private renewing = false;

  constructor(
    private readonly leases: RedisLeases,
    private readonly store: FenceStore,
    private readonly options: OwnershipOptions,
  ) {
    this.channel = `${leases.key('')}handoff`;
    this.subscriber = leases.redis.duplicate();
    this.subscriber.on('error', (err: Error) => console.error('[redis sub]', err.message));
  }

  get nodeId(): string {
    return this.leases.nodeId;
  }

  /** The Redis client and key prefix of the leases, for counts all nodes share (limits). */
  get shared(): { redis: Redis; prefix: string } {
    return { redis: this.leases.redis, prefix: this.leases.prefix };
  }

  /** Workshops whose lease this node holds now. */
  get owned(): string[] {
    return [...this.held.keys()];
  }

  async start(): Promise<void> {
    await this.leases.connect();
    if (this.subscriber.status === 'wait') await this.subscriber.connect();
    this.subscriber.on('message', (_channel: string, message: string) => this.onHandoff(message));
    await this.subscriber.subscribe(this.channel);
    const every = this.options.renewMs ?? Math.floor(this.leases.ttlMs / 3);
    this.renewTimer = setInterval(() => void this.renewAll(), every);
    this.renewTimer.unref();
  }

  /** Called with the id of a workshop this node no longer serves. */
  onEvict(listener: (workshopId: string) => void): void {
    this.evictListeners.push(listener);
  }

  /**
   * Makes this node the workshop's owner before it is loaded. False when there is no such
   * workshop; NotOwnerError when another node owns it.
   */
  async acquire(workshopId: string): Promise<boolean> {
    if (this.held.has(workshopId)) return true;
    const stored = await this.store.storedFence(workshopId);
    if (stored === null) return false;
    const lease = await this.leases.acquire(workshopId, stored);
    if (!lease.held) {
      void this.requestHandoff(workshopId);
      throw new NotOwnerError(workshopId, lease.owner);
    }
    if (!(await this.store.claimFence(workshopId, lease.fence))) {
      // Postgres holds this fence or a newer one: a stale lease. Give it up; the next try
      // draws a new number.
      await this.leases.release(workshopId, lease.fence).catch(() => {});
      throw new NotOwnerError(workshopId, null);
    }
    // The claim may have waited for the old owner's writes: is the lease still ours?
    const fences = new Map([[workshopId, lease.fence]]);
    if ((await this.leases.renew(fences)).length > 0) throw new NotOwnerError(workshopId, null);
    this.held.set(workshopId, { fence: lease.fence, since: Date.now() });
    this.lastFence.set(workshopId, lease.fence);
    return true;
  }

  async heldElsewhere(workshopId: string): Promise<boolean> {
    if (this.held.has(workshopId)) return false;
    const owner = await this.leases.holder(workshopId);
    return owner !== null && owner !== this.leases.instance;
  }

  /** Answers once Redis does (for GET /readyz); rejects after `timeoutMs` otherwise. */
  async ping(timeoutMs = 2000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('Redis did not answer')), timeoutMs);
    });
    try {
      await Promise.race([this.leases.redis.ping(), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Does this node hold the workshop's lease now? */
  holds(workshopId: string): boolean {
    return this.held.has(workshopId);
  }

  fenceFor(workshopId: string): number {
    return this.lastFence.get(workshopId) ?? 0;
  }

  /** A write was refused by fencing: another node has claimed the workshop. */
  fenced(workshopId: string): void {
    // After this turn: the refused command's answer reaches its client before the close.
    // Evicted even if this node no longer counts the lease as held: whatever still serves
    // the workshop here must stop.
    setImmediate(() => this.lose(workshopId, 'fenced', true));
  }

  /** The workshop went idle here: give its lease back so that any node may take it at once. */
  async release(workshopId: string): Promise<void> {
    const lease = this.held.get(workshopId);
    if (!lease) return;
    this.held.delete(workshopId);
    await this.leases.release(workshopId, lease.fence).catch((err: Error) => {
      console.error(
        `[ownership ${workshopId}] release failed (the lease will expire)`,
        err.message,
      );
    });
  }

  private lose(workshopId: string, why: string, always = false): void {
    if (!this.held.delete(workshopId) && !always) return;
    console.warn(`[ownership ${workshopId}] no longer served here (${why})`);
    for (const listener of this.evictListeners) listener(workshopId);
  }

  private async renewAll(): Promise<void> {
    if (this.renewing || this.held.size === 0) return;
    this.renewing = true;
    const fences = new Map([...this.held].map(([id, lease]) => [id, lease.fence]));
    try {
      for (const id of await this.leases.renew(fences)) {
        // Only if still the same lease: it may have been released and taken again meanwhile.
        if (this.held.get(id)?.fence === fences.get(id)) this.lose(id, 'lease lost');
      }
    } catch (err) {
      // Redis unreachable: keep serving. Should the lease expire meanwhile and another node
      // claim the workshop, fencing refuses this node's writes and evicts it then.
      console.error('[ownership] could not renew leases', (err as Error).message);
    } finally {
      this.renewing = false;
    }
  }

  private async requestHandoff(workshopId: string): Promise<void> {
    try {
      await this.leases.redis.publish(this.channel, workshopId);
    } catch (err) {
      console.error('[ownership] could not ask for a hand-over', (err as Error).message);
    }
  }

  /**
   * Shutdown begins: hand-over requests are no longer honoured, so that no other node
   * claims a workshop while this one still flushes its writes (`close` gives them back).
   */
  quiesce(): void {
    this.quiet = true;
  }

  private onHandoff(workshopId: string): void {
    if (this.quiet) return;
    const lease = this.held.get(workshopId);
    if (!lease || Date.now() - lease.since < this.options.handoffMinHoldMs) return;
    this.lose(workshopId, 'handed over');
    void this.leases.release(workshopId, lease.fence).catch(() => {});
  }

  /** Gives every lease back (a clean stop: the other nodes take over at once). */
  async close(): Promise<void> {
    clearInterval(this.renewTimer);
    await Promise.all(this.owned.map((id) => this.release(id)));
    await this.subscriber.quit().catch(() => this.subscriber.disconnect());
    await this.leases.close();
  }
}
