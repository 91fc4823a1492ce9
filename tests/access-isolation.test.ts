/**
 * Workshop isolation: the people of workshop A, its facilitator included, reach nothing of
 * workshop B by any channel. B is full of marker strings (title, step, note, idea, rating
 * note, action, names) and its ids; nothing A's people can ask for may carry any of them,
 * and nothing they send may change B. Positive controls show that the markers do turn up
 * where B's own people look, so their absence elsewhere means something.
 */
import { io as ioClient } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode, ErrorCode } from '../lib/protocol/codes';
import { type ClientEventName, PROTOCOL_VERSION, SOCKET_IO_PATH } from '../lib/protocol/events';
import type { AppServer } from '../server/app-server';
import { callApi, databaseRows } from './helpers/access';
import { everyExport } from './helpers/export';
import {
  B_IDEA_ID,
  type Isolation,
  isolatedWorkshops,
  M,
  ok,
  type Person,
  type Side,
} from './helpers/isolation';
import { rating } from './helpers/ratings';
import { handshakeError, rawYjsSocket, waitFor } from './helpers/server';

/*
 * Here: the positive controls, Socket.io, and what A's people can read after all of it.
 * The Yjs endpoint and the HTTP API are tried in access-isolation-yjs.test.ts and
 * access-isolation-http.test.ts, against workshops made the same way.
 */
let iso: Isolation;
let server: AppServer;
let dataDir: string;
let A: Side;
let B: Side;
let bActionId: string;
let bSpy: Isolation['bSpy'];
let leaks: Isolation['leaks'];
let leaksInBytes: Isolation['leaksInBytes'];
let changesNothing: Isolation['changesNothing'];
beforeAll(async () => {
  iso = await isolatedWorkshops();
  ({ server, dataDir, A, B, bActionId, bSpy, leaks, leaksInBytes, changesNothing } = iso);
}, 60_000);
afterAll(() => iso?.close());

describe('positive controls: B’s secrets are where B’s own people look', () => {
  it('every export of B (JSON, Markdown, each CSV file, PDF) carries its markers', async () => {
    const texts = await everyExport(server, B.workshop);
    expect(texts.length).toBeGreaterThanOrEqual(5);
    for (const text of texts) expect(text).toContain(M);
    const json = texts[0]!;
    for (const marker of ['steptitle', 'notetext', 'ideatext', 'ratingnote', 'actiontext']) {
      expect(json).toContain(`${M}${marker}`);
    }
    expect(leaksInBytes(bSpy.received)).toContain(M);
    expect(leaks(JSON.stringify(B.customer.client.heard))).toContain(M);
  });
});

