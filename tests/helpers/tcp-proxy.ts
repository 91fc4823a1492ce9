import net from 'node:net';

/** One client connection and the proxy's connection to the server on its behalf. */
interface Link {
  client: net.Socket;
  upstream: net.Socket;
  /** One side closed while frozen: the other is closed on waking. */
  dead: boolean;
}

/**
 * A plain TCP proxy between clients and the server, so a test can cut the network the
 * way the world does, for Socket.io and y-websocket alike, without touching either.
 *
 * - `freeze()` is a laptop asleep: not a byte passes either way and neither side hears
 *   of the other closing; new connections are refused (the client's retries fail).
 * - `wake()` lets traffic through again; a connection one side gave up on meanwhile is
 *   closed on the other side too (as a woken laptop finds its sockets reset).
 * - `refuse(true)` refuses new connections but leaves the open ones alone.
 */
export class TcpProxy {
  private readonly links = new Set<Link>();
  private frozen = false;
  private refusing = false;

  private constructor(
    private readonly server: net.Server,
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    let proxy: TcpProxy | null = null;
    const server = net.createServer((client) => proxy?.accept(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    proxy = new TcpProxy(server, (server.address() as net.AddressInfo).port, target);
    return proxy;
  }

  /** The proxy's base URL; clients connect here instead of to the server. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  private accept(client: net.Socket): void {
    client.on('error', () => undefined);
    if (this.frozen || this.refusing) {
      client.destroy();
      return;
    }
    const upstream = net.connect(this.target.port, this.target.host);
    upstream.on('error', () => undefined);
    const link: Link = { client, upstream, dead: false };
    this.links.add(link);
    client.on('data', (data: Buffer) => upstream.write(data));
    upstream.on('data', (data: Buffer) => client.write(data));
    const closed = () => {
      if (this.frozen) {
        link.dead = true;
        return;
      }
      this.links.delete(link);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', closed);
    upstream.on('close', closed);
  }

  /** Stops all traffic, and all news of closing, until `wake()`. */
  freeze(): void {
    this.frozen = true;
    for (const { client, upstream } of this.links) {
      client.pause();
      upstream.pause();
    }
  }

  wake(): void {
    this.frozen = false;
    for (const link of [...this.links]) {
      if (link.dead) {
        this.links.delete(link);
        link.client.destroy();
        link.upstream.destroy();
        continue;
      }
      link.client.resume();
      link.upstream.resume();
    }
  }

  refuse(on: boolean): void {
    this.refusing = on;
  }

  async close(): Promise<void> {
    this.frozen = false;
    for (const { client, upstream } of this.links) {
      client.destroy();
      upstream.destroy();
    }
    this.links.clear();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
