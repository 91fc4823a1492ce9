/**
 * The honest side of the fuzz test (tests/fuzz.test.ts): a facilitator and a participant
 * who see each other, and the work they keep doing, round after round, while the
 * attackers send; with what that work should leave behind.
 */
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';
import { editNoteText } from '../../lib/board/board-doc';
import type { MyRating } from '../../lib/domain/ratings';
import type { MyVotes } from '../../lib/domain/votes';
import type { AppServer } from '../../server/app-server';
import { boardClient, type BoardClient, FIRST_STEP, hasNote, writeNote } from './board';
import type { FuzzWorld } from './fuzz-gen';
import { rating, type RatingBody } from './ratings';
import { connectClient, type Joined, type TestClient, waitFor } from './server';

type Open = Array<{ close(): unknown }>;

/** Sends an event that must succeed (the message names the payload: seeds vary). */
export async function ok(c: TestClient, event: string, payload: unknown): Promise<void> {
  const ack = await c.request(event, payload);
  expect(ack, `${event} ${JSON.stringify(payload)}`).toEqual({ ok: true });
}

export interface HonestRoom {
  facJoin: Joined;
  parJoin: Joined;
  fac: TestClient;
  par: TestClient;
  facBoard: BoardClient;
  parBoard: BoardClient;
  /** Each board's own presence, as the board sets it (the step only). */
  local: { presence: { stepId: string } };
  /** Each board's presence as the others see it: vouched for by the server. */
  presence: Map<BoardClient, unknown>;
  /** Every close of an honest connection: no attacker may cause one. */
  honestCloses: string[];
  /** What the participant was last told of her own ratings and dots. */
  mine: { ratings: MyRating[]; votes: MyVotes | null };
  /** Dots the participant was told of that were not whole numbers. */
  badVotes: unknown[];
}

/**
 * Connects the facilitator and the participant on both channels and waits until each
 * sees the other's presence: the roster's role, and no name (new workshops are anonymous).
 */
export async function honestRoom(
  server: AppServer,
  workshopId: string,
  facJoin: Joined,
  parJoin: Joined,
  open: Open,
): Promise<HonestRoom> {
  const fac = await connectClient(server, facJoin.token);
  const par = await connectClient(server, parJoin.token);
  open.push(fac, par);
  const facBoard = await boardClient(server, workshopId, facJoin.token, open);
  const parBoard = await boardClient(server, workshopId, parJoin.token, open);
  const local = { presence: { stepId: FIRST_STEP } };
  const presence = new Map<BoardClient, unknown>();
  for (const [board, role] of [
    [facBoard, 'facilitator'],
    [parBoard, 'staff'],
  ] as const) {
    presence.set(board, { presence: { name: '', role, stepId: FIRST_STEP } });
    board.provider.awareness.setLocalStateField('presence', local.presence);
  }
  const seesPresence = (board: BoardClient, other: BoardClient) =>
    isDeepStrictEqual(
      other.provider.awareness.getStates().get(board.doc.clientID),
      presence.get(board),
    );
  await waitFor(
    () => seesPresence(facBoard, parBoard) && seesPresence(parBoard, facBoard),
    5000,
    'each other’s presence',
  );
  const honestCloses: string[] = [];
  for (const [name, board] of [
    ['facilitator', facBoard],
    ['participant', parBoard],
  ] as const) {
    board.provider.on('connection-close', (e) => honestCloses.push(`${name} yjs ${e?.code}`));
  }
  for (const [name, c] of [
    ['facilitator', fac],
    ['participant', par],
  ] as const) {
    c.socket.on('disconnect', (reason) => honestCloses.push(`${name} socket ${reason}`));
  }
  const mine: HonestRoom['mine'] = { ratings: [], votes: null };
  const badVotes: unknown[] = [];
  par.socket.on('ratings:mine', (r) => (mine.ratings = r));
  par.socket.on('votes:mine', (v) => {
    mine.votes = v;
    if (!Number.isInteger(v.left) || Object.values(v.votes).some((d) => !Number.isInteger(d))) {
      badVotes.push(v);
    }
  });
  return {
    facJoin,
    parJoin,
    fac,
    par,
    facBoard,
    parBoard,
    local,
    presence,
    honestCloses,
    mine,
    badVotes,
  };
}

/** What the honest work should have left: the phase, Paula's ratings and dots, the notes. */
export interface Expected {
  phase: string;
  ratings: Map<string, RatingBody>;
  ballot: Record<string, number>;
  notes: Map<string, { text: string; lane: string; stepId: string; authorId: string }>;
}

