import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  deleteNote,
  groupNotes,
  LANES,
  NOTE_TEXT_MAX_CHARS,
  GROUP_TITLE_MAX_CHARS,
  notesMap,
  readGroups,
  readNotes,
} from '../../lib/board/board-doc';
import { appendCard, personasArray, readPath, setStepField } from '../../lib/board/path-doc';
import { WriteDenied } from '../../lib/protocol/codes';
import {
  type BoardClient,
  boardClient,
  boardRoom,
  handled,
  noteTexts,
  writeNote,
} from '../helpers/board';
import { closeAfterEach } from '../helpers/people';
import { waitFor } from '../helpers/server';

/**
 * Issue 21, item 4: one participant must not stop the board for everyone. The server
 * enforces every limit the UI shows, and no one person can use more than their share of
 * a board: over it their inserts are refused (`share-full`) while deletions pass, and
 * `board-full` stays out of one person's reach.
 */
const open = closeAfterEach();

/** Smaller than the default 8 MiB, so that filling it takes seconds at the rate limits. */
const DOC_MAX_BYTES = 2 * 1024 * 1024;
/** Pacing under the Yjs byte limit (1 MiB burst, 256 KiB/s): the writer is never cut off. */
const BURST_BYTES = 900 * 1024;
const BYTES_PER_SECOND = 230 * 1024;
/** How long the attacker keeps writing at most, and how much it sends at most. */
const ATTACK_MS = 12_000;
const ATTACK_MAX_BYTES = 3 * 1024 * 1024;
const NOTES_PER_UPDATE = 40;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function sentBytes(client: BoardClient): () => number {
  let bytes = 0;
  client.doc.on('update', (u: Uint8Array) => (bytes += u.byteLength));
  return () => bytes;
}

