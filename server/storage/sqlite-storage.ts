import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ControlState, Participant } from '../../lib/domain/workshop';
import { SQLITE_MIGRATIONS } from './sqlite-migrations';
import type {
  ActionRecord,
  DocLog,
  RatingRecord,
  Storage,
  VoteRecord,
  WarmupRecord,
  WorkshopRecord,
} from './storage';

interface WorkshopRow {
  id: string;
  series_id: string;
  title: string;
  template_id: string;
  locale: string;
  join_code: string;
  facilitator_key_hash: string;
  created_at: number;
  control_json: string;
}

function toWorkshop(row: WorkshopRow | undefined): WorkshopRecord | null {
  if (!row) return null;
  return {
    id: row.id,
    seriesId: row.series_id,
    title: row.title,
    templateId: row.template_id,
    locale: row.locale as WorkshopRecord['locale'],
    joinCode: row.join_code,
    facilitatorKeyHash: row.facilitator_key_hash,
    createdAt: row.created_at,
    control: JSON.parse(row.control_json) as ControlState,
  };
}

export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < SQLITE_MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(SQLITE_MIGRATIONS[v] ?? '');
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
 * Embedded storage. better-sqlite3 is synchronous, so every write is on disk (WAL,
 * synchronous=FULL) by the time the returned promise resolves.
 */
export class SqliteStorage implements Storage {
  readonly db: Database.Database;

