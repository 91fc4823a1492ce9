import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { POSTGRES } from '../../server/storage/dialect';
import { migrationsFor } from '../../server/storage/migrations';
import type { PostgresStorage } from '../../server/storage/postgres-storage';
import { FencedError, type Fencing } from '../../server/storage/storage';
import { connectTestStorage, dropSchema, freshSchema, sql } from '../helpers/postgres';
import { action, participant, rating, workshopRecord } from './fixtures';
import { describeStorageContract } from './storage-contract';

const POSTGRES_MIGRATIONS = migrationsFor(POSTGRES);
const schema = freshSchema('contract');
afterAll(() => dropSchema(schema));

describeStorageContract('Postgres', () => connectTestStorage(schema));

describe('PostgresStorage', () => {
  const open: PostgresStorage[] = [];
  const schemas: string[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
    for (const s of schemas.splice(0)) await dropSchema(s);
  });
  async function storage(fencing?: Fencing, own = schema): Promise<PostgresStorage> {
    const s = await connectTestStorage(own, { fencing });
    open.push(s);
    return s;
  }
  /** A fencing source whose numbers the test sets by hand, as a lease would. */
  function fences(): Fencing & { held: Map<string, number>; lost: string[] } {
    const held = new Map<string, number>();
    const lost: string[] = [];
    return {
      held,
      lost,
      fenceFor: (id) => held.get(id) ?? 0,
      fenced: (id) => lost.push(id),
    };
  }

  describe('migrations', () => {
    it('brings a new schema to the last version, once, even with nodes starting together', async () => {
      const own = freshSchema('migrate');
      schemas.push(own);
      await Promise.all([1, 2, 3].map(() => storage(undefined, own)));
      const [row] = await sql<{ version: number }>(`SELECT version FROM ${own}.saappaat_schema`);
      expect(row?.version).toBe(POSTGRES_MIGRATIONS.length);
      const versions = await sql(`SELECT * FROM ${own}.saappaat_schema`);
      expect(versions).toHaveLength(1);
      const columns = await sql<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns
           WHERE table_schema = $1 AND table_name = 'workshops'`,
        [own],
      );
      expect(columns.map((c) => c.column_name)).toEqual(
        expect.arrayContaining(['series_id', 'fence', 'control_json']),
      );
    });

    it('loads ratings stored before version 9 with no persona', async () => {
      const own = freshSchema('old');
      schemas.push(own);
      const w = workshopRecord();
      const r = rating(w.id, { cardId: 'in-a-hurry', effort: 4 });
      // The schema as a server of version 8 left it, with one rating in it.
      await sql(`CREATE SCHEMA ${own}; SET search_path = ${own};
        ${POSTGRES_MIGRATIONS.slice(0, 8).join(';\n')};
        CREATE TABLE saappaat_schema (version INTEGER NOT NULL);
        INSERT INTO saappaat_schema VALUES (8);
        INSERT INTO workshops (id, title, template_id, locale, join_code, facilitator_key_hash,
          created_at, control_json, control_revision)
          VALUES ('${w.id}', 'Vanha', 'x', 'fi', '${w.joinCode}', 'x', 1, '{}', 1);
        INSERT INTO ratings (workshop_id, participant_id, step_id, round, valence, emotion,
          expectation, effort, note, role, lens, card_id, updated_at)
          VALUES ('${w.id}', '${r.participantId}', '${r.stepId}', ${r.round}, ${r.valence},
            '${r.emotion}', '${r.expectation}', ${r.effort}, NULL, '${r.role}', '${r.lens}',
            '${r.cardId}', ${r.updatedAt});`);
      const s = await storage(undefined, own);
      expect(await s.listRatings(w.id)).toEqual([{ ...r, personaId: null }]);
    });

    it('refuses a schema name that is not a plain identifier', async () => {
      await expect(connectTestStorage('x; DROP TABLE workshops')).rejects.toThrow(/schema name/);
    });
  });

  describe('writes of one workshop', () => {
    it('are stored in the order they were made, however many queue up at once', async () => {
      const s = await storage();
      const w = workshopRecord();
      await s.createWorkshop(w);
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          s.putRating(rating(w.id, { valence: (i % 7) - 3, updatedAt: i })),
        ),
      );
      const [stored] = await s.listRatings(w.id);
      expect(stored?.updatedAt).toBe(39);
      expect(stored?.valence).toBe((39 % 7) - 3);
    });

    it('fail one by one: a refused write among others fails alone', async () => {
      const s = await storage();
      const w = workshopRecord();
      await s.createWorkshop(w);
      const a = participant(w.id, 'Aino', 1);
      const twin = { ...participant(w.id, 'Twin', 2), id: a.id };
      const b = participant(w.id, 'Bertta', 3);
      const results = await Promise.allSettled([
        s.addParticipant(a),
        s.addParticipant(twin),
        s.addParticipant(b),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((await s.listParticipants(w.id)).map((p) => p.name)).toEqual(['Aino', 'Bertta']);
    });

    it('are all on disk once close has resolved', async () => {
      const s = await connectTestStorage(schema);
      const w = workshopRecord();
      await s.createWorkshop(w);
      const writes = Array.from({ length: 20 }, (_, i) =>
        s.putAction(action(w.id, { createdAt: i })),
      );
      await s.close();
      await Promise.all(writes);
      const [row] = await sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${schema}.actions WHERE workshop_id = $1`,
        [w.id],
      );
      expect(row?.n).toBe(20);
    });
  });

  describe('fencing', () => {
    it('lets the creating node write a workshop nobody has claimed yet', async () => {
      const f = fences();
      const s = await storage(f);
      const w = workshopRecord();
      await s.createWorkshop(w);
      await s.appendDocUpdate(w.id, new Uint8Array([1, 2, 3]));
      expect(await s.storedFence(w.id)).toBe(0);
      expect((await s.loadDoc(w.id)).updates).toHaveLength(1);
    });

    it('refuses every write of a node whose fence is older than the stored one, storing nothing', async () => {
      const oldOwner = fences();
      const newOwner = fences();
      const a = await storage(oldOwner);
      const b = await storage(newOwner);
      const w = workshopRecord();
      await a.createWorkshop(w);
      oldOwner.held.set(w.id, 1);
      expect(await a.claimFence(w.id, 1)).toBe(true);
      await a.putRating(rating(w.id, { valence: -3 }));

      newOwner.held.set(w.id, 2);
      expect(await b.claimFence(w.id, 2)).toBe(true);
      const late = [
        a.putRating(rating(w.id, { valence: 3 })),
        a.putVote({ workshopId: w.id, participantId: 'p1', ideaId: 'i', dots: 1 }),
        a.addParticipant(participant(w.id, 'Late', 5)),
        a.appendDocUpdate(w.id, new Uint8Array([9])),
        a.saveControl(w.id, { ...w.control, revision: 99 }),
        a.putAction(action(w.id)),
        a.claimDocClients(w.id, 'p1', [42]),
      ];
      for (const r of await Promise.allSettled(late)) {
        expect(r.status).toBe('rejected');
        expect((r as PromiseRejectedResult).reason).toBeInstanceOf(FencedError);
      }
      expect(oldOwner.lost).toContain(w.id);
      expect((await b.listRatings(w.id))[0]?.valence).toBe(-3);
      expect(await b.listVotes(w.id)).toEqual([]);
      expect(await b.listParticipants(w.id)).toEqual([]);
      expect(await b.listActions(w.id)).toEqual([]);
      expect((await b.loadDoc(w.id)).updates).toEqual([]);
      expect(await b.listDocClients(w.id)).toEqual([]);
      expect((await b.getWorkshop(w.id))?.control.revision).toBe(w.control.revision);
      // The new owner writes on.
      await b.putRating(rating(w.id, { valence: 1 }));
      expect((await b.listRatings(w.id))[0]?.valence).toBe(1);
    });

    it('refuses a node holding no lease once the workshop has been claimed', async () => {
      const owner = fences();
      const s = await storage(owner);
      const stranger = await storage(fences());
      const w = workshopRecord();
      await s.createWorkshop(w);
      owner.held.set(w.id, 4);
      await s.claimFence(w.id, 4);
      await expect(stranger.putVote({ ...voteOf(w.id), dots: 2 })).rejects.toBeInstanceOf(
        FencedError,
      );
      await s.putVote(voteOf(w.id));
      expect(await s.listVotes(w.id)).toEqual([voteOf(w.id)]);
    });

    it('never claims backwards or twice: a stale lease cannot take the fence back', async () => {
      const s = await storage();
      const w = workshopRecord();
      await s.createWorkshop(w);
      expect(await s.claimFence(w.id, 5)).toBe(true);
      expect(await s.claimFence(w.id, 3)).toBe(false);
      // Never the same number twice: two leases cannot share a fence.
      expect(await s.claimFence(w.id, 5)).toBe(false);
      expect(await s.storedFence(w.id)).toBe(5);
      expect(await s.claimFence('no-such-workshop', 9)).toBe(false);
      expect(await s.storedFence('no-such-workshop')).toBeNull();
    });

    it('makes a claim wait for the old owner’s transaction in flight, which then lands before it', async () => {
      const oldOwner = fences();
      const a = await storage(oldOwner);
      const b = await storage(fences());
      const w = workshopRecord();
      await a.createWorkshop(w);
      oldOwner.held.set(w.id, 1);
      await a.claimFence(w.id, 1);
      // Many writes queued at once: one commits while the claim arrives.
      const writes = Array.from({ length: 30 }, (_, i) =>
        a.putAction(action(w.id, { createdAt: i })),
      );
      const claimed = b.claimFence(w.id, 2);
      const settled = await Promise.allSettled(writes);
      expect(await claimed).toBe(true);
      const stored = await b.listActions(w.id);
      const acknowledged = settled.filter((r) => r.status === 'fulfilled').length;
      // Every acknowledged write is stored; every refused one is not.
      expect(stored).toHaveLength(acknowledged);
      for (const r of settled) {
        if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(FencedError);
      }
    });
  });
});

function voteOf(workshopId: string) {
  return { workshopId, participantId: 'p1', ideaId: 'idea', dots: 1 };
}
