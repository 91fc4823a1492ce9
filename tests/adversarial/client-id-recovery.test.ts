import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { editNoteText } from '../../lib/board/board-doc';
import en from '../../lib/i18n/messages/en.json';
import fi from '../../lib/i18n/messages/fi.json';
import { WriteDenied } from '../../lib/protocol/codes';
import type { AppServer } from '../../server/app-server';
import { boardClient, noteText, writeNote } from '../helpers/board';
import { closeAfterEach } from '../helpers/people';
import {
  createWorkshop,
  joinWorkshop,
  startTestServer,
  tempDataDir,
  waitFor,
} from '../helpers/server';
import { sqliteFile } from '../helpers/storage-faults';

const open = closeAfterEach();

/** The browser's globals the store uses: its address, and `ws` as its WebSocket. */
function asBrowser(server: AppServer): void {
  const { protocol, host, hostname, port } = new URL(server.url);
  const location = { protocol, host, hostname, port, href: server.url };
  vi.stubGlobal('location', location);
  vi.stubGlobal('window', { location });
  vi.stubGlobal('WebSocket', WebSocket);
  open.push({ close: () => vi.unstubAllGlobals() });
}

describe('a page whose client id the server refuses', () => {
  it('says so in words, takes a new id and gets what the person wrote stored', async () => {
    const dataDir = tempDataDir();
    const first = await startTestServer({ dataDir });
    const workshop = await createWorkshop(first);
    const anna = await joinWorkshop(first, workshop.id, { name: 'Anna', role: 'customer' });
    const mallory = await joinWorkshop(first, workshop.id, { name: 'Mal', role: 'staff' });
    const sami = await joinWorkshop(first, workshop.id, { name: 'Sami', role: 'staff' });

    asBrowser(first);
    const { useWorkshopDoc } = await import('../../lib/stores/doc-store');
    const seen: Array<string | null> = [];
    open.push({ close: useWorkshopDoc.subscribe((s) => seen.push(s.denied)) });
    useWorkshopDoc.getState().open(workshop.id, anna.token);
    open.push({ close: () => useWorkshopDoc.getState().close() });
    await waitFor(() => useWorkshopDoc.getState().status === 'synced', 5000, 'the page to sync');
    const page = useWorkshopDoc.getState().doc!;
    const refusedId = page.clientID;
    useWorkshopDoc.getState().provider!.awareness.setLocalStateField('user', { name: 'Anna' });
    writeNote(page, 'mine', 'first words', anna.participantId);
    const watcher = await boardClient(first, workshop.id, sami.token, open);
    await waitFor(() => noteText(watcher.doc, 'mine') !== undefined, 5000, 'the first note');
    watcher.provider.destroy();

    // The server stops; the page goes on writing. Meanwhile the stored claim on the page's
    // id is someone else's (as a document stored before claims were kept could have it).
    await first.close();
    editNoteText(page, 'mine', 'first words, and more written offline');
    writeNote(page, 'offline', 'a note written offline', anna.participantId);
    const db = new Database(sqliteFile(dataDir));
    const changed = db
      .prepare('UPDATE doc_clients SET participant_id = ? WHERE workshop_id = ? AND client_id = ?')
      .run(mallory.participantId, workshop.id, refusedId).changes;
    db.close();
    expect(changed).toBe(1);

    const port = Number(new URL(first.url).port);
    const second = await startTestServer({ dataDir, port });
    open.push(second);
    await waitFor(
      () => useWorkshopDoc.getState().recovery === 'done',
      15_000,
      'the page to recover',
    );

    // The person was told, in words in both languages, while it recovered.
    expect(seen).toContain(WriteDenied.NOT_YOUR_CLIENT);
    expect(en.board.denied[WriteDenied.NOT_YOUR_CLIENT]).toMatch(/saved again/);
    expect(fi.board.denied[WriteDenied.NOT_YOUR_CLIENT]).toMatch(/tallennetaan/);
    expect(en.board.clientRecovered).toBeTruthy();
    expect(fi.board.clientRecovered).toBeTruthy();

    const now = useWorkshopDoc.getState();
    expect(now.doc!.clientID).not.toBe(refusedId);
    expect(now.denied).toBeNull();
    const reader = await boardClient(second, workshop.id, sami.token, open);
    await waitFor(
      () => noteText(reader.doc, 'offline') !== undefined,
      5000,
      'the offline note on the server',
    );
    expect(noteText(reader.doc, 'mine')).toBe('first words, and more written offline');
    expect(noteText(reader.doc, 'offline')).toBe('a note written offline');
    // And the new id is the person's.
    const check = new Database(sqliteFile(dataDir), { readonly: true });
    const owner = check
      .prepare('SELECT participant_id AS owner FROM doc_clients WHERE client_id = ?')
      .get(now.doc!.clientID) as { owner: string } | undefined;
    check.close();
    expect(owner?.owner).toBe(anna.participantId);
    // Writing goes on under the new id.
    writeNote(now.doc!, 'later', 'after the recovery', anna.participantId);
    await waitFor(() => noteText(reader.doc, 'later') !== undefined, 5000, 'a later note');
  });
});
