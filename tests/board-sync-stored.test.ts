/**
 * A newcomer's first sync hands out only what is stored: an edit applied in memory whose
 * write has not finished reaches nobody, not even as part of the whole document that
 * answers someone's sync step 1 (docs/protocol.md, "Each update is appended to storage
 * before it is relayed"). Real SQLite, with its appends held back by a gate.
 */
import { describe, expect, it } from 'vitest';
import { SqliteStorage } from '../server/storage/sqlite-storage';
import { boardClient, hasNote, writeNote } from './helpers/board';
import { closeAfterEach } from './helpers/people';
import {
  createWorkshop,
  joinWorkshop,
  startTestServer,
  tempDataDir,
  waitFor,
} from './helpers/server';
import { sqliteFile } from './helpers/storage-faults';

const open = closeAfterEach();

/** SQLite whose board appends wait until `release()`; everything else is as usual. */
class GatedStorage extends SqliteStorage {
  private gate: Promise<void> | null = null;
  private open: (() => void) | null = null;
  held = 0;

  hold(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }

  release(): void {
    this.open?.();
    this.gate = null;
  }

  override async appendDocUpdate(workshopId: string, update: Uint8Array): Promise<void> {
    if (this.gate) {
      this.held++;
      await this.gate;
    }
    return super.appendDocUpdate(workshopId, update);
  }
}

describe('a newcomer’s sync', () => {
  it('waits until the edits in memory are stored, then includes them', async () => {
    const dataDir = tempDataDir();
    const storage = new GatedStorage(sqliteFile(dataDir));
    const server = await startTestServer({ dataDir, storage });
    open.push(server);
    const w = await createWorkshop(server);
    const fac = await joinWorkshop(server, w.id, { name: 'Fran' }, w.facilitatorKey);
    const lea = await joinWorkshop(server, w.id, { name: 'Lea', role: 'leader' });
    const olli = await joinWorkshop(server, w.id, { name: 'Olli', role: 'observer' });
    const facDoc = await boardClient(server, w.id, fac.token, open);

    storage.hold();
    writeNote(facDoc.doc, 'note-held', 'Not stored yet', fac.participantId);
    await waitFor(() => storage.held > 0, 5000, 'the append to be held');

    // Lea arrives while the note is only in memory: no answer to her sync yet.
    const leaDoc = await boardClient(server, w.id, lea.token, open, { sync: false });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(leaDoc.provider.wsconnected).toBe(true);
    expect(leaDoc.provider.synced).toBe(false);
    expect(hasNote(leaDoc.doc, 'note-held')).toBe(false);

    storage.release();
    await waitFor(() => leaDoc.provider.synced, 5000, 'Lea to sync once the note is stored');
    expect(hasNote(leaDoc.doc, 'note-held')).toBe(true);
    // And later arrivals sync at once with it.
    const olliDoc = await boardClient(server, w.id, olli.token, open);
    expect(hasNote(olliDoc.doc, 'note-held')).toBe(true);
  });
});
