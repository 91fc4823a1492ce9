import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  deleteNote,
  editNoteText,
  groupNotes,
  NOTES_PER_LANE_MAX,
  readNotes,
} from '../lib/board/board-doc';
import { readPath, setStepField } from '../lib/board/path-doc';
import { CloseCode, WriteDenied } from '../lib/protocol/codes';
import { YJS_PATH_PREFIX } from '../lib/protocol/events';
import type { AppServer } from '../server/app-server';
import {
  type BoardClient,
  boardClient,
  boardJson,
  boardRoom,
  FIRST_STEP,
  hasNote,
  noteText,
  noteTexts,
  probe,
  writeNote,
} from './helpers/board';
import { closeAfterEach } from './helpers/people';
import { createWorkshop, joinWorkshop, startTestServer, waitFor } from './helpers/server';

const open = closeAfterEach();

/** A y-websocket client's terminal close: the code it stopped reconnecting on. */
function closedWith(server: AppServer, workshopId: string, token?: string): Promise<number> {
  const provider = new WebsocketProvider(
    server.url.replace('http', 'ws') + YJS_PATH_PREFIX,
    workshopId,
    new Y.Doc(),
    {
      WebSocketPolyfill: WebSocket as never,
      disableBc: true,
      ...(token === undefined ? {} : { params: { token } }),
    },
  );
  open.push({ close: () => provider.destroy() });
  return new Promise((resolve) => provider.on('closed', ({ code }) => resolve(code)));
}

async function denied(client: BoardClient, reason: string): Promise<void> {
  await waitFor(() => client.denied.includes(reason), 5000, `the server to say ${reason}`);
}

describe('who may open the board', () => {
  it('closes a client without a token with 4401 and one for another workshop with 4403', async () => {
    const room = await boardRoom(open);
    const other = await createWorkshop(room.server);
    const stranger = await joinWorkshop(room.server, other.id, { name: 'Sam', role: 'staff' });
    expect(await closedWith(room.server, room.workshop.id)).toBe(CloseCode.UNAUTHORIZED);
    expect(await closedWith(room.server, room.workshop.id, stranger.token)).toBe(
      CloseCode.FORBIDDEN,
    );
  });

  it('lets an observer read the board, drops its edits and tells it read-only', async () => {
    const room = await boardRoom(open);
    const { workshop: w } = room;
    const anna = await boardClient(room.server, w.id, room.anna.token, open);
    writeNote(anna.doc, 'a1', 'Visible to all', room.anna.participantId);
    const olli = await boardClient(room.server, w.id, room.olli.token, open);
    await waitFor(() => noteText(olli.doc, 'a1') === 'Visible to all', 5000, 'the observer reads');

    writeNote(olli.doc, 'o1', 'Observer wrote this', room.olli.participantId);
    editNoteText(olli.doc, 'a1', 'Observer defaced this');
    await waitFor(() => olli.denied.length === 2, 5000, 'two refusals');
    expect(olli.denied).toEqual([WriteDenied.READ_ONLY, WriteDenied.READ_ONLY]);
    await probe(anna, olli); // anything relayed from Olli's edits would have come by now
    const fran = await boardClient(room.server, w.id, room.fac.token, open);
    expect(noteTexts(fran.doc)).toEqual({ a1: 'Visible to all' });
    expect(noteTexts(anna.doc)).toEqual({ a1: 'Visible to all' });
  });
});

