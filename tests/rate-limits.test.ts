import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { notesMap } from '../lib/board/board-doc';
import {
  SOCKET_EVENTS_BURST,
  SOCKET_REFUSALS_BURST,
  YJS_MESSAGE_MAX_BYTES,
  YJS_MESSAGES_BURST,
} from '../lib/constants';
import type { ConnectionLimits } from '../lib/domain/rate-bucket';
import { CloseCode, ErrorCode } from '../lib/protocol/codes';
import type { Ack } from '../lib/protocol/events';
import type { AppServer } from '../server/app-server';
import { boardClient, noteText, probe, writeNote } from './helpers/board';
import { connectScreen } from './helpers/ratings';
import {
  connectClient,
  createWorkshop,
  joinWorkshop,
  rawYjsSocket,
  startTestServer,
  type TestClient,
  waitFor,
} from './helpers/server';

/**
 * Per-connection rate limits (docs/protocol.md, "Rate limits"). Most tests lower the
 * limits through startAppServer's `rateLimits`, with a refill so slow (one token in 1000 s)
 * that no token comes back during a test: what is allowed is exactly the burst.
 */
const SLOW = 0.001;

const open: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

async function server(rateLimits: Partial<ConnectionLimits> = {}): Promise<AppServer> {
  const s = await startTestServer({ rateLimits });
  open.push(s);
  return s;
}

async function room(s: AppServer) {
  const w = await createWorkshop(s);
  const fac = await joinWorkshop(s, w.id, { name: 'Fran' }, w.facilitatorKey);
  const anna = await joinWorkshop(s, w.id, { name: 'Anna', role: 'staff' });
  return { w, fac, anna };
}

async function client(s: AppServer, token: string): Promise<TestClient> {
  const c = await connectClient(s, token);
  open.push(c);
  return c;
}

/** Emits `count` events at once, each with an acknowledgement; resolves with every answer. */
function flood(
  c: TestClient,
  event: string,
  payload: unknown,
  count: number,
): Promise<Ack<unknown>[]> {
  return Promise.all(Array.from({ length: count }, () => c.request(event, payload)));
}

const codes = (acks: Ack<unknown>[]) => acks.map((a) => (a.ok ? 'ok' : a.error.code));

