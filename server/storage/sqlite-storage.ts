import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ControlState, Participant } from '../../lib/domain/workshop';
import { SQLITE } from './dialect';
import { migrationsFor } from './migrations';
import { toWorkshop, type WorkshopRow } from './workshop-row';
import {
  type ActionRecord,
  ClientClaimedError,
  type DocClientClaim,
  type DocLog,
  type RatingRecord,
  type Storage,
  type VoteRecord,
  type WarmupRecord,
  type WorkshopRecord,
} from './storage';

/** Applies the migrations not yet applied; the version is `PRAGMA user_version`. */
export function migrate(db: Database.Database): void {
  const migrations = migrationsFor(SQLITE);
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < migrations.length; v++) {
    db.transaction(() => {
      db.exec(migrations[v] ?? '');
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

export interface SqliteOptions {
  /**
   * How long a write waits for another connection's lock before it fails with
   * SQLITE_BUSY (STORAGE_FAILED to the client). better-sqlite3 waits synchronously, so
   * the whole process stalls for up to this long per write. Default 5000 ms; tests shorten it.
   */
  busyTimeoutMs?: number;
}

/**
 * Embedded storage. Every write is on disk (its commit in the write-ahead log, synced) by
 * the time the returned promise resolves.
 */
export class SqliteStorage implements Storage {
  readonly db: Database.Database;

  constructor(file: string, options: SqliteOptions = {}) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    const wal = this.db.pragma('journal_mode = WAL', { simple: true }) === 'wal';
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    migrate(this.db);
    if (file !== ':memory:' && wal) this.walFd = openWal(file);
    // Commits do not wait for the disk inside SQLite (NORMAL: the database stays consistent
    // whatever happens); `commit` syncs the write-ahead log itself, off the event loop, and
    // only then resolves the writes. Without a log file to sync (an in-memory database, a
    // file system without WAL), SQLite keeps syncing inside its commits (FULL).
    if (this.walFd !== null) this.db.pragma('synchronous = NORMAL');
  }

  /**
   * Writes waiting for the next group commit. Writes queued in one turn of the event loop
   * are committed together at its end, in one transaction, and synced with one
   * `fdatasync`; while that sync runs, new writes queue, and are committed and synced
   * together as soon as it ends. So nothing waits for a timer, and under load each sync
   * covers more writes instead of syncs piling up. Every write's promise still resolves
   * only after its commit is on disk.
   */
  private queue: Array<{ run: () => void; done: (err?: unknown) => void }> = [];
  /** The write-ahead log, synced after each commit (absent for an in-memory database). */
  private walFd: number | null = null;
  /** Whether a commit is due at the end of this turn, and whether a sync of the log runs. */
  private commitDue = false;
  private syncing = false;
  /** Settles once every commit so far is synced and its writes told: the next ones chain on. */
  private settled: Promise<void> = Promise.resolve();
  /**
   * Set once a sync has failed. What was committed since may be lost whatever later syncs
   * say (Linux reports a failed writeback once and may drop the pages), so every later
   * write fails and `ping` says so (`/readyz`): the process needs a restart, as Postgres
   * does after a failed fsync.
   */
  private syncFailure: Error | null = null;

  private write(run: () => void): Promise<void> {
    if (this.syncFailure) return Promise.reject(this.syncFailure);
    return new Promise((resolve, reject) => {
      this.queue.push({ run, done: (err) => (err === undefined ? resolve() : reject(err)) });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.commitDue || this.syncing || this.queue.length === 0) return;
    this.commitDue = true;
    setImmediate(() => {
      this.commitDue = false;
      // close() may have committed the queue meanwhile, or started a sync.
      if (!this.syncing) this.commit();
    });
  }

  /**
   * Commits the queued writes in one transaction, each in a savepoint of its own, so one
   * refused write (a constraint, say) fails alone. Should the commit itself fail (disk
   * full, locked database), or SQLite abandon the transaction, every write of the batch
   * fails and none of them is on disk: a failed write still changes nothing.
   */
  private commit(): void {
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const failed = new Map<(typeof batch)[number], unknown>();
    try {
      if (batch.length === 1) {
        this.db.transaction(batch[0]!.run)();
      } else {
        this.db.transaction(() => {
          for (const entry of batch) {
            try {
              this.db.transaction(entry.run)();
            } catch (err) {
              // Without a transaction left, what ran before is gone too: fail them all.
              if (!this.db.inTransaction) throw err;
              failed.set(entry, err ?? new Error('write failed'));
            }
          }
        })();
      }
    } catch (err) {
      // Told in order too: after the batches before it.
      this.settled = this.settled.then(() => {
        for (const entry of batch) entry.done(err ?? new Error('write failed'));
      });
      return;
    }
    const settle = (syncError?: Error) => {
      if (syncError) this.syncFailure ??= syncError;
      for (const entry of batch) entry.done(this.syncFailure ?? failed.get(entry));
    };
    if (this.walFd === null) return settle();
    // On disk before anyone is told: fdatasync (as SQLite itself syncs) in libuv's thread
    // pool, not on the event loop (it was ~10 % of the server's time under load). Writes
    // queued meanwhile are committed when it ends (`schedule`), and told after these.
    // A failed sync fails the batch and every later write (`syncFailure`): its rows are in
    // the database but may not survive a crash, so nobody is told they are stored.
    this.syncing = true;
    const synced = new Promise<Error | undefined>((resolve) =>
      fs.fdatasync(this.walFd!, (err) => {
        this.syncing = false;
        resolve(err ? new Error(`sync failed: ${err.message}`) : undefined);
        this.schedule();
      }),
    );
    this.settled = Promise.all([this.settled, synced]).then(([, err]) => settle(err));
  }

  /** Prepared statements by their SQL: preparing one is parsing and planning it again. */
  private readonly statements = new Map<string, Database.Statement>();

  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  static inDataDir(dataDir: string, options: SqliteOptions = {}): SqliteStorage {
    return new SqliteStorage(path.join(dataDir, 'saappaat.sqlite'), options);
  }

  createWorkshop(w: WorkshopRecord): Promise<void> {
    return this.write(() => {
      this.sql(
        `INSERT INTO workshops (id, series_id, title, template_id, locale, join_code,
             facilitator_key_hash, created_at, control_json, control_revision)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
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
      );
    });
  }

  async getWorkshop(id: string): Promise<WorkshopRecord | null> {
    return toWorkshop(
      this.sql('SELECT * FROM workshops WHERE id = ?').get(id) as WorkshopRow | undefined,
    );
  }

  async findWorkshopByCode(joinCode: string): Promise<WorkshopRecord | null> {
    return toWorkshop(
      this.sql('SELECT * FROM workshops WHERE join_code = ?').get(joinCode) as
        WorkshopRow | undefined,
    );
  }

  async listSeries(seriesId: string): Promise<WorkshopRecord[]> {
    const rows = this.sql(
      'SELECT * FROM workshops WHERE series_id = ? ORDER BY created_at, rowid',
    ).all(seriesId) as WorkshopRow[];
    return rows.map((row) => toWorkshop(row) as WorkshopRecord);
  }

  saveControl(workshopId: string, state: ControlState): Promise<void> {
    return this.write(() => {
      this.sql(
        `UPDATE workshops SET control_json = ?, control_revision = ?
           WHERE id = ? AND control_revision < ?`,
      ).run(JSON.stringify(state), state.revision, workshopId, state.revision);
    });
  }

  addParticipant(p: Participant): Promise<void> {
    return this.write(() => {
      this.sql(
        `INSERT INTO participants (id, workshop_id, name, role, lens, persona_id, card_id,
             joined_at, removed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        p.id,
        p.workshopId,
        p.name,
        p.role,
        p.lens,
        p.personaId,
        p.cardId,
        p.joinedAt,
        p.removedAt,
      );
    });
  }

  async updateParticipant(p: Participant): Promise<void> {
    return this.updateParticipants([p]);
  }

  updateParticipants(people: Participant[]): Promise<void> {
    return this.write(() => {
      const update = this.sql(
        `UPDATE participants SET name = ?, role = ?, lens = ?, persona_id = ?, card_id = ?,
           removed_at = ? WHERE id = ? AND workshop_id = ?`,
      );
      this.db.transaction(() => {
        for (const p of people) {
          update.run(
            p.name,
            p.role,
            p.lens,
            p.personaId,
            p.cardId,
            p.removedAt,
            p.id,
            p.workshopId,
          );
        }
      })();
    });
  }

  async listParticipants(workshopId: string): Promise<Participant[]> {
    // rowid keeps people who joined in the same millisecond in insertion order.
    return this.sql(
      `SELECT id, workshop_id AS workshopId, name, role, lens, persona_id AS personaId,
           card_id AS cardId, joined_at AS joinedAt, removed_at AS removedAt
         FROM participants WHERE workshop_id = ? ORDER BY joined_at, rowid`,
    ).all(workshopId) as Participant[];
  }

  putWarmupAnswer(a: WarmupRecord): Promise<void> {
    return this.write(() => {
      this.sql(
        `INSERT INTO warmup_answers (workshop_id, participant_id, workplace, customers, updated_at)
           VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (workshop_id, participant_id) DO UPDATE SET workplace = excluded.workplace,
             customers = excluded.customers, updated_at = excluded.updated_at`,
      ).run(a.workshopId, a.participantId, a.workplace, a.customers, a.updatedAt);
    });
  }

  async listWarmupAnswers(workshopId: string): Promise<WarmupRecord[]> {
    return this.sql(
      `SELECT workshop_id AS workshopId, participant_id AS participantId, workplace, customers,
           updated_at AS updatedAt
         FROM warmup_answers WHERE workshop_id = ? ORDER BY rowid`,
    ).all(workshopId) as WarmupRecord[];
  }

  putRating(r: RatingRecord): Promise<void> {
    return this.write(() => {
      this.sql(
        `INSERT INTO ratings (workshop_id, participant_id, step_id, round, valence, emotion,
             expectation, effort, note, role, lens, card_id, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (workshop_id, participant_id, step_id, round) DO UPDATE SET
             valence = excluded.valence, emotion = excluded.emotion,
             expectation = excluded.expectation, effort = excluded.effort, note = excluded.note,
             role = excluded.role, lens = excluded.lens, card_id = excluded.card_id,
             updated_at = excluded.updated_at`,
      ).run(
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
      );
    });
  }

  async listRatings(workshopId: string): Promise<RatingRecord[]> {
    return this.sql(
      `SELECT workshop_id AS workshopId, participant_id AS participantId, step_id AS stepId,
           round, valence, emotion, expectation, effort, note, role, lens, card_id AS cardId,
           updated_at AS updatedAt
         FROM ratings WHERE workshop_id = ? ORDER BY step_id, round, participant_id`,
    ).all(workshopId) as RatingRecord[];
  }

  putVote(v: VoteRecord): Promise<void> {
    return this.write(() => {
      if (v.dots === 0) {
        this.sql(
          'DELETE FROM votes WHERE workshop_id = ? AND participant_id = ? AND idea_id = ?',
        ).run(v.workshopId, v.participantId, v.ideaId);
        return;
      }
      this.sql(
        `INSERT INTO votes (workshop_id, participant_id, idea_id, dots) VALUES (?, ?, ?, ?)
           ON CONFLICT (workshop_id, participant_id, idea_id) DO UPDATE SET dots = excluded.dots`,
      ).run(v.workshopId, v.participantId, v.ideaId, v.dots);
    });
  }

  async listVotes(workshopId: string): Promise<VoteRecord[]> {
    return this.sql(
      `SELECT workshop_id AS workshopId, participant_id AS participantId, idea_id AS ideaId, dots
         FROM votes WHERE workshop_id = ? ORDER BY idea_id, participant_id`,
    ).all(workshopId) as VoteRecord[];
  }

  putAction(a: ActionRecord): Promise<void> {
    return this.write(() => {
      this.sql(
        `INSERT INTO actions (id, workshop_id, text, owner, department, due_date, step_id, idea_id,
             created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET text = excluded.text, owner = excluded.owner,
             department = excluded.department, due_date = excluded.due_date,
             step_id = excluded.step_id, idea_id = excluded.idea_id
           WHERE actions.workshop_id = excluded.workshop_id`,
      ).run(
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
      );
    });
  }

  async listActions(workshopId: string): Promise<ActionRecord[]> {
    return this.sql(
      `SELECT id, workshop_id AS workshopId, text, owner, department, due_date AS dueDate,
           step_id AS stepId, idea_id AS ideaId, created_by AS createdBy, created_at AS createdAt
         FROM actions WHERE workshop_id = ? ORDER BY created_at, rowid`,
    ).all(workshopId) as ActionRecord[];
  }

  deleteAction(workshopId: string, id: string): Promise<void> {
    return this.write(() => {
      this.sql('DELETE FROM actions WHERE workshop_id = ? AND id = ?').run(workshopId, id);
    });
  }

  appendDocUpdate(workshopId: string, update: Uint8Array): Promise<void> {
    return this.write(() => {
      this.sql('INSERT INTO doc_updates (workshop_id, data) VALUES (?, ?)').run(
        workshopId,
        Buffer.from(update.buffer, update.byteOffset, update.byteLength),
      );
    });
  }

  async loadDoc(workshopId: string): Promise<DocLog> {
    const rows = this.sql(
      'SELECT seq, data FROM doc_updates WHERE workshop_id = ? ORDER BY seq',
    ).all(workshopId) as Array<{ seq: number; data: Buffer }>;
    let bytes = 0;
    const updates = rows.map((r) => {
      bytes += r.data.byteLength;
      return new Uint8Array(r.data);
    });
    return { updates, lastSeq: rows.at(-1)?.seq ?? 0, bytes };
  }

  compactDoc(workshopId: string, snapshot: Uint8Array, upToSeq: number): Promise<void> {
    return this.write(() => {
      this.db.transaction(() => {
        this.sql('DELETE FROM doc_updates WHERE workshop_id = ? AND seq <= ?').run(
          workshopId,
          upToSeq,
        );
        // The snapshot takes the place of what it replaced: seq = upToSeq keeps it first.
        this.sql('INSERT INTO doc_updates (seq, workshop_id, data) VALUES (?, ?, ?)').run(
          upToSeq,
          workshopId,
          Buffer.from(snapshot),
        );
      })();
    });
  }

  claimDocClients(workshopId: string, participantId: string, clientIds: number[]): Promise<void> {
    if (clientIds.length === 0) return Promise.resolve();
    return this.write(() => {
      const insert = this.sql(
        `INSERT INTO doc_clients (workshop_id, client_id, participant_id) VALUES (?, ?, ?)
           ON CONFLICT (workshop_id, client_id) DO NOTHING`,
      );
      const owner = this.sql(
        'SELECT participant_id AS owner FROM doc_clients WHERE workshop_id = ? AND client_id = ?',
      );
      for (const id of clientIds) {
        insert.run(workshopId, id, participantId);
        // Throwing rolls this write back (it runs in a savepoint of its own).
        const row = owner.get(workshopId, id) as { owner: string };
        if (row.owner !== participantId) throw new ClientClaimedError(workshopId, id);
      }
    });
  }

  async listDocClients(workshopId: string): Promise<DocClientClaim[]> {
    return this.sql(
      `SELECT client_id AS clientId, participant_id AS participantId
         FROM doc_clients WHERE workshop_id = ? ORDER BY rowid`,
    ).all(workshopId) as DocClientClaim[];
  }

  async ping(): Promise<void> {
    if (this.syncFailure) throw this.syncFailure;
    this.sql('SELECT 1').get();
  }

  async close(): Promise<void> {
    // What is queued is committed and synced before the database closes, also what is
    // queued while waiting for that.
    while (this.db.open) {
      if (!this.syncing) this.commit();
      const settled = this.settled;
      await settled;
      if (this.queue.length === 0 && this.settled === settled) break;
    }
    for (const entry of this.queue.splice(0)) entry.done(new Error('storage closed'));
    if (this.db.open) this.db.close();
    if (this.walFd !== null) fs.closeSync(this.walFd);
    this.walFd = null;
  }
}

/**
 * Opens the database's write-ahead log (as SQLite names it: beside the file the path
 * resolves to) for syncing, and syncs its directory once, so a log created since the
 * last start survives a power cut (SQLite's own first sync of a new log does the same).
 * Null if there is no log file to sync.
 */
function openWal(file: string): number | null {
  const real = fs.realpathSync(file);
  let fd: number;
  try {
    fd = fs.openSync(`${real}-wal`, 'r');
  } catch {
    return null;
  }
  const dir = fs.openSync(path.dirname(real), 'r');
  try {
    fs.fsyncSync(dir);
  } finally {
    fs.closeSync(dir);
  }
  return fd;
}
