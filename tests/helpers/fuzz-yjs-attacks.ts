/**
 * The Yjs attacks of the fuzz test (tests/fuzz.test.ts): which there are, how often each
 * is sent, and its bytes. Broken or hostile bytes are made here; well-formed edits the
 * write rules must refuse, in fuzz-yjs-edits.ts.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { writeNote } from './board';
import type { Rng } from './fuzz-rng';
import {
  type AttackDoc,
  AUTH,
  AWARENESS,
  awareness,
  damage,
  garbageUpdate,
  message,
  QUERY,
  SYNC,
  syncStep1,
  syncUpdate,
} from './fuzz-yjs';
import { EDIT_ATTACKS, type EditAttack, editAttackBytes } from './fuzz-yjs-edits';

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

/** Broken or hostile bytes (made here); the rest are edits (fuzz-yjs-edits.ts). */
type ByteAttack =
  | 'random'
  | 'typed-random'
  | 'huge-length'
  | 'empty'
  | 'sync1'
  | 'sync1-huge'
  | 'huge-garbage'
  | 'damaged-update'
  | 'awareness-garbage'
  | 'awareness-pollute'
  | 'awareness-huge'
  | 'awareness-spoof'
  | 'awareness-count'
  | 'query'
  | 'auth';

export type YjsAttack = ByteAttack | EditAttack;

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

/** What an attack works with: its randomness, the document copy, the target, and helpers. */
export interface AttackContext {
  rng: Rng;
  doc: AttackDoc;
  target: YjsTarget;
  /** A new note id of the attacker's own. */
  uid(): string;
  /** The update `edit` makes on the copy (as `asClient` if given), as a sync message. */
  update(edit: (d: Y.Doc) => void, asClient?: number): Uint8Array | null;
}

const isEdit = (attack: YjsAttack): attack is EditAttack =>
  (EDIT_ATTACKS as readonly string[]).includes(attack);

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
  const update = (edit: (d: Y.Doc) => void, asClient?: number) => {
    const u = doc.edit(edit, asClient);
    return u ? syncUpdate(u, rng.chance(0.3)) : null;
  };
  if (isEdit(attack)) return editAttackBytes(attack, { rng, doc, target, uid, update });
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
