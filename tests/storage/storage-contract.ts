import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ControlState } from '../../lib/domain/workshop';
import {
  type ActionRecord,
  ClientClaimedError,
  type Storage,
  type VoteRecord,
  type WorkshopRecord,
} from '../../server/storage/storage';
import {
  action,
  docContent,
  docFromUpdates,
  editSession,
  participant,
  rating,
  uid,
  workshopRecord,
} from './fixtures';

/**
 * The behaviour every Storage implementation must have. `make` returns a fresh, open
 * storage; the suite closes it after each test.
 *
 * Longer than 300 lines on purpose: it is one suite, run as a whole against each engine
 * (sqlite-storage.test.ts, postgres-storage.test.ts), and an engine's author reads it as
 * the one list of what to honour. Its clauses share the storage and workshop the
 * suite's `beforeEach` opens; split into files, every clause would have to be handed them.
 */
export function describeStorageContract(name: string, make: () => Promise<Storage>): void {
  describe(`Storage contract: ${name}`, () => {
    let storage: Storage;
    let w: WorkshopRecord;

    beforeEach(async () => {
      storage = await make();
      w = workshopRecord();
      await storage.createWorkshop(w);
    });
    afterEach(async () => {
      await storage.close();
    });

    describe('workshops', () => {
      it('gets a created workshop back by id and by join code, field for field', async () => {
        expect(await storage.getWorkshop(w.id)).toEqual(w);
        expect(await storage.findWorkshopByCode(w.joinCode)).toEqual(w);
      });

      it('returns null for an unknown id or code', async () => {
        expect(await storage.getWorkshop(uid('missing'))).toBeNull();
        expect(await storage.findWorkshopByCode('NOPE12')).toBeNull();
      });

      it('refuses a second workshop with the same id or the same join code', async () => {
        await expect(storage.createWorkshop(workshopRecord({ id: w.id }))).rejects.toThrow();
        await expect(
          storage.createWorkshop(workshopRecord({ joinCode: w.joinCode })),
        ).rejects.toThrow();
      });

      it('stores a newer control state', async () => {
        const next: ControlState = {
          ...w.control,
          phase: 'walk',
          enabledPhases: ['lobby', 'walk', 'summary'],
          revision: 2,
          stepId: 'delivery',
          timer: { status: 'running', deadline: 1_800_000_000_000, durationMs: 300_000 },
          readiness: { scope: 'walk:1:delivery', doneIds: ['p1', 'p2'] },
        };
        await storage.saveControl(w.id, next);
        expect((await storage.getWorkshop(w.id))?.control).toEqual(next);
      });

      it('ignores a control state whose revision is not newer', async () => {
        const newer = { ...w.control, phase: 'reveal' as const, revision: 5 };
        await storage.saveControl(w.id, newer);
        await storage.saveControl(w.id, { ...w.control, phase: 'walk', revision: 5 });
        await storage.saveControl(w.id, { ...w.control, phase: 'warmup', revision: 3 });
        expect((await storage.getWorkshop(w.id))?.control).toEqual(newer);
      });
    });

    describe('run series', () => {
      it('lists the runs of a series oldest first, same millisecond in creation order', async () => {
        const later = workshopRecord({ seriesId: w.seriesId, createdAt: w.createdAt + 2000 });
        const same = workshopRecord({ seriesId: w.seriesId, createdAt: w.createdAt + 1000 });
        const twin = workshopRecord({ seriesId: w.seriesId, createdAt: w.createdAt + 1000 });
        const elsewhere = workshopRecord({ createdAt: w.createdAt + 500 });
        for (const r of [later, same, twin, elsewhere]) await storage.createWorkshop(r);
        expect(await storage.listSeries(w.seriesId)).toEqual([w, same, twin, later]);
        expect(await storage.listSeries(elsewhere.id)).toEqual([elsewhere]);
        expect(await storage.listSeries(uid('no-series'))).toEqual([]);
      });

      it('gives a run its series back, by id and by join code', async () => {
        const rerun = workshopRecord({ seriesId: w.id });
        await storage.createWorkshop(rerun);
        expect((await storage.getWorkshop(rerun.id))?.seriesId).toBe(w.id);
        expect((await storage.findWorkshopByCode(rerun.joinCode))?.seriesId).toBe(w.id);
        expect(w.seriesId).toBe(w.id);
      });
    });

    describe('warm-up answers', () => {
      it('stores one answer per participant, replacing an earlier one', async () => {
        const a = {
          workshopId: w.id,
          participantId: 'pa',
          workplace: 9,
          customers: 6,
          updatedAt: 1,
        };
        const b = {
          workshopId: w.id,
          participantId: 'pb',
          workplace: 3,
          customers: 10,
          updatedAt: 2,
        };
        await storage.putWarmupAnswer(a);
        await storage.putWarmupAnswer(b);
        await storage.putWarmupAnswer({ ...a, workplace: 10, updatedAt: 3 });
        expect(await storage.listWarmupAnswers(w.id)).toEqual([
          { ...a, workplace: 10, updatedAt: 3 },
          b,
        ]);
        expect(await storage.listWarmupAnswers('other-workshop')).toEqual([]);
      });
    });

    describe('participants', () => {
      it('lists a workshop’s participants in join order, and only theirs', async () => {
        const other = workshopRecord();
        await storage.createWorkshop(other);
        const late = participant(w.id, 'Åsa Öberg', 3000);
        const early = participant(w.id, 'Anna', 1000);
        const middle = participant(w.id, 'Ben', 2000);
        for (const p of [late, early, middle]) await storage.addParticipant(p);
        await storage.addParticipant(participant(other.id, 'Elsewhere', 500));
        expect(await storage.listParticipants(w.id)).toEqual([early, middle, late]);
      });

      it('keeps the order of arrival for people who joined in the same millisecond', async () => {
        const people = ['Zoe', 'Mia', 'Aino', 'Bo', 'Eeva', 'Kai'].map((n) =>
          participant(w.id, n, 5000),
        );
        for (const p of people) await storage.addParticipant(p);
        expect((await storage.listParticipants(w.id)).map((p) => p.name)).toEqual(
          people.map((p) => p.name),
        );
      });

      it('lists nobody for a workshop without participants', async () => {
        expect(await storage.listParticipants(w.id)).toEqual([]);
      });
    });

    it('updates a participant: role, lens, persona, card and removal', async () => {
      const p = participant(w.id, 'Änni', 10);
      await storage.addParticipant(p);
      const changed = {
        ...p,
        role: 'staff' as const,
        lens: 'staff' as const,
        personaId: 'purchaser',
        cardId: 'in-a-hurry',
        removedAt: 99,
      };
      await storage.updateParticipant(changed);
      expect(await storage.listParticipants(w.id)).toEqual([changed]);
    });

    it('updates several participants together', async () => {
      const a = participant(w.id, 'Aino', 10);
      const b = participant(w.id, 'Bertta', 11);
      await storage.addParticipant(a);
      await storage.addParticipant(b);
      const dealt = [
        { ...a, personaId: 'purchaser' },
        { ...b, cardId: 'in-a-hurry', role: 'leader' as const },
      ];
      await storage.updateParticipants(dealt);
      expect(await storage.listParticipants(w.id)).toEqual(dealt);
    });

    describe('ratings', () => {
      it('stores a rating with its nulls and replaces it on the same participant, step and round', async () => {
        await storage.putRating(rating(w.id));
        const changed = rating(w.id, {
          valence: 2,
          emotion: 'happy',
          expectation: 'better',
          effort: 3,
          note: 'Nopea ✓',
          updatedAt: 2000,
        });
        await storage.putRating(changed);
        expect(await storage.listRatings(w.id)).toEqual([changed]);
      });

      it('stores the feeling expected at the next step, and clears it when a rating drops it', async () => {
        const expecting = rating(w.id, { expectedNext: 'calm' });
        await storage.putRating(expecting);
        await storage.putRating(rating(w.id, { stepId: 'sales-call' }));
        const listed = await storage.listRatings(w.id);
        expect(listed).toEqual(expect.arrayContaining([expecting]));
        // Said none: the rating comes back without the field, not with a null in it.
        const none = listed.find((r) => r.stepId === 'sales-call');
        expect(none).toBeDefined();
        expect(none).not.toHaveProperty('expectedNext');
        await storage.putRating(rating(w.id, { updatedAt: 3000 }));
        const [cleared] = (await storage.listRatings(w.id)).filter((r) => r.updatedAt === 3000);
        expect(cleared).not.toHaveProperty('expectedNext');
      });

      it('stores the persona and card the rater held, and replaces them with the rating', async () => {
        const held = rating(w.id, { personaId: 'purchaser', cardId: 'in-a-hurry' });
        await storage.putRating(held);
        expect(await storage.listRatings(w.id)).toEqual([held]);
        const dealtAnew = { ...held, personaId: 'site-manager', cardId: null, updatedAt: 2000 };
        await storage.putRating(dealtAnew);
        expect(await storage.listRatings(w.id)).toEqual([dealtAnew]);
      });

      it('keeps ratings of other rounds, steps and people apart', async () => {
        const all = [
          rating(w.id),
          rating(w.id, { round: 2, valence: 1 }),
          rating(w.id, { stepId: 'sales-call' }),
          rating(w.id, { participantId: 'p2', expectation: 'as' }),
        ];
        for (const r of all) await storage.putRating(r);
        const listed = await storage.listRatings(w.id);
        expect(listed).toHaveLength(4);
        expect(listed).toEqual(expect.arrayContaining(all));
      });
    });

    describe('votes', () => {
      it('stores dots and replaces them on the same participant and idea', async () => {
        const vote: VoteRecord = {
          workshopId: w.id,
          participantId: 'p1',
          ideaId: 'idea-1',
          dots: 1,
        };
        await storage.putVote(vote);
        await storage.putVote({ ...vote, dots: 3 });
        await storage.putVote({ ...vote, ideaId: 'idea-2', dots: 2 });
        expect(await storage.listVotes(w.id)).toEqual(
          expect.arrayContaining([
            { ...vote, dots: 3 },
            { ...vote, ideaId: 'idea-2', dots: 2 },
          ]),
        );
        expect(await storage.listVotes(w.id)).toHaveLength(2);
      });

      it('deletes a vote when its dots go to zero, and accepts zero for a vote never cast', async () => {
        const vote: VoteRecord = {
          workshopId: w.id,
          participantId: 'p1',
          ideaId: 'idea-1',
          dots: 2,
        };
        await storage.putVote(vote);
        await storage.putVote({ ...vote, dots: 0 });
        await storage.putVote({ ...vote, ideaId: 'never-voted', dots: 0 });
        expect(await storage.listVotes(w.id)).toEqual([]);
      });
    });

    describe('actions', () => {
      it('stores an action and updates it in place, keeping when it was created', async () => {
        const first = action(w.id, { createdBy: 'p-creator' });
        await storage.putAction(first);
        const edited: ActionRecord = {
          ...first,
          text: 'Toimituspäivä näkyviin',
          owner: 'Mirja',
          department: 'Logistiikka',
          dueDate: '2026-06-30',
          stepId: 'order-confirmation',
          ideaId: 'idea-1',
          createdBy: 'p-someone-else',
          createdAt: 9999,
        };
        await storage.putAction(edited);
        expect(await storage.listActions(w.id)).toEqual([
          { ...edited, createdBy: 'p-creator', createdAt: first.createdAt },
        ]);
      });

      it('keeps who created an action, or null for nobody in particular', async () => {
        const mine = action(w.id, { createdBy: 'p1', text: 'Sähköposti → tekstiviesti 📱' });
        const nobodys = action(w.id, { createdAt: 2000 });
        await storage.putAction(mine);
        await storage.putAction(nobodys);
        expect(await storage.listActions(w.id)).toEqual([mine, nobodys]);
      });

      it('keeps actions created in the same millisecond in the order they were stored', async () => {
        const ids = ['zz', 'aa', 'mm', 'bb'].map((x) => uid(x));
        for (const id of ids) await storage.putAction(action(w.id, { id, createdAt: 5000 }));
        expect((await storage.listActions(w.id)).map((a) => a.id)).toEqual(ids);
      });

      it('deletes an action, and only that workshop’s', async () => {
        const other = workshopRecord();
        await storage.createWorkshop(other);
        const gone = action(w.id);
        const kept = action(w.id, { createdAt: 2000 });
        const theirs = action(other.id);
        for (const a of [gone, kept, theirs]) await storage.putAction(a);
        await storage.deleteAction(w.id, gone.id);
        await storage.deleteAction(w.id, theirs.id);
        await storage.deleteAction(w.id, uid('never-was'));
        expect(await storage.listActions(w.id)).toEqual([kept]);
        expect(await storage.listActions(other.id)).toEqual([theirs]);
      });

      it('never moves an action to another workshop by putting its id there', async () => {
        const other = workshopRecord();
        await storage.createWorkshop(other);
        const a = action(w.id);
        await storage.putAction(a);
        await storage.putAction({ ...a, workshopId: other.id, text: 'hijacked' }).catch(() => {});
        expect(await storage.listActions(w.id)).toEqual([a]);
        expect(await storage.listActions(other.id)).toEqual([]);
      });

      it('lists a workshop’s actions in the order they were created', async () => {
        const b = action(w.id, { createdAt: 2000 });
        const a = action(w.id, { createdAt: 1000 });
        await storage.putAction(b);
        await storage.putAction(a);
        expect((await storage.listActions(w.id)).map((x) => x.id)).toEqual([a.id, b.id]);
      });
    });

    describe('document updates', () => {
      it('loads an empty log for a document never written', async () => {
        expect(await storage.loadDoc(w.id)).toEqual({ updates: [], lastSeq: 0, bytes: 0 });
      });

      it('loads appended updates in order, with their total size, rebuilding the same document', async () => {
        const original = new Y.Doc();
        const updates = editSession(original);
        for (const u of updates) await storage.appendDocUpdate(w.id, u);
        const log = await storage.loadDoc(w.id);
        expect(log.updates.map((u) => Array.from(u))).toEqual(updates.map((u) => Array.from(u)));
        expect(log.bytes).toBe(updates.reduce((n, u) => n + u.byteLength, 0));
        expect(log.lastSeq).toBeGreaterThan(0);
        expect(docContent(docFromUpdates(log.updates))).toEqual(docContent(original));
      });

      it('keeps non-ASCII text intact', async () => {
        const original = new Y.Doc();
        for (const u of editSession(original)) await storage.appendDocUpdate(w.id, u);
        const restored = docFromUpdates((await storage.loadDoc(w.id)).updates);
        expect(restored.getText('text').toString()).toBe('Hyvä päivä — äöå ÄÖÅ 👢 日本語');
        expect(restored.getMap('notes').get('n1')).toBe('Laskun viite on väärä');
      });

      it('accepts an update that is a view into a larger buffer', async () => {
        const original = new Y.Doc();
        const [update] = editSession(original);
        if (!update) throw new Error('no update');
        const padded = new Uint8Array(update.byteLength + 20);
        padded.set(update, 10);
        await storage.appendDocUpdate(w.id, padded.subarray(10, 10 + update.byteLength));
        expect(Array.from((await storage.loadDoc(w.id)).updates[0] ?? [])).toEqual(
          Array.from(update),
        );
      });

      it('compacts the log into one snapshot that rebuilds the identical document', async () => {
        const original = new Y.Doc();
        for (const u of editSession(original)) await storage.appendDocUpdate(w.id, u);
        const log = await storage.loadDoc(w.id);
        const snapshot = Y.encodeStateAsUpdate(docFromUpdates(log.updates));
        await storage.compactDoc(w.id, snapshot, log.lastSeq);
        const compacted = await storage.loadDoc(w.id);
        expect(compacted.updates).toHaveLength(1);
        expect(compacted.bytes).toBe(snapshot.byteLength);
        expect(docContent(docFromUpdates(compacted.updates))).toEqual(docContent(original));
      });

      it('keeps updates appended after the load that compaction was based on, after the snapshot', async () => {
        const original = new Y.Doc();
        const updates = editSession(original);
        for (const u of updates.slice(0, 3)) await storage.appendDocUpdate(w.id, u);
        const log = await storage.loadDoc(w.id);
        for (const u of updates.slice(3)) await storage.appendDocUpdate(w.id, u);
        await storage.compactDoc(
          w.id,
          Y.encodeStateAsUpdate(docFromUpdates(log.updates)),
          log.lastSeq,
        );
        const after = await storage.loadDoc(w.id);
        expect(after.updates).toHaveLength(1 + updates.length - 3);
        expect(after.updates.slice(1).map((u) => Array.from(u))).toEqual(
          updates.slice(3).map((u) => Array.from(u)),
        );
        expect(docContent(docFromUpdates(after.updates))).toEqual(docContent(original));
        // A later append still comes after everything else.
        original.getMap('notes').set('n3', 'after compaction');
        await storage.appendDocUpdate(w.id, Y.encodeStateAsUpdate(original));
        const last = await storage.loadDoc(w.id);
        expect(last.lastSeq).toBeGreaterThan(after.lastSeq);
        expect(docFromUpdates(last.updates).getMap('notes').get('n3')).toBe('after compaction');
      });

      it('keeps each workshop’s document apart', async () => {
        const other = workshopRecord();
        await storage.createWorkshop(other);
        const mine = new Y.Doc();
        for (const u of editSession(mine)) await storage.appendDocUpdate(w.id, u);
        const theirs = new Y.Doc();
        theirs.getMap('notes').set('only', 'theirs');
        await storage.appendDocUpdate(other.id, Y.encodeStateAsUpdate(theirs));
        const log = await storage.loadDoc(w.id);
        await storage.compactDoc(
          w.id,
          Y.encodeStateAsUpdate(docFromUpdates(log.updates)),
          log.lastSeq,
        );
        expect(docContent(docFromUpdates((await storage.loadDoc(other.id)).updates))).toEqual(
          docContent(theirs),
        );
        expect(docContent(docFromUpdates((await storage.loadDoc(w.id)).updates))).toEqual(
          docContent(mine),
        );
      });
    });

    describe('client id claims', () => {
      it('lists a document’s claims in the order they were made; claiming one’s own again changes nothing', async () => {
        expect(await storage.listDocClients(w.id)).toEqual([]);
        await storage.claimDocClients(w.id, 'p1', [7, 2 ** 32 - 1]);
        await storage.claimDocClients(w.id, 'p2', [3]);
        await storage.claimDocClients(w.id, 'p1', [7]);
        await storage.claimDocClients(w.id, 'p1', []);
        expect(await storage.listDocClients(w.id)).toEqual([
          { clientId: 7, participantId: 'p1' },
          { clientId: 2 ** 32 - 1, participantId: 'p1' },
          { clientId: 3, participantId: 'p2' },
        ]);
      });

      it('refuses a claim on another participant’s id, storing none of it; writes beside it go through', async () => {
        await storage.claimDocClients(w.id, 'p1', [7]);
        // Written in one turn: the storage commits them together (SQLite) or in one lane
        // (Postgres); the refused claim fails alone.
        const results = await Promise.allSettled([
          storage.claimDocClients(w.id, 'p2', [8]),
          storage.claimDocClients(w.id, 'p2', [9, 7]),
          storage.appendDocUpdate(w.id, new Uint8Array([1])),
        ]);
        expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
        expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(ClientClaimedError);
        expect(await storage.listDocClients(w.id)).toEqual([
          { clientId: 7, participantId: 'p1' },
          { clientId: 8, participantId: 'p2' },
        ]);
        expect((await storage.loadDoc(w.id)).updates).toHaveLength(1);
      });

      it('has a claim written before an update stored by the time the update is', async () => {
        const claimed = storage.claimDocClients(w.id, 'p1', [11]);
        await storage.appendDocUpdate(w.id, new Uint8Array([1]));
        expect(await storage.listDocClients(w.id)).toEqual([{ clientId: 11, participantId: 'p1' }]);
        await claimed;
      });

      it('keeps each workshop’s claims apart', async () => {
        const other = workshopRecord();
        await storage.createWorkshop(other);
        await storage.claimDocClients(w.id, 'p1', [5]);
        await storage.claimDocClients(other.id, 'p9', [5]);
        expect(await storage.listDocClients(other.id)).toEqual([
          { clientId: 5, participantId: 'p9' },
        ]);
        expect(await storage.listDocClients(w.id)).toEqual([{ clientId: 5, participantId: 'p1' }]);
      });
    });

    it('keeps every record of one workshop out of another’s lists', async () => {
      const other = workshopRecord();
      await storage.createWorkshop(other);
      await storage.putRating(rating(w.id));
      await storage.putVote({ workshopId: w.id, participantId: 'p1', ideaId: 'i', dots: 1 });
      await storage.putAction(action(w.id));
      expect(await storage.listRatings(other.id)).toEqual([]);
      expect(await storage.listVotes(other.id)).toEqual([]);
      expect(await storage.listActions(other.id)).toEqual([]);
    });
  });
}
