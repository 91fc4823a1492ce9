import type pg from 'pg';
import { POSTGRES } from './dialect';
import { migrationsFor } from './migrations';
import type { Statement } from './prepared';
import { SqlStorage } from './sql-storage';
import { FencedError, type Fencing } from './storage';

export interface PostgresOptions {
  /** A schema of its own (created if missing): tests use one per run. Default: `public`. */
  schema?: string;
  /** Writes check this node's fencing number when given (several nodes). */
  fencing?: Fencing;
  /** Connections in the pool (default 10). */
  poolSize?: number;
}

/** BIGINT as a JavaScript number: our BIGINTs are millisecond times and sequence numbers. */
function bigintAsNumber(types: typeof pg.types) {
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === types.builtins.INT8
        ? (v: string) => Number(v)
        : types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };
}

const MIGRATION_LOCK = 0x5aa99aa7; // pg_advisory_lock key: one migrating node at a time
/** How long a claim waits for the old owner's writes in flight (well inside a lease). */
const CLAIM_LOCK_TIMEOUT_MS = 3000;
/**
 * A transaction left open this long is ended by Postgres: a node frozen mid-write (a VM
 * pause, SIGSTOP) must not keep its locks. Its write was not acknowledged, so nothing is
 * lost; the node finds out when it wakes.
 */
const IDLE_IN_TRANSACTION_MS = 5000;

type Job = { run: (db: pg.PoolClient) => Promise<void>; done: (err?: unknown) => void };

/**
 * Storage in Postgres, for several nodes. Each workshop's writes go through a lane of
 * their own: in order, one transaction at a time, and the writes that queued up while one
 * was committing are committed together in the next (one round of fence check and commit
 * for all of them). Where fencing is on, each transaction first takes a share lock on the
 * workshop's row and compares its fence: a node claiming the workshop updates that row,
 * so a claim waits for the writes in flight and every later write of the old owner sees
 * the new fence and fails with FencedError.
 */
export class PostgresStorage extends SqlStorage {
  private readonly pool: pg.Pool;
  private readonly fencing: Fencing | undefined;
  private readonly lanes = new Map<string, Job[]>();
  private readonly draining = new Set<string>();
  private readonly idleWaiters: Array<() => void> = [];

  private constructor(pool: pg.Pool, fencing: Fencing | undefined) {
    super(POSTGRES);
    this.pool = pool;
    this.fencing = fencing;
  }

