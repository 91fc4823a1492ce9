/**
 * Presence traffic (docs/protocol.md): a change of someone's presence is relayed to the
 * others at once; a bare renewal (the same state under the next clock, which every
 * client sends each 15 s) is gathered and relayed once per `renewalRelayMs`, which still
 * keeps the state alive at the others. Real server, real y-websocket providers.
 */
import { describe, expect, it } from 'vitest';
import { boardClient, type BoardClient } from './helpers/board';
import { closeAfterEach } from './helpers/people';
import { createWorkshop, joinWorkshop, startTestServer, waitFor } from './helpers/server';

const open = closeAfterEach();
const RELAY_MS = 300;

/** How many awareness updates `to` has applied about `from`'s client, from now on. */
function counter(to: BoardClient, from: BoardClient): () => number {
  let seen = 0;
  to.provider.awareness.on(
    'update',
    ({ added, updated }: { added: number[]; updated: number[] }) => {
      if ([...added, ...updated].includes(from.doc.clientID)) seen++;
    },
  );
  return () => seen;
}

const clockAt = (to: BoardClient, from: BoardClient) =>
  to.provider.awareness.meta.get(from.doc.clientID)?.clock ?? -1;

describe('presence', () => {
  it('relays a change at once and gathers bare renewals into one relay per interval', async () => {
    const server = await startTestServer({ yjs: { renewalRelayMs: RELAY_MS } });
    open.push(server);
    const w = await createWorkshop(server);
    const fac = await joinWorkshop(server, w.id, { name: 'Fran' }, w.facilitatorKey);
    const lea = await joinWorkshop(server, w.id, { name: 'Lea', role: 'leader' });
    const fran = await boardClient(server, w.id, fac.token, open);
    const leaBoard = await boardClient(server, w.id, lea.token, open);

    // A change arrives well before a renewal interval could have passed.
    const seen = counter(leaBoard, fran);
    const sent = Date.now();
    fran.provider.awareness.setLocalStateField('presence', { stepId: 'a' });
    await waitFor(
      () =>
        leaBoard.provider.awareness.getStates().get(fran.doc.clientID)?.presence?.stepId === 'a',
      5000,
      'the change to reach Lea',
    );
    expect(Date.now() - sent).toBeLessThan(RELAY_MS * 10);
    expect(seen()).toBe(1);

    // Five renewals in a row: the state is unchanged, only its clock moves on.
    const state = fran.provider.awareness.getLocalState();
    for (let i = 0; i < 5; i++) fran.provider.awareness.setLocalState(state);
    const last = fran.provider.awareness.meta.get(fran.doc.clientID)!.clock;
    await waitFor(() => clockAt(leaBoard, fran) === last, 5000, 'the renewals to reach Lea');
    // One relay carried them (two, should the interval have ended among the five).
    expect(seen() - 1).toBeGreaterThanOrEqual(1);
    expect(seen() - 1).toBeLessThanOrEqual(2);
    // (With the name and role the server vouches for: new workshops are anonymous.)
    expect(leaBoard.provider.awareness.getStates().get(fran.doc.clientID)?.presence).toEqual({
      name: '',
      role: 'facilitator',
      stepId: 'a',
    });
  });
});
