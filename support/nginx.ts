import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const SHIPPED = path.resolve(import.meta.dirname, '..', 'deploy', 'nginx.conf');
const NGINX = fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';

/** A free TCP port on 127.0.0.1 (taken and given back: good enough for a test). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The shipped deploy/nginx.conf with only what must differ in a test changed: where it
 * listens, which nodes it balances over, and where its pid and logs go.
 */
function renderConfig(listenPort: number, nodePorts: number[], prefix: string): string {
  let conf = fs.readFileSync(SHIPPED, 'utf8');
  const replace = (pattern: RegExp, by: string) => {
    if (!pattern.test(conf)) throw new Error(`deploy/nginx.conf has no ${pattern}`);
    conf = conf.replace(pattern, by);
  };
  replace(/^ *listen 8080;$/m, `    listen 127.0.0.1:${listenPort};`);
  const servers = nodePorts
    .map((p) => `    server 127.0.0.1:${p} max_fails=3 fail_timeout=10s;`)
    .join('\n');
  replace(/(?:^ *server 127\.0\.0\.1:\d+ [^\n]*\n)+/m, `${servers}\n`);
  replace(/^error_log .*$/m, `error_log ${path.join(prefix, 'error.log')} info;`);
  replace(/^pid .*$/m, `pid ${path.join(prefix, 'nginx.pid')};`);
  replace(/^worker_processes auto;$/m, 'worker_processes 1;');
  return conf;
}

/** nginx running deploy/nginx.conf in front of `nodePorts`, as a child process. */
export class Nginx {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly prefix: string,
  ) {}

  static async start(nodePorts: number[]): Promise<Nginx> {
    const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'saappaat-nginx-'));
    // Workers may run as `nobody`: they need to reach their temporary directories.
    fs.chmodSync(prefix, 0o755);
    for (const dir of [
      'client_body_temp',
      'proxy_temp',
      'fastcgi_temp',
      'uwsgi_temp',
      'scgi_temp',
    ]) {
      fs.mkdirSync(path.join(prefix, dir), { mode: 0o777 });
      fs.chmodSync(path.join(prefix, dir), 0o777);
    }
    const port = await freePort();
    const file = path.join(prefix, 'nginx.conf');
    fs.writeFileSync(file, renderConfig(port, nodePorts, prefix));
    const child = spawn(NGINX, ['-p', prefix, '-c', file, '-e', 'stderr', '-g', 'daemon off;'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const nginx = new Nginx(child, `http://127.0.0.1:${port}`, prefix);
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`nginx exited:\n${output}`);
      const up = await fetch(`${nginx.url}/nginx-health`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) return nginx;
      if (Date.now() > deadline) throw new Error(`nginx did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** What nginx wrote to its error log (which node failed, and when). */
  errorLog(): string {
    try {
      return fs.readFileSync(path.join(this.prefix, 'error.log'), 'utf8');
    } catch {
      return '';
    }
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}
