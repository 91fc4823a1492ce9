import type http from 'node:http';
import { ErrorCode } from '../lib/protocol/codes';
import { decodePathPart, type RequestTarget } from '../lib/protocol/http-request';
import { createApiContext, type HttpApiDeps } from './api/context';
import { createRouter } from './api/router';
import { ROUTES } from './api/routes';
import { NotOwnerError } from './cluster/not-owner';
import { HttpError, sendJson } from './http-util';

/** The public HTTP API (see README). Returns false for paths it does not own. */
export function createHttpApi(deps: HttpApiDeps) {
  const ctx = createApiContext(deps);
  const find = createRouter(ROUTES);

  return async function handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    { path, query }: RequestTarget,
  ): Promise<boolean> {
    const found = find(req.method ?? 'GET', path);
    if (!found && !path.startsWith('/api/')) return false;
    try {
      // The door (`http-entry.ts`) answered every path that does not decode already; this
      // refuses it too, with the same 400, rather than trust that from afar.
      if (decodePathPart(path) === null) {
        throw new HttpError(400, ErrorCode.INVALID_URL, 'The path has a broken %-escape');
      }
      if (!found) throw new HttpError(404, ErrorCode.NOT_FOUND, 'No such endpoint');
      await found.route.handle(ctx, { req, res, params: found.params, query });
    } catch (err) {
      sendError(res, err);
    }
    return true;
  };
}

function sendError(res: http.ServerResponse, err: unknown): void {
  if (err instanceof HttpError) {
    // The unread rest of a refused body is not worth reading: end the connection.
    if (err.status === 413 || err.status === 415) res.setHeader('connection', 'close');
    if (err.retryAfterS) res.setHeader('retry-after', String(err.retryAfterS));
    sendJson(res, err.status, { error: { code: err.code, message: err.message } });
  } else if (err instanceof NotOwnerError) {
    // Several nodes: the workshop is served elsewhere just now; the client retries.
    res.setHeader('retry-after', '1');
    sendJson(res, 503, { error: { code: ErrorCode.NOT_OWNER, message: err.message } });
  } else {
    console.error('[http] request failed', err);
    sendJson(res, 500, { error: { code: ErrorCode.INTERNAL, message: 'Internal error' } });
  }
}
