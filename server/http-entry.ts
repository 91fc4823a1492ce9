import { EventEmitter } from 'node:events';
import http from 'node:http';
import type net from 'node:net';
import type { Duplex } from 'node:stream';
import { ErrorCode } from '../lib/protocol/codes';
import { parseRequestTarget, type RequestTarget } from '../lib/protocol/http-request';
import { sendJson } from './http-util';

/**
 * The door every request and upgrade passes before anything routes it (issue 21, item 1):
 * a target that does not parse is answered 400 INVALID_URL, and whatever a handler throws
 * or rejects with, synchronously or not, is answered 500 INTERNAL (or the connection is
 * cut when an answer was already under way). Nothing a request does ends the process.
 */

export type RequestHandler = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  target: RequestTarget,
) => void | Promise<void>;

export type UpgradeHandler = (
  req: http.IncomingMessage,
  socket: Duplex,
  head: Buffer,
  target: RequestTarget,
) => void | Promise<void>;

const MALFORMED = 'The request target is not a valid URL, or its path has a broken %-escape';

export function guardRequests(handle: RequestHandler): http.RequestListener {
  return (req, res) => {
    const target = parseRequestTarget(req.url);
    if (!target)
      return sendJson(res, 400, { error: { code: ErrorCode.INVALID_URL, message: MALFORMED } });
    // An async wrapper turns a synchronous throw into a rejection, and the rejection is observed.
    void (async () => handle(req, res, target))().catch((err: unknown) => {
      console.error('[http] request failed', err);
      if (res.headersSent) return void res.destroy();
      res.setHeader('connection', 'close');
      sendJson(res, 500, { error: { code: ErrorCode.INTERNAL, message: 'Internal error' } });
    });
  };
}

export function guardUpgrades(
  handle: UpgradeHandler,
): (req: http.IncomingMessage, socket: Duplex, head: Buffer) => void {
  return (req, socket, head) => {
    // Node took its own error listener off when it handed the socket over: without one, a
    // client resetting while we decide would be an uncaught 'error' event. ws adds its own.
    socket.on('error', () => socket.destroy());
    const target = parseRequestTarget(req.url);
    if (!target) return refuseUpgrade(socket, 400, ErrorCode.INVALID_URL, MALFORMED);
    const before = bytesWritten(socket);
    void (async () => handle(req, socket, head, target))().catch((err: unknown) => {
      console.error('[http] upgrade failed', err);
      // A handshake already answered (101 sent) cannot be answered again.
      if (bytesWritten(socket) > before) return void socket.destroy();
      refuseUpgrade(socket, 500, ErrorCode.INTERNAL, 'Internal error');
    });
  };
}

function bytesWritten(socket: Duplex): number {
  return (socket as Partial<net.Socket>).bytesWritten ?? 0;
}

/** A real HTTP answer with a JSON error body on a raw socket, which then closes. */
export function refuseUpgrade(
  socket: Duplex,
  status: number,
  code: ErrorCode,
  message: string,
): void {
  if (!socket.writable) return void socket.destroy();
  const body = JSON.stringify({ error: { code, message } });
  const head = [
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}`,
    'Connection: close',
    'Content-Type: application/json; charset=utf-8',
    'Cache-Control: no-store',
    `Content-Length: ${Buffer.byteLength(body)}`,
  ].join('\r\n');
  socket.end(`${head}\r\n\r\n${body}`, () => socket.destroy());
}

/**
 * `clientError`: what Node's parser could not read as HTTP (a garbage request line, a
 * header without a colon, headers over Node's 16 KiB, a request that came too slowly) is
 * answered with a status and a named code instead of Node's bare one, then closed.
 */
export function answerClientError(err: Error & { code?: string }, socket: Duplex): void {
  // A response under way on this connection cannot be followed by another.
  const current = (socket as { _httpMessage?: http.ServerResponse })._httpMessage;
  if (err.code === 'ECONNRESET' || current?.headersSent) return void socket.destroy();
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    return refuseUpgrade(socket, 431, ErrorCode.PAYLOAD_TOO_LARGE, 'Request headers too large');
  }
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return refuseUpgrade(socket, 408, ErrorCode.BAD_REQUEST, 'The request came too slowly');
  }
  if (err.code === 'HPE_INVALID_URL') {
    return refuseUpgrade(socket, 400, ErrorCode.INVALID_URL, MALFORMED);
  }
  refuseUpgrade(socket, 400, ErrorCode.BAD_REQUEST, 'The request is not well-formed HTTP');
}

/**
 * What Socket.io and Next are given instead of the real server. Both attach listeners to
 * the server they get (Socket.io takes over its request listeners; Next ends websockets
 * it does not own), so each gets a stand-in that sees only what the door routes to it.
 */
export class StandInServer extends EventEmitter {
  /** Socket.io tells a server from its options by this method; it is never called. */
  listen(): never {
    throw new Error('a stand-in server does not listen');
  }

  /** Socket.io closes "its" server when it closes; the real one is closed by its owner. */
  close(done?: (err?: Error) => void): this {
    done?.();
    return this;
  }
}
