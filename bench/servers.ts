import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../tests/helpers/nginx';
import { NODE_START_FLAGS, flagsFrom } from '../tests/helpers/start-flags';
import { nowMs } from './stats';

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

/**
 * Builds the pages once when the build directory has no BUILD_ID (as `npm start` would),
 * and bundles the server afresh, so that no scenario's start includes the bundling.
 */
export function ensureBuild(): void {
  if (!fs.existsSync(path.join(ROOT, DIST_DIR, 'BUILD_ID'))) {
    console.log(`bench: no production build in ${DIST_DIR}, running \`npm run build\`…`);
    const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) throw new Error('`npm run build` failed');
  }
  const bundled = spawnSync(process.execPath, ['server/bundle.mjs'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (bundled.status !== 0) throw new Error('bundling the server failed');
}

export function freshDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'saappaat-bench-'));
}

/**
 * Spawns `args` and resolves once a line of its output matches `listening`. The process
 * is node itself (no npm or tsx wrapper in between), so its pid is the server's and
 * /proc readings are the server's own.
 */
async function spawnServer(
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

/** The reference: `@y/websocket-server` 0.1.1's own server script (in memory: no YPERSISTENCE). */
export async function startReferenceServer(): Promise<ServerHandle> {
  const port = await freePort();
  const script = path.join(ROOT, 'node_modules', '@y', 'websocket-server', 'src', 'server.js');
  // The same node flags as ours (the load processes get them too): measured alike.
  const handle = await spawnServer(
    [...NODE_START_FLAGS, script],
    { HOST: '127.0.0.1', PORT: String(port) },
    /running at/,
    '',
  );
  return { ...handle, url: `http://127.0.0.1:${port}` };
}
