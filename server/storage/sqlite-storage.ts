import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE } from './dialect';
import { migrationsFor } from './migrations';
import type { Statement } from './prepared';
import { SqlStorage } from './sql-storage';

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
 * Embedded storage: the SQL of SqlStorage, run on better-sqlite3 (synchronously, on the
 * event loop) with group commit. Every write is on disk (its commit in the write-ahead
 * log, synced) by the time the returned promise resolves.
 */
export class SqliteStorage extends SqlStorage {
  readonly db: Database.Database;

  constructor(file: string, options: SqliteOptions = {}) {
    super(SQLITE);
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

  /** Queues a write for the next group commit (one workshop's or not: all go together). */
  protected write(_workshopId: string, statements: Statement[]): Promise<void> {
    if (this.syncFailure) return Promise.reject(this.syncFailure);
    const run = () => {
      for (const s of statements) {
        const statement = this.sql(s.sql);
        // A check reads what the statement returns; throwing rolls the write back.
        if (s.check) s.check(statement.all(s.parameters));
        else statement.run(s.parameters);
      }
    };
    return new Promise((resolve, reject) => {
      this.queue.push({ run, done: (err) => (err === undefined ? resolve() : reject(err)) });
      this.schedule();
    });
  }

  protected async read<R>(s: Statement<R>): Promise<R[]> {
    return this.sql(s.sql).all(s.parameters) as R[];
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
