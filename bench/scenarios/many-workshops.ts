import { type Figure, latencyFigure, loadFigures, valueFigure } from '../figures';
import { LoadPool } from '../load-pool';
import type { Params } from '../params';
import { cpuShare, sampleProcesses } from '../proc-stats';
import type { ServerHandle, Target } from '../../support/servers';
import { createWorkshops, type CreatedRoom, inBatches, STEP_IDS } from '../setup';
import { readBoard } from '../boards';
import { Histogram } from '../stats';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const S = '1 many workshops';

export interface ManyResult {
  figures: Figure[];
  rooms: CreatedRoom[];
  /** Each workshop's notes after the load stopped, for the restart scenario to compare. */
  boards: Map<string, string>;
  errors: Record<string, number>;
}

/**
 * Something that runs beside the load and is measured with it (scenario 7's attacker):
 * started once the load acts, stopped after the last memory reading.
 */
export interface Disturbance {
  start(): Promise<void>;
  /** Stops it; its own figures. */
  stop(): Promise<Figure[]>;
}

export const oneServer = (server: ServerHandle): Target => ({
  url: server.url,
  nodes: [{ url: server.url, pid: server.pid }],
});

/**
 * Asks each node for a page once. A node prepares Next's pages on the first page request
 * or when its event loop is idle (server/start-when-idle.ts): a memory reading taken right
 * after the workshops were created could come before that (~75 MB, seen in a quick run)
 * and count the pages against the participants. One small page each, so that little
 * rendering garbage lands in the reading.
 */
async function pagesPrepared(target: Target): Promise<void> {
  for (const node of target.nodes) {
    const res = await fetch(`${node.url}/`);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`GET ${node.url}/: ${res.status}`);
  }
}

/**
 * Scenario 1: many workshops at once, everyone acting every few seconds. Latency is from
 * one client's action to its arrival at each other client of the workshop. Scenario 6
 * runs the same through nginx over two nodes (`label`), without the targets of 1.
 */
export async function manyWorkshops(
  p: Params,
  server: Target,
  label = S,
  beside?: Disturbance,
): Promise<ManyResult> {
  const S = label;
  const targets = label.startsWith('1 ');
  const { workshops, perWorkshop, warmupS, measureS, mix } = p.many;
  const people = workshops * perWorkshop;
  console.log(`[${S[0]}] creating ${workshops} workshops × ${perWorkshop} participants…`);
  const rooms = await createWorkshops(server.url, workshops, perWorkshop);
  await pagesPrepared(server);
  // Memory before anyone connects, the pages ready: the difference is what the connected
  // people cost.
  const pids = server.nodes.map((n) => n.pid);
  const before = sampleProcesses(pids);
  console.log(
    `[${S[0]}] connecting ${people} × (Socket.io + Yjs) from ${p.loadProcesses} load processes…`,
  );
  const pool = await LoadPool.start(
    {
      url: server.url,
      target: 'ours',
      rooms,
      stepIds: STEP_IDS,
      mix,
      meanIntervalMs: p.meanIntervalMs,
      // Our client sends only its own presence (lib/stores/doc-store.ts).
      echoPresence: false,
      connectConcurrency: 20,
    },
    p.loadProcesses,
    240_000,
  );
  let besideFigures: Figure[] | null = null;
  try {
    pool.act();
    await beside?.start();
    await sleep(warmupS * 1000);
    await pool.measure();
    const start = sampleProcesses(pids);
    console.log(`[${S[0]}] measuring for ${measureS} s…`);
    await sleep(measureS * 1000);
    const end = sampleProcesses(pids);
    const load = await pool.stop();
    // Memory with everyone still connected once the load has drained (pool.stop waits
    // 2 s): what connections and workshops hold, not the write backlog of a busy moment.
    const settled = sampleProcesses(pids);
    if (beside) besideFigures = await beside.stop();
    const boards = new Map<string, string>();
    const errors = { ...load.errors };
    await inBatches(rooms, 10, async (room) => {
      // Beside an attacker, a board that no longer syncs is a finding, not a broken harness.
      const board = beside
        ? await readBoard(server.url, room).catch(() => {
            errors['a board did not sync after the load'] =
              (errors['a board did not sync after the load'] ?? 0) + 1;
            return null;
          })
        : await readBoard(server.url, room);
      if (board !== null) boards.set(room.room, board);
    });

    const all = new Histogram();
    for (const h of load.histograms.values()) all.merge(h.toData());
    const actions = Object.values(load.actions).reduce((a, b) => a + b, 0);
    const cpu = cpuShare(start, end);
    const perPerson = (sample: { rssKb: number }) => (sample.rssKb - before.rssKb) / people;
    const figures: Figure[] = [
      latencyFigure(
        S,
        'action → other clients, all kinds',
        all,
        targets ? { p99Max: 50 } : undefined,
      ),
      latencyFigure(S, 'rating / readiness (Socket.io broadcast)', load.histograms.get('s')),
      latencyFigure(S, 'note edit (Yjs update)', load.histograms.get('y')),
      latencyFigure(S, 'presence (Yjs awareness)', load.histograms.get('a')),
      valueFigure(S, 'actions per second', '1/s', (actions * 1000) / load.measuredMs),
      valueFigure(S, 'server CPU', '% of one core', cpu * 100),
      valueFigure(S, 'server CPU per action', 'ms', (end.cpuMs - start.cpuMs) / actions || NaN),
      valueFigure(
        S,
        'server memory per connected participant',
        'KB',
        perPerson(settled),
        targets ? { max: 50 } : undefined,
      ),
      valueFigure(S, 'same, at the end of the load (with write backlog)', 'KB', perPerson(end)),
      valueFigure(S, 'server RSS, all connected', 'MB', settled.rssKb / 1024),
      valueFigure(
        S,
        'messages/s the server sends',
        '1/s',
        (load.received * 1000) / load.measuredMs,
      ),
      valueFigure(S, 'arrivals lost', 'count', load.lost),
      ...loadFigures(S, load),
      ...(besideFigures ?? []),
    ];
    return { figures, rooms, boards, errors };
  } finally {
    // A failed run must not leave the attacker's process behind.
    if (beside && besideFigures === null) await beside.stop().catch(() => []);
    await pool.close();
  }
}
