import * as Y from 'yjs';

/**
 * Where one struct of an incoming Yjs update, or one deleted piece, lands in the server's
 * document, found without applying the update. Parents are resolved the way Yjs
 * resolves them on integration: an explicit parent (a root's name or a parent item's
 * id), else the parent of the item at `origin` (or `rightOrigin`), looked up in the same
 * update or in the document's struct store.
 */
export interface Place {
  /** The root type's name: 'notes', 'steps', … */
  root: string;
  /** The item directly under the root (a note, a step, a group, an array element). */
  entry: Y.Item;
  /** The entry's key in its root map; null in an array root. */
  entryKey: string | null;
  /** The entry comes from this update (it is being created now). */
  entryIsNew: boolean;
  /** 0: the entry itself; 1: a value directly inside the entry; 2+: deeper (e.g. text). */
  depth: number;
  /** The key of the depth-1 item in the entry (a note's field: 'text', 'lane', …), if any. */
  field: string | null;
  /** The struct's own key in its parent (null in a sequence: an array, a text). */
  key: string | null;
}

/**
 * - `known`: the server already has these structs; applying them does nothing.
 * - `dead`: Yjs will discard it (its parent or a neighbour is garbage, or an ancestor is
 *   deleted): no visible effect.
 * - `missing`: it depends on a struct neither the update nor the document has.
 * - `gap`: its clock does not follow the server's state for its client (or it is a Skip):
 *   Yjs would hold it back as pending, so it is never applied.
 */
export type Resolution = Place | 'known' | 'dead' | 'missing' | 'gap';

export interface ScannedStruct {
  struct: Y.Item | Y.GC | Y.Skip;
  at: Resolution;
}

export interface ScannedDeletion {
  client: number;
  clock: number;
  len: number;
  /** Deleting what is already deleted, or garbage, is `dead`; an unknown clock is `missing`. */
  at: Resolution;
  /** The item the deleted piece lies in (in the update or the document), if any. */
  item: Y.Item | null;
}

export interface UpdateScan {
  structs: ScannedStruct[];
  deletions: ScannedDeletion[];
}

/** Deeper nesting than this is treated as unresolvable (it also stops a parent cycle). */
const MAX_DEPTH = 64;

type Found = { struct: Y.Item | Y.GC; fromUpdate: boolean };
type Parent = { root: string } | { item: Y.Item; fromUpdate: boolean } | 'dead' | 'missing';

function isItem(s: unknown): s is Y.Item {
  return s instanceof Y.Item;
}

