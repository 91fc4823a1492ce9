/**
 * Token lifetimes on a live server: tokens carry their expiry, and an expired token is
 * refused with TOKEN_EXPIRED on all three channels (Socket.io handshake, Yjs upgrade, HTTP
 * API), as is a token without an expiry with UNAUTHORIZED. Expired tokens are made the
 * way the server makes tokens: a TokenSigner with the server's own secret and an earlier clock.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { PARTICIPANT_TOKEN_LIFETIME_MS, SCREEN_TOKEN_LIFETIME_MS } from '../lib/constants';
import { CloseCode, ErrorCode, FATAL_CLOSE_CODES } from '../lib/protocol/codes';
import { PROTOCOL_VERSION, YJS_PATH_PREFIX } from '../lib/protocol/events';
import type { AppServer } from '../server/app-server';
import { loadSecret, type TokenClaims, TokenSigner } from '../server/auth';
import { callApi } from './helpers/access';
import {
  connectClient,
  type CreatedWorkshop,
  createWorkshop,
  handshakeError,
  type Joined,
  joinWorkshop,
  rawYjsSocket,
  startTestServer,
  TestClient,
  tempDataDir,
  waitFor,
} from './helpers/server';

let server: AppServer;
let secret: Buffer;
let workshop: CreatedWorkshop;
let fac: Joined;
let anna: Joined;
let screenId: string;
const open: Array<{ close(): unknown }> = [];

/** A token signed with the server's secret by a signer whose clock reads `at`. */
function signedAt(at: number, claims: TokenClaims): string {
  return new TokenSigner(secret, () => at).sign(claims);
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}

beforeAll(async () => {
  const dataDir = tempDataDir();
  server = await startTestServer({ dataDir, trustProxy: true });
  // The server's secret, as the server itself read it (SESSION_SECRET, else DATA_DIR/secret.key).
  secret = loadSecret(dataDir);
  workshop = await createWorkshop(server);
  fac = await joinWorkshop(server, workshop.id, { name: 'Fran' }, workshop.facilitatorKey);
  anna = await joinWorkshop(server, workshop.id, { name: 'Anna', role: 'customer' });
  const res = await callApi(
    server.url,
    'POST',
    `/api/workshops/${workshop.id}/screens`,
    workshop.facilitatorKey,
  );
  screenId = String(claimsOf((JSON.parse(res.text) as { token: string }).token).p);
  // The summary is open to participants: only the token's age can refuse them.
  const f = await connectClient(server, fac.token);
  expect(await f.request('phase:set', { phase: 'summary' })).toEqual({ ok: true });
  f.close();
});

afterAll(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
  await server.close();
});

const summary = (token: string) =>
  callApi(server.url, 'GET', `/api/workshops/${workshop.id}/summary`, token);

/** Everything the Yjs endpoint sends before it closes, and the close code. */
async function yjsRefusal(token: string): Promise<{ code: number; received: Buffer[] }> {
  const raw = rawYjsSocket(server, workshop.id, token);
  const received: Buffer[] = [];
  raw.ws.on('message', (data: Buffer) => received.push(Buffer.from(data)));
  const { code } = await raw.closed;
  return { code, received };
}

describe('tokens the server hands out', () => {
  it('expire 30 days after a join and 24 hours after a projector screen was opened', async () => {
    const before = Date.now();
    const joined = await joinWorkshop(server, workshop.id, { name: 'Bo', role: 'staff' });
    const res = await callApi(
      server.url,
      'POST',
      `/api/workshops/${workshop.id}/screens`,
      workshop.facilitatorKey,
    );
    const after = Date.now();
    const person = claimsOf(joined.token);
    const screen = claimsOf((JSON.parse(res.text) as { token: string }).token);
    expect(person.x).toBeGreaterThanOrEqual(before + PARTICIPANT_TOKEN_LIFETIME_MS);
    expect(person.x).toBeLessThanOrEqual(after + PARTICIPANT_TOKEN_LIFETIME_MS);
    expect(screen.x).toBeGreaterThanOrEqual(before + SCREEN_TOKEN_LIFETIME_MS);
    expect(screen.x).toBeLessThanOrEqual(after + SCREEN_TOKEN_LIFETIME_MS);
    expect(screen.s).toBe(true);
  });
});