describe('Socket.io events per connection', () => {
  it('lets a burst of SOCKET_EVENTS_BURST through with the default limits, and refuses a flood', async () => {
    const s = await server();
    const { fac } = await room(s);
    const c = await client(s, fac.token);
    // The burst at once: every one answered.
    const burst = await flood(c, 'time:sync', {}, SOCKET_EVENTS_BURST);
    expect(codes(burst).every((code) => code === 'ok')).toBe(true);
    // Far more than comes back meanwhile: some are refused, by name. (No more than the
    // refusal allowance: past it the connection would be closed.)
    const more = await flood(c, 'time:sync', {}, SOCKET_REFUSALS_BURST);
    // (Some may pass, as tokens come back meanwhile; how many depends on the clock.)
    expect(codes(more)).toContain(ErrorCode.RATE_LIMITED);
    expect(codes(more).filter((c) => c !== 'ok' && c !== ErrorCode.RATE_LIMITED)).toEqual([]);
    expect(c.socket.connected).toBe(true);
  });

  it('answers events over the limit with RATE_LIMITED and does not run them', async () => {
    const s = await server({ socketEvents: { burst: 5, perSecond: SLOW } });
    const { fac } = await room(s);
    const hasty = await client(s, fac.token);
    expect(codes(await flood(hasty, 'time:sync', {}, 5))).toEqual(Array(5).fill('ok'));

    expect(await hasty.request('phase:next', {})).toMatchObject({
      ok: false,
      error: { code: ErrorCode.RATE_LIMITED, message: expect.any(String) },
    });
    // Without an acknowledgement the refusal comes on protocol:error.
    (hasty.socket.emit as (e: string, p: unknown) => void)('phase:next', {});
    await waitFor(() => hasty.heard.some((h) => h.event === 'protocol:error'), 5000, 'error');
    expect(hasty.heard.find((h) => h.event === 'protocol:error')?.args[0]).toEqual({
      code: ErrorCode.RATE_LIMITED,
      message: expect.any(String),
      event: 'phase:next',
    });

    // The same facilitator on another connection shares the allowance (limits follow the
    // person, issue 21 item 10), and finds the phase where it was: the refused commands
    // did not run.
    const calm = await client(s, fac.token);
    expect(calm.state?.control.phase).toBe('lobby');
    expect(await calm.request('phase:next', {})).toMatchObject({
      error: { code: ErrorCode.RATE_LIMITED },
    });
    expect(hasty.socket.connected).toBe(true);
  });

  it('limits one connection without touching others in the workshop or other workshops', async () => {
    const s = await server({ socketEvents: { burst: 10, perSecond: SLOW } });
    const one = await room(s);
    const two = await room(s);
    const hasty = await client(s, one.anna.token);
    const neighbour = await client(s, one.fac.token);
    const elsewhere = await client(s, two.fac.token);
    const acks = codes(await flood(hasty, 'ready:set', { ready: true }, 30));
    expect(acks.filter((c) => c === ErrorCode.RATE_LIMITED)).toHaveLength(20);

    expect(codes(await flood(neighbour, 'time:sync', {}, 10))).toEqual(Array(10).fill('ok'));
    expect(codes(await flood(elsewhere, 'time:sync', {}, 10))).toEqual(Array(10).fill('ok'));
    expect(await elsewhere.request('phase:set', { phase: 'walk' })).toMatchObject({
      error: { code: ErrorCode.RATE_LIMITED },
    });
  });

  it('applies to a projector screen too, before its FORBIDDEN', async () => {
    const s = await server({ socketEvents: { burst: 3, perSecond: SLOW } });
    const { w } = await room(s);
    const screen = await connectScreen(s, w.id, w.facilitatorKey, open);
    expect(codes(await flood(screen, 'phase:next', {}, 5))).toEqual([
      ErrorCode.FORBIDDEN,
      ErrorCode.FORBIDDEN,
      ErrorCode.FORBIDDEN,
      ErrorCode.RATE_LIMITED,
      ErrorCode.RATE_LIMITED,
    ]);
  });

  it('closes the transport of a connection that floods on past its refusals, and it reconnects', async () => {
    const s = await server({
      // Two tokens back a second: the reconnected client (its buckets are the person's,
      // kept across the reconnect) has one again by the time it is back.
      socketEvents: { burst: 5, perSecond: 2 },
      socketRefusals: { burst: 20, perSecond: SLOW },
    });
    const { fac, anna } = await room(s);
    const flooder = await client(s, anna.token);
    const bystander = await client(s, fac.token);
    const reasons: string[] = [];
    flooder.socket.on('disconnect', (reason) => reasons.push(reason));
    const answers: string[] = [];
    for (let i = 0; i < 100; i++) {
      flooder.socket.emit('ready:set', { ready: i % 2 === 0 }, (ack: Ack<unknown>) =>
        answers.push(ack.ok ? 'ok' : ack.error.code),
      );
    }
    await waitFor(() => reasons.length > 0, 5000, 'the disconnect');
    // 5 run, 20 refused by name, then one last word on protocol:error, and the transport
    // closes: the client's own reconnect brings it back, to the person's allowance.
    expect(reasons[0]).toBe('transport close');
    // (The 5 commands are answered once stored, which may be after the close: at most 5.)
    expect(answers.filter((a) => a === ErrorCode.RATE_LIMITED)).toHaveLength(20);
    expect(answers.filter((a) => a !== ErrorCode.RATE_LIMITED && a !== 'ok')).toEqual([]);
    expect(answers.length).toBeLessThanOrEqual(25);
    expect(flooder.heard.filter((h) => h.event === 'protocol:error').map((h) => h.args[0])).toEqual(
      [{ code: ErrorCode.RATE_LIMITED, message: expect.any(String), event: 'ready:set' }],
    );
    expect(bystander.socket.connected).toBe(true);
    await waitFor(() => flooder.socket.connected, 5000, 'the reconnect');
    // Not with a fresh allowance: the person's, which gives a token back each 500 ms.
    await new Promise((r) => setTimeout(r, 600));
    expect(await flooder.request('ready:set', { ready: true })).toEqual({ ok: true });
  });
});