/** Decodes `update` (V1) and places every struct and deleted piece. Throws on malformed bytes. */
export function scanUpdate(doc: Y.Doc, update: Uint8Array): UpdateScan {
  const { structs, ds } = Y.decodeUpdate(update);
  const store = doc.store;
  const rootNames = new Map<object, string>();
  doc.share.forEach((type, name) => rootNames.set(type, name));

  // Per client, the structs of this update that Yjs would integrate, in clock order.
  const byClient = new Map<number, Array<Y.Item | Y.GC>>();
  const scanned: ScannedStruct[] = [];
  const next = new Map<number, number>();
  const toPlace: number[] = [];
  for (const struct of structs) {
    const { client, clock } = struct.id;
    const state = Y.getState(store, client);
    const expected = next.get(client) ?? state;
    let at: Resolution | null = null;
    if (clock + struct.length <= state) at = 'known';
    else if (struct instanceof Y.Skip || clock > expected) at = 'gap';
    // Overlapping structs earlier in this same update: no honest client sends that.
    else if (clock < expected && expected > state) at = 'gap';
    else if (struct instanceof Y.GC) at = 'dead';
    if (at === 'gap') {
      next.set(client, Number.POSITIVE_INFINITY); // everything after a gap is a gap too
    } else if (at !== 'known') {
      next.set(client, clock + struct.length);
      let list = byClient.get(client);
      if (!list) byClient.set(client, (list = []));
      list.push(struct as Y.Item | Y.GC);
    }
    if (at === null) toPlace.push(scanned.length);
    scanned.push({ struct, at: at ?? 'missing' });
  }

  const find = (id: Y.ID): Found | null => {
    if (id.clock < Y.getState(store, id.client)) {
      const list = store.clients.get(id.client)!;
      return { struct: list[Y.findIndexSS(list, id.clock)]!, fromUpdate: false };
    }
    const list = byClient.get(id.client);
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid]!;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return { struct: s, fromUpdate: true };
    }
    return null;
  };

  /** The parent of an item and its key there, as Yjs will set them on integration. */
  const parentOf = (item: Y.Item, fromUpdate: boolean, depth = 0): [Parent, string | null] => {
    if (depth > MAX_DEPTH) return ['missing', null];
    if (!fromUpdate) {
      const type = item.parent as Y.AbstractType<Y.YEvent<never>> | null;
      if (!type) return ['dead', null];
      if (type._item === null) return [{ root: rootNames.get(type) ?? '' }, item.parentSub];
      return [{ item: type._item, fromUpdate: false }, item.parentSub];
    }
    const parent = item.parent as unknown;
    if (typeof parent === 'string') return [{ root: parent }, item.parentSub];
    if (parent instanceof Y.ID) {
      const found = find(parent);
      if (!found) return ['missing', null];
      if (!isItem(found.struct) || !(found.struct.content instanceof Y.ContentType)) {
        return ['dead', null];
      }
      return [{ item: found.struct, fromUpdate: found.fromUpdate }, item.parentSub];
    }
    // No parent written: Yjs copies it from the left neighbour (origin) or the right one.
    const left = item.origin ? find(item.origin) : null;
    const right = item.rightOrigin ? find(item.rightOrigin) : null;
    if ((item.origin && !left) || (item.rightOrigin && !right)) return ['missing', null];
    if ((left && !isItem(left.struct)) || (right && !isItem(right.struct))) return ['dead', null];
    const neighbour = (left ?? right)!;
    return parentOf(neighbour.struct as Y.Item, neighbour.fromUpdate, depth + 1);
  };

  const memo = new Map<Y.Item, Resolution>();
  const place = (item: Y.Item, fromUpdate: boolean): Resolution => {
    const cached = memo.get(item);
    if (cached) return cached;
    const chain: Array<{ item: Y.Item; key: string | null; fromUpdate: boolean }> = [];
    let current = { item, fromUpdate };
    let result: Resolution | null = null;
    while (result === null) {
      if (chain.length > MAX_DEPTH) result = 'missing';
      else if (chain.length > 0 && !current.fromUpdate && current.item.deleted) result = 'dead';
      else {
        const [parent, key] = parentOf(current.item, current.fromUpdate);
        chain.push({ item: current.item, key, fromUpdate: current.fromUpdate });
        if (parent === 'dead' || parent === 'missing') result = parent;
        else if ('root' in parent) {
          const entry = chain[chain.length - 1]!;
          result = {
            root: parent.root,
            entry: entry.item,
            entryKey: entry.key,
            entryIsNew: entry.fromUpdate,
            depth: chain.length - 1,
            field: chain.length >= 2 ? chain[chain.length - 2]!.key : null,
            key: chain[0]!.key,
          };
        } else current = parent;
      }
    }
    memo.set(item, result);
    return result;
  };

  for (const i of toPlace) scanned[i]!.at = place(scanned[i]!.struct as Y.Item, true);

  const deletions: ScannedDeletion[] = [];
  ds.clients.forEach((ranges, client) => {
    for (const { clock, len } of ranges) {
      let pos = clock;
      const end = clock + len;
      while (pos < end) {
        const found = find(Y.createID(client, pos));
        if (!found) {
          deletions.push({ client, clock: pos, len: end - pos, at: 'missing', item: null });
          break;
        }
        const s = found.struct;
        const upTo = Math.min(end, s.id.clock + s.length);
        let at: Resolution;
        if (!isItem(s) || (!found.fromUpdate && s.deleted)) at = 'dead';
        else at = place(s, found.fromUpdate);
        deletions.push({ client, clock: pos, len: upTo - pos, at, item: isItem(s) ? s : null });
        pos = upTo;
      }
    }
  });
  return { structs: scanned, deletions };
}

/** The Y.Map an item holds, if it holds one. */
export function mapOf(item: Y.Item): Y.Map<unknown> | null {
  const content = item.content;
  return content instanceof Y.ContentType && content.type instanceof Y.Map
    ? (content.type as Y.Map<unknown>)
    : null;
}

/** The value an item holds in a map: the last of its JSON values, or its type. */
export function valueOf(item: Y.Item): unknown {
  const content = item.content;
  if (content instanceof Y.ContentAny) return content.arr[content.arr.length - 1];
  if (content instanceof Y.ContentType) return content.type;
  return undefined;
}
