/**
 * Issue 21, item 8: presence carries only what the server can vouch for. Raw awareness
 * messages over `ws` as an observer and as a projector screen; a y-websocket provider
 * (the facilitator's page) shows what everyone else sees.
 */
import { describe, expect, it } from 'vitest';
import { PRESENCE_STATE_MAX_BYTES } from '../../lib/constants';
import { boardClient, type BoardClient } from '../helpers/board';
import { awareness } from '../helpers/fuzz-yjs';
import { closeAfterEach } from '../helpers/people';
import {
  connectClient,
  createWorkshop,
  joinWorkshop,
  rawYjsSocket,
  startTestServer,
  waitFor,
} from '../helpers/server';

const open = closeAfterEach();
const GHOSTS = 2_000;

type State = { presence?: { name?: string; role?: string; stepId?: string } } & Record<
  string,
  unknown
>;
const stateOf = (board: BoardClient, client: number) =>
  board.provider.awareness.getStates().get(client) as State | undefined;

/** A workshop (anonymous, as new ones are, unless `named`) with Fran's page open. */
async function room({ named = false } = {}) {
  const server = await startTestServer();
  open.push(server);
  const w = await createWorkshop(server);
  const fac = await joinWorkshop(server, w.id, { name: 'Fran' }, w.facilitatorKey);
  const facSocket = await connectClient(server, fac.token);
  open.push(facSocket);
  const anonymous = !named;
  expect(await facSocket.request('settings:anonymous', { anonymous })).toEqual({ ok: true });
  const olli = await joinWorkshop(server, w.id, { name: 'Olli', role: 'observer' });
  const anna = await joinWorkshop(server, w.id, { name: 'Anna', role: 'customer' });
  const fran = await boardClient(server, w.id, fac.token, open);
  return { server, w, fac, olli, anna, fran, facSocket };
}

/** Olli's raw socket, and a way to know the server has handled what it sent so far. */
async function rawOlli(r: Awaited<ReturnType<typeof room>>, client: number) {
  const raw = rawYjsSocket(r.server, r.w.id, r.olli.token);
  open.push({ close: () => raw.ws.terminate() });
  await raw.opened;
  let clock = 1;
  const say = (json: string) => raw.ws.send(awareness([{ client, clock: clock++, json }]));
  /** Sends a state of Olli's own, and waits until Fran sees it. */
  const handled = async () => {
    const marker = `m${clock}`;
    say(JSON.stringify({ presence: { stepId: marker } }));
    await waitFor(() => stateOf(r.fran, client)?.presence?.stepId === marker, 5000, 'the marker');
  };
  return { raw, say, handled, next: () => clock++ };
}