const EMOTIONS = [
  ['angry', -3],
  ['unsure', -1],
  ['neutral', 0],
  ['happy', 2],
] as const;

/**
 * Starts the honest work, round after round, on every step but the attackers' (the last):
 * the phases, ratings, notes typed a keystroke at a time, ideas and dots. Each stored idea
 * joins `world`, so the attackers' votes may name it. `finish` stops it after at least
 * three rounds, and rejects with its failure if it failed.
 */
export function startHonestWork(room: HonestRoom, stepIds: string[], world: FuzzWorld) {
  const { fac, par, facBoard, parBoard, facJoin, parJoin } = room;
  const expected: Expected = {
    phase: 'lobby',
    ratings: new Map(),
    ballot: {},
    notes: new Map(),
  };
  async function honestRound(i: number): Promise<void> {
    await ok(fac, 'phase:set', { phase: 'walk' });
    await ok(fac, 'walk:pace', { pace: 'free' });
    const stepId = stepIds[i % (stepIds.length - 1)]!; // not the attackers' step
    await ok(fac, 'walk:step', { stepId });
    expected.phase = 'walk';
    if (i === 0) {
      // Paula rates every step of hers once before anything is revealed: in an anonymous
      // workshop a revealed step takes no first rating (docs/security.md), and leaving
      // the walk reveals each step an attacker rated.
      for (const other of stepIds.slice(0, -1)) {
        const first = rating(other, { emotion: 'neutral', valence: 0, note: 'ensimmäinen' });
        await ok(par, 'rating:put', first);
        expected.ratings.set(other, first);
      }
    }
    const [emotion, valence] = EMOTIONS[i % EMOTIONS.length]!;
    const body = rating(stepId, { emotion, valence, note: `kierros ${i} – “ok”` });
    await ok(par, 'rating:put', body);
    expected.ratings.set(stepId, body);

    const facNote = `fac-${i}`;
    writeNote(facBoard.doc, facNote, `Fasilitaattori ${i}`, facJoin.participantId, {
      lane: 'gains',
    });
    expected.notes.set(facNote, {
      text: `Fasilitaattori ${i}`,
      lane: 'gains',
      stepId: FIRST_STEP,
      authorId: facJoin.participantId,
    });
    // Paula types her note one keystroke at a time, as the note editor sends it.
    const parNote = `par-${i}`;
    writeNote(parBoard.doc, parNote, '', parJoin.participantId);
    const typed = `Asiakas odottaa ${i} päivää`;
    for (let k = 1; k <= typed.length; k++) editNoteText(parBoard.doc, parNote, typed.slice(0, k));
    expected.notes.set(parNote, {
      text: typed,
      lane: 'pains',
      stepId: FIRST_STEP,
      authorId: parJoin.participantId,
    });
    if (i > 0) {
      editNoteText(parBoard.doc, `par-${i - 1}`, `muokattu ${i - 1}`);
      expected.notes.get(`par-${i - 1}`)!.text = `muokattu ${i - 1}`;
    }

    await ok(fac, 'phase:set', { phase: 'ideate' });
    const idea = `idea-${i}`;
    writeNote(parBoard.doc, idea, `Idea ${i}`, parJoin.participantId, { lane: 'ideas' });
    expected.notes.set(idea, {
      text: `Idea ${i}`,
      lane: 'ideas',
      stepId: FIRST_STEP,
      authorId: parJoin.participantId,
    });
    // Relayed to the facilitator means stored on the server: the vote may name it.
    await waitFor(() => hasNote(facBoard.doc, idea), 10_000, `${idea} relayed`);
    world.ideaIds.push(idea);
    await ok(fac, 'phase:set', { phase: 'vote' });
    expected.phase = 'vote';
    if (i > 0) await ok(par, 'vote:set', { ideaId: `idea-${i - 1}`, dots: 0 });
    await ok(par, 'vote:set', { ideaId: idea, dots: 1 });
    expected.ballot = { [idea]: 1 };
    // The clients keep every state they heard; keep only the latest, memory is measured.
    for (const c of [fac, par]) {
      c.states.splice(0, c.states.length - 1);
      c.heard.length = 0;
    }
  }
  let fuzzing = true;
  let rounds = 0;
  const honest = (async () => {
    while (fuzzing || rounds < 3) await honestRound(rounds++);
  })();
  honest.catch(() => undefined); // awaited (and its failure reported) by finish
  return {
    expected,
    /** Stops after the round under way; resolves with the number of rounds. */
    async finish(): Promise<number> {
      fuzzing = false;
      await honest;
      return rounds;
    },
  };
}
