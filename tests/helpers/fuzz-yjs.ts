/**
 * Raw Yjs protocol messages for the fuzz test (tests/fuzz.test.ts): well-formed ones
 * carrying edits the write rules must refuse, and broken or hostile bytes. Message
 * layout as y-websocket: a varuint type (0 sync, 1 awareness, 2 auth, 3 query awareness).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { deleteNote, editNoteText, moveNote, notesMap, readNotes } from '../../lib/board/board-doc';
import { PATH_ORDER, stepsMap } from '../../lib/board/path-doc';
import { type Rng, NASTY_KEYS } from './fuzz-gen';
import { writeNote } from './board';

const SYNC = 0;
const AWARENESS = 1;
const AUTH = 2;
const QUERY_AWARENESS = 3;

function message(write: (e: encoding.Encoder) => void): Uint8Array {
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

const QUERY = Uint8Array.of(QUERY_AWARENESS);

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
function deletionUpdate(client: number, clock: number, len: number): Uint8Array {
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
function damage(bytes: Uint8Array, rng: Rng): Uint8Array {
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

/** Who the attacker is, and whom it attacks. */
export interface YjsTarget {
  /** The attacker's participant id (a screen's own id for a screen). */
  self: string;
  /** Honest participants whose notes and names are attacked. */
  victims: string[];
  /** Honest clients' Yjs client ids (learned by anyone from awareness or the state vector). */
  victimClients: number[];
  /** The step the attacker's own notes go to, away from the honest notes. */
  attackStep: string;
  stepIds: string[];
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

export type YjsAttack =
  | 'random'
  | 'typed-random'
  | 'huge-length'
  | 'empty'
  | 'sync1'
  | 'sync1-huge'
  | 'path'
  | 'foreign-text'
  | 'foreign-delete'
  | 'foreign-move'
  | 'impersonate'
  | 'invalid-note'
  | 'own-note'
  | 'nasty-id-note'
  | 'deep-note'
  | 'hijack-items'
  | 'hijack-garbage'
  | 'hijack-delete'
  | 'huge-garbage'
  | 'damaged-update'
  | 'awareness-garbage'
  | 'awareness-pollute'
  | 'awareness-huge'
  | 'awareness-spoof'
  | 'awareness-count'
  | 'query'
  | 'auth';

/** Attacks that are expected to end the connection (4400): sent last in a batch. */
export const FATAL_ATTACKS: ReadonlySet<YjsAttack> = new Set([
  'random',
  'typed-random',
  'huge-length',
  'empty',
  'damaged-update',
  'awareness-garbage',
  'awareness-count',
]);

export function pickAttack(rng: Rng): YjsAttack {
  return rng.weighted<YjsAttack>({
    random: 3,
    'typed-random': 3,
    'huge-length': 1.5,
    empty: 0.3,
    sync1: 2,
    'sync1-huge': 1,
    path: 5,
    'foreign-text': 5,
    'foreign-delete': 4,
    'foreign-move': 3,
    impersonate: 4,
    'invalid-note': 4,
    'own-note': 4,
    'nasty-id-note': 1,
    'deep-note': 1,
    'hijack-items': 1.5,
    'hijack-garbage': 3,
    'hijack-delete': 2,
    'huge-garbage': 1.5,
    'damaged-update': 6,
    'awareness-garbage': 2,
    'awareness-pollute': 2,
    'awareness-huge': 0.5,
    'awareness-spoof': 3,
    'awareness-count': 1,
    query: 2,
    auth: 1,
  });
}

const NOTE_FIELDS = ['lane', 'stepId', 'authorId', 'text', 'groupId', 'painId', 'authorName'];

/**
 * The bytes of one attack. Null when the attack has nothing to work on yet (no honest
 * note to go after, say); the caller picks another.
 */
export function attackBytes(
  attack: YjsAttack,
  rng: Rng,
  doc: AttackDoc,
  target: YjsTarget,
  counter: { n: number },
): Uint8Array | null {
  const uid = () => `fz${target.self.slice(0, 6)}${counter.n++}`;
  const honestNotes = () =>
    readNotes(doc.replica).filter((n) => target.victims.includes(n.authorId));
  const honest = () => {
    const notes = honestNotes();
    return notes.length ? rng.pick(notes).id : null;
  };
  const update = (edit: (d: Y.Doc) => void, asClient?: number) => {
    const u = doc.edit(edit, asClient);
    return u ? syncUpdate(u, rng.chance(0.3)) : null;
  };
  switch (attack) {
    case 'random':
      return rng.bytes(1 + rng.int(48));
    case 'typed-random':
      return Uint8Array.from([rng.int(4), ...rng.bytes(rng.int(40))]);
    case 'huge-length':
      return Uint8Array.from([
        rng.pick([SYNC, AWARENESS]),
        rng.int(3),
        0xff,
        0xff,
        0xff,
        0xff,
        0x0f,
        ...rng.bytes(rng.int(16)),
      ]);
    case 'empty':
      return new Uint8Array(0);
    case 'sync1':
      return syncStep1(Y.encodeStateVector(rng.chance(0.5) ? doc.replica : new Y.Doc()));
    case 'sync1-huge': {
      // A state vector with clocks and clients no document has.
      const sv = message((e) => {
        encoding.writeVarUint(e, 3);
        for (let i = 0; i < 3; i++) {
          encoding.writeVarUint(e, rng.pick([...target.victimClients, rng.int(2 ** 31)]));
          encoding.writeVarUint(e, rng.pick([0, 2 ** 31, Number.MAX_SAFE_INTEGER]));
        }
      });
      return syncStep1(sv);
    }
    case 'path':
      return update((d) => {
        const steps = stepsMap(d);
        const pick = rng.pick(target.stepIds);
        switch (rng.int(4)) {
          case 0:
            steps.get(pick)?.set('title', 'hijacked');
            break;
          case 1:
            steps.delete(pick);
            break;
          case 2:
            d.getArray<string>(PATH_ORDER).delete(0, 1);
            break;
          default:
            d.getArray<string>(PATH_ORDER).push([uid()]);
        }
      });
    case 'foreign-text': {
      const id = honest();
      return id ? update((d) => editNoteText(d, id, rng.pick(['', 'defaced', '💥']))) : null;
    }
    case 'foreign-delete': {
      const id = honest();
      return id ? update((d) => deleteNote(d, id)) : null;
    }
    case 'foreign-move': {
      const id = honest();
      if (!id) return null;
      return update((d) => {
        if (rng.chance(0.5)) moveNote(d, id, { lane: 'questions' });
        else
          notesMap(d)
            .get(id)
            ?.set(rng.pick(NOTE_FIELDS), rng.pick([null, 'x', 42]));
      });
    }
    case 'impersonate':
      return update((d) =>
        writeNote(d, uid(), 'in your name', rng.pick(target.victims), {
          stepId: target.attackStep,
          lane: 'questions',
        }),
      );
    case 'invalid-note':
      return update((d) => {
        const map = new Y.Map<unknown>();
        const fields: Record<string, unknown> = {
          lane: rng.pick(['questions', 'nope', 42, null]),
          stepId: rng.pick([target.attackStep, 7, null]),
          authorId: rng.pick([target.self, 1, null]),
        };
        delete fields[rng.pick(Object.keys(fields))];
        for (const [k, v] of Object.entries(fields)) map.set(k, v);
        map.set('text', rng.chance(0.5) ? 'plain string, not Y.Text' : new Y.Text('t'));
        notesMap(d).set(uid(), map as never);
      });
    case 'own-note':
      return update((d) =>
        writeNote(d, uid(), 'mine', target.self, { stepId: target.attackStep, lane: 'questions' }),
      );
    case 'nasty-id-note':
      // Allowed for a writer: a note of its own whose id is a key plain objects inherit.
      return update((d) =>
        writeNote(d, rng.pick(NASTY_KEYS), 'nasty id', target.self, {
          stepId: target.attackStep,
          lane: 'ideas',
        }),
      );
    case 'deep-note':
      return update((d) => {
        const root = new Y.Map<unknown>();
        let inner = root;
        for (let i = 0; i < 100; i++) {
          const next = new Y.Map<unknown>();
          inner.set('x', next);
          inner = next;
        }
        writeNote(d, uid(), 'deep', target.self, { stepId: target.attackStep, lane: 'questions' });
        notesMap(d).forEach((m) => {
          if (m.get('authorId') === target.self && !m.get('extra')) m.set('extra', root);
        });
      });
    case 'hijack-items': {
      // A note of the attacker's own, written with an honest client's id and next clocks.
      if (target.victimClients.length === 0) return null;
      return update(
        (d) =>
          writeNote(d, uid(), 'stolen clocks', target.self, {
            stepId: target.attackStep,
            lane: 'questions',
          }),
        rng.pick(target.victimClients),
      );
    }
    case 'hijack-garbage': {
      // Garbage in an honest client's name, at its next clocks: were it applied, that
      // client's next edits would look "already known" to the server and be dropped.
      if (target.victimClients.length === 0) return null;
      const victim = rng.pick(target.victimClients);
      const state = Y.getState(doc.replica.store, victim);
      return syncUpdate(garbageUpdate(victim, state + rng.int(2), 1 + rng.int(1000)));
    }
    case 'hijack-delete': {
      // Deletes a range of an honest client's structs, without naming any note.
      if (target.victimClients.length === 0) return null;
      const victim = rng.pick(target.victimClients);
      const state = Y.getState(doc.replica.store, victim);
      return syncUpdate(deletionUpdate(victim, rng.int(Math.max(1, state)), 1 + rng.int(50)));
    }
    case 'huge-garbage':
      return syncUpdate(
        garbageUpdate(rng.int(2 ** 31), rng.pick([0, 2 ** 31]), rng.pick([1, 2 ** 40, 2 ** 52])),
      );
    case 'damaged-update': {
      const base =
        update((d) =>
          writeNote(d, uid(), 'to be damaged', target.self, {
            stepId: target.attackStep,
            lane: 'questions',
          }),
        ) ?? syncStep1(Y.encodeStateVector(doc.replica));
      return damage(base, rng);
    }
    case 'awareness-garbage':
      return awareness([
        {
          client: rng.int(2 ** 31),
          clock: 1,
          json: rng.pick(['{', '{"a":', 'undefined', '\u0000']),
        },
      ]);
    case 'awareness-pollute':
      return awareness([
        {
          client: rng.int(2 ** 31),
          clock: 1 + rng.int(5),
          json: rng.pick([
            '{"__proto__":{"polluted":"yes"},"presence":{"name":"x","role":"facilitator"}}',
            '{"constructor":{"prototype":{"polluted":"yes"}}}',
            '[1,2,3]',
            '"a string"',
            '12',
            'null',
          ]),
        },
      ]);
    case 'awareness-huge':
      return awareness([
        { client: rng.int(2 ** 31), clock: 1, json: JSON.stringify({ x: 'y'.repeat(100_000) }) },
      ]);
    case 'awareness-spoof':
      // Presence in an honest client's name (or removing it): presence is not authenticated.
      if (target.victimClients.length === 0) return null;
      return awareness([
        {
          client: rng.pick(target.victimClients),
          clock: rng.pick([1, 1000, 2 ** 30]),
          json: rng.pick(['null', '{"presence":{"name":"Spoofed","role":"facilitator"}}']),
        },
      ]);
    case 'awareness-count':
      // Claims a million entries and carries one.
      return message((e) => {
        encoding.writeVarUint(e, AWARENESS);
        encoding.writeVarUint8Array(
          e,
          message((u) => {
            encoding.writeVarUint(u, 1_000_000);
            encoding.writeVarUint(u, 1);
            encoding.writeVarUint(u, 1);
            encoding.writeVarString(u, '{}');
          }),
        );
      });
    case 'query':
      return QUERY;
    case 'auth':
      return Uint8Array.from([AUTH, ...rng.bytes(rng.int(20))]);
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
