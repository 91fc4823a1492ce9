import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { SqliteStorage } from '../../server/storage/sqlite-storage';
import {
  action,
  docContent,
  docFromUpdates,
  editSession,
  participant,
  rating,
  workshopRecord,
} from './fixtures';
import { tempFile } from './sqlite-files';
import { describeStorageContract } from './storage-contract';

/** Puts `sync` in the place of fs.fdatasync (given the real one); restored after each test. */
type SyncDone = (err: NodeJS.ErrnoException | null) => void;

function replaceSync(sync: (fd: number, done: SyncDone, real: typeof fs.fdatasync) => void) {
  const real = fs.fdatasync;
  return vi
    .spyOn(fs, 'fdatasync')
    .mockImplementation(((fd: number, done: SyncDone) =>
      sync(fd, done, real)) as unknown as typeof fs.fdatasync);
}

describeStorageContract('SQLite', async () => new SqliteStorage(tempFile()));

describe('SqliteStorage', () => {
  const open: SqliteStorage[] = [];
  afterEach(async () => {
    vi.restoreAllMocks();
    for (const s of open.splice(0)) await s.close();
  });
  function storageAt(file: string): SqliteStorage {
    const s = new SqliteStorage(file);
    open.push(s);
    return s;
  }

  it('keeps a WAL journal with foreign keys on, and syncs the log itself', () => {
    const s = storageAt(tempFile());
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    // 1 = NORMAL: SQLite does not sync inside commits; the storage syncs the log after them.
    expect(s.db.pragma('synchronous', { simple: true })).toBe(1);
    expect(s.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('resolves writes only once their commit is synced to the write-ahead log on disk', async () => {
    const file = tempFile();
    const s = storageAt(file);
    await s.createWorkshop(workshopRecord({ id: 'w1' }));
    const synced: number[] = [];
    let calls = 0;
    // The real sync, its answer held back a little: time for a write to queue behind it.
    replaceSync((fd, done, real) => {
      calls++;
      real(fd, (err) => {
        synced.push(fs.fstatSync(fd).ino);
        setTimeout(() => done(err), 20);
      });
    });
    const order: string[] = [];
    const first = s.appendDocUpdate('w1', new Uint8Array([1])).then(() => order.push('first'));
    await vi.waitFor(() => expect(calls).toBe(1));
    // Queued while the first batch syncs: committed after it, with a sync of its own.
    const second = s.appendDocUpdate('w1', new Uint8Array([2])).then(() => order.push('second'));
    await Promise.all([first, second]);
    expect(order).toEqual(['first', 'second']);
    const wal = fs.statSync(`${file}-wal`).ino;
    expect(synced).toEqual([wal, wal]);
  });

  it('commits what arrives during a slow sync, syncs it all at once after, and tells in order', async () => {
    const file = tempFile();
    const s = storageAt(file);
    await s.createWorkshop(workshopRecord({ id: 'w1' }));
    const held: Array<() => void> = [];
    const spy = replaceSync((fd, done, real) => real(fd, (err) => held.push(() => done(err))));
    const order: string[] = [];
    const append = (n: number) =>
      s.appendDocUpdate('w1', new Uint8Array([n])).then(() => order.push(`update ${n}`));
    const first = append(1);
    await vi.waitFor(() => expect(held).toHaveLength(1));
    // Two more, in turns of their own, while the first batch's sync is held.
    const second = append(2);
    await new Promise((r) => setImmediate(r));
    const third = append(3);
    await new Promise((r) => setTimeout(r, 20));
    // Not committed yet: they wait for the running sync, and no second sync is started.
    const count = () => {
      const reader = new Database(file, { readonly: true });
      const { n } = reader.prepare('SELECT COUNT(*) AS n FROM doc_updates').get() as { n: number };
      reader.close();
      return n;
    };
    expect(count()).toBe(1);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(order).toEqual([]);
    held[0]!();
    await first;
    // Committed together as soon as it ended, and synced once for both.
    await vi.waitFor(() => expect(held).toHaveLength(2));
    expect(count()).toBe(3);
    expect(order).toEqual(['update 1']);
    held[1]!();
    await Promise.all([second, third]);
    expect(order).toEqual(['update 1', 'update 2', 'update 3']);
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('fails the batch whose sync fails and every write after it, and stops being ready', async () => {
    const s = storageAt(tempFile());
    await s.createWorkshop(workshopRecord({ id: 'w1' }));
    const spy = replaceSync((_fd, done) =>
      setImmediate(() => done(Object.assign(new Error('EIO'), { code: 'EIO' }))),
    );
    await expect(s.appendDocUpdate('w1', new Uint8Array([1]))).rejects.toThrow(/sync failed/);
    // What is committed after a failed sync may be lost whatever later syncs say.
    await expect(s.appendDocUpdate('w1', new Uint8Array([2]))).rejects.toThrow(/sync failed/);
    await expect(s.ping()).rejects.toThrow(/sync failed/);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('creates the directory of its file, and lives in DATA_DIR as saappaat.sqlite', () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'saappaat-dir-')), 'a', 'b');
    storageAt(path.join(dir, 'x.sqlite'));
    expect(fs.existsSync(path.join(dir, 'x.sqlite'))).toBe(true);
    const inDir = SqliteStorage.inDataDir(dir);
    open.push(inDir);
    expect(inDir.db.name).toBe(path.join(dir, 'saappaat.sqlite'));
  });

  it('keeps everything across close and reopen', async () => {
    const file = tempFile();
    const first = new SqliteStorage(file);
    const w = workshopRecord();
    await first.createWorkshop(w);
    const control = { ...w.control, phase: 'reveal' as const, revision: 4 };
    await first.saveControl(w.id, control);
    const people = [participant(w.id, 'Äiti', 1), participant(w.id, 'Ben', 2)];
    for (const p of people) await first.addParticipant(p);
    const r = rating(w.id, { note: 'Lasku tuli väärään osoitteeseen' });
    await first.putRating(r);
    const vote = { workshopId: w.id, participantId: 'p1', ideaId: 'idea-1', dots: 2 };
    await first.putVote(vote);
    const a = action(w.id);
    await first.putAction(a);
    const doc = new Y.Doc();
    for (const u of editSession(doc)) await first.appendDocUpdate(w.id, u);
    await first.close();

    const second = storageAt(file);
    expect(await second.getWorkshop(w.id)).toEqual({ ...w, control });
    expect(await second.findWorkshopByCode(w.joinCode)).toEqual({ ...w, control });
    expect(await second.listParticipants(w.id)).toEqual(people);
    expect(await second.listRatings(w.id)).toEqual([r]);
    expect(await second.listVotes(w.id)).toEqual([vote]);
    expect(await second.listActions(w.id)).toEqual([a]);
    expect(docContent(docFromUpdates((await second.loadDoc(w.id)).updates))).toEqual(
      docContent(doc),
    );
  });

  it('refuses records for a workshop that does not exist', async () => {
    const s = storageAt(tempFile());
    await expect(s.addParticipant(participant('no-such-workshop', 'Ghost', 1))).rejects.toThrow(
      /FOREIGN KEY/,
    );
    await expect(s.appendDocUpdate('no-such-workshop', new Uint8Array([0, 0]))).rejects.toThrow(
      /FOREIGN KEY/,
    );
  });

  it('can be closed twice', async () => {
    const s = new SqliteStorage(tempFile());
    await s.close();
    await expect(s.close()).resolves.toBeUndefined();
  });

  it('works in memory too', async () => {
    const s = storageAt(':memory:');
    const w = workshopRecord();
    await s.createWorkshop(w);
    expect(await s.getWorkshop(w.id)).toEqual(w);
  });
});
