import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deleteNote, editNoteText } from '../../lib/board/board-doc';
import { WriteDenied } from '../../lib/protocol/codes';
import { LIMITS, note, Peer, serverDoc, texts, writer } from './yjs-guard.fixtures';
import { ShareBook, STRUCT_OVERHEAD_BYTES } from './yjs-share';

const ANNA = writer('anna', 'customer');

describe('the share each client holds of a board', () => {
  it('counts what a client wrote, gives deletions back but a tombstone, and counts the same after a reload', () => {
    const server = serverDoc();
    const book = new ShareBook(server);
    const anna = new Peer(server, ANNA);
    const id = anna.doc.clientID;
    expect(book.bytesOf([id])).toBe(0);
    anna.edit((d) => note(d, 'a1', 'anna', 'x'.repeat(400)));
    const written = book.bytesOf([id]);
    expect(written).toBeGreaterThan(400);
    expect(written).toBeLessThan(600);
    anna.edit((d) => editNoteText(d, 'a1', 'short'));
    const edited = book.bytesOf([id]);
    expect(edited).toBeLessThan(written - 350);

    // Compacted into one snapshot and loaded again: about the same (merged structs count once).
    const reloaded = new Y.Doc();
    const again = new ShareBook(reloaded);
    Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(server));
    expect(Math.abs(again.bytesOf([id]) - edited)).toBeLessThan(10 * STRUCT_OVERHEAD_BYTES);

    anna.edit((d) => deleteNote(d, 'a1'));
    expect(book.bytesOf([id])).toBeLessThan(20 * STRUCT_OVERHEAD_BYTES);
  });

  it('refuses inserts past the writer’s share with share-full, and lets deletions through', () => {
    const server = serverDoc();
    const book = new ShareBook(server);
    const anna = new Peer(server, ANNA);
    const limits = () => ({
      ...LIMITS,
      shareMaxBytes: 2_400,
      shareBytes: book.bytesOf([anna.doc.clientID]),
    });
    expect(anna.edit((d) => note(d, 'a1', 'anna', 'x'.repeat(400)), limits()).denied).toEqual([]);
    expect(anna.edit((d) => note(d, 'a2', 'anna', 'y'.repeat(400)), limits()).denied).toEqual([]);
    expect(anna.edit((d) => note(d, 'a3', 'anna', 'z'.repeat(400)), limits()).denied).toEqual([]);
    expect(anna.edit((d) => note(d, 'a4', 'anna', 'w'.repeat(400)), limits()).denied).toEqual([]);
    expect(anna.edit((d) => note(d, 'a5', 'anna', 'v'.repeat(400)), limits()).denied).toEqual([
      WriteDenied.SHARE_FULL,
    ]);
    expect(anna.edit((d) => deleteNote(d, 'a1'), limits()).denied).toEqual([]);
    expect(anna.edit((d) => note(d, 'a6', 'anna', 'room again'), limits()).denied).toEqual([]);
    expect(Object.keys(texts(server)).sort()).toEqual(['a2', 'a3', 'a4', 'a6']);
  });
});