describe('what each role may change', () => {
  it('keeps the path to the facilitator: a customer’s step edit is dropped', async () => {
    const room = await boardRoom(open);
    const { workshop: w } = room;
    const anna = await boardClient(room.server, w.id, room.anna.token, open);
    const fran = await boardClient(room.server, w.id, room.fac.token, open);
    const sami = await boardClient(room.server, w.id, room.sami.token, open);
    const title = readPath(fran.doc)[0]!.title;

    setStepField(anna.doc, FIRST_STEP, 'title', 'Renamed by a customer');
    await denied(anna, WriteDenied.PATH_FACILITATORS_ONLY);
    await probe(sami, fran);
    expect(readPath(fran.doc)[0]!.title).toBe(title);
    // The customer's own copy keeps the edit (the UI does not offer it in the first place).
    expect(readPath(anna.doc)[0]!.title).toBe('Renamed by a customer');

    setStepField(fran.doc, FIRST_STEP, 'title', 'Renamed by the facilitator');
    await waitFor(() => readPath(sami.doc)[0]!.title === 'Renamed by the facilitator');
    expect(fran.denied).toEqual([]);
  });

  it('lets a participant change only their own notes, but group anyone’s', async () => {
    const room = await boardRoom(open);
    const { workshop: w } = room;
    const anna = await boardClient(room.server, w.id, room.anna.token, open);
    const sami = await boardClient(room.server, w.id, room.sami.token, open);
    const fran = await boardClient(room.server, w.id, room.fac.token, open);
    writeNote(sami.doc, 's1', 'Sami’s note', room.sami.participantId);
    writeNote(sami.doc, 's2', 'Sami’s other note', room.sami.participantId);
    writeNote(anna.doc, 'a1', 'Anna’s note', room.anna.participantId);
    await waitFor(() => hasNote(anna.doc, 's2') && hasNote(fran.doc, 'a1'), 5000, 'the notes');

    editNoteText(anna.doc, 's1', 'Anna rewrote Sami');
    deleteNote(anna.doc, 's2');
    await waitFor(() => anna.denied.length === 2, 5000, 'two refusals');
    expect(anna.denied).toEqual([WriteDenied.NOT_YOUR_NOTE, WriteDenied.NOT_YOUR_NOTE]);

    editNoteText(anna.doc, 'a1', 'Anna’s note, edited');
    groupNotes(anna.doc, 'g1', FIRST_STEP, 'Waiting on quotes', ['a1', 's1']);
    await waitFor(() => noteText(fran.doc, 'a1') === 'Anna’s note, edited', 5000, 'own edit');
    await probe(anna, fran);
    const byId = readNotes(fran.doc).sort((x, y) => x.id.localeCompare(y.id));
    expect(byId.map((n) => [n.id, n.text, n.groupId])).toEqual([
      ['a1', 'Anna’s note, edited', 'g1'],
      ['s1', 'Sami’s note', 'g1'],
      ['s2', 'Sami’s other note', null],
    ]);
    expect(anna.denied).toHaveLength(2);
  });

  it('lets the facilitator edit and delete anyone’s note', async () => {
    const room = await boardRoom(open);
    const { workshop: w } = room;
    const anna = await boardClient(room.server, w.id, room.anna.token, open);
    const fran = await boardClient(room.server, w.id, room.fac.token, open);
    writeNote(anna.doc, 'a1', 'Edit me', room.anna.participantId);
    writeNote(anna.doc, 'a2', 'Delete me', room.anna.participantId);
    await waitFor(() => hasNote(fran.doc, 'a2'), 5000, 'the notes');
    editNoteText(fran.doc, 'a1', 'Edited by Fran');
    deleteNote(fran.doc, 'a2');
    await waitFor(
      () => isDeepStrictEqual(noteTexts(anna.doc), { a1: 'Edited by Fran' }),
      5000,
      'the facilitator’s edits',
    );
    expect(fran.denied).toEqual([]);
  });

  it('drops participants’ edits with board-locked while locked, not the facilitator’s', async () => {
    const room = await boardRoom(open);
    const { workshop: w } = room;
    const anna = await boardClient(room.server, w.id, room.anna.token, open);
    const sami = await boardClient(room.server, w.id, room.sami.token, open);
    const fran = await boardClient(room.server, w.id, room.fac.token, open);
    writeNote(anna.doc, 'a1', 'Before the lock', room.anna.participantId);
    await waitFor(() => noteText(fran.doc, 'a1') === 'Before the lock');

    expect(await room.facSocket.request('board:lock', { locked: true })).toEqual({ ok: true });
    editNoteText(anna.doc, 'a1', 'During the lock');
    writeNote(sami.doc, 's1', 'During the lock', room.sami.participantId);
    await denied(anna, WriteDenied.BOARD_LOCKED);
    await denied(sami, WriteDenied.BOARD_LOCKED);
    editNoteText(fran.doc, 'a1', 'Fran may write');
    await waitFor(() => noteText(sami.doc, 'a1') === 'Fran may write', 5000, 'the facilitator');
    expect(hasNote(sami.doc, 's1')).toBe(true); // Sami's own copy keeps it…
    expect(hasNote(fran.doc, 's1')).toBe(false); // …nobody else gets it.

    expect(await room.facSocket.request('board:lock', { locked: false })).toEqual({ ok: true });
    writeNote(sami.doc, 's2', 'After the lock', room.sami.participantId);
    await waitFor(() => noteText(fran.doc, 's2') === 'After the lock', 5000, 'writes again');
  });
});

