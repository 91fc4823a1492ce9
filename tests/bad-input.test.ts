import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  EVENT_PAYLOAD_MAX_BYTES,
  TRANSPORT_MESSAGE_MAX_BYTES,
  YJS_MESSAGE_MAX_BYTES,
} from '../lib/constants';
import { CloseCode, ErrorCode } from '../lib/protocol/codes';
import { PROTOCOL_VERSION, SOCKET_IO_PATH } from '../lib/protocol/events';
import type { AppServer } from '../server/app-server';
import { loadSecret, TokenSigner } from '../server/auth';
import { noteText, writeNote } from './helpers/board';
import {
  type CreatedWorkshop,
  connectClient,
  createWorkshop,
  handshakeError,
  type Joined,
  joinWorkshop,
  rawSocket,
  rawYjsSocket,
  startTestServer,
  type TestClient,
  tempDataDir,
  waitFor,
  yjsClient,
} from './helpers/server';

/**
 * One server takes every kind of bad input in turn; the last test checks that it still
 * serves honest clients afterwards.
 *
 * Longer than 300 lines on purpose: that last test is about all the abuse before it, on
 * the same server and workshop. Split into files, each would batter its own server and
 * the survivor check would see only part of it. (HTTP's bad input, which needs no such
 * ending, is bad-input-http.test.ts.)
 */
const dataDir = tempDataDir();
let server: AppServer;
let workshop: CreatedWorkshop;
let fac: Joined;
let guest: Joined;
const cleanup: Array<() => unknown> = [];

beforeAll(async () => {
  server = await startTestServer({ dataDir });
  workshop = await createWorkshop(server);
  fac = await joinWorkshop(server, workshop.id, { name: 'Fran' }, workshop.facilitatorKey);
  guest = await joinWorkshop(server, workshop.id, { name: 'Anna', role: 'customer' });
});
// Each test's clients go when it ends: one person may hold only so many connections at
// once (CONNECTIONS_PER_PERSON_MAX), and most tests here connect as Fran.
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done();
});
afterAll(async () => {
  await server.close();
});

async function client(token: string): Promise<TestClient> {
  const c = await connectClient(server, token);
  cleanup.push(() => c.close());
  return c;
}

/** Emits with no acknowledgement callback, as a careless client would. */
function emitRaw(c: TestClient, event: string, ...args: unknown[]): void {
  (c.socket.emit as (e: string, ...a: unknown[]) => void)(event, ...args);
}

function protocolErrors(c: TestClient): unknown[] {
  return c.heard.filter((h) => h.event === 'protocol:error').map((h) => h.args[0]);
}

describe('Socket.io events the protocol does not know', () => {
  it('acknowledges an unknown event with UNKNOWN_EVENT', async () => {
    const c = await client(fac.token);
    expect(await c.request('phase:jump', {})).toMatchObject({
      ok: false,
      error: { code: ErrorCode.UNKNOWN_EVENT },
    });
  });

  it('answers an unknown event without an acknowledgement on protocol:error', async () => {
    const c = await client(fac.token);
    emitRaw(c, 'board:wipe', { all: true });
    await waitFor(() => protocolErrors(c).length > 0, 5000, 'protocol:error');
    expect(protocolErrors(c)).toEqual([
      { code: ErrorCode.UNKNOWN_EVENT, message: expect.any(String), event: 'board:wipe' },
    ]);
  });
});

describe('phase:set with a bad payload', () => {
  const bad: Array<[string, unknown]> = [
    ['a number for the phase', { phase: 3 }],
    ['a phase that does not exist', { phase: 'party' }],
    ['a phase in the wrong case', { phase: 'WALK' }],
    ['no phase', {}],
    ['an extra field', { phase: 'walk', force: true }],
    ['null', null],
    ['a bare string', 'walk'],
    ['an array', ['walk']],
  ];

  it.each(bad)('refuses %s with INVALID_PAYLOAD and leaves the phase alone', async (_, payload) => {
    const c = await client(fac.token);
    const before = c.state?.control;
    expect(await c.request('phase:set', payload)).toMatchObject({
      ok: false,
      error: { code: ErrorCode.INVALID_PAYLOAD },
    });
    // A round trip after the refusal: any broadcast it caused would have arrived by now.
    expect(await c.request('phase:jump', {})).toMatchObject({ ok: false });
    for (const state of c.states) expect(state.control).toEqual(before);
  });

  it('refuses a missing payload and reports a bad payload without an ack on protocol:error', async () => {
    const c = await client(fac.token);
    const ack = await (
      c.socket.timeout(5000) as unknown as { emitWithAck(e: string): Promise<unknown> }
    ).emitWithAck('phase:set');
    expect(ack).toMatchObject({ ok: false, error: { code: ErrorCode.INVALID_PAYLOAD } });
    emitRaw(c, 'phase:set', { phase: 'nope' });
    await waitFor(() => protocolErrors(c).length > 0, 5000, 'protocol:error');
    expect(protocolErrors(c)[0]).toMatchObject({
      code: ErrorCode.INVALID_PAYLOAD,
      event: 'phase:set',
    });
  });

  it('refuses a valid payload with extra arguments riding along', async () => {
    const c = await client(fac.token);
    const ack = await (
      c.socket.timeout(5000) as unknown as {
        emitWithAck(e: string, p: unknown, extra: unknown): Promise<unknown>;
      }
    ).emitWithAck('phase:set', { phase: 'walk' }, 'extra');
    expect(ack).toMatchObject({ ok: false, error: { code: ErrorCode.INVALID_PAYLOAD } });
    expect(c.state?.control.phase).toBe('lobby');
  });

  it('still accepts a good command afterwards, from the phase it was in', async () => {
    const c = await client(fac.token);
    expect(c.state?.control.phase).toBe('lobby');
    expect(await c.request('phase:next', {})).toEqual({ ok: true });
    await waitFor(() => c.state?.control.phase === 'warmup');
    expect(await c.request('phase:set', { phase: 'lobby' })).toEqual({ ok: true });
  });
});