  constructor(file: string, options: SqliteOptions = {}) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    migrate(this.db);
  }

  static inDataDir(dataDir: string, options: SqliteOptions = {}): SqliteStorage {
    return new SqliteStorage(path.join(dataDir, 'saappaat.sqlite'), options);
  }

  async createWorkshop(w: WorkshopRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO workshops (id, series_id, title, template_id, locale, join_code,
           facilitator_key_hash, created_at, control_json, control_revision)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
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
  }

  async getWorkshop(id: string): Promise<WorkshopRecord | null> {
    return toWorkshop(
      this.db.prepare('SELECT * FROM workshops WHERE id = ?').get(id) as WorkshopRow | undefined,
    );
  }

  async findWorkshopByCode(joinCode: string): Promise<WorkshopRecord | null> {
    return toWorkshop(
      this.db.prepare('SELECT * FROM workshops WHERE join_code = ?').get(joinCode) as
        WorkshopRow | undefined,
    );
  }

  async listSeries(seriesId: string): Promise<WorkshopRecord[]> {
    const rows = this.db
      .prepare('SELECT * FROM workshops WHERE series_id = ? ORDER BY created_at, rowid')
      .all(seriesId) as WorkshopRow[];
    return rows.map((row) => toWorkshop(row) as WorkshopRecord);
  }

  async saveControl(workshopId: string, state: ControlState): Promise<void> {
    this.db
      .prepare(
        `UPDATE workshops SET control_json = ?, control_revision = ?
         WHERE id = ? AND control_revision < ?`,
      )
      .run(JSON.stringify(state), state.revision, workshopId, state.revision);
  }

  async addParticipant(p: Participant): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO participants (id, workshop_id, name, role, lens, persona_id, card_id,
           joined_at, removed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
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
  }

  async updateParticipant(p: Participant): Promise<void> {
    return this.updateParticipants([p]);
  }

  async updateParticipants(people: Participant[]): Promise<void> {
    const update = this.db.prepare(
      `UPDATE participants SET name = ?, role = ?, lens = ?, persona_id = ?, card_id = ?,
         removed_at = ? WHERE id = ? AND workshop_id = ?`,
    );
    this.db.transaction(() => {
      for (const p of people) {
        update.run(p.name, p.role, p.lens, p.personaId, p.cardId, p.removedAt, p.id, p.workshopId);
      }
    })();
  }

  async listParticipants(workshopId: string): Promise<Participant[]> {
    // rowid keeps people who joined in the same millisecond in insertion order.
    return this.db
      .prepare(
        `SELECT id, workshop_id AS workshopId, name, role, lens, persona_id AS personaId,
           card_id AS cardId, joined_at AS joinedAt, removed_at AS removedAt
         FROM participants WHERE workshop_id = ? ORDER BY joined_at, rowid`,
      )
      .all(workshopId) as Participant[];
  }

  async putWarmupAnswer(a: WarmupRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO warmup_answers (workshop_id, participant_id, workplace, customers, updated_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (workshop_id, participant_id) DO UPDATE SET workplace = excluded.workplace,
           customers = excluded.customers, updated_at = excluded.updated_at`,
      )
      .run(a.workshopId, a.participantId, a.workplace, a.customers, a.updatedAt);
  }

  async listWarmupAnswers(workshopId: string): Promise<WarmupRecord[]> {
    return this.db
      .prepare(
        `SELECT workshop_id AS workshopId, participant_id AS participantId, workplace, customers,
           updated_at AS updatedAt
         FROM warmup_answers WHERE workshop_id = ? ORDER BY rowid`,
      )
      .all(workshopId) as WarmupRecord[];
  }

  async putRating(r: RatingRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO ratings (workshop_id, participant_id, step_id, round, valence, emotion,
           expectation, effort, note, role, lens, card_id, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (workshop_id, participant_id, step_id, round) DO UPDATE SET
           valence = excluded.valence, emotion = excluded.emotion,
           expectation = excluded.expectation, effort = excluded.effort, note = excluded.note,
           role = excluded.role, lens = excluded.lens, card_id = excluded.card_id,
           updated_at = excluded.updated_at`,
      )
      .run(
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
  }

  async listRatings(workshopId: string): Promise<RatingRecord[]> {
    return this.db
      .prepare(
        `SELECT workshop_id AS workshopId, participant_id AS participantId, step_id AS stepId,
           round, valence, emotion, expectation, effort, note, role, lens, card_id AS cardId,
           updated_at AS updatedAt
         FROM ratings WHERE workshop_id = ? ORDER BY step_id, round, participant_id`,
      )
      .all(workshopId) as RatingRecord[];
  }

  async putVote(v: VoteRecord): Promise<void> {
    if (v.dots === 0) {
      this.db
        .prepare('DELETE FROM votes WHERE workshop_id = ? AND participant_id = ? AND idea_id = ?')
        .run(v.workshopId, v.participantId, v.ideaId);
      return;
    }
    this.db
      .prepare(
        `INSERT INTO votes (workshop_id, participant_id, idea_id, dots) VALUES (?, ?, ?, ?)
         ON CONFLICT (workshop_id, participant_id, idea_id) DO UPDATE SET dots = excluded.dots`,
      )
      .run(v.workshopId, v.participantId, v.ideaId, v.dots);
  }

  async listVotes(workshopId: string): Promise<VoteRecord[]> {
    return this.db
      .prepare(
        `SELECT workshop_id AS workshopId, participant_id AS participantId, idea_id AS ideaId, dots
         FROM votes WHERE workshop_id = ? ORDER BY idea_id, participant_id`,
      )
      .all(workshopId) as VoteRecord[];
  }

  async putAction(a: ActionRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO actions (id, workshop_id, text, owner, department, due_date, step_id, idea_id,
           created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET text = excluded.text, owner = excluded.owner,
           department = excluded.department, due_date = excluded.due_date,
           step_id = excluded.step_id, idea_id = excluded.idea_id
         WHERE actions.workshop_id = excluded.workshop_id`,
      )
      .run(
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
  }

  async listActions(workshopId: string): Promise<ActionRecord[]> {
    return this.db
      .prepare(
        `SELECT id, workshop_id AS workshopId, text, owner, department, due_date AS dueDate,
           step_id AS stepId, idea_id AS ideaId, created_by AS createdBy, created_at AS createdAt
         FROM actions WHERE workshop_id = ? ORDER BY created_at, rowid`,
      )
      .all(workshopId) as ActionRecord[];
  }

  async deleteAction(workshopId: string, id: string): Promise<void> {
    this.db.prepare('DELETE FROM actions WHERE workshop_id = ? AND id = ?').run(workshopId, id);
  }

  async appendDocUpdate(workshopId: string, update: Uint8Array): Promise<void> {
    this.db
      .prepare('INSERT INTO doc_updates (workshop_id, data) VALUES (?, ?)')
      .run(workshopId, Buffer.from(update.buffer, update.byteOffset, update.byteLength));
  }

  async loadDoc(workshopId: string): Promise<DocLog> {
    const rows = this.db
      .prepare('SELECT seq, data FROM doc_updates WHERE workshop_id = ? ORDER BY seq')
      .all(workshopId) as Array<{ seq: number; data: Buffer }>;
    let bytes = 0;
    const updates = rows.map((r) => {
      bytes += r.data.byteLength;
      return new Uint8Array(r.data);
    });
    return { updates, lastSeq: rows.at(-1)?.seq ?? 0, bytes };
  }

  async compactDoc(workshopId: string, snapshot: Uint8Array, upToSeq: number): Promise<void> {
    this.db.transaction(() => {
      this.db
        .prepare('DELETE FROM doc_updates WHERE workshop_id = ? AND seq <= ?')
        .run(workshopId, upToSeq);
      // The snapshot takes the place of what it replaced: seq = upToSeq keeps it first.
      this.db
        .prepare('INSERT INTO doc_updates (seq, workshop_id, data) VALUES (?, ?, ?)')
        .run(upToSeq, workshopId, Buffer.from(snapshot));
    })();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
