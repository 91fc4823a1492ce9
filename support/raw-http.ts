import net from 'node:net';

/** What came back on a raw connection, and how it ended. */
export interface RawAnswer {
  /** Everything the server sent, as text. */
  text: string;
  /** The status line's code, or null when nothing parsable came back. */
  status: number | null;
  /** The body after the blank line, parsed as JSON when it is. */
  body: unknown;
  /** `closed`: the server ended the connection; `timeout`: it stayed silent and open. */
  ended: 'closed' | 'timeout';
}

/**
 * Sends `request` byte for byte over a fresh TCP connection to 127.0.0.1:`port` and
 * collects what comes back until the server closes it (requests that should be answered
 * ask for `Connection: close`) or `timeoutMs` passes.
 */
export function rawRequest(
  port: number,
  request: string,
  timeoutMs = 3_000,
  /** The address to send from (any of 127.0.0.0/8 on Linux): another host, as the server sees it. */
  from?: string,
): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1', localAddress: from });
    let text = '';
    let done = false;
    const finish = (ended: RawAnswer['ended']) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text)?.[1];
      const rest = text.slice(text.indexOf('\r\n\r\n') + 4);
      let body: unknown = rest;
      try {
        body = JSON.parse(rest);
      } catch {
        // not JSON: the assertion shows the text
      }
      resolve({ text, status: status ? Number(status) : null, body, ended });
    };
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.on('close', () => finish('closed'));
    socket.on('error', () => finish('closed'));
    socket.write(request);
  });
}

/** A GET with `target` as its request target, verbatim, asking the server to close after. */
export function rawGet(target: string): string {
  return `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`;
}

/** A websocket upgrade request for `target`, verbatim. */
export function rawUpgrade(target: string): string {
  return (
    `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
    `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`
  );
}
