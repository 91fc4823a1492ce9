/** A workshop on a server process, with its clients behind a proxy: for the crash tests. */
import type { WorkshopExport } from '../../lib/export/model';
import { type BoardClient, boardClient } from './board';
import {
  connectClient,
  type CreatedWorkshop,
  createWorkshop,
  type Joined,
  joinWorkshop,
  type TestClient,
  waitFor,
} from './server';
import { ServerProcess } from './server-process';
import { TcpProxy } from './tcp-proxy';

type Open = Array<{ close(): unknown }>;

export interface FaultMember {
  name: string;
  joined: Joined;
  /** Socket.io and y-websocket, both through the proxy. */
  client: TestClient;
  board: BoardClient;
}

export interface FaultRoom {
  server: ServerProcess;
  /** The original clients reach the server only through it. */
  proxy: TcpProxy;
  workshop: CreatedWorkshop;
  fac: FaultMember;
  /** Leader, staff and a customer proxy: they rate, vote and write notes. */
  people: [FaultMember, FaultMember, FaultMember];
  /** An observer's board: read-only, so it holds exactly what the server relayed. */
  watcher: BoardClient;
  watcherJoin: Joined;
  steps: string[];
}

export async function faultRoom(open: Open): Promise<FaultRoom> {
  // Compacting every 20 updates: the kill often meets a compaction, not only an append.
  const server = await ServerProcess.start({ compactAfterUpdates: 20 });
  open.push(server);
  const proxy = await TcpProxy.start({ host: '127.0.0.1', port: Number(new URL(server.url).port) });
  open.push(proxy);
  const workshop = await createWorkshop(server, {
    title: 'Crash',
    template: 'b2b-order-to-invoice',
    locale: 'en',
  });
  async function member(name: string, role?: string): Promise<FaultMember> {
    const joined = role
      ? await joinWorkshop(server, workshop.id, { name, role })
      : await joinWorkshop(server, workshop.id, { name }, workshop.facilitatorKey);
    const client = await connectClient(proxy, joined.token);
    open.push(client);
    const board = await boardClient(proxy, workshop.id, joined.token, open);
    return { name, joined, client, board };
  }
  const fac = await member('Fran');
  const people: [FaultMember, FaultMember, FaultMember] = [
    await member('Lea', 'leader'),
    await member('Sami', 'staff'),
    await member('Asta', 'customer'),
  ];
  const watcherJoin = await joinWorkshop(server, workshop.id, { name: 'Olli', role: 'observer' });
  const watcher = await boardClient(proxy, workshop.id, watcherJoin.token, open);
  const steps = watcher.doc.getArray<string>('stepOrder').toArray();
  return { server, proxy, workshop, fac, people, watcher, watcherJoin, steps };
}

/** Waits until a board's connection is gone (the server process died under it). */
export async function boardCut(board: BoardClient): Promise<void> {
  await waitFor(() => !board.provider.wsconnected, 10_000, 'the board connection to drop');
}

/** The workshop as the facilitator downloads it (the HTTP export, JSON). */
export async function exportJson(room: FaultRoom): Promise<WorkshopExport> {
  const res = await fetch(
    `${room.server.url}/api/workshops/${room.workshop.id}/export?format=json`,
    { headers: { authorization: `Bearer ${room.workshop.facilitatorKey}` } },
  );
  if (res.status !== 200) throw new Error(`export failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as WorkshopExport;
}

/** The room's original clients, every one. */
export function originals(room: FaultRoom): FaultMember[] {
  return [room.fac, ...room.people];
}
