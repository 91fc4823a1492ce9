/**
 * Raw Yjs protocol messages for the fuzz test (tests/fuzz.test.ts) and the adversarial
 * tests: the message encoding, byte-level damage, the attacker's copy of the document and
 * a liveness probe. The attacks themselves are in fuzz-yjs-attacks.ts and
 * fuzz-yjs-edits.ts. Message layout as y-websocket: a varuint type (0 sync, 1 awareness,
 * 2 auth, 3 query awareness).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { Rng } from './fuzz-rng';

export const SYNC = 0;
export const AWARENESS = 1;
export const AUTH = 2;
const QUERY_AWARENESS = 3;

export function message(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

export const syncStep1 = (sv: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, SYNC);
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep1);
    encoding.writeVarUint8Array(e, sv);
  });

export const syncUpdate = (update: Uint8Array, step2 = false) =>
  message((e) => {
    encoding.writeVarUint(e, SYNC);
    encoding.writeVarUint(
      e,
      step2 ? syncProtocol.messageYjsSyncStep2 : syncProtocol.messageYjsUpdate,
    );
    encoding.writeVarUint8Array(e, update);
  });

export const QUERY = Uint8Array.of(QUERY_AWARENESS);

/** An awareness update with the given entries (the state is written as given: any string). */
export function awareness(entries: Array<{ client: number; clock: number; json: string }>) {
  const update = message((e) => {
    encoding.writeVarUint(e, entries.length);
    for (const { client, clock, json } of entries) {
      encoding.writeVarUint(e, client);
      encoding.writeVarUint(e, clock);
      encoding.writeVarString(e, json);
    }
  });
  return message((e) => {
    encoding.writeVarUint(e, AWARENESS);
    encoding.writeVarUint8Array(e, update);
  });
}

/** An update holding one garbage struct of `len` clocks for `client`, starting at `clock`. */
export function garbageUpdate(client: number, clock: number, len: number): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, 1);
  encoding.writeVarUint(encoder.restEncoder, 1);
  encoder.writeClient(client);
  encoding.writeVarUint(encoder.restEncoder, clock);
  new Y.GC(Y.createID(client, clock), len).write(encoder, 0);
  encoding.writeVarUint(encoder.restEncoder, 0); // no deletions
  return encoder.toUint8Array();
}

/** An update deleting `len` clocks of `client` from `clock` on, and nothing else. */
export function deletionUpdate(client: number, clock: number, len: number): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, 0);
  encoding.writeVarUint(encoder.restEncoder, 1);
  encoder.resetDsCurVal();
  encoding.writeVarUint(encoder.restEncoder, client);
  encoding.writeVarUint(encoder.restEncoder, 1);
  encoder.writeDsClock(clock);
  encoder.writeDsLen(len);
  return encoder.toUint8Array();
}

/** Byte-level damage: flips, truncation, garbage spliced in, or a length made huge. */
export function damage(bytes: Uint8Array, rng: Rng): Uint8Array {
  const out = Uint8Array.from(bytes);
  switch (rng.weighted({ flip: 4, truncate: 3, splice: 2, hugeVarint: 2, duplicate: 1 })) {
    case 'flip':
      for (let i = 1 + rng.int(3); i > 0 && out.length > 0; i--) {
        const at = rng.int(out.length);
        out[at] = out[at]! ^ (1 << rng.int(8));
      }
      return out;
    case 'truncate':
      return out.slice(0, rng.int(Math.max(1, out.length)));
    case 'splice': {
      const at = rng.int(out.length + 1);
      return Uint8Array.from([...out.slice(0, at), ...rng.bytes(1 + rng.int(8)), ...out.slice(at)]);
    }
    case 'hugeVarint': {
      // A varuint that claims a length (or count, or clock) far past the message.
      const at = Math.min(out.length, 2 + rng.int(4));
      const huge = rng.pick([
        [0xff, 0xff, 0xff, 0xff, 0x0f],
        [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01],
        [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f],
      ]);
      return Uint8Array.from([...out.slice(0, at), ...huge, ...out.slice(at + 1)]);
    }
    case 'duplicate':
      return Uint8Array.from([...out, ...out]);
  }
}

/**
 * A copy of the server's document, kept up to date from what the server sends, on which
 * the attacker makes its edits. Refused edits stay in the copy (as in a real client), so
 * it is rebuilt from `replica` now and then.
 */
export class AttackDoc {
  readonly replica = new Y.Doc();
  private work: Y.Doc | null = null;
  private uses = 0;

  /** Applies what the server sent; returns false for bytes an honest client would choke on. */
  receive(data: Uint8Array): { ok: boolean; denied?: string } {
    try {
      const d = decoding.createDecoder(data);
      const type = decoding.readVarUint(d);
      if (type === SYNC) {
        const sub = decoding.readVarUint(d);
        if (sub !== syncProtocol.messageYjsSyncStep1) {
          Y.applyUpdate(this.replica, decoding.readVarUint8Array(d));
        }
      } else if (type === AUTH) {
        decoding.readVarUint(d);
        return { ok: true, denied: decoding.readVarString(d) };
      }
      return { ok: true };
    } catch {
      return { ok: false };
    }
  }

  private workDoc(): Y.Doc {
    if (!this.work || this.uses++ > 25) {
      this.work?.destroy();
      this.work = new Y.Doc();
      Y.applyUpdate(this.work, Y.encodeStateAsUpdate(this.replica));
      this.uses = 0;
    }
    return this.work;
  }

  /**
   * Runs `edit` on the working copy and returns just the update it made; as the Yjs
   * client `asClient` if given (someone else's id), else as the copy's own.
   */
  edit(edit: (doc: Y.Doc) => void, asClient?: number): Uint8Array | null {
    const doc = this.workDoc();
    const own = doc.clientID;
    if (asClient !== undefined) doc.clientID = asClient;
    try {
      return this.editAs(doc, edit);
    } finally {
      doc.clientID = own;
    }
  }

  private editAs(doc: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array | null {
    const before = Y.encodeStateVector(doc);
    // (The update carries the document's whole delete set: an edit that changed nothing
    // encodes the same as before it.)
    const unchanged = Y.encodeStateAsUpdate(doc, before);
    try {
      edit(doc);
    } catch {
      return null;
    }
    const update = Y.encodeStateAsUpdate(doc, before);
    return Buffer.from(update).equals(Buffer.from(unchanged)) ? null : update;
  }

  destroy(): void {
    this.work?.destroy();
    this.replica.destroy();
  }
}

/**
 * Sends sync step 1 and resolves true once the server answers it with sync step 2 (only
 * an answer to our own step 1 is a step 2, and the server answers in order: everything
 * sent before was handled), or false when the socket closes first.
 */
export function probeAlive(
  ws: WebSocket,
  closed: Promise<unknown>,
  sv: Uint8Array,
): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const onMessage = (data: Buffer) => {
      if (data[0] === SYNC && data[1] === syncProtocol.messageYjsSyncStep2) {
        ws.off('message', onMessage);
        resolve(true);
      }
    };
    ws.on('message', onMessage);
    void closed.then(() => {
      ws.off('message', onMessage);
      resolve(false);
    });
    if (ws.readyState === ws.OPEN) ws.send(syncStep1(sv));
    else resolve(false);
  });
}
