/**
 * The review of issue 21: a send bound per socket is no bound if one person can open
 * sockets without end (59 paused board sockets of one customer held 213 MiB in the
 * kernel and +95 MiB in the server after 40 s, rising). A person holds at most
 * CONNECTIONS_PER_PERSON_MAX connections at once on each channel.
 */
import { describe, expect, it } from 'vitest';
import { CONNECTIONS_PER_PERSON_MAX } from '../../lib/constants';
import { CloseCode } from '../../lib/protocol/codes';
import { closeAfterEach } from '../helpers/people';
import {
  connectClient,
  createWorkshop,
  joinWorkshop,
  rawYjsSocket,
  startTestServer,
  TestClient,
  waitFor,
} from '../helpers/server';

const open = closeAfterEach();
const TRIES = CONNECTIONS_PER_PERSON_MAX + 4;

describe('one person’s connections', () => {
  it('are held to CONNECTIONS_PER_PERSON_MAX open board sockets; others still connect', async () => {
    const server = await startTestServer();
    open.push(server);
    const w = await createWorkshop(server);
    const eve = await joinWorkshop(server, w.id, { name: 'Eve', role: 'customer' });
    const anna = await joinWorkshop(server, w.id, { name: 'Anna', role: 'staff' });
    const sockets = [];
    for (let i = 0; i < TRIES; i++) {
      const raw = rawYjsSocket(server, w.id, eve.token);
      open.push({ close: () => raw.ws.terminate() });
      await raw.opened;
      sockets.push(raw);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    const closed = await Promise.all(
      sockets.map((s) =>
        Promise.race([s.closed.then((c) => c.code), new Promise((r) => setTimeout(r, 50, null))]),
      ),
    );
    expect(closed.filter((c) => c === CloseCode.RATE_LIMITED)).toHaveLength(
      TRIES - CONNECTIONS_PER_PERSON_MAX,
    );
    expect(closed.filter((c) => c === null)).toHaveLength(CONNECTIONS_PER_PERSON_MAX);

    const honest = rawYjsSocket(server, w.id, anna.token);
    open.push({ close: () => honest.ws.terminate() });
    await honest.opened;
    const answered = await Promise.race([
      honest.closed.then(() => false),
      new Promise((r) => setTimeout(r, 300, true)),
    ]);
    expect(answered).toBe(true);
  });

  it('are held to CONNECTIONS_PER_PERSON_MAX Socket.io sessions', async () => {
    const server = await startTestServer();
    open.push(server);
    const w = await createWorkshop(server);
    const eve = await joinWorkshop(server, w.id, { name: 'Eve', role: 'customer' });
    const clients: TestClient[] = [];
    for (let i = 0; i < CONNECTIONS_PER_PERSON_MAX; i++) {
      const c = await connectClient(server, eve.token);
      open.push(c);
      clients.push(c);
    }
    const extra = new TestClient(server.url, eve.token);
    open.push(extra);
    await waitFor(() => !extra.socket.active, 5000, 'the extra session refused');
    expect(extra.socket.connected).toBe(false);
    expect(clients.every((c) => c.socket.connected)).toBe(true);
  });
});
