/**
 * Our server as its own process, for the benchmark and the browser test of several nodes
 * (support/cluster.ts): started exactly as `npm start` starts it, and stopped gracefully.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NODE_START_FLAGS, flagsFrom } from './start-flags';

/** Milliseconds on a monotonic clock (the same clock as the benchmark's `nowMs`). */
function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export const ROOT = path.resolve(import.meta.dirname, '..');
/** The build the server runs: `.next` unless NEXT_DIST_DIR names another (see next.config.mjs). */
export const DIST_DIR = process.env.NEXT_DIST_DIR || '.next';
const START_TIMEOUT_MS = 60_000;

export interface ServerHandle {
  url: string;
  pid: number;
  /** When the process was spawned, and when it said it listens (ms, monotonic). */
  spawnedAt: number;
  listeningAt: number;
  dataDir: string;
  /** Everything the process printed (for error messages). */
  output(): string;
  /** SIGTERM (graceful: flush and compact), SIGKILL after 20 s; resolves once it exited. */
  stop(): Promise<void>;
}

/** Where the clients connect, and the server processes behind it (one, or the nodes). */
export interface Target {
  /** Where the clients connect (nginx in front of several nodes). */
  url: string;
  /** Each server process: its own address, and its pid for the /proc readings. */
  nodes: { url: string; pid: number }[];
}

export function freshDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'saappaat-bench-'));
}

/**
 * Spawns `args` and resolves once a line of its output matches `listening`. The process
 * is node itself (no npm or tsx wrapper in between), so its pid is the server's and
 * /proc readings are the server's own.
 */
export async function spawnServer(
  args: string[],
  env: Record<string, string>,
  listening: RegExp,
  dataDir: string,
): Promise<ServerHandle & { match: RegExpExecArray }> {
  const spawnedAt = nowMs();
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start in time:\n${output}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = listening.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
  const listeningAt = nowMs();
  // Keep reading, or a chatty server would block on a full pipe.
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  return {
    url: '',
    pid: child.pid ?? -1,
    spawnedAt,
    listeningAt,
    dataDir,
    match,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(force);
      // BENCH_SERVER_LOG=<file>: what the server printed, appended once it has stopped.
      if (process.env.BENCH_SERVER_LOG) fs.appendFileSync(process.env.BENCH_SERVER_LOG, output);
    },
  };
}

/**
 * Our server exactly as `npm start` runs it (server/start.mjs with its node flags: the
 * server bundle under plain node, NODE_ENV=production, Next's production build), on a
 * free port and the given data directory.
 */
export async function startOurServer(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<ServerHandle> {
  // BENCH_CPU_PROF=<dir>: profile the server (`node --cpu-prof`), written when it exits.
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`]
    : [];
  // BENCH_NODE_FLAGS="--trace-gc …": more node flags for the server, e.g. to trace it.
  const flags = flagsFrom('BENCH_NODE_FLAGS');
  const handle = await spawnServer(
    [...NODE_START_FLAGS, ...profile, ...flags, 'server/start.mjs'],
    {
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      NEXT_DIST_DIR: DIST_DIR,
      NEXT_TELEMETRY_DISABLED: '1',
      // The big room (300) is bigger than a workshop takes by default.
      MAX_PARTICIPANTS: '1000',
      ...env,
    },
    /listening on (http:\/\/\S+)/,
    dataDir,
  );
  return { ...handle, url: handle.match[1]! };
}