describe('payload size', () => {
  it('refuses a payload over EVENT_PAYLOAD_MAX_BYTES with PAYLOAD_TOO_LARGE', async () => {
    const c = await client(fac.token);
    const payload = { phase: 'x'.repeat(EVENT_PAYLOAD_MAX_BYTES) };
    expect(await c.request('phase:set', payload)).toMatchObject({
      ok: false,
      error: { code: ErrorCode.PAYLOAD_TOO_LARGE },
    });
    expect(c.socket.connected).toBe(true);
  });

  it('drops the connection above TRANSPORT_MESSAGE_MAX_BYTES, and the client reconnects', async () => {
    const big = await client(fac.token);
    const bystander = await client(guest.token);
    const disconnects: Array<{ reason: string; code: unknown }> = [];
    big.socket.on('disconnect', (reason, details) => {
      const context =
        details && 'context' in details ? (details.context as { code?: unknown }) : undefined;
      disconnects.push({ reason, code: context?.code });
    });
    emitRaw(big, 'phase:set', { phase: 'x'.repeat(TRANSPORT_MESSAGE_MAX_BYTES) });
    // What the client sees: no acknowledgement, a "transport close" whose websocket close
    // code is the standard 1009 (message too big), then Socket.io's own reconnect.
    await waitFor(() => disconnects.length > 0, 5000, 'disconnect');
    expect(disconnects[0]).toEqual({
      reason: 'transport close',
      code: CloseCode.MESSAGE_TOO_LARGE,
    });
    await waitFor(() => big.socket.connected, 5000, 'reconnect');
    expect(await big.request('phase:set', { phase: 'lobby' })).toEqual({ ok: true });
    expect(bystander.socket.connected).toBe(true);
    expect(await bystander.request('phase:next', {})).toMatchObject({
      error: { code: ErrorCode.FORBIDDEN },
    });
  });
  it('drops a connection that sends a packet Socket.io cannot parse, and no other', async () => {
    const bystander = await client(guest.token);
    const raw = rawSocket(server, `${SOCKET_IO_PATH}/?EIO=4&transport=websocket`);
    let accepted = false;
    raw.ws.on('message', (data) => {
      const text = String(data);
      // Engine.io "open", then Socket.io "connect" with our auth, then a truncated event.
      if (text.startsWith('0{'))
        raw.ws.send(`40${JSON.stringify({ v: PROTOCOL_VERSION, token: fac.token })}`);
      if (text.startsWith('40{')) {
        accepted = true;
        raw.ws.send('42["phase:set",{"phase":');
      }
    });
    await raw.closed;
    expect(accepted).toBe(true);
    expect(bystander.socket.connected).toBe(true);
    expect(await bystander.request('phase:jump', {})).toMatchObject({
      error: { code: ErrorCode.UNKNOWN_EVENT },
    });
  });
});

describe('Socket.io handshake', () => {
  it('refuses another protocol version with PROTOCOL_MISMATCH', async () => {
    expect(await handshakeError(server, { v: PROTOCOL_VERSION + 1, token: fac.token })).toBe(
      ErrorCode.PROTOCOL_MISMATCH,
    );
  });

  it('refuses a bad, missing or forged token with UNAUTHORIZED', async () => {
    const v = PROTOCOL_VERSION;
    expect(await handshakeError(server, { v, token: 'v1.bad.token' })).toBe(ErrorCode.UNAUTHORIZED);
    expect(await handshakeError(server, { v, token: `${fac.token}x` })).toBe(
      ErrorCode.UNAUTHORIZED,
    );
    expect(await handshakeError(server, { v })).toBe(ErrorCode.UNAUTHORIZED);
    expect(await handshakeError(server, {})).toBe(ErrorCode.UNAUTHORIZED);
    const forged = new TokenSigner(Buffer.from('not the server secret')).sign({
      w: workshop.id,
      p: fac.participantId,
    });
    expect(await handshakeError(server, { v, token: forged })).toBe(ErrorCode.UNAUTHORIZED);
  });

  it('refuses a signed token for a workshop that does not exist with NOT_FOUND', async () => {
    const token = new TokenSigner(loadSecret(dataDir)).sign({ w: 'no-such-workshop', p: 'nobody' });
    expect(await handshakeError(server, { v: PROTOCOL_VERSION, token })).toBe(ErrorCode.NOT_FOUND);
  });
});

