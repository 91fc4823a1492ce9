import type http from 'node:http';
import type { z } from 'zod';
import { ErrorCode } from '../lib/protocol/codes';
import { isJsonContentType } from '../lib/protocol/http-request';

/** Largest JSON body the HTTP API reads, unless a route says otherwise. */
const HTTP_BODY_MAX_BYTES = 16 * 1024;

/** A refusal with a status and a named code; the API answers `{"error":{code,message}}`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly retryAfterS?: number,
  ) {
    super(message);
  }
}

/**
 * The caller's address; behind a trusted proxy, the last X-Forwarded-For hop. The proxy
 * appends the address it saw (nginx's `$proxy_add_x_forwarded_for`) to whatever the client
 * sent, so only the last entry is the proxy's word; the first is the client's own, and
 * would let a guesser pick a fresh address for every try.
 */
export function clientAddress(req: http.IncomingMessage, trustProxy: boolean): string {
  const header = req.headers['x-forwarded-for'];
  const forwarded = Array.isArray(header) ? header.join(',') : header;
  const last = forwarded?.split(',').at(-1)?.trim();
  return (trustProxy && last) || req.socket.remoteAddress || 'unknown';
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(json),
  });
  res.end(json);
}

/**
 * A body as a parsed JSON value: refused with 415 unless sent as `application/json`
 * (before a byte of it is read), 413 above `maxBytes` and 400 if not JSON.
 */
export async function readJsonValue(
  req: http.IncomingMessage,
  maxBytes = HTTP_BODY_MAX_BYTES,
): Promise<unknown> {
  if (!isJsonContentType(req.headers['content-type'])) {
    const message = 'The body must be sent as content-type: application/json';
    throw new HttpError(415, ErrorCode.UNSUPPORTED_MEDIA_TYPE, message);
  }
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) {
    throw new HttpError(413, ErrorCode.PAYLOAD_TOO_LARGE, 'Body too large');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new HttpError(413, ErrorCode.PAYLOAD_TOO_LARGE, 'Body too large');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, ErrorCode.INVALID_PAYLOAD, 'Body is not JSON');
  }
}

export async function readJson<S extends z.ZodType>(
  req: http.IncomingMessage,
  schema: S,
): Promise<z.infer<S>> {
  const parsed = schema.safeParse(await readJsonValue(req));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HttpError(
      400,
      ErrorCode.INVALID_PAYLOAD,
      `${issue?.path.join('.') || 'body'}: ${issue?.message}`,
    );
  }
  return parsed.data;
}

export function bearer(req: http.IncomingMessage): string | null {
  const header = req.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice(7).trim() : null;
}