describe('Socket.io', () => {
  it('binds a token of A to A, whatever else the handshake names', async () => {
    await changesNothing(
      async () => {
        for (const p of [A.fac, A.customer, A.observer, A.screen]) {
          const socket = ioClient(server.url, {
            path: SOCKET_IO_PATH,
            auth: { v: PROTOCOL_VERSION, token: p.token, w: B.workshop.id, p: B.fac.id, s: true },
            query: { workshopId: B.workshop.id, w: B.workshop.id },
            transports: ['websocket'],
            forceNew: true,
            reconnection: false,
          });
          const heard: Array<[string, unknown[]]> = [];
          socket.onAny((event: string, ...args: unknown[]) => heard.push([event, args]));
          try {
            await waitFor(() => heard.some(([e]) => e === 'workshop:state'), 5000, 'a state');
            const state = heard.find(([e]) => e === 'workshop:state')![1][0] as {
              info: { id: string };
            };
            expect(state.info.id).toBe(A.workshop.id);
            const you = heard.find(([e]) => e === 'session:you')?.[1][0] as
              { participantId: string } | undefined;
            expect(you?.participantId ?? null).toBe(p.id);
            expect(leaks(JSON.stringify(heard))).toEqual([]);
          } finally {
            socket.close();
          }
        }
        // A hears these connections come and go (presence); B hears nothing.
      },
      { aMayHear: true },
    );
  });

  it('refuses a token of A rewritten to name B or B’s people', async () => {
    const [version, body, mac] = A.customer.token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as object;
    const forge = (c: object) =>
      `${version}.${Buffer.from(JSON.stringify(c)).toString('base64url')}.${mac}`;
    for (const c of [
      { ...claims, w: B.workshop.id },
      { ...claims, w: B.workshop.id, p: B.customer.id },
      { ...claims, p: B.fac.id },
    ]) {
      const token = forge(c);
      expect(await handshakeError(server, { v: PROTOCOL_VERSION, token })).toBe(
        ErrorCode.UNAUTHORIZED,
      );
      const ws = rawYjsSocket(server, B.workshop.id, token);
      expect((await ws.closed).code).toBe(CloseCode.UNAUTHORIZED);
    }
  });

  it('answers events naming B’s steps, people, ideas and actions with NOT_FOUND, changing nothing', async () => {
    const ACTION = {
      text: 'Alpha action',
      owner: null,
      department: null,
      dueDate: null,
      stepId: null,
      ideaId: null,
    };
    await ok(A.fac, 'phase:set', { phase: 'walk' });
    await ok(A.fac, 'walk:pace', { pace: 'free' });
    await ok(A.fac, 'actions:allow', { allowed: true });
    const { id: aActionId } = (await ok(A.fac, 'action:put', ACTION)) as { id: string };
    const bStep = B.steps[0]!;
    expect(A.steps).not.toContain(bStep);
    expect(A.personas).not.toContain(B.personas[0]);
    const attempts: Array<[Person, ClientEventName, unknown]> = [
      [A.fac, 'walk:step', { stepId: bStep }],
      [A.fac, 'walk:lock', { stepId: bStep, locked: true }],
      [A.fac, 'reveal:step', { stepId: bStep }],
      [A.fac, 'people:set-role', { participantId: B.customer.id, role: 'observer' }],
      [A.fac, 'people:set-role', { participantId: B.fac.id, role: 'observer' }],
      [A.fac, 'people:set-lens', { participantId: B.customer.id, lens: 'staff' }],
      [A.fac, 'people:assign', { participantId: B.customer.id, personaId: A.personas[0] }],
      [A.fac, 'people:assign', { participantId: A.customer.id, personaId: B.personas[0] }],
      [A.fac, 'people:remove', { participantId: B.customer.id }],
      [A.fac, 'people:remove', { participantId: B.fac.id }],
      [A.fac, 'action:put', { ...ACTION, id: bActionId }],
      [A.fac, 'action:put', { ...ACTION, stepId: bStep }],
      [A.fac, 'action:put', { ...ACTION, ideaId: B_IDEA_ID }],
      [A.fac, 'action:delete', { id: bActionId }],
      [A.customer, 'rating:put', rating(bStep)],
      [A.customer, 'action:put', { ...ACTION, id: bActionId }],
      [A.customer, 'action:put', { ...ACTION, ideaId: B_IDEA_ID }],
      [A.customer, 'action:delete', { id: bActionId }],
    ];
    await changesNothing(async () => {
      for (const [p, event, payload] of attempts) {
        expect(await p.client.request(event, payload), `${p.name} ${event}`).toEqual({
          ok: false,
          error: { code: ErrorCode.NOT_FOUND, message: expect.any(String) },
        });
      }
    });

    // Voting on B's idea, in A's vote phase.
    await ok(A.fac, 'phase:set', { phase: 'vote' });
    await changesNothing(async () => {
      for (const p of [A.customer, A.leader]) {
        expect(await p.client.request('vote:set', { ideaId: B_IDEA_ID, dots: 1 })).toEqual({
          ok: false,
          error: { code: ErrorCode.NOT_FOUND, message: expect.any(String) },
        });
      }
    });

    // The same events with A's own ids work: the payloads were valid.
    const rowsBefore = databaseRows(dataDir, A.workshop.id);
    await ok(A.fac, 'phase:set', { phase: 'walk' });
    await ok(A.fac, 'walk:step', { stepId: A.steps[1] });
    await ok(A.fac, 'people:set-lens', { participantId: A.customer.id, lens: 'staff' });
    await ok(A.fac, 'people:assign', { participantId: A.customer.id, personaId: A.personas[0] });
    await ok(A.customer, 'rating:put', rating(A.steps[0]!));
    await ok(A.customer, 'action:put', { ...ACTION, stepId: A.steps[0] });
    await ok(A.fac, 'action:delete', { id: aActionId });
    expect(databaseRows(dataDir, A.workshop.id)).not.toEqual(rowsBefore);
  });
});

describe('what A’s people can read', () => {
  it('no export of A, in any format, its summary or its runs, carries anything of B', async () => {
    for (const text of await everyExport(server, A.workshop)) expect(leaks(text)).toEqual([]);
    const key = A.workshop.facilitatorKey;
    for (const format of ['json', 'md']) {
      const runs = await callApi(
        server.url,
        'GET',
        `/api/workshops/${A.workshop.id}/runs?format=${format}`,
        key,
      );
      expect(runs.status).toBe(200);
      expect(leaks(runs.text)).toEqual([]);
    }
    await ok(A.fac, 'phase:set', { phase: 'summary' });
    for (const p of [A.fac, A.customer, A.observer]) {
      const summary = await callApi(
        server.url,
        'GET',
        `/api/workshops/${A.workshop.id}/summary`,
        p.token,
      );
      expect(summary.status).toBe(200);
      expect(leaks(summary.text)).toEqual([]);
    }
  });

  it('nothing A’s clients heard on Socket.io, from the first connect on, carries anything of B', () => {
    for (const p of A.everyone) {
      expect(p.client.heard.length).toBeGreaterThan(3);
      expect(leaks(JSON.stringify(p.client.heard)), p.name).toEqual([]);
    }
  });
});
