/**
 * Real SQLite faults for the storage-error tests: no mocks, the server's own connection
 * gets the errors SQLite itself raises.
 *
 * - **Locked**: another connection to the same file holds the write lock
 *   (`BEGIN IMMEDIATE`), so the server's writes wait out its busy timeout and fail with
 *   SQLITE_BUSY ("database is locked"). In WAL mode readers are not blocked.
 * - **Disk full**: SQLite fails a write with SQLITE_FULL when it needs a page beyond
 *   `max_page_count`. That pragma is per connection, so it is set on the server's own
 *   connection (`SqliteStorage.db`) to the file's current size; then another connection
 *   fills the last page of every table the tests write to (one filler row per table, grown
 *   until it no longer fits). A write then needs a new page and fails exactly as on a full
 *   disk. A real tiny filesystem would need mount rights that CI does not have.
 * - **Unreadable**: another connection renames a table away, so the server's reads fail
 *   with "no such table" (SQLITE_ERROR). A write lock or a full disk never fails a read in
 *   WAL mode, so this stands in for a storage that cannot be read (an I/O error, a broken
 *   file) and can be undone.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import type { SqliteStorage } from '../../server/storage/sqlite-storage';

/** The SQLite file of a data directory (as `SqliteStorage.inDataDir` names it). */
export function sqliteFile(dataDir: string): string {
  return path.join(dataDir, 'saappaat.sqlite');
}

export interface Fault {
  /** Undoes the fault: storage works again (no restart). */
  release(): void;
}

/** Another connection takes the write lock and keeps it until released. */
export function lockDatabase(file: string): Fault {
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  db.exec('BEGIN IMMEDIATE');
  return {
    release() {
      db.exec('ROLLBACK');
      db.close();
    },
  };
}

function isFull(err: unknown): boolean {
  return (err as { code?: string } | null)?.code === 'SQLITE_FULL';
}

/** Runs `write`; false if SQLite refused it as full, any other error is thrown. */
function fits(write: () => void): boolean {
  try {
    write();
    return true;
  } catch (err) {
    if (isFull(err)) return false;
    throw err;
  }
}

/** Grows one row with `resize(n)` to the largest `n` that still fits its page. */
function growToFit(resize: (n: number) => void): void {
  let lo = 0;
  let hi = 1;
  while (hi <= 1 << 26 && fits(() => resize(hi))) {
    lo = hi;
    hi *= 2;
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(() => resize(mid))) lo = mid;
    else hi = mid;
  }
  resize(lo);
}

let fills = 0;

/**
 * The disk is full: the server's connection may not grow the file, and the last page of
 * every table it writes to is filled up by another connection's rows (of a workshop that
 * does not exist, so no reader ever sees them). Release lifts the limit, as freeing disk
 * space would; the filler rows stay, like the other data that filled the disk.
 */
export function fillDisk(storage: SqliteStorage, file: string): Fault {
  const filler = new Database(file);
  filler.pragma('busy_timeout = 5000');
  // Its rows belong to no workshop (the filler workshop itself may not fit any more).
  filler.pragma('foreign_keys = OFF');
  const pages = filler.pragma('page_count', { simple: true }) as number;
  const before = storage.db.pragma('max_page_count', { simple: true }) as number;
  const limited = storage.db.pragma(`max_page_count = ${pages}`, { simple: true }) as number;
  filler.pragma(`max_page_count = ${pages}`);
  if (limited !== pages) throw new Error(`could not limit the server to ${pages} pages`);
  const id = `filler-${++fills}`;
  const text = (n: number) => 'x'.repeat(n);
  const tables: Array<{ insert: string; resize: (n: number) => unknown }> = [
    {
      insert: `INSERT INTO workshops (id, series_id, title, template_id, locale, join_code,
          facilitator_key_hash, created_at, control_json, control_revision)
        VALUES (@id, @id, '', '', 'en', @id, '', 0, '{}', 0)`,
      resize: (n) => filler.prepare('UPDATE workshops SET title = ? WHERE id = ?').run(text(n), id),
    },
    {
      insert: `INSERT INTO participants (id, workshop_id, name, role, joined_at)
        VALUES (@id, @id, '', 'staff', 0)`,
      resize: (n) =>
        filler.prepare('UPDATE participants SET name = ? WHERE id = ?').run(text(n), id),
    },
    {
      insert: `INSERT INTO ratings (workshop_id, participant_id, step_id, round, valence, emotion,
          expectation, updated_at) VALUES (@id, @id, @id, 0, 0, '', 'as', 0)`,
      resize: (n) =>
        filler.prepare('UPDATE ratings SET note = ? WHERE workshop_id = ?').run(text(n), id),
    },
    {
      // Every other column is part of the primary key (an index): grow `dots` instead, which
      // takes text as SQLite's column affinity allows.
      insert: `INSERT INTO votes (workshop_id, participant_id, idea_id, dots)
        VALUES (@id, @id, '', 1)`,
      resize: (n) =>
        filler.prepare('UPDATE votes SET dots = ? WHERE workshop_id = ?').run(text(n), id),
    },
    {
      insert: `INSERT INTO actions (id, workshop_id, text, created_at) VALUES (@id, @id, '', 0)`,
      resize: (n) => filler.prepare('UPDATE actions SET text = ? WHERE id = ?').run(text(n), id),
    },
    {
      insert: `INSERT INTO doc_updates (workshop_id, data) VALUES (@id, x'')`,
      resize: (n) =>
        filler
          .prepare('UPDATE doc_updates SET data = zeroblob(?) WHERE workshop_id = ?')
          .run(n, id),
    },
  ];
  try {
    // Free pages inside the file first: one big row's overflow pages take them all.
    const spill = `${id}-free-pages`;
    const spillInsert = `INSERT INTO doc_updates (workshop_id, data) VALUES (?, x'')`;
    if (fits(() => filler.prepare(spillInsert).run(spill))) {
      growToFit((n) =>
        filler
          .prepare('UPDATE doc_updates SET data = zeroblob(?) WHERE workshop_id = ?')
          .run(n, spill),
      );
    }
    for (const table of tables) {
      // A table whose last page has no room even for this row is full already.
      if (fits(() => filler.prepare(table.insert).run({ id }))) growToFit(table.resize);
    }
    const free = filler.pragma('freelist_count', { simple: true }) as number;
    if (free !== 0) throw new Error(`${free} free pages left: the disk is not full`);
  } finally {
    filler.close();
  }
  return {
    release() {
      storage.db.pragma(`max_page_count = ${before}`);
    },
  };
}

/**
 * Reads fail: another connection renames `table` away until released. Use only while the
 * server holds no open statement on it (between requests).
 */
export function hideTable(file: string, table: string): Fault {
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  db.exec(`ALTER TABLE ${table} RENAME TO ${table}_unreadable`);
  return {
    release() {
      db.exec(`ALTER TABLE ${table}_unreadable RENAME TO ${table}`);
      db.close();
    },
  };
}

/** How many rows of the update log a workshop has on disk (1 once compacted). */
export function docLogRows(file: string, workshopId: string): number {
  const db = new Database(file, { readonly: true });
  try {
    const row = db
      .prepare('SELECT count(*) AS n FROM doc_updates WHERE workshop_id = ?')
      .get(workshopId) as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}
