import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, YJS_PATH_PREFIX } from '../lib/protocol/events';
import { CloseCode, ErrorCode } from '../lib/protocol/codes';
import type { AppServer } from '../server/app-server';
import { countingStorage } from './helpers/counting-storage';
import {
  connectClient,
  createWorkshop,
  handshakeError,
  joinWorkshop,
  rawYjsSocket,
  startTestServer,
} from './helpers/server';

/**
 * A connection refused after its workshop was loaded (a removed person's token, still
 * validly signed) lets the workshop go: it is unloaded when idle like any other. A refused
 * handshake that kept it loaded let anyone holding an old token pin a room per workshop in
 * memory until the process ended.
 */
const IDLE_MS = 150;
const idle = () => new Promise((r) => setTimeout(r, IDLE_MS * 3));
let server: AppServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function removedPerson() {
  const { storage, loads } = countingStorage();
  server = await startTestServer({ storage, idleUnloadMs: IDLE_MS });
  const w = await createWorkshop(server);
  const fac = await joinWorkshop(server, w.id, { name: 'Fiia' }, w.facilitatorKey);
  const gone = await joinWorkshop(server, w.id, { name: 'Anna', role: 'staff' });
  const client = await connectClient(server, fac.token);
  expect(await client.request('people:remove', { participantId: gone.participantId })).toEqual({
    ok: true,
  });
  client.close();
  await idle();
  return { server, w, token: gone.token, loads };
}

describe('a workshop loaded for a refused connection', () => {
  it('is unloaded when idle after a refused Socket.io handshake', async () => {
    const { server, token, loads } = await removedPerson();
    const before = loads.n;
    const auth = { token, v: PROTOCOL_VERSION };
    expect(await handshakeError(server, auth)).toBe(ErrorCode.UNAUTHORIZED);
    expect(loads.n).toBe(before + 1);
    await idle();
    // Unloaded meanwhile: the next attempt reads it from storage again.
    expect(await handshakeError(server, auth)).toBe(ErrorCode.UNAUTHORIZED);
    expect(loads.n).toBe(before + 2);
  });

  it('is unloaded when idle after a refused Yjs connection', async () => {
    const { server, w, token, loads } = await removedPerson();
    const before = loads.n;
    expect(await rawYjsSocket(server, w.id, token).closed).toMatchObject({
      code: CloseCode.UNAUTHORIZED,
    });
    expect(loads.n).toBe(before + 1);
    await idle();
    expect(await rawYjsSocket(server, w.id, token).closed).toMatchObject({
      code: CloseCode.UNAUTHORIZED,
    });
    expect(loads.n).toBe(before + 2);
  });

  it('is unloaded when idle after a malformed Yjs upgrade with a valid token', async () => {
    const { storage, loads } = countingStorage();
    server = await startTestServer({ storage, idleUnloadMs: IDLE_MS });
    const w = await createWorkshop(server);
    const { token } = await joinWorkshop(server, w.id, { name: 'Anna', role: 'staff' });
    await idle();
    const before = loads.n;
    const path = `${YJS_PATH_PREFIX}/${w.id}?token=${encodeURIComponent(token)}`;
    // No Sec-WebSocket-Key: refused by `ws` after the token was checked and the room loaded.
    expect(await upgradeWithoutKey(server.port, path)).toMatch(/^HTTP\/1\.1 400/);
    expect(loads.n).toBe(before + 1);
    await idle();
    expect(await upgradeWithoutKey(server.port, path)).toMatch(/^HTTP\/1\.1 400/);
    expect(loads.n).toBe(before + 2);
  });
});

/** An upgrade request as a careless client sends it; resolves with the whole answer. */
function upgradeWithoutKey(port: number, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\n` +
        'Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
  });
}
