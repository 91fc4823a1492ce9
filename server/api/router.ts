import FindMyWay from 'find-my-way';
import type { Route } from './route';

/**
 * Matches a request against the route table (`routes.ts`) with find-my-way, fastify's
 * router (kept up by fastify's team, with security releases): by exact method (no HEAD
 * for a GET route) and exact path (case-sensitive, no trailing slash), each parameter
 * decoded as `decodeURIComponent` does and a `%2F` in it staying inside it. Null for no
 * route. No parameter length limit: its default of 100 would answer a long id "no such
 * endpoint" rather than "no such workshop".
 */
export function createRouter(routes: readonly Route[]) {
  const router = FindMyWay({ maxParamLength: Number.MAX_SAFE_INTEGER });
  const unused = () => undefined;
  for (const r of routes) router.on(r.method, r.path, unused, r);
  return (method: string, path: string) => {
    const found = router.find(method as FindMyWay.HTTPMethod, path);
    if (!found) return null;
    const params = found.params as Record<string, string>;
    // A parameter is a non-empty path segment (`/api/workshops//export` is no route).
    if (Object.values(params).some((value) => value === '')) return null;
    return { route: found.store as Route, params };
  };
}
