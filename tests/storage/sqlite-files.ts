import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE } from '../../server/storage/dialect';
import { migrationsFor } from '../../server/storage/migrations';
import type { WorkshopRecord } from '../../server/storage/storage';

/** SQLite's migrations, in order: version N is the first N applied. */
export const SQLITE_MIGRATIONS = migrationsFor(SQLITE);

/** A fresh database path in a directory of its own (the storage creates `data/`). */
export function tempFile(): string {
  return path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'saappaat-sqlite-')),
    'data',
    'test.sqlite',
  );
}

/** A database file as a release at schema `version` left it, open without the storage. */
export function storedAt(version: number): { file: string; old: Database.Database } {
  const file = tempFile();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const old = new Database(file);
  for (const sql of SQLITE_MIGRATIONS.slice(0, version)) old.exec(sql);
  old.pragma(`user_version = ${version}`);
  return { file, old };
}

/** A workshop's row with the columns every version has. */
export function insertWorkshop(old: Database.Database, w: WorkshopRecord, createdAt: number): void {
  old
    .prepare(
      `INSERT INTO workshops (id, title, template_id, locale, join_code,
         facilitator_key_hash, created_at, control_json, control_revision)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      w.id,
      w.title,
      w.templateId,
      w.locale,
      w.joinCode,
      w.facilitatorKeyHash,
      createdAt,
      '{}',
      1,
    );
}
