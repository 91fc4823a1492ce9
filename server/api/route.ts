import type http from 'node:http';
import type { ApiContext } from './context';

/** The names of a route path's parameters: `'/a/:id/b'` gives `'id'`. */
export type ParamNames<P extends string> = P extends `${string}:${infer N}/${infer Rest}`
  ? N | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer N}`
    ? N
    : never;

/** One request as a handler sees it: its path parameters decoded, by name. */
export interface ApiCall<N extends string = string> {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  params: Readonly<Record<N, string>>;
  query: URLSearchParams;
}

export type Handler<N extends string = string> = (
  ctx: ApiContext,
  call: ApiCall<N>,
) => Promise<void> | void;

export type Method = 'GET' | 'POST';

export interface Route {
  method: Method;
  path: string;
  handle: Handler;
}

/** A route of the table; the handler's `params` has exactly the path's names. */
export function route<P extends string>(
  method: Method,
  path: P,
  handle: Handler<ParamNames<P>>,
): Route {
  // The router fills `params` with the path's names, so the narrower handler is safe.
  return { method, path, handle: handle as Handler };
}
