import type { ColumnTypes, SqlDialect } from './dialect';

/**
 * A schema migration. `only` names the one engine it is for (several nodes need columns
 * one embedded server does not).
 */
interface Migration {
  readonly only?: SqlDialect['name'];
  sql(t: ColumnTypes): string;
}

/**
 * The schema migrations of every engine, in order; never edit a released one, add a new
 * one. An engine's schema version is the number of its migrations applied (SQLite keeps
 * it in `PRAGMA user_version`, Postgres in `saappaat_schema`): the Postgres-only fence
 * makes Postgres's version of doc_clients 8 where SQLite's is 7, as it was when each
 * engine had a list of its own. Column types the engines name differently come from `t`;
 * where SQLite orders ties by rowid, Postgres tables carry an identity column `ord`.
 */
const MIGRATIONS: readonly Migration[] = [
  // 1: the foundation
  {
    sql: (t) => `
  CREATE TABLE workshops (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    template_id TEXT NOT NULL,
    locale TEXT NOT NULL,
    join_code TEXT NOT NULL UNIQUE,
    facilitator_key_hash TEXT NOT NULL,
    created_at ${t.bigint} NOT NULL,
    control_json TEXT NOT NULL,
    control_revision INTEGER NOT NULL${t.ordColumn}
  );
  CREATE TABLE participants (
    id TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    joined_at ${t.bigint} NOT NULL${t.ordColumn}
  );
  CREATE INDEX participants_by_workshop ON participants(workshop_id);
  CREATE TABLE ratings (
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    participant_id TEXT NOT NULL,
    step_id TEXT NOT NULL,
    round INTEGER NOT NULL,
    valence INTEGER NOT NULL,
    emotion TEXT NOT NULL,
    expectation TEXT NOT NULL,
    effort INTEGER,
    note TEXT,
    updated_at ${t.bigint} NOT NULL,
    PRIMARY KEY (workshop_id, participant_id, step_id, round)
  );
  CREATE TABLE votes (
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    participant_id TEXT NOT NULL,
    idea_id TEXT NOT NULL,
    dots INTEGER NOT NULL,
    PRIMARY KEY (workshop_id, participant_id, idea_id)
  );
  CREATE TABLE actions (
    id TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    owner TEXT,
    department TEXT,
    due_date TEXT,
    step_id TEXT,
    idea_id TEXT,
    created_at ${t.bigint} NOT NULL${t.ordColumn}
  );
  CREATE INDEX actions_by_workshop ON actions(workshop_id);
  CREATE TABLE doc_updates (
    seq ${t.serialKey},
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    data ${t.bytes} NOT NULL
  );
  CREATE INDEX doc_updates_by_workshop ON doc_updates(workshop_id, seq);
  `,
  },
  // 2: lenses, dealt personas and situation cards, removal (issue 3)
  {
    sql: (t) => `
  ALTER TABLE participants ADD COLUMN lens TEXT NOT NULL DEFAULT 'customer';
  ALTER TABLE participants ADD COLUMN persona_id TEXT;
  ALTER TABLE participants ADD COLUMN card_id TEXT;
  ALTER TABLE participants ADD COLUMN removed_at ${t.bigint};
  `,
  },
  // 3: warm-up answers (issue 4)
  {
    sql: (t) => `
  CREATE TABLE warmup_answers (
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    participant_id TEXT NOT NULL,
    workplace INTEGER NOT NULL,
    customers INTEGER NOT NULL,
    updated_at ${t.bigint} NOT NULL${t.ordColumn},
    PRIMARY KEY (workshop_id, participant_id)
  );
  `,
  },
  // 4: what the rater was when they rated (issue 5): analytics split by role, lens and card
  {
    sql: () => `
  ALTER TABLE ratings ADD COLUMN role TEXT NOT NULL DEFAULT 'customer';
  ALTER TABLE ratings ADD COLUMN lens TEXT NOT NULL DEFAULT 'customer';
  ALTER TABLE ratings ADD COLUMN card_id TEXT;
  `,
  },
  // 5: who created an action (issue 7): participants may edit only their own
  {
    sql: () => `
  ALTER TABLE actions ADD COLUMN created_by TEXT;
  `,
  },
  // 6: runs of the same path (issue 7): a re-run joins its source's series; a workshop
  // made before this began its own series
  {
    sql: (t) => `
  ALTER TABLE workshops ADD COLUMN series_id TEXT NOT NULL DEFAULT '';
  UPDATE workshops SET series_id = id;
  CREATE INDEX workshops_by_series ON workshops(series_id, created_at${t.ordIndex});
  `,
  },
  // 7 (Postgres): several nodes (issue 11): the fencing number of the node that owns the
  // workshop. A node writes a workshop's records only while this equals its lease's number.
  {
    only: 'postgres',
    sql: () => `
  ALTER TABLE workshops ADD COLUMN fence BIGINT NOT NULL DEFAULT 0;
  `,
  },
  // 7 (SQLite), 8 (Postgres): who owns each Yjs client id of a workshop's document
  // (issue 21): kept across restarts, so nobody can take an honest page's id by
  // reconnecting first
  {
    sql: (t) => `
  CREATE TABLE doc_clients (
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    client_id ${t.bigint} NOT NULL,
    participant_id TEXT NOT NULL${t.ordColumn},
    PRIMARY KEY (workshop_id, client_id)
  );
  `,
  },
  // 8 (SQLite), 9 (Postgres): the feeling a rater expects at the next step (issue 24):
  // the promise each step makes; ratings stored before it expected nothing (null)
  {
    sql: () => `
  ALTER TABLE ratings ADD COLUMN expected_next TEXT;
    `,
  },
  // 9 (SQLite), 10 (Postgres): the persona dealt to the rater when they rated (issue 24),
  // to split the curve by persona as by card; ratings stored before it have none
  {
    sql: () => `
  ALTER TABLE ratings ADD COLUMN persona_id TEXT;
  `,
  },
];

/** The migrations of one engine, as SQL: version N is the first N of them applied. */
export function migrationsFor(dialect: SqlDialect): readonly string[] {
  return MIGRATIONS.filter((m) => !m.only || m.only === dialect.name).map((m) =>
    m.sql(dialect.types),
  );
}
