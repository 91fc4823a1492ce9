import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

export interface KeptStruct {
  struct: Y.Item | Y.GC;
  /** Write it as garbage of the same length: it takes its clocks, but has no content or effect. */
  asGarbage: boolean;
}

export interface KeptDeletion {
  client: number;
  clock: number;
  len: number;
}

/**
 * Encodes a V1 update from what the guard kept. Every client's structs must run on
 * without holes (the caller drops only a client's tail). A refused struct is written as
 * garbage (Y.GC) rather than left out: Yjs needs each client's clocks without gaps, so
 * leaving it out would hold back every later edit of that client as "pending" forever.
 */
export function encodeUpdate(structs: KeptStruct[], deletions: KeptDeletion[]): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  const clients = new Map<number, KeptStruct[]>();
  for (const kept of structs) {
    const list = clients.get(kept.struct.id.client);
    if (list) list.push(kept);
    else clients.set(kept.struct.id.client, [kept]);
  }
  encoding.writeVarUint(encoder.restEncoder, clients.size);
  for (const [client, list] of clients) {
    // A run of refused structs is one GC: 20,000 refused roots cost a few bytes, not 20,000 structs.
    const runs: Array<Y.Item | Y.GC> = [];
    for (const { struct, asGarbage } of list) {
      const last = runs[runs.length - 1];
      if (!asGarbage) runs.push(struct);
      else if (last instanceof Y.GC) last.length += struct.length;
      else runs.push(new Y.GC(struct.id, struct.length));
    }
    encoding.writeVarUint(encoder.restEncoder, runs.length);
    encoder.writeClient(client);
    encoding.writeVarUint(encoder.restEncoder, list[0]!.struct.id.clock);
    for (const struct of runs) struct.write(encoder, 0);
  }
  const ds = new Map<number, KeptDeletion[]>();
  for (const d of deletions) {
    const list = ds.get(d.client);
    if (list) list.push(d);
    else ds.set(d.client, [d]);
  }
  encoding.writeVarUint(encoder.restEncoder, ds.size);
  for (const [client, list] of ds) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, list.length);
    for (const { clock, len } of list) {
      encoder.writeDsClock(clock);
      encoder.writeDsLen(len);
    }
  }
  return encoder.toUint8Array();
}
