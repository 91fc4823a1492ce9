/** Helpers for the access tests (tests/access-*.test.ts). */
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';

/**
 * Every row the server's SQLite database holds for one workshop (or for all, with null),
 * table by table, read through a second read-only connection (WAL lets it read alongside
 * the server). Every table must have a workshop column, so a new table cannot be missed.
 */
export function databaseRows(
  dataDir: string,
  workshopId: string | null,
): Record<string, unknown[]> {
  const db = new Database(path.join(dataDir, 'saappaat.sqlite'), {
    readonly: true,
    fileMustExist: true,
  });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[];
    const rows: Record<string, unknown[]> = {};
    for (const table of tables.sort()) {
      const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map(
        (c) => c.name,
      );
      const key =
        table === 'workshops' ? 'id' : columns.includes('workshop_id') ? 'workshop_id' : '';
      expect(key || workshopId === null, `table ${table} has no workshop column`).toBeTruthy();
      rows[table] =
        workshopId === null
          ? db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()
          : db.prepare(`SELECT * FROM ${table} WHERE ${key} = ? ORDER BY rowid`).all(workshopId);
    }
    return rows;
  } finally {
    db.close();
  }
}

/** A request from an address of its own (for servers that trust X-Forwarded-For). */
let address = 0;
export async function callApi(
  baseUrl: string,
  method: string,
  url: string,
  bearer: string | null,
  body?: unknown,
): Promise<{ status: number; text: string; bytes: Buffer }> {
  address++;
  const res = await fetch(`${baseUrl}${url}`, {
    method,
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': `10.${Math.floor(address / 62_500) % 250}.${Math.floor(address / 250) % 250}.${address % 250}`,
      ...(bearer === null ? {} : { authorization: `Bearer ${bearer}` }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, text: bytes.toString('utf8'), bytes };
}
