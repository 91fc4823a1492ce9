import type pg from 'pg';
import type { ControlState, Participant } from '../../lib/domain/workshop';
import { POSTGRES } from './dialect';
import { migrationsFor } from './migrations';
import { toWorkshop, type WorkshopRow } from './workshop-row';
import {
  type ActionRecord,
  ClientClaimedError,
  type DocClientClaim,
  type DocLog,
  FencedError,
  type Fencing,
  type RatingRecord,
  type Storage,
  type VoteRecord,
  type WarmupRecord,
  type WorkshopRecord,
} from './storage';

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

const WORKSHOP_COLUMNS = `id, series_id, title, template_id, locale, join_code,
  facilitator_key_hash, created_at, control_json`;

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
export class PostgresStorage implements Storage {
  private readonly pool: pg.Pool;
  private readonly fencing: Fencing | undefined;
  private readonly lanes = new Map<string, Job[]>();
  private readonly draining = new Set<string>();
  private readonly idleWaiters: Array<() => void> = [];

  private constructor(pool: pg.Pool, fencing: Fencing | undefined) {
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
      const result = await db.query(
        // Strictly newer: two leases never share a number, even if Redis lost its counter.
        'UPDATE workshops SET fence = $2 WHERE id = $1 AND fence < $2',
        [workshopId, fence],
      );
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
    const result = await this.pool.query<{ fence: number }>(
      'SELECT fence FROM workshops WHERE id = $1',
      [workshopId],
    );
    return result.rows[0]?.fence ?? null;
  }

