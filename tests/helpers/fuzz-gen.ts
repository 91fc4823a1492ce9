/**
 * Seeded random input for the fuzz test (tests/fuzz.test.ts): a small PRNG, and
 * Socket.io event payloads built from the real event table, then mutated.
 */
import { clientEventSchemas, type ClientEventName } from '../../lib/protocol/events';

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export class Rng {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = this.int(256);
    return out;
  }

  /** One of `weighted`'s keys, each as likely as its weight. */
  weighted<K extends string>(weighted: Record<K, number>): K {
    const entries = Object.entries(weighted) as Array<[K, number]>;
    let r = this.next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, w] of entries) {
      r -= w;
      if (r < 0) return key;
    }
    return entries[entries.length - 1]![0];
  }
}

/** Names a real workshop uses, so that mutated payloads sometimes hit something real. */
export interface FuzzWorld {
  stepIds: string[];
  participantIds: string[];
  ideaIds: string[];
  actionIds: string[];
}

/** Keys and ids that break code which indexes plain objects. */
export const NASTY_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'then',
] as const;

const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\uffff',
  '\ud800',
  '😀👍🏽',
  '\u202eevil',
  '<script>alert(1)</script>',
  '"; DROP TABLE workshops; --',
  '../../etc/passwd',
  '%00',
  '=cmd|"/c calc"!A1',
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e308',
  'a'.repeat(65),
  ...NASTY_KEYS,
];

const NASTY_NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.5,
  3,
  20,
  21,
  1000,
  NaN,
  Infinity,
  -Infinity,
  1e308,
  -1e308,
  Number.MIN_VALUE,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 31,
  -(2 ** 31),
];

/** An object whose own keys include `__proto__` and `constructor` (as JSON.parse makes them). */
function pollutionObject(base: unknown): unknown {
  const polluted = JSON.parse(
    '{"__proto__":{"polluted":"yes","isAdmin":true},"constructor":{"prototype":{"polluted":"yes"}}}',
  ) as Record<string, unknown>;
  if (base && typeof base === 'object' && !Array.isArray(base)) {
    for (const [k, v] of Object.entries(base)) polluted[k] = v;
  }
  return polluted;
}

/** A plausible valid payload for `event`, with names from `world`. */
function samplePayload(event: ClientEventName, rng: Rng, world: FuzzWorld): unknown {
  const step = () => rng.pick(world.stepIds.length ? world.stepIds : ['no-step']);
  const person = () => rng.pick(world.participantIds.length ? world.participantIds : ['nobody-1']);
  const idea = () => rng.pick([...world.ideaIds, ...NASTY_KEYS]);
  const bool = () => rng.chance(0.5);
  switch (event) {
    case 'phase:set':
      return { phase: rng.pick(['lobby', 'warmup', 'walk', 'vote', 'summary', 'party']) };
    case 'phase:configure':
      return { enabled: ['lobby', 'walk', 'summary'] };
    case 'walk:step':
    case 'reveal:step':
      return { stepId: step() };
    case 'walk:pace':
      return { pace: rng.pick(['hold', 'free']) };
    case 'timer:start':
      return { durationMs: rng.pick([1000, 60_000, 3 * 3600_000]) };
    case 'timer:add':
      return { ms: rng.pick([1000, 3600_000]) };
    case 'ready:set':
      return { ready: bool() };
    case 'warmup:answer':
      return { workplace: rng.int(11), customers: rng.int(11) };
    case 'settings:anonymous':
      return { anonymous: bool() };
    case 'settings:reveal':
      return { mode: rng.pick(['walked', 'stepwise']) };
    case 'rating:put':
      return {
        stepId: step(),
        valence: rng.pick([-3, -1, 0, 1, 3]),
        emotion: rng.pick(['happy', 'angry', 'neutral', 'unsure', 'calm', 'sad']),
        expectation: rng.pick(['worse', 'as', 'better']),
        effort: rng.pick([null, 1, 5]),
        note: rng.pick([null, 'ok', 'x'.repeat(300)]),
      };
    case 'walk:lock':
      return { stepId: step(), locked: bool() };
    case 'board:lanes':
      return { hidden: rng.pick([[], ['pains'], ['ideas', 'gains']]) };
    case 'board:lock':
      return { locked: bool() };
    case 'people:set-role':
      return { participantId: person(), role: rng.pick(['staff', 'observer', 'facilitator']) };
    case 'people:set-lens':
      return { participantId: person(), lens: rng.pick(['customer', 'staff', 'none']) };
    case 'people:assign':
      return { participantId: person(), personaId: null, cardId: null };
    case 'people:deal':
      return {};
    case 'people:remove':
      return { participantId: person() };
    case 'vote:set':
      return { ideaId: idea(), dots: rng.pick([0, 1, 2, 3, 5, 20]) };
    case 'votes:configure':
      return { budget: 5, maxPerIdea: 3, hidden: bool() };
    case 'actions:allow':
      return { allowed: bool() };
    case 'action:put':
      return {
        ...(rng.chance(0.3) ? { id: rng.pick([...world.actionIds, 'no-such-action']) } : {}),
        text: rng.pick(['Call the customer', ' ', 'x'.repeat(301)]),
        owner: rng.pick([null, 'Anna', '']),
        department: null,
        dueDate: rng.pick([null, '2030-01-31', '2030-02-30', 'tomorrow']),
        stepId: rng.pick([null, step()]),
        ideaId: rng.pick([null, idea()]),
      };
    case 'action:delete':
      return { id: rng.pick([...world.actionIds, 'no-such-action', '__proto__']) };
    default:
      return {};
  }
}

