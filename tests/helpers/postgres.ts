import crypto from 'node:crypto';
import pg from 'pg';
import { type PostgresOptions, PostgresStorage } from '../../server/storage/postgres-storage';

/**
 * The Postgres the storage tests use: TEST_DATABASE_URL, or the one every development and CI
 * machine runs (`.ci/services.sh` installs and starts it where it is missing).
 */
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema name of its own for one test file's run, so runs never meet. */
export function freshSchema(label: string): string {
  return `t_${label}_${crypto.randomBytes(5).toString('hex')}`;
}

export async function connectTestStorage(
  schema: string,
  options: Omit<PostgresOptions, 'schema'> = {},
): Promise<PostgresStorage> {
  try {
    return await PostgresStorage.connect(TEST_DATABASE_URL, { ...options, schema });
  } catch (err) {
    if ((err as { code?: string }).code !== 'ECONNREFUSED') throw err;
    throw new Error(
      `Postgres at ${TEST_DATABASE_URL} is needed for these tests (bash .ci/services.sh starts it)`,
    );
  }
}

/** Runs SQL on the test database outside any storage (inspecting, dropping schemas). */
export async function sql<R extends pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export async function dropSchema(schema: string): Promise<void> {
  await sql(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
}