describe('one participant and the board’s room (issue 21, item 4)', () => {
  it('enforces the limits the UI shows: note text, group title, path texts', async () => {
    const room = await boardRoom(open);
    const w = room.workshop.id;
    const anna = await boardClient(room.server, w, room.anna.token, open);
    const fran = await boardClient(room.server, w, room.fac.token, open);
    const me = room.anna.participantId;

    // addNote cuts a text to the limit in the browser; a hostile client does not.
    const uncut = (id: string, text: string) =>
      anna.doc.transact(() => {
        writeNote(anna.doc, id, '', me);
        (notesMap(anna.doc).get(id)!.get('text') as Y.Text).insert(0, text);
      });
    uncut('huge', 'x'.repeat(400_000));
    uncut('one-over', 'y'.repeat(NOTE_TEXT_MAX_CHARS + 1));
    writeNote(anna.doc, 'at-limit', 'z'.repeat(NOTE_TEXT_MAX_CHARS), me);
    writeNote(anna.doc, 'short', 'short', me);
    // Typing past the limit into an existing note.
    (notesMap(anna.doc).get('at-limit')!.get('text') as Y.Text).insert(0, 'more');
    groupNotes(anna.doc, 'g-ok', readPath(anna.doc)[0]!.id, 't'.repeat(GROUP_TITLE_MAX_CHARS), []);
    const long = new Y.Map<unknown>();
    long.set('stepId', readPath(anna.doc)[0]!.id);
    long.set('title', 't'.repeat(GROUP_TITLE_MAX_CHARS + 1));
    anna.doc.getMap('groups').set('g-long', long as never);
    await handled(anna, fran);
    await waitFor(() => noteTexts(fran.doc).short === 'short', 5000, 'the short note');

    const step = readPath(fran.doc)[0]!.id;
    setStepField(fran.doc, step, 'title', 'T'.repeat(121));
    appendCard(personasArray(fran.doc), { id: 'p-long', name: 'P', description: 'd'.repeat(501) });
    setStepField(fran.doc, step, 'description', 'fine');
    await handled(fran, anna);
    await waitFor(() => readPath(anna.doc)[0]!.description === 'fine', 5000, 'the step edit');

    const lengths = Object.fromEntries(
      Object.entries(noteTexts(fran.doc)).map(([id, text]) => [id, text.length]),
    );
    console.log(`[board-fill] note lengths the server kept: ${JSON.stringify(lengths)}`);
    expect(anna.denied).toContain(WriteDenied.TEXT_TOO_LONG);
    expect(fran.denied).toContain(WriteDenied.TEXT_TOO_LONG);
    const fresh = await boardClient(room.server, w, room.sami.token, open);
    expect(lengths).toEqual({ 'at-limit': NOTE_TEXT_MAX_CHARS, short: 5 });
    expect(noteTexts(fresh.doc)).toEqual(noteTexts(fran.doc));
    expect(readGroups(fresh.doc).map((g) => g.id)).toEqual(['g-ok']);
    expect(readPath(fresh.doc)[0]!.title.length).toBeLessThanOrEqual(120);
    expect(
      personasArray(fresh.doc)
        .toJSON()
        .map((p) => p.id),
    ).not.toContain('p-long');
  });

  it('stops one participant at their share; the others and the facilitator still write', async () => {
    const room = await boardRoom(open, { yjs: { docMaxBytes: DOC_MAX_BYTES } });
    const w = room.workshop.id;
    const anna = await boardClient(room.server, w, room.anna.token, open);
    const sami = await boardClient(room.server, w, room.sami.token, open);
    const fran = await boardClient(room.server, w, room.fac.token, open);
    const me = room.anna.participantId;
    const steps = readPath(anna.doc).map((s) => s.id);
    const sent = sentBytes(anna);

    // Anna writes full-length notes as fast as the rate limits allow.
    const start = Date.now();
    let n = 0;
    const refused = () =>
      anna.denied.includes(WriteDenied.SHARE_FULL) || anna.denied.includes(WriteDenied.BOARD_FULL);
    while (!refused() && Date.now() - start < ATTACK_MS && sent() < ATTACK_MAX_BYTES) {
      const allowance = BURST_BYTES + ((Date.now() - start) / 1000) * BYTES_PER_SECOND;
      if (sent() > allowance) {
        await sleep(50);
        continue;
      }
      anna.doc.transact(() => {
        for (let i = 0; i < NOTES_PER_UPDATE; i++, n++) {
          const where = {
            stepId: steps[Math.floor(n / LANES.length) % steps.length]!,
            lane: LANES[n % LANES.length]!,
          };
          writeNote(anna.doc, `a${n}`, `${n} `.padEnd(NOTE_TEXT_MAX_CHARS, 'x'), me, where);
        }
      });
      await sleep(0);
    }
    await handled(anna, fran);
    const kept = readNotes(fran.doc).filter((x) => x.authorId === me);
    const log = await room.server.storage.loadDoc(w);
    console.log(
      `[board-fill] Anna sent ${sent()} bytes in ${Date.now() - start} ms; the server kept ` +
        `${kept.length} of her ${n} notes (${kept.reduce((s, x) => s + x.text.length, 0)} chars); ` +
        `stored log ${log.bytes} bytes; refusals ${JSON.stringify(anna.denied)}`,
    );
    expect(anna.denied).toContain(WriteDenied.SHARE_FULL);
    expect(anna.denied).not.toContain(WriteDenied.BOARD_FULL);
    expect(log.bytes).toBeLessThan(DOC_MAX_BYTES / 2);

    // Over her share, Anna may still delete.
    const before = anna.denied.length;
    deleteNote(anna.doc, kept[0]!.id);
    await handled(anna, fran);
    await waitFor(() => !notesMap(fran.doc).has(kept[0]!.id), 5000, 'Anna’s deletion');
    expect(anna.denied.slice(before)).not.toContain(WriteDenied.SHARE_FULL);

    // Everyone else still writes.
    writeNote(sami.doc, 'sami', 'Sami still writes', room.sami.participantId);
    writeNote(fran.doc, 'fran', 'Fran still writes', room.fac.participantId);
    await handled(sami, anna);
    await handled(fran, anna);
    await waitFor(() => noteTexts(anna.doc).sami !== undefined, 5000, 'Sami’s note');
    await waitFor(() => noteTexts(sami.doc).fran !== undefined, 5000, 'Fran’s note');
    expect([sami.denied, fran.denied]).toEqual([[], []]);

    // The facilitator removes all Anna wrote; then Anna has room again.
    fran.doc.transact(() => {
      for (const note of readNotes(fran.doc))
        if (note.authorId === me) deleteNote(fran.doc, note.id);
    });
    await handled(fran, sami);
    await waitFor(() => readNotes(sami.doc).every((x) => x.authorId !== me), 5000, 'the removal');
    expect(fran.denied).toEqual([]);
    writeNote(anna.doc, 'again', 'Anna again', me);
    await handled(anna, fran);
    await waitFor(() => noteTexts(fran.doc).again === 'Anna again', 5000, 'Anna’s new note');

    const fresh = await boardClient(room.server, w, room.olli.token, open);
    expect(noteTexts(fresh.doc)).toEqual({
      sami: 'Sami still writes',
      fran: 'Fran still writes',
      again: 'Anna again',
    });
  });
});
