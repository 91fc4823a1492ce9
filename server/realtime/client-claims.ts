import { WriteDenied } from '../../lib/protocol/codes';
import type { Storage } from '../storage/storage';

/**
 * Who owns each Yjs client id of one workshop's document: the participant whose token
 * first used it, to write or to announce presence. Loaded with the document and kept in
 * storage, so an id stays its owner's across restarts, unloads and nodes; in memory only,
 * whoever reconnected first after a restart could take an honest page's id (learned from
 * its presence) and have every later edit of that page refused.
 *
 * A claim is written to storage the moment it is made. Storage writes in order, so a
 * claim made before its update is queued is stored no later than the update; the
 * document still relays nothing before `stored()` (a claim can fail alone).
 */
export class ClientClaims implements ReadonlyMap<number, string> {
  private readonly owners = new Map<number, string>();
  private readonly claimed = new Map<string, number>();
  /** Each participant's ids, for what they hold of the board (yjs-share.ts). */
  private readonly byParticipant = new Map<string, number[]>();
  /** Settles once every claim made so far is stored; rejects once one has failed. */
  private pending: Promise<void> = Promise.resolve();
  private unstored = 0;

  constructor(
    private readonly workshopId: string,
    private readonly storage: Storage,
    /** How many ids one participant may claim (YJS_CLIENT_IDS_PER_PARTICIPANT_MAX). */
    private readonly perParticipant: number,
    /** A claim could not be stored: the document fails as for an update that could not. */
    private readonly onFailure: (err: unknown) => void,
  ) {}

  async load(): Promise<void> {
    for (const claim of await this.storage.listDocClients(this.workshopId)) {
      this.record(claim.clientId, claim.participantId);
    }
  }

  /** Why `participantId` may not use `clients` (another's, or past the bound), or null. */
  refusal(participantId: string, clients: Iterable<number>): WriteDenied | null {
    let fresh = 0;
    for (const client of clients) {
      const owner = this.owners.get(client);
      if (owner === undefined) fresh++;
      else if (owner !== participantId) return WriteDenied.NOT_YOUR_CLIENT;
    }
    const held = this.claimed.get(participantId) ?? 0;
    return fresh > 0 && held + fresh > this.perParticipant ? WriteDenied.TOO_MANY_CLIENTS : null;
  }

  /** Claims the unclaimed ids of `clients` for `participantId` (once `refusal` said null). */
  claim(participantId: string, clients: Iterable<number>): void {
    const fresh = [...new Set(clients)].filter((client) => !this.owners.has(client));
    if (fresh.length === 0) return;
    for (const client of fresh) this.record(client, participantId);
    this.unstored++;
    const write = this.storage.claimDocClients(this.workshopId, participantId, fresh);
    write.then(
      () => this.unstored--,
      (err: unknown) => this.onFailure(err),
    );
    const chained = this.pending.then(() => write);
    chained.catch(() => undefined); // told through onFailure; `stored()` still rejects
    this.pending = chained;
  }

  /** Whether every claim made so far is stored. */
  get settled(): boolean {
    return this.unstored === 0;
  }

  /** Resolves once every claim made so far is stored; rejects if one could not be. */
  stored(): Promise<void> {
    return this.pending;
  }

  private record(client: number, participantId: string): void {
    this.owners.set(client, participantId);
    this.claimed.set(participantId, (this.claimed.get(participantId) ?? 0) + 1);
    const ids = this.byParticipant.get(participantId);
    if (ids) ids.push(client);
    else this.byParticipant.set(participantId, [client]);
  }

  /** The ids `participantId` has claimed. */
  clientsOf(participantId: string): readonly number[] {
    return this.byParticipant.get(participantId) ?? [];
  }

  // ReadonlyMap: client id → participant id.
  get size(): number {
    return this.owners.size;
  }
  get(client: number): string | undefined {
    return this.owners.get(client);
  }
  has(client: number): boolean {
    return this.owners.has(client);
  }
  forEach(fn: (owner: string, client: number, map: ReadonlyMap<number, string>) => void): void {
    this.owners.forEach((owner, client) => fn(owner, client, this));
  }
  entries(): MapIterator<[number, string]> {
    return this.owners.entries();
  }
  keys(): MapIterator<number> {
    return this.owners.keys();
  }
  values(): MapIterator<string> {
    return this.owners.values();
  }
  [Symbol.iterator](): MapIterator<[number, string]> {
    return this.owners[Symbol.iterator]();
  }
}
