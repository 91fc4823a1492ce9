import http from 'node:http';
import type net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { Heartbeat } from './heartbeat';

const PERIOD_MS = 300;
const KEEPALIVE = new Uint8Array([1, 1, 0]);

interface Peer {
  ws: WebSocket;
  pings: number[];
  keepalives: number;
  closed: boolean;
}

let stop: Array<() => void> = [];
afterEach(() => {
  for (const s of stop) s();
  stop = [];
});

/** A real ws server on port 0 whose sockets the heartbeat watches; `echo` sends to each. */
async function serve() {
  const server = http.createServer();
  const wss = new WebSocketServer({ server });
  const heartbeat = new Heartbeat(() => wss.clients, PERIOD_MS, KEEPALIVE);
  const accepted: WebSocket[] = [];
  wss.on('connection', (ws, req) => {
    heartbeat.add(ws, req.socket as net.Socket);
    accepted.push(ws);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  stop.push(() => {
    heartbeat.stop();
    for (const ws of wss.clients) ws.terminate();
    wss.close();
    server.close();
  });
  return { port, accepted };
}

async function connect(port: number, options: { autoPong?: boolean } = {}): Promise<Peer> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}`, { autoPong: options.autoPong ?? true });
  const peer: Peer = { ws, pings: [], keepalives: 0, closed: false };
  ws.on('ping', () => peer.pings.push(Date.now()));
  ws.on('message', (data: Buffer) => {
    if (Buffer.compare(data, Buffer.from(KEEPALIVE)) === 0) peer.keepalives++;
  });
  ws.on('close', () => (peer.closed = true));
  stop.push(() => ws.terminate());
  await new Promise((r) => ws.once('open', r));
  return peer;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the websocket heartbeat', () => {
  it('keeps a quiet but live client: pinged, sent keepalives, never dropped', async () => {
    const { port } = await serve();
    const quiet = await connect(port);
    await sleep(PERIOD_MS * 5);
    expect(quiet.closed).toBe(false);
    expect(quiet.pings.length).toBeGreaterThanOrEqual(2);
    expect(quiet.keepalives).toBeGreaterThanOrEqual(3);
  });

  it('drops a peer that stops answering within a few periods', async () => {
    const { port, accepted } = await serve();
    const dead = await connect(port, { autoPong: false });
    await sleep(PERIOD_MS * 4);
    expect(dead.pings.length).toBeGreaterThanOrEqual(1);
    expect(accepted[0]!.readyState).toBe(WebSocket.CLOSED);
  });

  it('neither pings a client that talks nor sends keepalives to one that is sent to', async () => {
    const { port, accepted } = await serve();
    const busy = await connect(port);
    const talk = setInterval(() => {
      busy.ws.send(new Uint8Array([9]));
      accepted[0]?.send(new Uint8Array([8]));
    }, PERIOD_MS / 6);
    stop.push(() => clearInterval(talk));
    await sleep(PERIOD_MS * 4);
    expect(busy.closed).toBe(false);
    expect(busy.pings).toEqual([]);
    expect(busy.keepalives).toBe(0);
  });

  it('visits the sockets a slice at a time, spread over the period', async () => {
    const { port } = await serve();
    const quiet = await Promise.all(Array.from({ length: 20 }, () => connect(port)));
    await sleep(PERIOD_MS * 2.5);
    const firstPings = quiet.map((p) => p.pings[0]).filter((t) => t !== undefined);
    expect(firstPings.length).toBe(20);
    // All at once would put them within a few ms; in slices they span most of a period.
    expect(Math.max(...firstPings) - Math.min(...firstPings)).toBeGreaterThan(PERIOD_MS / 2);
  });
});