describe('the Yjs endpoint', () => {
  const signer = () => new TokenSigner(loadSecret(dataDir));

  it('closes a connection without a token with 4401', async () => {
    expect((await rawYjsSocket(server, workshop.id).closed).code).toBe(CloseCode.UNAUTHORIZED);
    expect((await rawYjsSocket(server, workshop.id, 'garbage').closed).code).toBe(
      CloseCode.UNAUTHORIZED,
    );
  });

  it('closes a token for another workshop with 4403', async () => {
    const other = await createWorkshop(server);
    const stranger = await joinWorkshop(server, other.id, { name: 'Sam', role: 'staff' });
    expect((await rawYjsSocket(server, workshop.id, stranger.token).closed).code).toBe(
      CloseCode.FORBIDDEN,
    );
    // A real token on an id that does not exist is the same case: the token names another workshop.
    expect((await rawYjsSocket(server, 'no-such-workshop', stranger.token).closed).code).toBe(
      CloseCode.FORBIDDEN,
    );
  });

  it('closes a signed token for an unknown workshop with 4404, and an unknown participant with 4401', async () => {
    const ghostWorkshop = signer().sign({ w: 'no-such-workshop', p: 'nobody' });
    expect((await rawYjsSocket(server, 'no-such-workshop', ghostWorkshop).closed).code).toBe(
      CloseCode.NOT_FOUND,
    );
    const ghostPerson = signer().sign({ w: workshop.id, p: 'nobody' });
    expect((await rawYjsSocket(server, workshop.id, ghostPerson).closed).code).toBe(
      CloseCode.UNAUTHORIZED,
    );
  });

  it.each([
    ['a truncated varint', [0xde, 0xad, 0xbe, 0xef]],
    ['an unknown message type', [7]],
    ['an unknown sync step', [0, 9]],
    ['a length past the end', [0, 2, 0xff, 0xff]],
    ['an update Yjs cannot decode', [0, 2, 3, 1, 2, 3]],
    ['a broken awareness update', [1, 5, 1, 2, 3, 4, 5]],
  ])('closes %s with 4400', async (_, bytes) => {
    const raw = rawYjsSocket(server, workshop.id, guest.token);
    await raw.opened;
    raw.ws.send(Uint8Array.from(bytes));
    expect(await raw.closed).toMatchObject({ code: CloseCode.PROTOCOL_ERROR });
  });

  it('closes a text frame with 4400', async () => {
    const raw = rawYjsSocket(server, workshop.id, guest.token);
    let answers = 0;
    raw.ws.on('message', () => answers++);
    await raw.opened;
    // As a binary frame, "query awareness" is answered (after the greeting)...
    raw.ws.send(Uint8Array.of(3));
    await waitFor(() => answers >= 2, 5000, 'awareness answer');
    // ...so the same byte as text is refused for its frame type alone.
    raw.ws.send(String.fromCharCode(3));
    expect((await raw.closed).code).toBe(CloseCode.PROTOCOL_ERROR);
  });

  it('closes a message over YJS_MESSAGE_MAX_BYTES with 1009', async () => {
    const raw = rawYjsSocket(server, workshop.id, guest.token);
    await raw.opened;
    raw.ws.send(new Uint8Array(YJS_MESSAGE_MAX_BYTES + 1));
    expect((await raw.closed).code).toBe(CloseCode.MESSAGE_TOO_LARGE);
  });
});

describe('after all of that', () => {
  it('still syncs the board and the phase for honest clients, in a new workshop and the battered one', async () => {
    const fresh = await createWorkshop(server, {
      title: 'Toinen',
      template: 'b2b-order-to-invoice',
      locale: 'fi',
    });
    const host = await joinWorkshop(server, fresh.id, { name: 'Host' }, fresh.facilitatorKey);
    const staff = await joinWorkshop(server, fresh.id, { name: 'Staff', role: 'staff' });
    const h = await client(host.token);
    const s = await client(staff.token);
    expect(await h.request('phase:set', { phase: 'walk' })).toEqual({ ok: true });
    await waitFor(() => s.state?.control.phase === 'walk', 5000, 'phase in the new workshop');

    for (const [id, a, b, author] of [
      [fresh.id, host.token, staff.token, host.participantId],
      [workshop.id, fac.token, guest.token, fac.participantId],
    ] as const) {
      const one = yjsClient(server, id, a);
      const two = yjsClient(server, id, b);
      cleanup.push(
        () => one.provider.destroy(),
        () => two.provider.destroy(),
      );
      await waitFor(() => one.provider.synced && two.provider.synced, 5000, 'yjs sync');
      // In the writer's own name: nobody signs a note as someone else (docs/security.md).
      writeNote(one.doc, 'still', 'toimii ✓', author);
      await waitFor(() => noteText(two.doc, 'still') === 'toimii ✓', 5000, 'relayed note');
    }
  });
});
