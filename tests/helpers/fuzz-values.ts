/**
 * Random and hostile values for the fuzz test's Socket.io payloads: strings, numbers and
 * keys that break careless code, random JSON-ish values, and mutations of a valid payload.
 */
import type { Rng } from './fuzz-rng';

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

/** A random JSON-ish value (sometimes not JSON at all: binary, NaN, nested deep). */
export function randomValue(rng: Rng, depth = 0): unknown {
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
export function mutate(payload: unknown, rng: Rng, huge = 0.002): unknown {
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
