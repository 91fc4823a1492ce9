/**
 * What the fuzz test (tests/fuzz.test.ts) found, each pinned down by a plain test that
 * holds for any seed.
 */
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { MyVotes } from '../lib/domain/votes';
import { ErrorCode } from '../lib/protocol/codes';
import type { AppServer } from '../server/app-server';
import { boardClient, hasNote, writeNote } from './helpers/board';
import { attackerSocket, screenToken } from './helpers/fuzz-attackers';
import { AttackDoc, awareness, garbageUpdate, syncUpdate } from './helpers/fuzz-yjs';
import {
  connectClient,
  createWorkshop,
  joinWorkshop,
  rawYjsSocket,
  startTestServer,
  waitFor,
} from './helpers/server';

const open: Array<{ close(): unknown }> = [];
afterAll(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

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
    const screen = attackerSocket(server, await screenToken(server, w.id, w.facilitatorKey), open);
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
