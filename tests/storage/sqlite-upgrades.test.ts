import { afterEach, describe, expect, it } from 'vitest';
import { migrate, SqliteStorage } from '../../server/storage/sqlite-storage';
import { action, rating, workshopRecord } from './fixtures';
import { insertWorkshop, SQLITE_MIGRATIONS, storedAt, tempFile } from './sqlite-files';

/**
 * A file written by an older release opens in this one: each migration runs once, and
 * what older versions stored reads as the newer fields' "none".
 */
describe('SQLite files from older versions', () => {
  const open: SqliteStorage[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });
  function storageAt(file: string): SqliteStorage {
    const s = new SqliteStorage(file);
    open.push(s);
    return s;
  }

  it('applies every migration once and records the version', () => {
    const s = storageAt(tempFile());
    expect(s.db.pragma('user_version', { simple: true })).toBe(SQLITE_MIGRATIONS.length);
    expect(() => migrate(s.db)).not.toThrow();
    expect(s.db.pragma('user_version', { simple: true })).toBe(SQLITE_MIGRATIONS.length);
  });

  it('gives actions stored before version 5 no creator', async () => {
    const { file, old } = storedAt(4);
    const w = workshopRecord();
    insertWorkshop(old, w, 1);
    old
      .prepare(`INSERT INTO actions (id, workshop_id, text, created_at) VALUES (?, ?, ?, ?)`)
      .run('a-old', w.id, 'Vanha toimenpide', 7);
    old.close();
    const s = storageAt(file);
    expect(await s.listActions(w.id)).toEqual([
      action(w.id, { id: 'a-old', text: 'Vanha toimenpide', createdAt: 7 }),
    ]);
  });

  it('puts every workshop stored before version 6 in a series of its own', async () => {
    const { file, old } = storedAt(5);
    const [a, b] = [workshopRecord({ createdAt: 5 }), workshopRecord({ createdAt: 6 })];
    for (const w of [a, b]) insertWorkshop(old, w, 5);
    old.close();
    const s = storageAt(file);
    expect((await s.getWorkshop(a.id))?.seriesId).toBe(a.id);
    expect((await s.listSeries(b.id)).map((w) => w.id)).toEqual([b.id]);
  });

  it('loads ratings stored before version 8 without a feeling expected next', async () => {
    const { file, old } = storedAt(7);
    const w = workshopRecord();
    insertWorkshop(old, w, 5);
    const r = rating(w.id);
    old
      .prepare(
        `INSERT INTO ratings (workshop_id, participant_id, step_id, round, valence, emotion,
           expectation, effort, note, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        w.id,
        r.participantId,
        r.stepId,
        r.round,
        r.valence,
        r.emotion,
        r.expectation,
        null,
        null,
        r.updatedAt,
      );
    old.close();
    const s = storageAt(file);
    const [loaded] = await s.listRatings(w.id);
    expect(loaded).toEqual(r);
    expect(loaded).not.toHaveProperty('expectedNext');
  });

  it('loads ratings stored before version 9 with no persona', async () => {
    const { file, old } = storedAt(8);
    const w = workshopRecord();
    insertWorkshop(old, w, 1);
    const r = rating(w.id, { cardId: 'in-a-hurry', effort: 4 });
    old
      .prepare(
        `INSERT INTO ratings (workshop_id, participant_id, step_id, round, valence, emotion,
           expectation, effort, note, role, lens, card_id, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        w.id,
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
    old.close();
    const s = storageAt(file);
    expect(await s.listRatings(w.id)).toEqual([{ ...r, personaId: null }]);
  });

  it('reopens the same file without re-running migrations or losing rows', async () => {
    const file = tempFile();
    const first = new SqliteStorage(file);
    const w = workshopRecord();
    await first.createWorkshop(w);
    await first.close();
    // A migration run twice would fail on CREATE TABLE; reopening twice proves it is not.
    for (let i = 0; i < 2; i++) {
      const again = new SqliteStorage(file);
      expect(again.db.pragma('user_version', { simple: true })).toBe(SQLITE_MIGRATIONS.length);
      expect(await again.getWorkshop(w.id)).toEqual(w);
      await again.close();
    }
  });
});
