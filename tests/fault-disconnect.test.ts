import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { editNoteText } from '../lib/board/board-doc';
import type { AppServer } from '../server/app-server';
import { boardClient, boardJson, noteTexts, writeNote } from './helpers/board';
import { ok } from './helpers/control';
import { closeAfterEach, heardSince, participantIn, settle } from './helpers/people';
import { rating, revealsSince, withoutKeys } from './helpers/ratings';
import {
  connectClient,
  createWorkshop,
  joinWorkshop,
  startTestServer,
  type TestClient,
  waitFor,
} from './helpers/server';
import { TcpProxy } from './helpers/tcp-proxy';

const open = closeAfterEach();

/**
 * Short heartbeats, so that "longer than the ping timeout" takes seconds, not a minute;
 * not so short that a busy machine's pauses cut off the healthy clients too.
 */
const PING = { intervalMs: 1000, timeoutMs: 1000 };
const YJS_KEEPALIVE_MS = 1000;
/** Waits that span a heartbeat or a reconnect backoff on two busy cores. */
const SLOW = 15_000;

describe('a participant cut off longer than the ping timeout (a laptop asleep)', () => {
  it(
    'comes back by itself as the same person, with the current state and its offline edits',
    {
      timeout: 60_000,
    },
    async () => {
      const server = await startTestServer({
        socketPing: PING,
        yjs: { keepaliveMs: YJS_KEEPALIVE_MS },
      });
      open.push(server);
      // Only the sleeper goes through the proxy; everyone else is connected directly.
      const proxy = await TcpProxy.start({ host: '127.0.0.1', port: server.port });
      open.push(proxy);
      const workshop = await createWorkshop(server);
      const facJoin = await joinWorkshop(
        server,
        workshop.id,
        { name: 'Fran' },
        workshop.facilitatorKey,
      );
      const leaderJoin = await joinWorkshop(server, workshop.id, { name: 'Lea', role: 'leader' });
      const sleeperJoin = await joinWorkshop(server, workshop.id, {
        name: 'Uni',
        role: 'customer',
      });
      const fac = await connectClient(server, facJoin.token);
      open.push(fac);
      const leader = await connectClient(server, leaderJoin.token);
      open.push(leader);
      const sleeper = await connectClient(proxy, sleeperJoin.token);
      open.push(sleeper);
      let sleeperConnects = 1;
      sleeper.socket.on('connect', () => sleeperConnects++);
      const facBoard = await boardClient(server, workshop.id, facJoin.token, open);
      const sleeperBoard = await boardClient(proxy, workshop.id, sleeperJoin.token, open);
      // As the board's presence avatars do. (A state never set has clock 0, which y-protocols
      // does not pass on: the others would see this person only at the 15 s renewal.)
      sleeperBoard.provider.awareness.setLocalStateField('presence', { name: 'Uni' });
      const sleeperStatus: string[] = [];
      sleeperBoard.provider.on('status', ({ status }: { status: string }) =>
        sleeperStatus.push(status),
      );
      const steps = facBoard.doc.getArray<string>('stepOrder').toArray();
      expect(steps.length).toBeGreaterThan(2);

      // The walk is on; both rate the first step, and the sleeper has a note on the board.
      await ok(fac, 'phase:set', { phase: 'walk' });
      await ok(leader, 'rating:put', rating(steps[0]!, { valence: 3, note: 'smooth' }));
      await ok(sleeper, 'rating:put', rating(steps[0]!, { valence: 1, note: 'fine' }));
      writeNote(sleeperBoard.doc, 'u1', 'Before the lid closed', sleeperJoin.participantId);
      await waitFor(() => noteTexts(facBoard.doc).u1 === 'Before the lid closed', 5000, 'u1');
      const sleeperId = sleeper.you?.participantId;
      expect(sleeperId).toBe(sleeperJoin.participantId);
      expect(participantIn(fac.state, sleeperJoin.participantId)?.online).toBe(true);
      await waitFor(
        () => facBoard.provider.awareness.getStates().has(sleeperBoard.doc.clientID),
        SLOW,
        'the sleeper’s presence on the board',
      );

      proxy.freeze();
      // Asleep, the sleeper's copy of the board still takes edits; they wait in its Y.Doc.
      editNoteText(sleeperBoard.doc, 'u1', 'Before the lid closed, and after');
      writeNote(sleeperBoard.doc, 'u2', 'Written while offline', sleeperJoin.participantId, {
        lane: 'ideas',
      });

      // The server gives up on both of its connections: the Socket.io heartbeat times out
      // (the room sees the person offline), and the Yjs socket misses its pongs (its
      // presence leaves the others' awareness). Only a synced copy counts: one that has
      // just reconnected itself has no one's presence until the server greets it with all.
      await waitFor(
        () => participantIn(fac.state, sleeperJoin.participantId)?.online === false,
        SLOW,
        'the server to drop the sleeper’s Socket.io connection',
      );
      await waitFor(
        () =>
          facBoard.provider.synced &&
          !facBoard.provider.awareness.getStates().has(sleeperBoard.doc.clientID),
        SLOW,
        'the server to drop the sleeper’s Yjs connection',
      );

      // Meanwhile the room moves on: the next step, a reveal, a new note, a changed note.
      await ok(fac, 'walk:next');
      await ok(fac, 'reveal:step', { stepId: steps[0] });
      await ok(fac, 'timer:start', { durationMs: 120_000 });
      writeNote(facBoard.doc, 'f1', 'Added while the sleeper slept', facJoin.participantId);
      editNoteText(facBoard.doc, 'u1', 'Fran: Before the lid closed');
      const sleeperMark = sleeper.heard.length;
      const connectsBefore = sleeperConnects;
      // Still asleep: nothing of this reached the sleeper.
      expect(sleeper.state?.control.stepId).toBe(steps[0]);
      expect(noteTexts(sleeperBoard.doc).f1).toBeUndefined();

      proxy.wake();

      // The same client objects reconnect by themselves, as the same participant.
      await waitFor(
        () => sleeperConnects > connectsBefore && sleeper.socket.connected,
        SLOW,
        'the sleeper’s Socket.io client to reconnect',
      );
      await waitFor(
        () => heardSince(sleeper, 'session:you', sleeperMark).length > 0,
        SLOW,
        'session:you after the reconnect',
      );
      expect(heardSince(sleeper, 'session:you', sleeperMark).at(-1)).toMatchObject({
        participantId: sleeperJoin.participantId,
        name: 'Uni',
        role: 'customer',
      });
      // The room holds still one person: the sleeper came back, nobody new joined.
      await waitFor(
        () => participantIn(fac.state, sleeperJoin.participantId)?.online === true,
        SLOW,
        'the room to see the sleeper online again',
      );
      await settle(fac, leader, sleeper);
      expect(fac.state?.participants.map((p) => p.id).sort()).toEqual(
        [facJoin.participantId, leaderJoin.participantId, sleeperJoin.participantId].sort(),
      );
      // The current shared state, exactly as the others have it.
      await waitFor(
        () => isDeepStrictEqual(sleeper.state, fac.state),
        SLOW,
        'the sleeper’s state to equal the facilitator’s',
      );
      expect(sleeper.state?.control).toMatchObject({
        phase: 'walk',
        stepId: steps[1],
        revealed: [`1:${steps[0]}`],
        timer: { status: 'running', durationMs: 120_000 },
      });
      // The reveal that happened while it slept: the same ratings a newcomer gets.
      const fresh = await connectClient(server, leaderJoin.token);
      open.push(fresh);
      await settle(fresh);
      const reveal = (c: TestClient, mark: number) =>
        revealsSince(c, mark)
          .filter((r) => r.replace)
          .at(-1)?.ratings ?? [];
      expect(reveal(fresh, 0)).toHaveLength(2);
      expect(withoutKeys(reveal(sleeper, sleeperMark))).toEqual(withoutKeys(reveal(fresh, 0)));

      // The board converges, the offline edits included, for the sleeper and a newcomer.
      const expected = {
        u1: 'Fran: Before the lid closed, and after',
        u2: 'Written while offline',
        f1: 'Added while the sleeper slept',
      };
      await waitFor(
        () =>
          isDeepStrictEqual(noteTexts(sleeperBoard.doc), expected) &&
          isDeepStrictEqual(noteTexts(facBoard.doc), expected),
        SLOW,
        'the boards to converge',
      );
      const newcomer = await boardClient(server, workshop.id, leaderJoin.token, open);
      await waitFor(
        () => isDeepStrictEqual(boardJson(newcomer.doc), boardJson(sleeperBoard.doc)),
        SLOW,
        'a newcomer’s board to equal the sleeper’s',
      );
      expect(sleeperBoard.denied).toEqual([]);
      // The Yjs connection was really dropped and made anew, not merely resumed.
      expect(sleeperStatus).toContain('disconnected');
      expect(sleeperStatus.at(-1)).toBe('connected');
    },
  );
});