/** A random JSON-ish value (sometimes not JSON at all: binary, NaN, nested deep). */
function randomValue(rng: Rng, depth = 0): unknown {
  const kind = rng.weighted({
    string: 4,
    number: 3,
    bool: 1,
    nil: 1,
    array: depth < 3 ? 1 : 0,
    object: depth < 3 ? 1 : 0,
    binary: 0.2,
  });
  switch (kind) {
    case 'string':
      return rng.pick(NASTY_STRINGS);
    case 'number':
      return rng.pick(NASTY_NUMBERS);
    case 'bool':
      return rng.chance(0.5);
    case 'nil':
      return rng.chance(0.5) ? null : undefined;
    case 'array':
      return Array.from({ length: rng.int(4) }, () => randomValue(rng, depth + 1));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (let i = rng.int(4); i > 0; i--)
        out[rng.pick(NASTY_STRINGS)] = randomValue(rng, depth + 1);
      return out;
    }
    case 'binary':
      return rng.bytes(rng.int(64));
  }
}

/** Wraps `value` `depth` levels deep in arrays or objects. */
function nest(value: unknown, depth: number, asArray: boolean): unknown {
  let out = value;
  for (let i = 0; i < depth; i++) out = asArray ? [out] : { a: out };
  return out;
}

/**
 * One mutation of `payload`: a field dropped, added, retyped or swollen; the whole thing
 * replaced, nested deep, or given prototype-pollution keys. Sizes go past
 * EVENT_PAYLOAD_MAX_BYTES now and then, and rarely past the transport limit (which
 * closes the connection: `huge` controls how rare).
 */
function mutate(payload: unknown, rng: Rng, huge = 0.002): unknown {
  const isObject = payload !== null && typeof payload === 'object' && !Array.isArray(payload);
  const fields = isObject ? Object.keys(payload) : [];
  const how = rng.weighted({
    keep: 1,
    dropField: isObject && fields.length > 0 ? 3 : 0,
    extraField: 3,
    retypeField: isObject && fields.length > 0 ? 6 : 0,
    replace: 3,
    longString: 1.5,
    hugeString: huge * 100,
    deep: 0.7,
    pollute: 1.5,
    wrap: 1,
  });
  const copy = isObject ? { ...(payload as Record<string, unknown>) } : {};
  switch (how) {
    case 'keep':
      return payload;
    case 'dropField':
      delete copy[rng.pick(fields)];
      return copy;
    case 'extraField':
      if (!isObject) return { [rng.pick(NASTY_STRINGS)]: randomValue(rng) };
      copy[rng.chance(0.5) ? rng.pick(NASTY_KEYS) : `extra${rng.int(5)}`] = randomValue(rng);
      return copy;
    case 'retypeField':
      copy[rng.pick(fields)] = randomValue(rng);
      return copy;
    case 'replace':
      return randomValue(rng);
    case 'longString': {
      // Just under and just over EVENT_PAYLOAD_MAX_BYTES (16 KiB), and in between.
      const s = 'ä'.repeat(rng.pick([200, 4000, 8191, 8200, 20_000]));
      if (!isObject || fields.length === 0) return s;
      copy[rng.pick(fields)] = s;
      return copy;
    }
    case 'hugeString':
      return { text: 'x'.repeat(300 * 1024) };
    case 'deep':
      return nest(payload, rng.pick([50, 500, 2000]), rng.chance(0.5));
    case 'pollute':
      return pollutionObject(payload);
    case 'wrap':
      return rng.chance(0.5) ? [payload] : { payload };
  }
}

export interface Emission {
  event: unknown;
  /** Arguments after the event name (the acknowledgement callback is added by the sender). */
  args: unknown[];
  withAck: boolean;
}

const EVENT_NAMES = Object.keys(clientEventSchemas) as ClientEventName[];
const UNKNOWN_EVENTS = [
  'phase:jump',
  'board:wipe',
  'admin',
  'PHASE:NEXT',
  'phase:next ',
  '',
  'x'.repeat(5000),
  ...NASTY_KEYS,
];

/** One Socket.io emission: a real event with a (mostly) mutated payload, or something odd. */
export function emission(rng: Rng, world: FuzzWorld): Emission {
  const shape = rng.weighted({ mutated: 14, valid: 2, unknown: 1, noPayload: 1, extraArgs: 1 });
  const event: ClientEventName = rng.pick(EVENT_NAMES);
  const withAck = rng.chance(0.85);
  switch (shape) {
    case 'valid':
      return { event, args: [samplePayload(event, rng, world)], withAck };
    case 'mutated':
      return { event, args: [mutate(samplePayload(event, rng, world), rng)], withAck };
    case 'unknown':
      return {
        event: rng.chance(0.9) ? rng.pick(UNKNOWN_EVENTS) : rng.pick([42, 0, -1]),
        args: [randomValue(rng)],
        withAck,
      };
    case 'noPayload':
      return { event, args: [], withAck };
    case 'extraArgs':
      return {
        event,
        args: [samplePayload(event, rng, world), randomValue(rng), randomValue(rng)],
        withAck,
      };
  }
}
