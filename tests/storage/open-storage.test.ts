import { afterAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../server/cluster/open-storage';
import { PostgresStorage } from '../../server/storage/postgres-storage';
import { TEST_REDIS_URL } from '../helpers/cluster';
import { dropSchema, freshSchema, TEST_DATABASE_URL } from '../helpers/postgres';

/** Which storage the environment names (server/main.ts passes DATABASE_URL and REDIS_URL). */
describe('openStorage', () => {
  const schema = freshSchema('open');
  afterAll(() => dropSchema(schema));

  it('leaves the embedded SQLite to the server when nothing is set', async () => {
    expect(await openStorage({})).toEqual({});
  });

  it('refuses Redis without Postgres: leases fence Postgres writes', async () => {
    await expect(openStorage({ redisUrl: TEST_REDIS_URL })).rejects.toThrow(/DATABASE_URL/);
  });

  it('opens Postgres alone for one node, and with ownership for several', async () => {
    const single = await openStorage({ databaseUrl: TEST_DATABASE_URL, schema });
    expect(single.storage).toBeInstanceOf(PostgresStorage);
    expect(single.ownership).toBeUndefined();
    await single.storage?.close();
    const several = await openStorage({
      databaseUrl: TEST_DATABASE_URL,
      redisUrl: TEST_REDIS_URL,
      schema,
      nodeId: 'solo',
      redisPrefix: `t:open:${schema}:`,
    });
    expect(several.ownership?.nodeId).toBe('solo');
    await several.storage?.close();
    await several.ownership?.close();
  });

  it('says which service it could not reach', async () => {
    await expect(
      openStorage({
        databaseUrl: TEST_DATABASE_URL,
        redisUrl: 'redis://127.0.0.1:1',
        schema,
      }),
    ).rejects.toThrow(/Redis at redis:\/\/127\.0\.0\.1:1 could not be reached/);
  });
});