/** Polls the server's own copy of the document until it holds note `id`. */
async function serverHasNote(server: AppServer, workshopId: string, id: string): Promise<void> {
  for (const start = Date.now(); Date.now() - start < SLOW;) {
    if ((await server.rooms.readDoc(workshopId, noteTexts))[id] !== undefined) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`Timed out waiting for note ${id} on the server`);
}

describe('a lone participant asleep while the server unloads the idle workshop', () => {
  it(
    'comes back by itself to the workshop as stored, with what changed and its offline edits',
    { timeout: 60_000 },
    async () => {
      const server = await startTestServer({
        socketPing: PING,
        yjs: { keepaliveMs: YJS_KEEPALIVE_MS },
        idleUnloadMs: 100,
      });
      open.push(server);
      const proxy = await TcpProxy.start({ host: '127.0.0.1', port: server.port });
      open.push(proxy);
      const workshop = await createWorkshop(server);
      const { facilitatorKey } = workshop;
      const facJoin = await joinWorkshop(server, workshop.id, { name: 'Fran' }, facilitatorKey);
      const sleeperJoin = await joinWorkshop(server, workshop.id, { name: 'Uni', role: 'staff' });
      const sleeper = await connectClient(proxy, sleeperJoin.token);
      open.push(sleeper);
      const sleeperBoard = await boardClient(proxy, workshop.id, sleeperJoin.token, open);

      proxy.freeze();
      writeNote(sleeperBoard.doc, 'u1', 'Written asleep', sleeperJoin.participantId);
      // Dropped by the server on both channels, nobody is left: the document is unloaded.
      await waitFor(() => server.rooms.loadedDocs === 0, SLOW, 'the document to be unloaded');

      // The facilitator drops by, finds the sleeper offline, moves on and leaves again.
      const fac = await connectClient(server, facJoin.token);
      open.push(fac);
      await waitFor(
        () => participantIn(fac.state, sleeperJoin.participantId)?.online === false,
        SLOW,
        'the server to drop the sleeper’s Socket.io connection',
      );
      const facBoard = await boardClient(server, workshop.id, facJoin.token, open);
      const steps = facBoard.doc.getArray<string>('stepOrder').toArray();
      await ok(fac, 'phase:set', { phase: 'walk' });
      await ok(fac, 'walk:step', { stepId: steps[1] });
      writeNote(facBoard.doc, 'f1', 'While you slept', facJoin.participantId);
      await serverHasNote(server, workshop.id, 'f1');
      const facState = fac.state!;
      fac.close();
      facBoard.provider.destroy();
      await waitFor(() => server.rooms.loadedDocs === 0, SLOW, 'the document unloaded again');

      const mark = sleeper.heard.length;
      proxy.wake();
      await waitFor(
        () => heardSince(sleeper, 'session:you', mark).length > 0 && sleeper.socket.connected,
        SLOW,
        'the sleeper to reconnect',
      );
      expect(sleeper.you?.participantId).toBe(sleeperJoin.participantId);
      await settle(sleeper);
      expect(sleeper.state?.control).toEqual(facState.control);
      expect(sleeper.state?.control).toMatchObject({ phase: 'walk', stepId: steps[1] });

      const expected = { u1: 'Written asleep', f1: 'While you slept' };
      await waitFor(
        () => isDeepStrictEqual(noteTexts(sleeperBoard.doc), expected),
        SLOW,
        'the sleeper’s board to converge',
      );
      const fresh = await boardClient(server, workshop.id, facJoin.token, open);
      await waitFor(
        () => isDeepStrictEqual(boardJson(fresh.doc), boardJson(sleeperBoard.doc)),
        SLOW,
        'the server’s board to hold the offline note',
      );
      expect(sleeperBoard.denied).toEqual([]);
    },
  );
});