  /** Connects, creates the schema if asked, and applies the migrations not yet applied. */
  static async connect(url: string, options: PostgresOptions = {}): Promise<PostgresStorage> {
    const schema = options.schema;
    if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
      throw new Error(`Not a plain schema name: ${schema}`);
    }
    // Loaded here, not at start: a server on SQLite never needs it.
    const { default: pgModule } = await import('pg');
    const pool = new pgModule.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      types: bigintAsNumber(pgModule.types),
      // Every connection of the pool works in the schema, and ends transactions left open.
      options: [
        `-c idle_in_transaction_session_timeout=${IDLE_IN_TRANSACTION_MS}`,
        ...(schema ? [`-c search_path=${schema}`] : []),
      ].join(' '),
    });
    // An idle connection that dies (the server restarted) must not crash the process.
    pool.on('error', (err) => console.error('[postgres] idle connection failed', err.message));
    try {
      await migrate(pool, schema);
    } catch (err) {
      await pool.end();
      throw err;
    }
    return new PostgresStorage(pool, options.fencing);
  }

  /**
   * Makes `fence` the workshop's fencing number, if it is newer than the stored one: the
   * first write of a node that has just leased the workshop. Waits for the old owner's
   * writes in flight. False when the stored fence is already newer (the lease is stale) or
   * the workshop does not exist.
   */
  async claimFence(workshopId: string, fence: number): Promise<boolean> {
    const db = await this.pool.connect();
    try {
      await db.query('BEGIN');
      // Waits for the writes in flight, but not for ever: a frozen old owner's open
      // transaction must not hold the workshop (CLAIM_LOCK_TIMEOUT; the client retries).
      await db.query(`SET LOCAL lock_timeout = ${CLAIM_LOCK_TIMEOUT_MS}`);
      const claim = this.q.claimFence.bind({ id: workshopId, fence });
      const result = await db.query(claim.sql, claim.parameters as unknown[]);
      await db.query('COMMIT');
      return result.rowCount === 1;
    } catch (err) {
      await db.query('ROLLBACK').catch(() => undefined);
      if ((err as { code?: string }).code === '55P03') return false; // lock_not_available
      throw err;
    } finally {
      db.release();
    }
  }

  /** The stored fencing number of a workshop (0: never claimed), or null if none such. */
  async storedFence(workshopId: string): Promise<number | null> {
    const [row] = await this.read(this.q.fence.bind({ id: workshopId }));
    return row?.fence ?? null;
  }

  /** Queues a write in the workshop's lane. */
  protected write(workshopId: string, statements: Statement[]): Promise<void> {
    const run = async (db: pg.PoolClient) => {
      for (const s of statements) {
        const result = await db.query(s.sql, s.parameters as unknown[]);
        // A check reads what the statement returned; throwing rolls the batch back.
        s.check?.(result.rows);
      }
    };
    return new Promise((resolve, reject) => {
      let lane = this.lanes.get(workshopId);
      if (!lane) this.lanes.set(workshopId, (lane = []));
      lane.push({ run, done: (err) => (err === undefined ? resolve() : reject(err)) });
      if (!this.draining.has(workshopId)) void this.drain(workshopId);
    });
  }

  private async drain(workshopId: string): Promise<void> {
    this.draining.add(workshopId);
    try {
      for (;;) {
        const batch = this.lanes.get(workshopId);
        if (!batch || batch.length === 0) break;
        this.lanes.delete(workshopId);
        await this.commit(workshopId, batch);
      }
    } finally {
      this.lanes.delete(workshopId);
      this.draining.delete(workshopId);
      if (this.draining.size === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    }
  }

  /**
   * One transaction for the batch. Should one write of several fail (a constraint), the
   * batch is rolled back and each write retried alone, so that one fails alone; a fenced
   * or unreachable database fails them all, and none of them is stored.
   */
  private async commit(workshopId: string, batch: Job[]): Promise<void> {
    let db: pg.PoolClient;
    try {
      db = await this.pool.connect();
    } catch (err) {
      for (const job of batch) job.done(err ?? new Error('no connection'));
      return;
    }
    let broken: Error | undefined;
    try {
      await db.query('BEGIN');
      await this.checkFence(db, workshopId);
      for (const job of batch) await job.run(db);
      await db.query('COMMIT');
    } catch (err) {
      try {
        await db.query('ROLLBACK');
      } catch (rollbackErr) {
        broken = rollbackErr as Error; // the connection is gone: do not pool it again
      }
      db.release(broken);
      if (err instanceof FencedError) this.fencing?.fenced?.(workshopId);
      if (batch.length === 1 || err instanceof FencedError || broken) {
        for (const job of batch) job.done(err ?? new Error('write failed'));
        return;
      }
      for (const job of batch) await this.commit(workshopId, [job]);
      return;
    }
    db.release();
    for (const job of batch) job.done();
  }

  private async checkFence(db: pg.PoolClient, workshopId: string): Promise<void> {
    if (!this.fencing) return;
    const expected = this.fencing.fenceFor(workshopId);
    const lock = this.q.fenceForWrite.bind({ id: workshopId });
    const result = await db.query<{ fence: number }>(lock.sql, lock.parameters as unknown[]);
    const stored = result.rows[0]?.fence;
    // No row: the write fails on its foreign key, as it would without fencing.
    if (stored !== undefined && stored !== expected) {
      throw new FencedError(workshopId, expected, stored);
    }
  }

  /** Resolves once no write is queued or committing. */
  private flushed(): Promise<void> {
    if (this.draining.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Not through a lane: nobody can own a workshop that does not exist yet (fence 0). */
  protected override async writeNew(_workshopId: string, s: Statement): Promise<void> {
    await this.pool.query(s.sql, s.parameters as unknown[]);
  }

  protected async read<R>(s: Statement<R>): Promise<R[]> {
    return (await this.pool.query(s.sql, s.parameters as unknown[])).rows as R[];
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  /** Waits for the writes in flight, then closes the pool. */
  async close(): Promise<void> {
    await this.flushed();
    await this.pool.end();
  }
}

/** Creates the schema if need be and applies the migrations not yet applied, one node at a time. */
async function migrate(pool: pg.Pool, schema: string | undefined): Promise<void> {
  const db = await pool.connect();
  try {
    await db.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    // Under the lock: nodes starting together would race to create it.
    if (schema) await db.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await db.query('CREATE TABLE IF NOT EXISTS saappaat_schema (version INTEGER NOT NULL)');
    const current = await db.query<{ version: number }>('SELECT version FROM saappaat_schema');
    let version = current.rows[0]?.version ?? 0;
    if (current.rowCount === 0) await db.query('INSERT INTO saappaat_schema VALUES (0)');
    const migrations = migrationsFor(POSTGRES);
    for (; version < migrations.length; version++) {
      await db.query('BEGIN');
      try {
        await db.query(migrations[version] ?? '');
        await db.query('UPDATE saappaat_schema SET version = $1', [version + 1]);
        await db.query('COMMIT');
      } catch (err) {
        await db.query('ROLLBACK');
        throw new Error(`Postgres migration ${version + 1} failed: ${(err as Error).message}`);
      }
    }
  } finally {
    await db.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    db.release();
  }
}
