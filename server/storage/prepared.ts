import type { Compilable } from 'kysely';

/**
 * One statement ready to run: SQL in an engine's dialect and its parameters. `R` is the
 * shape of the rows it returns.
 */
export interface Statement<R = unknown> {
  readonly sql: string;
  readonly parameters: readonly unknown[];
  /** Looks at the rows it returned; throwing fails the write, which then stores nothing. */
  check?(rows: readonly R[]): void;
}

/** A query compiled once, whose parameters are filled from named arguments on each call. */
export interface Prepared<A, R = unknown> {
  readonly sql: string;
  bind(args: A): Statement<R>;
}

/** Where an argument goes: Kysely passes it through compilation as a parameter value. */
class Slot {
  constructor(readonly key: PropertyKey) {}
}

/**
 * Compiles `build`'s query once, with a placeholder wherever it used an argument, and
 * returns it with a `bind` that puts the arguments of a call in their places. Building
 * and compiling a query per call would cost the hot paths (a board update, a rating)
 * more than the write itself; binding is an array of lookups.
 */
export function prepare<A extends object, R = unknown>(
  build: (args: A) => Compilable<R>,
): Prepared<A, R> {
  const args = new Proxy({}, { get: (_, key) => new Slot(key) }) as A;
  const compiled = build(args).compile();
  const keys = compiled.parameters.map((p) => {
    if (!(p instanceof Slot)) throw new Error(`A constant parameter in: ${compiled.sql}`);
    return p.key as keyof A;
  });
  const { sql } = compiled;
  return { sql, bind: (values) => ({ sql, parameters: keys.map((k) => values[k]) }) };
}