describe('presence', () => {
  it('carries the name and role of the token’s participant, whatever the client says', async () => {
    const r = await room({ named: true });
    const olli = await rawOlli(r, 1001);
    olli.say(
      JSON.stringify({ presence: { name: 'Fran', role: 'facilitator', stepId: 'request-quote' } }),
    );
    await waitFor(() => stateOf(r.fran, 1001) !== undefined, 5000, 'Olli’s presence');
    console.log(`[presence] Olli as Fran is seen as ${JSON.stringify(stateOf(r.fran, 1001))}`);
    expect(stateOf(r.fran, 1001)).toEqual({
      presence: { name: 'Olli', role: 'observer', stepId: 'request-quote' },
    });
  });

  it('keeps one state per connection: ghost client ids are refused', async () => {
    const r = await room();
    const olli = await rawOlli(r, 1001);
    await olli.handled();
    const ghosts = Array.from({ length: GHOSTS }, (_, i) => ({
      client: 5000 + i,
      clock: 1,
      json: JSON.stringify({ presence: { stepId: 'request-quote' } }),
    }));
    for (let i = 0; i < GHOSTS; i += 500) olli.raw.ws.send(awareness(ghosts.slice(i, i + 500)));
    await olli.handled();
    const seen = [...r.fran.provider.awareness.getStates().keys()].filter(
      (id) => id >= 5000 && id < 5000 + GHOSTS,
    );
    console.log(`[presence] ${seen.length} of ${GHOSTS} ghost states reached Fran`);
    expect(seen).toEqual([]);
  });

  it('relays a bounded state: unknown fields dropped, an oversized state refused', async () => {
    const r = await room({ named: true });
    const olli = await rawOlli(r, 1001);
    // The largest state Fran's page ever holds.
    let biggest = 0;
    r.fran.provider.awareness.on('change', () => {
      for (const state of r.fran.provider.awareness.getStates().values()) {
        biggest = Math.max(biggest, JSON.stringify(state).length);
      }
    });
    olli.say(JSON.stringify({ presence: { stepId: 'request-quote' }, pad: 'x'.repeat(400_000) }));
    await olli.handled();
    console.log(`[presence] largest state relayed to Fran: ${biggest} bytes`);
    expect(biggest).toBeLessThanOrEqual(PRESENCE_STATE_MAX_BYTES);
    olli.say(JSON.stringify({ presence: { stepId: 'step-a' }, junk: 'x'.repeat(200) }));
    await waitFor(() => stateOf(r.fran, 1001)?.presence?.stepId === 'step-a', 5000, 'step-a');
    expect(stateOf(r.fran, 1001)).toEqual({
      presence: { name: 'Olli', role: 'observer', stepId: 'step-a' },
    });
  });

  it('relays nothing from a projector screen', async () => {
    const r = await room();
    const res = await fetch(`${r.server.url}/api/workshops/${r.w.id}/screens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${r.w.facilitatorKey}` },
    });
    const { token } = (await res.json()) as { token: string };
    const screen = rawYjsSocket(r.server, r.w.id, token);
    open.push({ close: () => screen.ws.terminate() });
    await screen.opened;
    screen.ws.send(
      awareness([{ client: 2002, clock: 1, json: JSON.stringify({ presence: { stepId: 'x' } }) }]),
    );
    const olli = await rawOlli(r, 1001);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await olli.handled();
    expect(stateOf(r.fran, 2002)).toBeUndefined();
  });

  it('hides names in an anonymous workshop (the default): roles only', async () => {
    const r = await room();
    const anna = await boardClient(r.server, r.w.id, r.anna.token, open);
    anna.provider.awareness.setLocalStateField('presence', {
      name: 'Anna',
      role: 'customer',
      stepId: 'request-quote',
    });
    await waitFor(
      () => stateOf(r.fran, anna.doc.clientID)?.presence?.stepId === 'request-quote',
      5000,
      'Anna’s presence',
    );
    expect(stateOf(r.fran, anna.doc.clientID)?.presence).toEqual({
      name: '',
      role: 'customer',
      stepId: 'request-quote',
    });
  });

  it('refuses nothing to a stock client echoing the presence of its person’s other tab', async () => {
    // y-websocket sends on every presence change it applies, others' too. Another
    // person's echoed id is dropped as theirs; the same person's other tab is theirs too,
    // and its echo is no second state of this connection, only an echo.
    const r = await room();
    const tabs = [
      await boardClient(r.server, r.w.id, r.anna.token, open),
      await boardClient(r.server, r.w.id, r.anna.token, open),
    ];
    tabs.forEach((tab, i) =>
      tab.provider.awareness.setLocalStateField('presence', { stepId: `tab-${i}` }),
    );
    for (const [i, tab] of tabs.entries()) {
      await waitFor(
        () => stateOf(r.fran, tab.doc.clientID)?.presence?.stepId === `tab-${i}`,
        5000,
        `tab ${i}`,
      );
    }
    await waitFor(
      () => tabs.every((t, i) => t.provider.awareness.getStates().has(tabs[1 - i]!.doc.clientID)),
      5000,
      'each tab sees the others',
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(tabs.flatMap((t) => t.denied)).toEqual([]);
  });
});
