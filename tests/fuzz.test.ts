import { isDeepStrictEqual } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import { io as ioClient, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { editNoteText, readNotes } from '../lib/board/board-doc';
import { readPath } from '../lib/board/path-doc';
import type { ConnectionLimits } from '../lib/domain/rate-bucket';
import type { MyRating } from '../lib/domain/ratings';
import type { MyVotes } from '../lib/domain/votes';
import { ErrorCode } from '../lib/protocol/codes';
import { type Ack, PROTOCOL_VERSION, SOCKET_IO_PATH } from '../lib/protocol/events';
import type { AppServer } from '../server/app-server';
import {
  boardClient,
  type BoardClient,
  boardJson,
  FIRST_STEP,
  hasNote,
  probe,
  writeNote,
} from './helpers/board';
import { emission, type FuzzWorld, Rng } from './helpers/fuzz-gen';
import {
  AttackDoc,
  attackBytes,
  awareness,
  FATAL_ATTACKS,
  garbageUpdate,
  pickAttack,
  probeAlive,
  syncUpdate,
  type YjsAttack,
  type YjsTarget,
} from './helpers/fuzz-yjs';
import { rating, type RatingBody } from './helpers/ratings';
import {
  connectClient,
  createWorkshop,
  type Joined,
  joinWorkshop,
  rawSocket,
  rawYjsSocket,
  startTestServer,
  type TestClient,
  waitFor,
} from './helpers/server';

/**
 * Fuzz: at least 10,000 random and mutated messages against a live server while a
 * facilitator and a participant keep working; then the server must be up, its memory
 * bounded, and the honest clients' state intact and identical to a fresh client's.
 *
 * Reproduce a failure with the printed seed: `FUZZ_SEED=<seed> npx vitest run tests/fuzz.test.ts`.
 *
 * The server runs with its rate limits (per person, and new connections per address) out
 * of reach: at the defaults almost every attacker message would be refused (or its
 * connection closed) before a validator saw it, and this test is about the validators.
 * The limits have their own tests (tests/rate-limits.test.ts, tests/adversarial/).
 */
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** Socket.io events from three attacker connections (participant, observer, screen). */
const SOCKET_EVENTS = 6_000;
/** Raw Yjs messages from three raw websockets (the same three identities). */
const YJS_MESSAGES = 4_500;
/** Raw Engine.io frames, one per connection (each usually ends it). */
const RAW_IO_FRAMES = 150;
const UNLIMITED = { burst: 1e9, perSecond: 1e9 };
const FUZZ_LIMITS: ConnectionLimits = {
  socketEvents: UNLIMITED,
  socketRefusals: UNLIMITED,
  yjsMessages: UNLIMITED,
  yjsBytes: UNLIMITED,
  connects: UNLIMITED,
};
/** Heap growth allowed over the whole run, measured after garbage collection. */
const HEAP_GROWTH_MAX_BYTES = 100 * 1024 * 1024;

const open: Array<{ close(): unknown }> = [];
afterAll(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

interface Stats {
  socketSent: number;
  yjsSent: number;
  rawIoSent: number;
  acks: Record<string, number>;
  /** Acknowledgements that never came: the connection dropped (e.g. over the transport limit). */
  lostAcks: number;
  /** Anything that is not `{ ok: true }` or a named error. */
  malformedAcks: unknown[];
  internal: unknown[];
  protocolErrors: Record<string, number>;
  yjsCloses: Record<number, number>;
  yjsDenied: Record<string, number>;
  yjsAttacks: Partial<Record<YjsAttack, number>>;
  /** Messages from the server an attacker's Y.Doc could not read (an honest one would choke). */
  unreadable: number;
}

/** `gc` if this process can have it: --expose-gc, or switched on now (works in Node). */
function findGc(): (() => void) | null {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return existing;
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
}

function heapUsed(gc: (() => void) | null): number {
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
}

async function screenToken(server: AppServer, workshopId: string, key: string): Promise<string> {
  const res = await fetch(`${server.url}/api/workshops/${workshopId}/screens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}` },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

function attackerSocket(server: AppServer, token: string): Socket {
  const socket = ioClient(server.url, {
    path: SOCKET_IO_PATH,
    auth: { v: PROTOCOL_VERSION, token },
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
  });
  open.push(socket);
  return socket;
}

const tick = () => new Promise((r) => setImmediate(r));

it(`survives 10,000+ random and mutated messages while honest clients work (seed ${SEED})`, async () => {
  console.log(`[fuzz] seed ${SEED} (FUZZ_SEED=${SEED} to repeat)`);
  const started = Date.now();
  const errors: string[] = [];
  const consoleError = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    errors.push(args.map((a) => (a instanceof Error ? a.stack : String(a))).join(' '));
  });
  const gc = findGc();
  const stats: Stats = {
    socketSent: 0,
    yjsSent: 0,
    rawIoSent: 0,
    acks: {},
    lostAcks: 0,
    malformedAcks: [],
    internal: [],
    protocolErrors: {},
    yjsCloses: {},
    yjsDenied: {},
    yjsAttacks: {},
    unreadable: 0,
  };

  // ---- The room: two honest people, three attackers. ----
  const server = await startTestServer({ rateLimits: FUZZ_LIMITS, acceptLimit: null });
  open.push(server);
  const w = await createWorkshop(server);
  const facJoin = await joinWorkshop(server, w.id, { name: 'Fran' }, w.facilitatorKey);
  const parJoin = await joinWorkshop(server, w.id, { name: 'Paula', role: 'staff' });
  const mallory = await joinWorkshop(server, w.id, { name: 'Mallory', role: 'customer' });
  const oscar = await joinWorkshop(server, w.id, { name: 'Oscar', role: 'observer' });
  const screen = await screenToken(server, w.id, w.facilitatorKey);

  const fac = await connectClient(server, facJoin.token);
  const par = await connectClient(server, parJoin.token);
  open.push(fac, par);
  const facBoard = await boardClient(server, w.id, facJoin.token, open);
  const parBoard = await boardClient(server, w.id, parJoin.token, open);
  // Their presence, as the board sets it (the step only); each sees the other's before
  // the fuzz starts, as the server vouches for it: the roster's role, and no name (new
  // workshops are anonymous).
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
  // No attacker may cut an honest connection: every close of theirs is a finding.
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
  let parRatings: MyRating[] = [];
  let parVotes: MyVotes | null = null;
  const badVotes: unknown[] = [];
  par.socket.on('ratings:mine', (r) => (parRatings = r));
  par.socket.on('votes:mine', (v) => {
    parVotes = v;
    if (!Number.isInteger(v.left) || Object.values(v.votes).some((d) => !Number.isInteger(d))) {
      badVotes.push(v);
    }
  });

  const stepIds = readPath(facBoard.doc).map((s) => s.id);
  expect(stepIds.length).toBeGreaterThan(1);
  const attackStep = stepIds.at(-1)!;
  const pathBefore = pick(boardJson(facBoard.doc), [
    'steps',
    'stepOrder',
    'personas',
    'situations',
  ]);
  const world: FuzzWorld = {
    stepIds,
    participantIds: [facJoin, parJoin, mallory, oscar].map((j) => j.participantId),
    ideaIds: [],
    actionIds: [],
  };
  const heapBefore = heapUsed(gc);

  // ---- Honest work, round after round, until the fuzz is done. ----
  const ok = async (c: TestClient, event: string, payload: unknown) => {
    const ack = await c.request(event, payload);
    expect(ack, `${event} ${JSON.stringify(payload)}`).toEqual({ ok: true });
  };
  const expected = {
    phase: 'lobby' as string,
    ratings: new Map<string, RatingBody>(),
    ballot: {} as Record<string, number>,
    notes: new Map<string, { text: string; lane: string; stepId: string; authorId: string }>(),
  };
  const emotions = [
    ['angry', -3],
    ['unsure', -1],
    ['neutral', 0],
    ['happy', 2],
  ] as const;
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
    const [emotion, valence] = emotions[i % emotions.length]!;
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
  honest.catch(() => undefined); // awaited (and its failure reported) after the fuzz

  // ---- Socket.io attackers. ----
  const record = (err: unknown, ack: unknown) => {
    if (err) return void stats.lostAcks++;
    const a = ack as Ack;
    if (a?.ok === true) return void (stats.acks.ok = (stats.acks.ok ?? 0) + 1);
    const code = a?.ok === false ? a.error?.code : undefined;
    if (!code || !(Object.values(ErrorCode) as string[]).includes(code))
      return void stats.malformedAcks.push(ack);
    if (code === ErrorCode.INTERNAL) stats.internal.push(a);
    stats.acks[code] = (stats.acks[code] ?? 0) + 1;
  };
  async function socketAttack(token: string, rng: Rng, quota: number): Promise<void> {
    const socket = attackerSocket(server, token);
    socket.on('protocol:error', (e: { code?: string }) => {
      const code = String(e?.code);
      stats.protocolErrors[code] = (stats.protocolErrors[code] ?? 0) + 1;
      if (code === ErrorCode.INTERNAL) stats.internal.push(e);
    });
    let sent = 0;
    while (sent < quota) {
      if (!socket.connected) await waitFor(() => socket.connected, 10_000, 'attacker reconnect');
      const acks: Array<Promise<void>> = [];
      for (let i = 0; i < 30 && sent < quota && socket.connected; i++) {
        const { event, args, withAck } = emission(rng, world);
        try {
          if (withAck) {
            const timed = socket.timeout(10_000) as unknown as { emit(...a: unknown[]): void };
            acks.push(
              new Promise<void>((resolve) => {
                timed.emit(event, ...args, (err: unknown, ack: unknown) => {
                  record(err, ack);
                  resolve();
                });
              }),
            );
          } else (socket as unknown as { emit(...a: unknown[]): void }).emit(event, ...args);
        } catch {
          continue; // the client refused to encode it (e.g. a reserved name): not sent
        }
        sent++;
        stats.socketSent++;
      }
      await Promise.all(acks);
      await tick();
    }
    socket.close();
  }

  // ---- Raw Yjs attackers. ----
  const victimClients = [facBoard.doc.clientID, parBoard.doc.clientID];
  async function yjsAttack(token: string, self: string, rng: Rng, quota: number): Promise<void> {
    const target: YjsTarget = {
      self,
      victims: [facJoin.participantId, parJoin.participantId],
      victimClients,
      attackStep,
      stepIds,
    };
    const counter = { n: 0 };
    let sent = 0;
    // One copy of the document across reconnects: each new connection's first sync step 1
    // then costs the server (and this test) only the difference.
    const doc = new AttackDoc();
    while (sent < quota) {
      const raw = rawYjsSocket(server, w.id, token);
      raw.ws.on('message', (data: Buffer) => {
        const got = doc.receive(new Uint8Array(data));
        if (!got.ok) stats.unreadable++;
        if (got.denied) stats.yjsDenied[got.denied] = (stats.yjsDenied[got.denied] ?? 0) + 1;
      });
      await Promise.race([raw.opened, raw.closed]);
      let alive = await probeAlive(raw.ws, raw.closed, Y.encodeStateVector(doc.replica));
      if (alive) {
        sent++;
        stats.yjsSent++;
      }
      while (alive && sent < quota) {
        let ended = false;
        for (let i = 0; i < 8 && !ended && sent < quota; i++) {
          const attack = pickAttack(rng);
          const bytes = attackBytes(attack, rng, doc, target, counter);
          if (!bytes || raw.ws.readyState !== raw.ws.OPEN) continue;
          // Now and then the same bytes as a text frame, which is refused for its type.
          if (rng.chance(0.005)) {
            raw.ws.send(Buffer.from(bytes).toString('latin1'));
            ended = true;
          } else raw.ws.send(bytes);
          sent++;
          stats.yjsSent++;
          stats.yjsAttacks[attack] = (stats.yjsAttacks[attack] ?? 0) + 1;
          if (FATAL_ATTACKS.has(attack)) ended = true;
        }
        alive = await probeAlive(raw.ws, raw.closed, Y.encodeStateVector(doc.replica));
        if (alive) {
          sent++;
          stats.yjsSent++;
        }
      }
      raw.ws.close();
      const { code } = await raw.closed;
      stats.yjsCloses[code] = (stats.yjsCloses[code] ?? 0) + 1;
    }
    doc.destroy();
  }

  // ---- Raw Engine.io frames: what socket.io-client would never send. ----
  async function rawIoAttack(token: string, rng: Rng, count: number): Promise<void> {
    const frames = [
      '42[',
      '42["phase:set",{"phase":',
      '42{}',
      '42[]',
      '42[null]',
      '42[1,2,3]',
      '42["disconnect"]',
      '42["__proto__",{"polluted":"yes"}]',
      '42["constructor",{}]',
      '42/other,["phase:next",{}]',
      '451-["rating:put",{"_placeholder":true,"num":0}]',
      '451-["rating:put",{"_placeholder":true,"num":7}]',
      '4599-["rating:put",{}]',
      '43',
      '431["unsolicited"]',
      '41',
      '40{}',
      '44{"message":"x"}',
      '4' + 'x'.repeat(100),
      '9',
      '',
      '42["vote:set",{"ideaId":"__proto__","dots":1,"__proto__":{"polluted":"yes"}}]',
    ];
    for (let i = 0; i < count; i++) {
      const raw = rawSocket(server, `${SOCKET_IO_PATH}/?EIO=4&transport=websocket`);
      const frame = rng.chance(0.15) ? Buffer.from(rng.bytes(1 + rng.int(30))) : rng.pick(frames);
      let done = false;
      raw.ws.on('message', (data: Buffer) => {
        const text = String(data);
        if (text.startsWith('0{'))
          raw.ws.send(`40${JSON.stringify({ v: PROTOCOL_VERSION, token })}`);
        else if (text.startsWith('40') && !done) {
          done = true;
          raw.ws.send(frame);
          stats.rawIoSent++;
          // A harmless request after it: answered if the frame did not end the connection.
          raw.ws.send('4299["time:sync",{}]');
        } else if (text.startsWith('4399')) raw.ws.close();
      });
      // Some frames leave the connection open and silent (a disconnect packet, a binary
      // event waiting for its attachments): then this side ends it.
      const giveUp = setTimeout(() => raw.ws.close(), 300);
      await raw.closed;
      clearTimeout(giveUp);
    }
  }

  const seeds = new Rng(SEED);
  const child = () => new Rng(seeds.int(2 ** 31));
  const attackers = [
    { token: mallory.token, self: mallory.participantId },
    { token: oscar.token, self: oscar.participantId },
    { token: screen, self: 'screen' },
  ];
  const fuzzStart = Date.now();
  const finished: Record<string, number> = {};
  const timed = async (name: string, run: Promise<void>) => {
    await run;
    finished[name] = Date.now() - fuzzStart;
  };
  await Promise.all([
    ...attackers.map((a, i) =>
      timed(`io${i}`, socketAttack(a.token, child(), SOCKET_EVENTS / attackers.length)),
    ),
    ...attackers.map((a, i) =>
      timed(`yjs${i}`, yjsAttack(a.token, a.self, child(), YJS_MESSAGES / attackers.length)),
    ),
    timed('rawIo', rawIoAttack(mallory.token, child(), RAW_IO_FRAMES)),
  ]);
  fuzzing = false;
  await honest;
  const fuzzMs = Date.now() - started;

  // ---- Afterwards: one more honest edit each, then everyone settles. ----
  writeNote(parBoard.doc, 'after', 'Vielä toimii', parJoin.participantId);
  expected.notes.set('after', {
    text: 'Vielä toimii',
    lane: 'pains',
    stepId: FIRST_STEP,
    authorId: parJoin.participantId,
  });
  await ok(fac, 'phase:set', { phase: 'walk' });
  expected.phase = 'walk';
  await probe(parBoard, facBoard);
  await probe(facBoard, parBoard);

  // The server is up: health, and a newcomer joins and syncs both channels.
  const health = await fetch(`${server.url}/healthz`);
  expect(health.status).toBe(200);
  const freshJoin: Joined = await joinWorkshop(server, w.id, { name: 'Uusi', role: 'staff' });
  const fresh = await connectClient(server, freshJoin.token);
  open.push(fresh);
  const freshBoard: BoardClient = await boardClient(server, w.id, freshJoin.token, open);
  await probe(facBoard, freshBoard);
  await probe(freshBoard, parBoard);
  await probe(parBoard, facBoard);
  const heapAfter = heapUsed(gc);

  // ---- What the fuzz did. ----
  const total = stats.socketSent + stats.yjsSent + stats.rawIoSent;
  const summary = {
    seed: SEED,
    sent: { total, socketIo: stats.socketSent, yjs: stats.yjsSent, rawEngineIo: stats.rawIoSent },
    honestRounds: rounds,
    fuzzMs,
    finished,
    heapMiB: {
      before: +(heapBefore / 2 ** 20).toFixed(1),
      after: +(heapAfter / 2 ** 20).toFixed(1),
      gc: gc !== null,
    },
    acks: stats.acks,
    lostAcks: stats.lostAcks,
    protocolErrors: stats.protocolErrors,
    yjsCloses: stats.yjsCloses,
    yjsDenied: stats.yjsDenied,
    yjsAttacks: stats.yjsAttacks,
  };
  console.log(`[fuzz] ${JSON.stringify(summary)}`);
  consoleError.mockRestore();

  const why = `seed ${SEED}`;
  expect(total, why).toBeGreaterThanOrEqual(10_000);
  expect(honestCloses, why).toEqual([]);
  // Every answer was success or a named error, and no handler ever failed.
  expect(stats.malformedAcks, why).toEqual([]);
  expect(stats.internal, why).toEqual([]);
  // Nothing the server (or an honest client) logged as an error.
  expect(errors, why).toEqual([]);
  expect(stats.unreadable, why).toBe(0);
  expect(badVotes, why).toEqual([]);
  // Nothing reached Object.prototype (the server runs in this process).
  expect(({} as Record<string, unknown>).polluted, why).toBeUndefined();
  expect(({} as Record<string, unknown>).isAdmin, why).toBeUndefined();
  // Memory: bounded growth over the whole run.
  expect(heapAfter - heapBefore, why).toBeLessThan(HEAP_GROWTH_MAX_BYTES);

  // ---- The honest clients' work is all there, and everyone agrees. ----
  for (const [name, board] of [
    ['facilitator', facBoard],
    ['participant', parBoard],
    ['newcomer', freshBoard],
  ] as const) {
    const notes = new Map(readNotes(board.doc).map((n) => [n.id, n]));
    for (const [id, note] of expected.notes) {
      expect(notes.get(id), `${name}: ${id} ${why}`).toMatchObject(note);
    }
    expect(
      pick(boardJson(board.doc), ['steps', 'stepOrder', 'personas', 'situations']),
      `${name}: the path ${why}`,
    ).toEqual(pathBefore);
  }
  // Nobody wrote under an honest client's Yjs id (Yjs would have switched to a new id on
  // noticing), and nobody rewrote or removed their presence.
  expect([facBoard.doc.clientID, parBoard.doc.clientID], why).toEqual(victimClients);
  for (const [board, other] of [
    [facBoard, parBoard],
    [parBoard, facBoard],
  ] as const) {
    expect(board.provider.awareness.getLocalState(), why).toEqual(local);
    expect(other.provider.awareness.getStates().get(board.doc.clientID), why).toEqual(
      presence.get(board),
    );
  }
  expect(boardJson(parBoard.doc), why).toEqual(boardJson(facBoard.doc));
  expect(boardJson(freshBoard.doc), why).toEqual(boardJson(facBoard.doc));
  const snapshot = (b: BoardClient) => Y.snapshot(b.doc);
  expect(Y.equalSnapshots(snapshot(parBoard), snapshot(facBoard)), why).toBe(true);
  expect(Y.equalSnapshots(snapshot(freshBoard), snapshot(facBoard)), why).toBe(true);

  expect(
    Object.fromEntries(parRatings.map((r) => [r.stepId, pick(r, Object.keys(rating('x')))])),
    why,
  ).toEqual(Object.fromEntries(expected.ratings));
  expect(parVotes, why).toMatchObject({ votes: expected.ballot, left: 4 });
  // The last workshop:state of each honest client is the newcomer's.
  await waitFor(
    () => isDeepStrictEqual(fac.state, fresh.state) && isDeepStrictEqual(par.state, fresh.state),
    10_000,
    'the same workshop:state everywhere',
  ).catch(() => undefined); // the assertions below say what differs
  expect(fac.state, why).toEqual(fresh.state);
  expect(par.state, why).toEqual(fresh.state);
  expect(fresh.state?.control.phase, why).toBe(expected.phase);

  // The validators were reached (not just the rate limits or the transport).
  for (const code of [
    ErrorCode.INVALID_PAYLOAD,
    ErrorCode.UNKNOWN_EVENT,
    ErrorCode.PAYLOAD_TOO_LARGE,
    ErrorCode.FORBIDDEN,
  ]) {
    expect(stats.acks[code] ?? 0, `${code} ${why}`).toBeGreaterThan(0);
  }
  for (const reason of [
    'read-only',
    'not-your-note',
    'path-facilitators-only',
    'invalid-note',
    'not-your-client',
  ]) {
    expect(stats.yjsDenied[reason] ?? 0, `${reason} ${why}`).toBeGreaterThan(0);
  }
  expect(stats.yjsCloses[4400] ?? 0, why).toBeGreaterThan(0);
}, 180_000);

/** What the fuzz found, each pinned down by a plain test that holds for any seed. */
describe('regressions the fuzz found', () => {
  async function room() {
    const server = await startTestServer();
    open.push(server);
    const w = await createWorkshop(server);
    const fac = await joinWorkshop(server, w.id, { name: 'Fran' }, w.facilitatorKey);
    const anna = await joinWorkshop(server, w.id, { name: 'Anna', role: 'staff' });
    const eve = await joinWorkshop(server, w.id, { name: 'Eve', role: 'customer' });
    return { server, w, fac, anna, eve };
  }

  /** A raw Yjs socket that keeps the denial reasons it is sent. */
  async function rawWriter(server: AppServer, workshopId: string, token: string) {
    const raw = rawYjsSocket(server, workshopId, token);
    const denied: string[] = [];
    const copy = new AttackDoc();
    raw.ws.on('message', (data: Buffer) => {
      const got = copy.receive(new Uint8Array(data));
      if (got.denied) denied.push(got.denied);
    });
    open.push({ close: () => raw.ws.close() });
    await raw.opened;
    return { raw, denied, copy };
  }

  it('refuses structs under another writer’s Yjs client id, and that writer’s edits go on', async () => {
    const { server, w, fac, anna, eve } = await room();
    const annaBoard = await boardClient(server, w.id, anna.token, open);
    const facBoard = await boardClient(server, w.id, fac.token, open);
    writeNote(annaBoard.doc, 'anna-1', 'first', anna.participantId);
    await waitFor(() => hasNote(facBoard.doc, 'anna-1'), 5000, 'the first note');
    const victim = annaBoard.doc.clientID;
    const next = Y.getState(facBoard.doc.store, victim);

    // Eve writes garbage at Anna's next clocks: had it landed, Anna's next edit would look
    // "already known" to the server and be dropped (and Anna's Yjs would switch ids).
    const eveRaw = await rawWriter(server, w.id, eve.token);
    eveRaw.raw.ws.send(syncUpdate(garbageUpdate(victim, next, 50)));
    await waitFor(() => eveRaw.denied.length > 0, 5000, 'the refusal');
    expect(eveRaw.denied).toEqual(['not-your-client']);

    writeNote(annaBoard.doc, 'anna-2', 'second', anna.participantId);
    await waitFor(() => hasNote(facBoard.doc, 'anna-2'), 5000, 'the second note');
    expect(annaBoard.doc.clientID).toBe(victim);
    expect(Y.getState(facBoard.doc.store, victim)).toBe(Y.getState(annaBoard.doc.store, victim));
  });

  it('drops presence written under another person’s client id', async () => {
    const { server, w, fac, anna, eve } = await room();
    const annaBoard = await boardClient(server, w.id, anna.token, open);
    const facBoard = await boardClient(server, w.id, fac.token, open);
    annaBoard.provider.awareness.setLocalStateField('presence', { stepId: 'a' });
    const annaId = annaBoard.doc.clientID;
    const annaSeen = { presence: { name: '', role: 'staff', stepId: 'a' } };
    await waitFor(
      () => isDeepStrictEqual(facBoard.provider.awareness.getStates().get(annaId), annaSeen),
      5000,
      'Anna’s presence',
    );
    const eveRaw = await rawWriter(server, w.id, eve.token);
    const spoof = '{"presence":{"name":"Spoofed","role":"facilitator"}}';
    eveRaw.raw.ws.send(awareness([{ client: annaId, clock: 1000, json: spoof }]));
    eveRaw.raw.ws.send(awareness([{ client: annaId, clock: 2000, json: 'null' }]));
    // Eve's own presence after it, on the same socket: once that is relayed, so was the rest.
    const eveId = 424242;
    eveRaw.raw.ws.send(
      awareness([{ client: eveId, clock: 1, json: '{"presence":{"name":"Eve"}}' }]),
    );
    await waitFor(() => facBoard.provider.awareness.getStates().has(eveId), 5000, 'Eve’s presence');
    expect(facBoard.provider.awareness.getStates().get(annaId)).toEqual(annaSeen);
    expect(annaBoard.provider.awareness.getLocalState()).toEqual({ presence: { stepId: 'a' } });
  });

  it('keeps the dot budget when an idea is named "constructor" or "__proto__"', async () => {
    const { server, w, fac, anna, eve } = await room();
    const facClient = await connectClient(server, fac.token);
    const annaClient = await connectClient(server, anna.token);
    open.push(facClient, annaClient);
    const mine: MyVotes[] = [];
    annaClient.socket.on('votes:mine', (v) => mine.push(v));
    const eveBoard = await boardClient(server, w.id, eve.token, open);
    const facBoard = await boardClient(server, w.id, fac.token, open);
    for (const id of ['constructor', '__proto__', 'toString']) {
      writeNote(eveBoard.doc, id, `idea ${id}`, eve.participantId, { lane: 'ideas' });
    }
    await waitFor(() => hasNote(facBoard.doc, 'toString'), 5000, 'the ideas');
    expect(await facClient.request('phase:set', { phase: 'vote' })).toEqual({ ok: true });
    for (const [ideaId, dots] of [
      ['constructor', 2],
      ['__proto__', 3],
    ] as const) {
      expect(await annaClient.request('vote:set', { ideaId, dots })).toEqual({ ok: true });
    }
    // 5 dots, all placed: one more is over the budget.
    expect(await annaClient.request('vote:set', { ideaId: 'toString', dots: 1 })).toMatchObject({
      error: { code: ErrorCode.OVER_BUDGET },
    });
    expect(mine.at(-1)).toEqual({
      votes: Object.fromEntries([
        ['constructor', 2],
        ['__proto__', 3],
      ]),
      left: 0,
    });
  });

  it('answers a projector screen’s event on its acknowledgement whatever its arguments', async () => {
    const { server, w } = await room();
    const screen = attackerSocket(server, await screenToken(server, w.id, w.facilitatorKey));
    await waitFor(() => screen.connected, 5000, 'the screen');
    const ask = (...args: unknown[]) =>
      (
        screen.timeout(5000) as unknown as { emitWithAck(...a: unknown[]): Promise<unknown> }
      ).emitWithAck(...args);
    expect(await ask('phase:next')).toMatchObject({ error: { code: ErrorCode.FORBIDDEN } });
    expect(await ask('phase:next', {}, 'extra')).toMatchObject({
      error: { code: ErrorCode.FORBIDDEN },
    });
  });
});

function pick<T extends object>(value: T, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, (value as Record<string, unknown>)[k]]));
}
