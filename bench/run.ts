/**
 * `npm run bench` (`-- --quick` for the scaled-down CI run): starts the production server
 * as a process of its own, drives it with real clients from separate load processes,
 * and writes bench/results/latest.json and the table in docs/performance.md.
 * Exits non-zero when the harness breaks (a server that does not start, clients that
 * cannot connect, a figure that did not come out); never because of a timing.
 */
import os from 'node:os';
import { type Figure, missing, valueFigure } from './figures';
import { paramsFor } from './params';
import { machine, type Report, table, write } from './report';
import { bigRoom } from './scenarios/big-room';
import { manyWorkshops, oneServer } from './scenarios/many-workshops';
import { pageWeight } from './scenarios/page-weight';
import { restart } from './scenarios/restart';
import { oneAttacker, S7 } from './scenarios/one-attacker';
import { startCluster } from '../support/cluster';
import { freshDataDir, type ServerHandle, startOurServer } from '../support/servers';
import { ensureBuild, startReferenceServer } from './servers';
import { nowMs } from './stats';

const round = (n: number) => Math.round(n * 100) / 100;
const params = paramsFor(process.argv.includes('--quick'));
/** `--only=1,4`: just those scenarios, printed and not written (for profiling a change). */
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const want = (scenario: string) => !only || only.includes(scenario);
const running = new Set<ServerHandle>();

async function started(server: Promise<ServerHandle>): Promise<ServerHandle> {
  const s = await server;
  running.add(s);
  return s;
}

async function stopped(server: ServerHandle): Promise<void> {
  await server.stop();
  running.delete(server);
}

const t0 = nowMs();
const startedAt = new Date().toISOString();
const loadBefore = os.loadavg()[0]!;

async function main(): Promise<void> {
  ensureBuild();
  const figures: Figure[] = [];
  const errors: Record<string, number> = {};
  const note = (scenario: string, errs: Record<string, number>) => {
    for (const [k, v] of Object.entries(errs)) errors[`${scenario}: ${k}`] = v;
  };

  // 1 and 5: many workshops on a fresh data directory; the page weight while it serves.
  const dataDir = freshDataDir();
  let server = await started(startOurServer(dataDir));
  const many = await manyWorkshops(params, oneServer(server));
  figures.push(...many.figures);
  note('1', many.errors);
  const weight = want('5') ? await pageWeight(server.url, many.rooms[0]?.room) : [];
  await stopped(server);

  // 4: a new process on the same data.
  if (want('4')) {
    const again = await restart(dataDir, many.rooms, many.boards);
    running.add(again.server);
    figures.push(...again.figures);
    await stopped(again.server);
  }

  // 7: scenario 1 again on a fresh server, with one participant attacking it beside.
  if (want('7')) {
    server = await started(startOurServer(freshDataDir()));
    const attacked = await manyWorkshops(params, oneServer(server), S7, oneAttacker(server.url));
    await stopped(server);
    figures.push(...attacked.figures, ...besideUnloaded(many.figures, attacked.figures));
    note('7', attacked.errors);
  }
  if (only && !only.some((s) => ['2', '3', '6'].includes(s))) return finish(figures, errors);

  // 6: scenario 1 again, through nginx over two nodes on Postgres and Redis.
  const cluster = await startCluster(2);
  for (const node of cluster.nodes) running.add(node);
  try {
    const two = await manyWorkshops(params, cluster.target, '6 two nodes behind nginx');
    figures.push(...two.figures);
    note('6', two.errors);
  } finally {
    await cluster.stop();
    for (const node of cluster.nodes) running.delete(node);
  }

  // 2 and 3: one big room on ours, then the same workload on the reference server.
  server = await started(startOurServer(freshDataDir()));
  const ours = await bigRoom(params, server, 'ours', false);
  figures.push(...ours.figures);
  note('2', ours.load.errors);
  await stopped(server);

  // The reference as it is used (stock y-websocket clients echo others' presence), and
  // with clients that behave as ours do, so neither comparison hides the other.
  const refs = [];
  for (const echo of [true, false]) {
    server = await started(startReferenceServer());
    const ref = await bigRoom(params, server, 'reference', echo);
    figures.push(...ref.figures);
    note(`3 (echo ${echo})`, ref.load.errors);
    await stopped(server);
    refs.push(ref);
  }

  const p99 = (r: typeof ours, kind: string) => r.load.histograms.get(kind)?.quantile(0.99) ?? NaN;
  const [stock, alike] = refs as [typeof ours, typeof ours];
  const S3 = '3 reference server';
  figures.push(
    valueFigure(
      S3,
      'our p99 ÷ reference p99, board updates (stock clients)',
      'ratio',
      p99(ours, 'y') / p99(stock, 'y'),
      { max: 0.5 },
    ),
    valueFigure(
      S3,
      'our p99 ÷ reference p99, presence (stock clients)',
      'ratio',
      p99(ours, 'a') / p99(stock, 'a'),
    ),
    valueFigure(
      S3,
      'our p99 ÷ reference p99, board updates (clients as ours)',
      'ratio',
      p99(ours, 'y') / p99(alike, 'y'),
    ),
    valueFigure(
      S3,
      'our p99 ÷ reference p99, presence (clients as ours)',
      'ratio',
      p99(ours, 'a') / p99(alike, 'a'),
    ),
  );
  figures.push(...weight);

  await finish(figures, errors);
}

/** Scenario 7's targets: the others' p99 within 2×, the server's RSS within 1.5×. */
function besideUnloaded(unloaded: Figure[], attacked: Figure[]): Figure[] {
  const find = (list: Figure[], name: string) => list.find((f) => f.name === name);
  const p99 = (list: Figure[]) => find(list, 'action → other clients, all kinds')?.p99 ?? NaN;
  const rss = (list: Figure[]) => find(list, 'server RSS, all connected')?.value ?? NaN;
  return [
    valueFigure(
      S7,
      'p99 of the other workshops ÷ scenario 1',
      'ratio',
      p99(attacked) / p99(unloaded),
      {
        max: 2,
      },
    ),
    valueFigure(S7, 'server RSS ÷ scenario 1', 'ratio', rss(attacked) / rss(unloaded), {
      max: 1.5,
    }),
  ];
}

async function finish(figures: Figure[], errors: Record<string, number>): Promise<void> {
  const report: Report = {
    mode: params.mode,
    startedAt,
    durationS: Math.round((nowMs() - t0) / 1000),
    machine: machine(),
    loadAverage: { before: round(loadBefore), after: round(os.loadavg()[0]!) },
    params,
    figures,
    errors,
  };
  if (!only) await write(report);
  console.log(`\n${table(report)}\n`);
  const absent = figures.filter(missing);
  if (absent.length > 0) {
    throw new Error(
      `figures missing: ${absent.map((f) => `${f.scenario} / ${f.name}`).join('; ')}`,
    );
  }
}

main().then(
  () => process.exit(0),
  async (err: unknown) => {
    console.error('bench failed:', err instanceof Error ? err.message : err);
    for (const s of running) {
      await s.stop().catch(() => undefined);
    }
    process.exit(1);
  },
);
