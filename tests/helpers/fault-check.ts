/** The crash itself, and the checks after it, for tests/fault-crash.test.ts. */
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';
import * as Y from 'yjs';
import { type BoardClient, boardClient, boardJson, noteTexts } from './board';
import { holdsAll, keepWriting } from './fault-burst';
import { boardCut, exportJson, type FaultRoom, originals } from './fault-room';
import { heardSince, settle } from './people';
import { type TestClient, waitFor } from './server';

type Open = Array<{ close(): unknown }>;

/** Reconnects go through backoffs; two busy cores make everything slower. */
export const SLOW_MS = 30_000;

/** A running burst: its loops, and the switch that ends them. */
export interface Burst {
  stop(): void;
  /** Resolves once every loop has ended (in-flight commands answered or failed). */
  done: Promise<unknown>;
}

/** Every person types on the board, each on a step of their own (lanes hold 200 notes). */
export function writeAll(room: FaultRoom, running: () => boolean): Array<Promise<string[]>> {
  return room.people.map((m, i) =>
    keepWriting(
      m.board,
      { name: m.name, participantId: m.joined.participantId },
      room.steps[i]!,
      running,
    ),
  );
}

/**
 * SIGKILLs the server with the burst's commands in flight and starts it again, keeping
 * the original clients away (the proxy refuses them) until `everyoneAgrees`: whatever
 * the restarted server shows before that came from its disk, not from a client resending it.
 * Resolves with the number of commands in flight at the kill, and what the server had relayed.
 */
export async function crash(room: FaultRoom, burst: Burst, inFlight: () => number) {
  burst.stop();
  const pending = inFlight();
  room.proxy.refuse(true);
  const exit = await room.server.stop('SIGKILL');
  expect(exit.signal).toBe('SIGKILL');
  await burst.done;
  // What the watcher holds now is exactly what the server relayed before it died.
  await boardCut(room.watcher);
  const relayed = Y.encodeStateAsUpdate(room.watcher.doc);
  const relayedNotes = noteTexts(room.watcher.doc);
  await room.server.restart();
  return { pending, relayed, relayedNotes };
}

/** The restarted server's board holds every update it had relayed before the crash. */
export async function boardKept(
  room: FaultRoom,
  relayed: Uint8Array,
  relayedNotes: Record<string, string>,
  open: Open,
): Promise<BoardClient> {
  const fresh = await boardClient(room.server, room.workshop.id, room.watcherJoin.token, open);
  expect(holdsAll(fresh.doc, relayed)).toBe(true);
  // Through the HTTP export too: every relayed note, its text as relayed or typed on further.
  const exp = await exportJson(room);
  for (const [id, text] of Object.entries(relayedNotes)) {
    const note = exp.notes.find((n) => n.id === id);
    expect(note?.text.startsWith(text), `note ${id}`).toBe(true);
  }
  return fresh;
}

/**
 * Lets the original clients back in and waits until each has reconnected by itself (the
 * same objects) and agrees with the server: the shared state a fresh client has, its own
 * `mineEvent` view, and the board of a fresh client, to the last clock.
 */
export async function everyoneAgrees(
  room: FaultRoom,
  freshFac: TestClient,
  freshOwn: TestClient[],
  freshBoard: BoardClient,
  mineEvent: string,
): Promise<void> {
  const marks = originals(room).map((m) => m.client.heard.length);
  room.proxy.refuse(false);
  for (const [i, m] of originals(room).entries()) {
    await waitFor(
      () =>
        m.client.socket.connected &&
        heardSince(m.client, 'session:you', marks[i]).length > 0 &&
        isDeepStrictEqual(m.client.state, freshFac.state),
      SLOW_MS,
      `${m.name} to reconnect with the server’s state`,
    );
  }
  await settle(freshFac, ...originals(room).map((m) => m.client));
  for (const m of originals(room)) expect(m.client.state, m.name).toEqual(freshFac.state);
  // Their own view (sent on connect, for votes behind queued commands): as a fresh connection's.
  for (const [i, m] of room.people.entries()) {
    const own = freshOwn[i]!;
    const mine = (c: TestClient) => heardSince(c, mineEvent).at(-1);
    await waitFor(
      () => mine(own) !== undefined && isDeepStrictEqual(mine(m.client), mine(own)),
      SLOW_MS,
      `${m.name}’s own ${mineEvent}`,
    );
  }
  // Writers resend what the server lost; then every copy is the same, to the last clock.
  const boards = [...originals(room).map((m) => m.board), room.watcher];
  const same = (b: BoardClient) =>
    b.provider.synced &&
    isDeepStrictEqual(boardJson(b.doc), boardJson(freshBoard.doc)) &&
    isDeepStrictEqual(Y.encodeStateVector(b.doc), Y.encodeStateVector(freshBoard.doc));
  await waitFor(() => boards.every(same), SLOW_MS, 'every board to equal the server’s');
  for (const m of originals(room)) expect(m.board.denied, m.name).toEqual([]);
}