describe('an expired token', () => {
  const longAgo = () => Date.now() - PARTICIPANT_TOKEN_LIFETIME_MS - 1000;
  const expired = () => ({
    participant: signedAt(longAgo(), { w: workshop.id, p: anna.participantId }),
    facilitator: signedAt(longAgo(), { w: workshop.id, p: fac.participantId }),
    screen: signedAt(Date.now() - SCREEN_TOKEN_LIFETIME_MS - 1000, {
      w: workshop.id,
      p: screenId,
      s: true,
    }),
  });

  it('is refused at the Socket.io handshake with TOKEN_EXPIRED', async () => {
    for (const [who, token] of Object.entries(expired())) {
      expect(await handshakeError(server, { v: PROTOCOL_VERSION, token }), who).toBe(
        ErrorCode.TOKEN_EXPIRED,
      );
    }
  });

  it('is closed on the Yjs endpoint with 4419 before a single byte, and y-websocket stops', async () => {
    expect(FATAL_CLOSE_CODES.has(CloseCode.TOKEN_EXPIRED)).toBe(true);
    for (const [who, token] of Object.entries(expired())) {
      expect(await yjsRefusal(token), who).toEqual({ code: CloseCode.TOKEN_EXPIRED, received: [] });
    }
    const provider = new WebsocketProvider(
      server.url.replace('http', 'ws') + YJS_PATH_PREFIX,
      workshop.id,
      new Y.Doc(),
      {
        WebSocketPolyfill: WebSocket as never,
        disableBc: true,
        params: { token: expired().participant },
      },
    );
    open.push({ close: () => provider.destroy() });
    const closed = await new Promise<number>((resolve) =>
      provider.on('closed', ({ code }) => resolve(code)),
    );
    expect(closed).toBe(CloseCode.TOKEN_EXPIRED);
    expect(provider.wsconnected).toBe(false);
  });

  it('is refused by the HTTP API with 401 TOKEN_EXPIRED and no data', async () => {
    for (const [who, token] of Object.entries(expired())) {
      const answer = await summary(token);
      expect(answer.status, who).toBe(401);
      expect(JSON.parse(answer.text), who).toEqual({
        error: { code: ErrorCode.TOKEN_EXPIRED, message: expect.any(String) },
      });
    }
  });

  it('is refused even for another workshop’s route, naming only the expiry', async () => {
    const other = await createWorkshop(server);
    const token = expired().participant;
    const answer = await callApi(server.url, 'GET', `/api/workshops/${other.id}/summary`, token);
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.text)).toMatchObject({ error: { code: ErrorCode.TOKEN_EXPIRED } });
    const raw = rawYjsSocket(server, other.id, token);
    expect((await raw.closed).code).toBe(CloseCode.TOKEN_EXPIRED);
  });
});

describe('a token one minute before its expiry', () => {
  it('still works on all three channels', async () => {
    const almost = Date.now() - PARTICIPANT_TOKEN_LIFETIME_MS + 60_000;
    const token = signedAt(almost, { w: workshop.id, p: anna.participantId });
    const client = await connectClient(server, token);
    open.push(client);
    expect(client.you?.participantId).toBe(anna.participantId);
    expect((await summary(token)).status).toBe(200);
    const raw = rawYjsSocket(server, workshop.id, token);
    open.push({ close: () => raw.ws.close() });
    const received: Buffer[] = [];
    raw.ws.on('message', (data: Buffer) => received.push(Buffer.from(data)));
    await raw.opened;
    await waitFor(() => received.length > 0, 5000, 'the server’s first sync message');
  });
});

describe('a token without an expiry (the format before expiries)', () => {
  it('is refused as UNAUTHORIZED on all three channels', async () => {
    const body = Buffer.from(JSON.stringify({ w: workshop.id, p: anna.participantId })).toString(
      'base64url',
    );
    const mac = crypto.createHmac('sha256', secret).update(body).digest('base64url');
    const token = `v1.${body}.${mac}`;
    expect(await handshakeError(server, { v: PROTOCOL_VERSION, token })).toBe(
      ErrorCode.UNAUTHORIZED,
    );
    expect(await yjsRefusal(token)).toEqual({ code: CloseCode.UNAUTHORIZED, received: [] });
    const answer = await summary(token);
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.text)).toMatchObject({ error: { code: ErrorCode.UNAUTHORIZED } });
  });
});

describe('a connection that is already open', () => {
  it('is not cut when its token expires; the next handshake is refused', async () => {
    // Tokens are checked at the handshake and the upgrade only: a participant connected
    // when the 30 days run out stays connected until the connection drops.
    const token = signedAt(Date.now() - PARTICIPANT_TOKEN_LIFETIME_MS + 1500, {
      w: workshop.id,
      p: anna.participantId,
    });
    const client = new TestClient(server.url, token);
    open.push(client);
    await waitFor(() => client.you !== null, 5000, 'the connection');
    await new Promise((r) => setTimeout(r, 1600));
    expect(await client.request('time:sync', {})).toMatchObject({ ok: true });
    expect(await handshakeError(server, { v: PROTOCOL_VERSION, token })).toBe(
      ErrorCode.TOKEN_EXPIRED,
    );
  });
});
