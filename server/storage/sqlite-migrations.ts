/**
 * Versioned schema migrations for SQLite, applied in order at start. Version N is stored
 * in `PRAGMA user_version`; never edit a released migration, add a new one.
 */
export const SQLITE_MIGRATIONS: readonly string[] = [
  // 1: the foundation
  `
  CREATE TABLE workshops (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    template_id TEXT NOT NULL,
    locale TEXT NOT NULL,
    join_code TEXT NOT NULL UNIQUE,
    facilitator_key_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    control_json TEXT NOT NULL,
    control_revision INTEGER NOT NULL
  );
  CREATE TABLE participants (
    id TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    joined_at INTEGER NOT NULL
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
    updated_at INTEGER NOT NULL,
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
    created_at INTEGER NOT NULL
  );
  CREATE INDEX actions_by_workshop ON actions(workshop_id);
  CREATE TABLE doc_updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    data BLOB NOT NULL
  );
  CREATE INDEX doc_updates_by_workshop ON doc_updates(workshop_id, seq);
  `,
  // 2: lenses, dealt personas and situation cards, removal (issue 3)
  `
  ALTER TABLE participants ADD COLUMN lens TEXT NOT NULL DEFAULT 'customer';
  ALTER TABLE participants ADD COLUMN persona_id TEXT;
  ALTER TABLE participants ADD COLUMN card_id TEXT;
  ALTER TABLE participants ADD COLUMN removed_at INTEGER;
  `,
  // 3: warm-up answers (issue 4)
  `
  CREATE TABLE warmup_answers (
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    participant_id TEXT NOT NULL,
    workplace INTEGER NOT NULL,
    customers INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (workshop_id, participant_id)
  );
  `,
  // 4: what the rater was when they rated (issue 5): analytics split by role, lens and card
  `
  ALTER TABLE ratings ADD COLUMN role TEXT NOT NULL DEFAULT 'customer';
  ALTER TABLE ratings ADD COLUMN lens TEXT NOT NULL DEFAULT 'customer';
  ALTER TABLE ratings ADD COLUMN card_id TEXT;
  `,
  // 5: who created an action (issue 7): participants may edit only their own
  `
  ALTER TABLE actions ADD COLUMN created_by TEXT;
  `,
  // 6: runs of the same path (issue 7): a re-run joins its source's series; a workshop
  // made before this began its own series
  `
  ALTER TABLE workshops ADD COLUMN series_id TEXT NOT NULL DEFAULT '';
  UPDATE workshops SET series_id = id;
  CREATE INDEX workshops_by_series ON workshops(series_id, created_at);
  `,
  // 7: who owns each Yjs client id of a workshop's document (issue 21): kept across
  // restarts, so nobody can take an honest page's id by reconnecting first
  `
  CREATE TABLE doc_clients (
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    client_id INTEGER NOT NULL,
    participant_id TEXT NOT NULL,
    PRIMARY KEY (workshop_id, client_id)
  );
  `,
];
