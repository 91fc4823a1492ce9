import { type Figure, latencyFigure, loadFigures, valueFigure } from '../figures';
import { LoadPool, type LoadResult } from '../load-pool';
import type { RoomSpec } from '../load-spec';
import type { Params } from '../params';
import { cpuShare, sampleProcess } from '../proc-stats';
import type { ServerHandle } from '../../support/servers';
import { createWorkshops, referenceRoom, STEP_IDS } from '../setup';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface BigRoomResult {
  load: LoadResult;
  cpu: number;
  figures: Figure[];
}

/**
 * Scenario 2 (ours) and 3 (the reference): one room, everyone editing the board with
 * presence on. The same clients and workload against both servers; on ours each person
 * also holds the Socket.io connection the page keeps open.
 */
export async function bigRoom(
  p: Params,
  server: ServerHandle,
  target: 'ours' | 'reference',
  /** Clients echo others' presence (stock y-websocket), or send only their own (ours). */
  echoPresence: boolean,
): Promise<BigRoomResult> {
  const { participants, warmupS, measureS, mix } = p.bigRoom;
  const tag = target === 'ours' ? '2' : '3';
  const S =
    target === 'ours'
      ? '2 one big room'
      : `3 reference, ${echoPresence ? 'stock clients (echo presence)' : 'clients as ours (no echo)'}`;
  const rooms: RoomSpec[] =
    target === 'ours'
      ? await createWorkshops(server.url, 1, participants)
      : [referenceRoom(participants)];
  console.log(`[${tag}] connecting ${participants} clients (${target}, echo ${echoPresence})…`);
  const pool = await LoadPool.start(
    {
      url: server.url,
      target,
      rooms,
      stepIds: STEP_IDS,
      mix,
      meanIntervalMs: p.meanIntervalMs,
      echoPresence,
      connectConcurrency: 10,
    },
    p.loadProcesses,
    180_000,
  );
  try {
    pool.act();
    await sleep(warmupS * 1000);
    await pool.measure();
    const start = sampleProcess(server.pid);
    console.log(`[${tag}] measuring for ${measureS} s…`);
    await sleep(measureS * 1000);
    const end = sampleProcess(server.pid);
    const load = await pool.stop();
    const cpu = cpuShare(start, end);
    const perS = (n: number) => (n * 1000) / load.measuredMs;
    const figures: Figure[] = [
      latencyFigure(
        S,
        'board update → other clients',
        load.histograms.get('y'),
        target === 'ours' ? { p99Max: 50 } : undefined,
      ),
      latencyFigure(S, 'presence → other clients', load.histograms.get('a')),
      valueFigure(S, 'messages/s the server sends', '1/s', perS(load.received)),
      valueFigure(S, 'messages/s the server receives', '1/s', perS(load.sent)),
      valueFigure(S, 'server CPU', '% of one core', cpu * 100),
      valueFigure(S, 'server RSS', 'MB', end.rssKb / 1024),
      valueFigure(S, 'arrivals lost', 'count', load.lost),
      ...loadFigures(S, load),
    ];
    return { load, cpu, figures };
  } finally {
    await pool.close();
  }
}
