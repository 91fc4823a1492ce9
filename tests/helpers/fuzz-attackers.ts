/**
 * The attackers of the fuzz test (tests/fuzz.test.ts): Socket.io connections emitting
 * random and mutated events, raw websockets sending Yjs attacks, raw Engine.io frames;
 * and the tally of what the server answered them.
 */
import { io as ioClient, type Socket } from 'socket.io-client';
import { expect } from 'vitest';
import * as Y from 'yjs';
import { ErrorCode } from '../../lib/protocol/codes';
import { type Ack, PROTOCOL_VERSION, SOCKET_IO_PATH } from '../../lib/protocol/events';
import type { AppServer } from '../../server/app-server';
import { emission, type FuzzWorld } from './fuzz-gen';
import type { Rng } from './fuzz-rng';
import { AttackDoc, probeAlive } from './fuzz-yjs';
import {
  attackBytes,
  FATAL_ATTACKS,
  pickAttack,
  type YjsAttack,
  type YjsTarget,
} from './fuzz-yjs-attacks';
import { rawSocket, rawYjsSocket, waitFor } from './server';

type Open = Array<{ close(): unknown }>;

export interface FuzzStats {
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

export function newStats(): FuzzStats {
  return {
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
}

/** A projector screen's token, bought with the facilitator key. */
export async function screenToken(
  server: AppServer,
  workshopId: string,
  key: string,
): Promise<string> {
  const res = await fetch(`${server.url}/api/workshops/${workshopId}/screens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}` },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

/** A bare socket.io-client socket, reconnecting quickly when an attack drops it. */
export function attackerSocket(server: AppServer, token: string, open: Open): Socket {
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

/** What every attacker works against, and where it keeps its tally. */
export interface Battlefield {
  server: AppServer;
  workshopId: string;
  /** Names the emissions may use; the honest work adds its ideas as they are stored. */
  world: FuzzWorld;
  /** Whom the Yjs attacks go after (`self` is each attacker's own). */
  target: Omit<YjsTarget, 'self'>;
  stats: FuzzStats;
  open: Open;
}

/** Sends `quota` Socket.io emissions as `token`, 30 at a time, reconnecting when dropped. */
export async function socketAttack(
  field: Battlefield,
  token: string,
  rng: Rng,
  quota: number,
): Promise<void> {
  const { stats } = field;
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
  const socket = attackerSocket(field.server, token, field.open);
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
      const { event, args, withAck } = emission(rng, field.world);
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

/**
 * Sends `quota` raw Yjs messages as `token` (participant `self`), in batches of up to 8
 * between liveness probes, opening a new connection whenever the server closed one.
 */
export async function yjsAttack(
  field: Battlefield,
  token: string,
  self: string,
  rng: Rng,
  quota: number,
): Promise<void> {
  const { stats } = field;
  const target: YjsTarget = { self, ...field.target };
  const counter = { n: 0 };
  let sent = 0;
  // One copy of the document across reconnects: each new connection's first sync step 1
  // then costs the server (and this test) only the difference.
  const doc = new AttackDoc();
  while (sent < quota) {
    const raw = rawYjsSocket(field.server, field.workshopId, token);
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

/** Engine.io frames socket.io-client would never send. */
const RAW_FRAMES = [
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

/** `count` raw Engine.io frames as `token`, one per connection (each usually ends it). */
export async function rawIoAttack(
  field: Battlefield,
  token: string,
  rng: Rng,
  count: number,
): Promise<void> {
  for (let i = 0; i < count; i++) {
    const raw = rawSocket(field.server, `${SOCKET_IO_PATH}/?EIO=4&transport=websocket`);
    const frame = rng.chance(0.15) ? Buffer.from(rng.bytes(1 + rng.int(30))) : rng.pick(RAW_FRAMES);
    let done = false;
    raw.ws.on('message', (data: Buffer) => {
      const text = String(data);
      if (text.startsWith('0{')) raw.ws.send(`40${JSON.stringify({ v: PROTOCOL_VERSION, token })}`);
      else if (text.startsWith('40') && !done) {
        done = true;
        raw.ws.send(frame);
        field.stats.rawIoSent++;
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