describe('limits', () => {
  it('refuses a note past NOTES_PER_LANE_MAX with lane-full and keeps the lane', async () => {
    const room = await boardRoom(open);
    const { workshop: w } = room;
    const anna = await boardClient(room.server, w.id, room.anna.token, open);
    const fran = await boardClient(room.server, w.id, room.fac.token, open);
    anna.doc.transact(() => {
      for (let i = 0; i < NOTES_PER_LANE_MAX; i++) {
        writeNote(anna.doc, `n${i}`, `pain ${i}`, room.anna.participantId);
      }
    });
    await waitFor(() => readNotes(fran.doc).length === NOTES_PER_LANE_MAX, 5000, 'a full lane');
    writeNote(anna.doc, 'one-too-many', 'no room', room.anna.participantId);
    await denied(anna, WriteDenied.LANE_FULL);
    writeNote(anna.doc, 'elsewhere', 'room here', room.anna.participantId, { lane: 'gains' });
    await waitFor(() => hasNote(fran.doc, 'elsewhere'), 5000, 'another lane');
    expect(hasNote(fran.doc, 'one-too-many')).toBe(false);
    expect(readNotes(fran.doc).filter((n) => n.lane === 'pains')).toHaveLength(NOTES_PER_LANE_MAX);
  });

  it('refuses growth past the size limit with board-full and loses nothing stored', async () => {
    const room = await boardRoom(open, { yjs: { docMaxBytes: 24 * 1024 } });
    const { workshop: w } = room;
    const anna = await boardClient(room.server, w.id, room.anna.token, open);
    const fran = await boardClient(room.server, w.id, room.fac.token, open);
    for (let i = 0; anna.denied.length === 0; i++) {
      if (i > 100) throw new Error('the board never filled up');
      writeNote(anna.doc, `n${i}`, `${i} `.padEnd(400, '.'), room.anna.participantId);
      // Full, even the probe would be refused: wait for the note or the refusal.
      await waitFor(() => anna.denied.length > 0 || hasNote(fran.doc, `n${i}`), 5000, `n${i}`);
    }
    expect(anna.denied).toEqual([WriteDenied.BOARD_FULL]);
    const kept = boardJson(fran.doc);
    const count = readNotes(fran.doc).length;
    expect(count).toBeGreaterThan(10);
    expect(readNotes(anna.doc)).toHaveLength(count + 1); // the refused one, in Anna's copy only

    // Deleting still works when full; a restart brings back exactly what was stored.
    deleteNote(anna.doc, 'n0');
    await waitFor(() => !hasNote(fran.doc, 'n0'), 5000, 'the deletion');
    const { n0: _gone, ...rest } = kept.notes as Record<string, unknown>;
    await room.server.close();
    const again = await startTestServer({ dataDir: room.dataDir });
    open.push(again);
    const fresh = await boardClient(again, w.id, room.fac.token, open);
    expect(boardJson(fresh.doc)).toEqual({ ...kept, notes: rest });
  });
});
