import * as Y from 'yjs';

/**
 * How much of a board each Yjs client id holds, so that no one participant can fill it
 * (issue 21, item 4). Counted from the document itself, not from the traffic: every
 * struct a client wrote costs its content's bytes plus a fixed overhead while it is
 * live, and the overhead alone once deleted (Yjs keeps a tombstone). So deleting gives
 * room back, compaction changes nothing, and a reload counts the same again from the
 * stored log. The counts are per client id; `SharedDoc` sums a participant's ids
 * (`clientOwners`).
 */

/** What any struct costs in an encoded document besides its content: ids, origins, info. */
export const STRUCT_OVERHEAD_BYTES = 8;

function contentBytes(content: Y.Item['content']): number {
  if (content instanceof Y.ContentString) return Buffer.byteLength(content.str);
  if (content instanceof Y.ContentAny) return JSON.stringify(content.arr).length;
  if (content instanceof Y.ContentDeleted || content instanceof Y.ContentType) return 1;
  if (content instanceof Y.ContentBinary) return content.content.byteLength;
  if (content instanceof Y.ContentFormat) {
    return content.key.length + JSON.stringify(content.value ?? null).length;
  }
  return JSON.stringify(content.getContent()).length;
}

/** What a struct costs its writer: all of it while live, the overhead once deleted. */
export function structBytes(struct: Y.Item | Y.GC): number {
  if (!(struct instanceof Y.Item)) return 0;
  if (struct.deleted) return STRUCT_OVERHEAD_BYTES;
  return STRUCT_OVERHEAD_BYTES + (struct.parentSub?.length ?? 0) + contentBytes(struct.content);
}

export class ShareBook {
  private readonly perClient = new Map<number, number>();

  /** Counts every transaction on `doc` from now on: create it before the log is loaded. */
  constructor(private readonly doc: Y.Doc) {
    doc.on('afterTransaction', this.count);
  }

  /** Bytes the given client ids hold in the document. */
  bytesOf(clients: Iterable<number>): number {
    let sum = 0;
    for (const client of new Set(clients)) sum += this.perClient.get(client) ?? 0;
    return sum;
  }

  private add(client: number, bytes: number): void {
    this.perClient.set(client, (this.perClient.get(client) ?? 0) + bytes);
  }

  /**
   * Runs after a transaction, before Yjs merges or collects its structs: new structs
   * are counted at their full cost (or the overhead if already deleted), and items that
   * existed before and were deleted now give back all but the overhead.
   */
  private readonly count = (tr: Y.Transaction): void => {
    const clients = this.doc.store.clients;
    tr.afterState.forEach((after, client) => {
      const before = tr.beforeState.get(client) ?? 0;
      const structs = clients.get(client);
      if (after <= before || !structs) return;
      let bytes = 0;
      for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
        bytes += structBytes(structs[i]!);
      }
      this.add(client, bytes);
    });
    tr.deleteSet.clients.forEach((ranges, client) => {
      const before = tr.beforeState.get(client) ?? 0;
      const structs = clients.get(client);
      if (!structs) return;
      for (const { clock, len } of ranges) {
        const end = Math.min(clock + len, before);
        if (clock >= end) continue;
        let freed = 0;
        for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
          const s = structs[i]!;
          if (s.id.clock >= end) break;
          if (!(s instanceof Y.Item)) continue;
          // Deleting split the item at the range's ends, so it lies wholly inside.
          freed += (s.parentSub?.length ?? 0) + contentBytes(s.content);
        }
        this.add(client, -freed);
      }
    });
  };
}