describe('Yjs messages per connection', () => {
  it('lets a burst of honest typing through with the default limits', async () => {
    const s = await server();
    const { w, anna, fac } = await room(s);
    const typist = await boardClient(s, w.id, anna.token, open);
    const reader = await boardClient(s, w.id, fac.token, open);
    const closes: number[] = [];
    typist.provider.on('connection-close', (e) => closes.push(e?.code ?? 0));
    writeNote(typist.doc, 'fast', '', anna.participantId);
    const text = notesMap(typist.doc).get('fast')?.get('text') as Y.Text;
    // One message per keystroke, as the note editor sends them, without a pause.
    const typed = 'Asiakas odottaa laskua. '.repeat(8).slice(0, YJS_MESSAGES_BURST - 20);
    for (const ch of typed) text.insert(text.length, ch);
    await waitFor(() => noteText(reader.doc, 'fast') === typed, 5000, 'the typing');
    expect(closes).toEqual([]);
  });

  it('closes a connection over its message rate with RATE_LIMITED (1013), and no other', async () => {
    const s = await server({ yjsMessages: { burst: 20, perSecond: SLOW } });
    const { w, anna, fac } = await room(s);
    const sami = await joinWorkshop(s, w.id, { name: 'Sami', role: 'staff' });
    const other = await room(s);
    const writer = await boardClient(s, w.id, sami.token, open);
    const reader = await boardClient(s, w.id, fac.token, open);
    const elsewhere = await boardClient(s, other.w.id, other.anna.token, open);
    const elsewhereReader = await boardClient(s, other.w.id, other.fac.token, open);

    const raw = rawYjsSocket(s, w.id, anna.token);
    await raw.opened;
    // "Query awareness", harmless but counted like any other message.
    for (let i = 0; i < 25; i++) raw.ws.send(Uint8Array.of(3));
    expect(await raw.closed).toMatchObject({ code: CloseCode.RATE_LIMITED });

    // Another person in the workshop, and another workshop, carry on. (Anna's own other
    // connections share her allowance: limits follow the person, issue 21 item 10.)
    writeNote(writer.doc, 'after', 'still here', sami.participantId);
    await waitFor(() => noteText(reader.doc, 'after') === 'still here', 5000, 'the note');
    await probe(elsewhere, elsewhereReader);
    expect(writer.provider.wsconnected).toBe(true);
  });

  it('closes a connection over its byte rate with RATE_LIMITED', async () => {
    const s = await server({ yjsBytes: { burst: YJS_MESSAGE_MAX_BYTES, perSecond: SLOW } });
    const { w, anna } = await room(s);
    const raw = rawYjsSocket(s, w.id, anna.token);
    await raw.opened;
    // Auth messages (type 2) from a client are ignored: only their size counts here.
    const third = new Uint8Array(Math.floor(YJS_MESSAGE_MAX_BYTES / 3));
    third[0] = 2;
    for (let i = 0; i < 4; i++) raw.ws.send(third);
    expect(await raw.closed).toMatchObject({ code: CloseCode.RATE_LIMITED });
  });

  it('y-websocket reconnects after RATE_LIMITED and its edits arrive, none lost', async () => {
    // The person's bucket is kept across the reconnect, so it must refill meanwhile.
    const s = await server({ yjsMessages: { burst: 20, perSecond: 20 } });
    const { w, anna, fac } = await room(s);
    const typist = await boardClient(s, w.id, anna.token, open);
    const reader = await boardClient(s, w.id, fac.token, open);
    const closes: number[] = [];
    typist.provider.on('connection-close', (e) => closes.push(e?.code ?? 0));
    writeNote(typist.doc, 'burst', '', anna.participantId);
    const text = notesMap(typist.doc).get('burst')?.get('text') as Y.Text;
    const typed = 'x'.repeat(60);
    for (const ch of typed) text.insert(text.length, ch);
    // Refused mid-typing; the reconnect's sync step 2 carries everything typed.
    await waitFor(() => noteText(reader.doc, 'burst') === typed, 10_000, 'the whole text');
    expect(closes[0]).toBe(CloseCode.RATE_LIMITED);
    expect(Y.encodeStateVector(reader.doc)).toEqual(Y.encodeStateVector(typist.doc));
  });
});
