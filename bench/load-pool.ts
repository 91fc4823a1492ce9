import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import type { FromWorker, LoadSpec, ToWorker, WorkerResult } from './load-spec';
import { Histogram } from './stats';
import { NODE_START_FLAGS, flagsFrom } from '../support/start-flags';

const WORKER = path.join(import.meta.dirname, 'load-worker.ts');

/** Merged results of all load processes. */
export interface LoadResult {
  histograms: Map<string, Histogram>;
  lost: number;
  actions: Record<string, number>;
  received: number;
  sent: number;
  measuredMs: number;
  /** Mean CPU of the load processes (share of one core) and their worst loop delay p99. */
  loadCpu: number;
  loopDelayP99Ms: number;
  errors: Record<string, number>;
}

/**
 * Load processes separate from the server (and from the harness), each holding whole
 * rooms. Every step waits for all of them and fails loudly if one fails or dies.
 */
export class LoadPool {
  private constructor(private readonly workers: ChildProcess[]) {}

  /**
   * Forks `count` load processes and deals the rooms of `spec` among them, round robin.
   * With fewer rooms than processes (one big room) each room's people are dealt out
   * instead: latency is then timed between the people of each process (a sample of the
   * room's pairs), while every client still receives everything.
   */
  static async start(spec: LoadSpec, count: number, timeoutMs: number): Promise<LoadPool> {
    const n = Math.max(1, count);
    const split = spec.rooms.length < n;
    const share = (i: number): LoadSpec['rooms'] =>
      split
        ? spec.rooms.map((r) => ({ ...r, members: r.members.filter((_, m) => m % n === i) }))
        : spec.rooms.filter((_, r) => r % n === i);
    const workers = Array.from({ length: n }, () =>
      fork(WORKER, [], {
        // BENCH_LOAD_CPU_PROF=<dir>: profile the load processes too (`node --cpu-prof`).
        execArgv: [
          '--import',
          'tsx',
          ...NODE_START_FLAGS,
          ...flagsFrom('BENCH_LOAD_NODE_FLAGS'),
          ...(process.env.BENCH_LOAD_CPU_PROF
            ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_LOAD_CPU_PROF}`]
            : []),
        ],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
    );
    const pool = new LoadPool(workers);
    await pool.all(
      (_w, i) => ({ type: 'connect', spec: { ...spec, rooms: share(i) } }),
      'connected',
      timeoutMs,
    );
    return pool;
  }

  /** Sends each worker its message and waits for the reply of type `expect` from all. */
  private all<T extends FromWorker['type']>(
    message: (worker: ChildProcess, index: number) => ToWorker,
    expect: T,
    timeoutMs: number,
  ): Promise<Array<Extract<FromWorker, { type: T }>>> {
    return Promise.all(
      this.workers.map(
        (worker, i) =>
          new Promise<Extract<FromWorker, { type: T }>>((resolve, reject) => {
            const timer = setTimeout(
              () => reject(new Error(`load process ${i}: no '${expect}' in ${timeoutMs} ms`)),
              timeoutMs,
            );
            const onMessage = (reply: FromWorker) => {
              if (reply.type === 'failed') {
                done();
                reject(new Error(`load process ${i}: ${reply.message}`));
              } else if (reply.type === expect) {
                done();
                resolve(reply as Extract<FromWorker, { type: T }>);
              }
            };
            const onExit = (code: number | null) => {
              done();
              reject(new Error(`load process ${i} exited (${code})`));
            };
            const done = () => {
              clearTimeout(timer);
              worker.off('message', onMessage);
              worker.off('exit', onExit);
            };
            worker.on('message', onMessage);
            worker.once('exit', onExit);
            worker.send(message(worker, i));
          }),
      ),
    );
  }

  act(): void {
    for (const w of this.workers) w.send({ type: 'act' } satisfies ToWorker);
  }

  async measure(): Promise<void> {
    await this.all(() => ({ type: 'measure' }), 'measuring', 30_000);
  }

  async stop(): Promise<LoadResult> {
    const replies = await this.all(() => ({ type: 'stop' }), 'result', 60_000);
    return merge(replies.map((r) => r.result));
  }

  async close(): Promise<void> {
    await Promise.all(
      this.workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.exitCode !== null || w.signalCode !== null) return resolve();
            const force = setTimeout(() => w.kill('SIGKILL'), 5_000);
            w.once('exit', () => {
              clearTimeout(force);
              resolve();
            });
            w.send({ type: 'close' } satisfies ToWorker);
          }),
      ),
    );
  }
}

function merge(results: WorkerResult[]): LoadResult {
  const out: LoadResult = {
    histograms: new Map(),
    lost: 0,
    actions: {},
    received: 0,
    sent: 0,
    measuredMs: 0,
    loadCpu: 0,
    loopDelayP99Ms: 0,
    errors: {},
  };
  for (const r of results) {
    for (const [kind, data] of Object.entries(r.histograms)) {
      let h = out.histograms.get(kind);
      if (!h) out.histograms.set(kind, (h = new Histogram()));
      h.merge(data);
    }
    out.lost += r.lost;
    out.received += r.received;
    out.sent += r.sent;
    out.measuredMs = Math.max(out.measuredMs, r.measuredMs);
    out.loadCpu += r.cpu / results.length;
    out.loopDelayP99Ms = Math.max(out.loopDelayP99Ms, r.loopDelayP99Ms);
    for (const [k, v] of Object.entries(r.actions)) out.actions[k] = (out.actions[k] ?? 0) + v;
    for (const [k, v] of Object.entries(r.errors)) out.errors[k] = (out.errors[k] ?? 0) + v;
  }
  return out;
}