  private write(workshopId: string, run: Job['run']): Promise<void> {
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
    const result = await db.query<{ fence: number }>(
      'SELECT fence FROM workshops WHERE id = $1 FOR SHARE',
      [workshopId],
    );
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

  async createWorkshop(w: WorkshopRecord): Promise<void> {
    // Not through a lane: nobody can own a workshop that does not exist yet (fence 0).
    await this.pool.query(
      `INSERT INTO workshops (id, series_id, title, template_id, locale, join_code,
           facilitator_key_hash, created_at, control_json, control_revision)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        w.id,
        w.seriesId,
        w.title,
        w.templateId,
        w.locale,
        w.joinCode,
        w.facilitatorKeyHash,
        w.createdAt,
        JSON.stringify(w.control),
        w.control.revision,
      ],
    );
  }

  async getWorkshop(id: string): Promise<WorkshopRecord | null> {
    const result = await this.pool.query<WorkshopRow>(
      `SELECT ${WORKSHOP_COLUMNS} FROM workshops WHERE id = $1`,
      [id],
    );
    return toWorkshop(result.rows[0]);
  }

  async findWorkshopByCode(joinCode: string): Promise<WorkshopRecord | null> {
    const result = await this.pool.query<WorkshopRow>(
      `SELECT ${WORKSHOP_COLUMNS} FROM workshops WHERE join_code = $1`,
      [joinCode],
    );
    return toWorkshop(result.rows[0]);
  }

  async listSeries(seriesId: string): Promise<WorkshopRecord[]> {
    const result = await this.pool.query<WorkshopRow>(
      `SELECT ${WORKSHOP_COLUMNS} FROM workshops WHERE series_id = $1 ORDER BY created_at, ord`,
      [seriesId],
    );
    return result.rows.map((row) => toWorkshop(row) as WorkshopRecord);
  }

  saveControl(workshopId: string, state: ControlState): Promise<void> {
    return this.write(workshopId, async (db) => {
      await db.query(
        `UPDATE workshops SET control_json = $1, control_revision = $2
           WHERE id = $3 AND control_revision < $2`,
        [JSON.stringify(state), state.revision, workshopId],
      );
    });
  }

  addParticipant(p: Participant): Promise<void> {
    return this.write(p.workshopId, async (db) => {
      await db.query(
        `INSERT INTO participants (id, workshop_id, name, role, lens, persona_id, card_id,
             joined_at, removed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          p.id,
          p.workshopId,
          p.name,
          p.role,
          p.lens,
          p.personaId,
          p.cardId,
          p.joinedAt,
          p.removedAt,
        ],
      );
    });
  }

  updateParticipant(p: Participant): Promise<void> {
    return this.updateParticipants([p]);
  }

  async updateParticipants(people: Participant[]): Promise<void> {
    const [first] = people;
    if (!first) return;
    if (people.some((p) => p.workshopId !== first.workshopId)) {
      throw new Error('updateParticipants: all of one workshop');
    }
    return this.write(first.workshopId, async (db) => {
      for (const p of people) {
        await db.query(
          `UPDATE participants SET name = $1, role = $2, lens = $3, persona_id = $4,
             card_id = $5, removed_at = $6 WHERE id = $7 AND workshop_id = $8`,
          [p.name, p.role, p.lens, p.personaId, p.cardId, p.removedAt, p.id, p.workshopId],
        );
      }
    });
  }

  async listParticipants(workshopId: string): Promise<Participant[]> {
    const result = await this.pool.query<Participant>(
      `SELECT id, workshop_id AS "workshopId", name, role, lens, persona_id AS "personaId",
           card_id AS "cardId", joined_at AS "joinedAt", removed_at AS "removedAt"
         FROM participants WHERE workshop_id = $1 ORDER BY joined_at, ord`,
      [workshopId],
    );
    return result.rows;
  }

  putWarmupAnswer(a: WarmupRecord): Promise<void> {
    return this.write(a.workshopId, async (db) => {
      await db.query(
        `INSERT INTO warmup_answers (workshop_id, participant_id, workplace, customers, updated_at)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (workshop_id, participant_id) DO UPDATE SET workplace = excluded.workplace,
             customers = excluded.customers, updated_at = excluded.updated_at`,
        [a.workshopId, a.participantId, a.workplace, a.customers, a.updatedAt],
      );
    });
  }

  async listWarmupAnswers(workshopId: string): Promise<WarmupRecord[]> {
    const result = await this.pool.query<WarmupRecord>(
      `SELECT workshop_id AS "workshopId", participant_id AS "participantId", workplace,
           customers, updated_at AS "updatedAt"
         FROM warmup_answers WHERE workshop_id = $1 ORDER BY ord`,
      [workshopId],
    );
    return result.rows;
  }

  putRating(r: RatingRecord): Promise<void> {
    return this.write(r.workshopId, async (db) => {
      await db.query(
        `INSERT INTO ratings (workshop_id, participant_id, step_id, round, valence, emotion,
             expectation, effort, note, role, lens, card_id, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
           ON CONFLICT (workshop_id, participant_id, step_id, round) DO UPDATE SET
             valence = excluded.valence, emotion = excluded.emotion,
             expectation = excluded.expectation, effort = excluded.effort, note = excluded.note,
             role = excluded.role, lens = excluded.lens, card_id = excluded.card_id,
             updated_at = excluded.updated_at`,
        [
          r.workshopId,
          r.participantId,
          r.stepId,
          r.round,
          r.valence,
          r.emotion,
          r.expectation,
          r.effort,
          r.note,
          r.role,
          r.lens,
          r.cardId,
          r.updatedAt,
        ],
      );
    });
  }

  async listRatings(workshopId: string): Promise<RatingRecord[]> {
    // COLLATE "C": the same byte order as SQLite's, whatever the database's locale.
    const result = await this.pool.query<RatingRecord>(
      `SELECT workshop_id AS "workshopId", participant_id AS "participantId",
           step_id AS "stepId", round, valence, emotion, expectation, effort, note, role, lens,
           card_id AS "cardId", updated_at AS "updatedAt"
         FROM ratings WHERE workshop_id = $1
         ORDER BY step_id COLLATE "C", round, participant_id COLLATE "C"`,
      [workshopId],
    );
    return result.rows;
  }

  putVote(v: VoteRecord): Promise<void> {
    return this.write(v.workshopId, async (db) => {
      if (v.dots === 0) {
        await db.query(
          'DELETE FROM votes WHERE workshop_id = $1 AND participant_id = $2 AND idea_id = $3',
          [v.workshopId, v.participantId, v.ideaId],
        );
        return;
      }
      await db.query(
        `INSERT INTO votes (workshop_id, participant_id, idea_id, dots) VALUES ($1, $2, $3, $4)
           ON CONFLICT (workshop_id, participant_id, idea_id) DO UPDATE SET dots = excluded.dots`,
        [v.workshopId, v.participantId, v.ideaId, v.dots],
      );
    });
  }

  async listVotes(workshopId: string): Promise<VoteRecord[]> {
    const result = await this.pool.query<VoteRecord>(
      `SELECT workshop_id AS "workshopId", participant_id AS "participantId",
           idea_id AS "ideaId", dots
         FROM votes WHERE workshop_id = $1
         ORDER BY idea_id COLLATE "C", participant_id COLLATE "C"`,
      [workshopId],
    );
    return result.rows;
  }

  putAction(a: ActionRecord): Promise<void> {
    return this.write(a.workshopId, async (db) => {
      await db.query(
        `INSERT INTO actions (id, workshop_id, text, owner, department, due_date, step_id,
             idea_id, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           ON CONFLICT (id) DO UPDATE SET text = excluded.text, owner = excluded.owner,
             department = excluded.department, due_date = excluded.due_date,
             step_id = excluded.step_id, idea_id = excluded.idea_id
           WHERE actions.workshop_id = excluded.workshop_id`,
        [
          a.id,
          a.workshopId,
          a.text,
          a.owner,
          a.department,
          a.dueDate,
          a.stepId,
          a.ideaId,
          a.createdBy,
          a.createdAt,
        ],
      );
    });
  }

  async listActions(workshopId: string): Promise<ActionRecord[]> {
    const result = await this.pool.query<ActionRecord>(
      `SELECT id, workshop_id AS "workshopId", text, owner, department, due_date AS "dueDate",
           step_id AS "stepId", idea_id AS "ideaId", created_by AS "createdBy",
           created_at AS "createdAt"
         FROM actions WHERE workshop_id = $1 ORDER BY created_at, ord`,
      [workshopId],
    );
    return result.rows;
  }

  deleteAction(workshopId: string, id: string): Promise<void> {
    return this.write(workshopId, async (db) => {
      await db.query('DELETE FROM actions WHERE workshop_id = $1 AND id = $2', [workshopId, id]);
    });
  }

  appendDocUpdate(workshopId: string, update: Uint8Array): Promise<void> {
    return this.write(workshopId, async (db) => {
      await db.query('INSERT INTO doc_updates (workshop_id, data) VALUES ($1, $2)', [
        workshopId,
        Buffer.from(update.buffer, update.byteOffset, update.byteLength),
      ]);
    });
  }

  async loadDoc(workshopId: string): Promise<DocLog> {
    const result = await this.pool.query<{ seq: number; data: Buffer }>(
      'SELECT seq, data FROM doc_updates WHERE workshop_id = $1 ORDER BY seq',
      [workshopId],
    );
    let bytes = 0;
    const updates = result.rows.map((r) => {
      bytes += r.data.byteLength;
      return new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength);
    });
    return { updates, lastSeq: result.rows.at(-1)?.seq ?? 0, bytes };
  }

  compactDoc(workshopId: string, snapshot: Uint8Array, upToSeq: number): Promise<void> {
    return this.write(workshopId, async (db) => {
      await db.query('DELETE FROM doc_updates WHERE workshop_id = $1 AND seq <= $2', [
        workshopId,
        upToSeq,
      ]);
      // The snapshot takes the place of what it replaced: seq = upToSeq keeps it first.
      await db.query('INSERT INTO doc_updates (seq, workshop_id, data) VALUES ($1, $2, $3)', [
        upToSeq,
        workshopId,
        Buffer.from(snapshot.buffer, snapshot.byteOffset, snapshot.byteLength),
      ]);
    });
  }

  claimDocClients(workshopId: string, participantId: string, clientIds: number[]): Promise<void> {
    if (clientIds.length === 0) return Promise.resolve();
    return this.write(workshopId, async (db) => {
      await db.query(
        `INSERT INTO doc_clients (workshop_id, client_id, participant_id)
           SELECT $1, id, $3 FROM unnest($2::bigint[]) WITH ORDINALITY AS t(id, n) ORDER BY n
           ON CONFLICT (workshop_id, client_id) DO NOTHING`,
        [workshopId, clientIds, participantId],
      );
      // Throwing rolls the transaction back; the lane retries the others alone.
      const taken = await db.query<{ clientId: number }>(
        `SELECT client_id AS "clientId" FROM doc_clients
           WHERE workshop_id = $1 AND client_id = ANY($2::bigint[]) AND participant_id <> $3
           LIMIT 1`,
        [workshopId, clientIds, participantId],
      );
      const clash = taken.rows[0];
      if (clash) throw new ClientClaimedError(workshopId, clash.clientId);
    });
  }

  async listDocClients(workshopId: string): Promise<DocClientClaim[]> {
    const result = await this.pool.query<DocClientClaim>(
      `SELECT client_id AS "clientId", participant_id AS "participantId"
         FROM doc_clients WHERE workshop_id = $1 ORDER BY ord`,
      [workshopId],
    );
    return result.rows;
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
