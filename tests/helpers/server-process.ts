import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { tempDataDir } from './server';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const MAIN = path.join(import.meta.dirname, 'server-process-main.ts');
/** tsx compiles on start; two busy cores make that slow now and then. */
const START_TIMEOUT_MS = 30_000;

/** How a process ended: its exit code, or the signal that ended it. */
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ProcessOptions {
  dataDir?: string;
  /** Socket.io heartbeat, shortened to cut sleeping clients off quickly. */
  pingIntervalMs?: number;
  pingTimeoutMs?: number;
  /** Compact the Yjs log this often (low: a kill is likely to meet a compaction). */
  compactAfterUpdates?: number;
  /** More environment: DATABASE_URL, REDIS_URL and the rest for a node of a cluster. */
  env?: Record<string, string>;
}

/**
 * The real server as a process of its own (`server-process-main.ts`), which a test can
 * kill with SIGKILL or stop with SIGTERM and start again on the same data and port.
 * `node --import tsx` runs it directly: the `tsx` command would put a process of its
 * own in between, and a SIGKILL would not reach the server.
 */
export class ServerProcess {
  private child: ChildProcess | null = null;
  private port = 0;
  /** Everything the current process printed, for error messages. */
  output = '';
  readonly dataDir: string;

  private constructor(private readonly options: ProcessOptions) {
    this.dataDir = options.dataDir ?? tempDataDir();
  }

  static async start(options: ProcessOptions = {}): Promise<ServerProcess> {
    const server = new ServerProcess(options);
    await server.spawn();
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Sends `signal` and waits until the process has exited; resolves with how it ended. */
  async stop(signal: 'SIGKILL' | 'SIGTERM'): Promise<Exit> {
    const child = this.child;
    if (!child) throw new Error('never started');
    if (child.exitCode !== null || child.signalCode !== null) {
      return { code: child.exitCode, signal: child.signalCode };
    }
    const exited = new Promise<Exit>((resolve) =>
      child.once('exit', (code, sig) => resolve({ code, signal: sig })),
    );
    child.kill(signal);
    return exited;
  }

  /** Freezes the process (SIGSTOP): its sockets stay open, and nothing it does happens. */
  pause(): void {
    this.child?.kill('SIGSTOP');
  }

  /** Lets a frozen process go on (SIGCONT) from where it stopped. */
  resume(): void {
    this.child?.kill('SIGCONT');
  }

  /** Starts the server again on the same data directory and the same port. */
  async restart(): Promise<void> {
    if (this.running) throw new Error('the server is still running');
    // The port was ours a moment ago; should anything else grab it meanwhile, say so.
    await this.spawn(this.port);
  }

  async close(): Promise<void> {
    if (!this.running) return;
    const force = setTimeout(() => this.child?.kill('SIGKILL'), 10_000);
    await this.stop('SIGTERM');
    clearTimeout(force);
  }

  private async spawn(port = 0): Promise<void> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: this.dataDir,
      PORT: String(port),
      SOCKET_PING_INTERVAL_MS: this.options.pingIntervalMs?.toString() ?? '',
      SOCKET_PING_TIMEOUT_MS: this.options.pingTimeoutMs?.toString() ?? '',
      YJS_COMPACT_AFTER_UPDATES: this.options.compactAfterUpdates?.toString() ?? '',
      ...this.options.env,
    };
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      cwd: ROOT,
      env,
      // stdin stays open while this process lives (see server-process-main.ts).
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child = child;
    this.output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`the server did not start:\n${this.output}`));
      }, START_TIMEOUT_MS);
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(this.output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the server exited (${code ?? signal}):\n${this.output}`));
      });
    });
    this.port = Number(new URL(url).port);
  }
}
