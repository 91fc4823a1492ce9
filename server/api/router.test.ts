import { describe, expect, it } from 'vitest';
import { route } from './route';
import { createRouter } from './router';
import { ROUTES } from './routes';

const find = createRouter(ROUTES);
const matched = (method: string, path: string) => {
  const found = find(method, path);
  return found && { path: found.route.path, params: found.params };
};

describe('the router of the route table', () => {
  it('matches each route by method and path, with its named parameters decoded', () => {
    expect(matched('GET', '/api/workshops/abc/export')).toEqual({
      path: '/api/workshops/:id/export',
      params: { id: 'abc' },
    });
    expect(matched('GET', '/api/join/%C3%84B%2FC')).toEqual({
      path: '/api/join/:code',
      params: { code: 'ÄB/C' },
    });
    expect(matched('POST', '/api/workshops/import')).toEqual({
      path: '/api/workshops/import',
      params: {},
    });
    const long = 'x'.repeat(5000);
    expect(matched('POST', `/api/workshops/${long}/participants`)?.params).toEqual({ id: long });
  });

  it('has no route for another method, a trailing slash, another case, an empty or an extra segment', () => {
    for (const [method, path] of [
      ['POST', '/api/workshops/abc/export'],
      ['HEAD', '/api/templates'],
      ['HEAD', '/healthz'],
      ['GET', '/api/templates/'],
      ['GET', '/API/templates'],
      ['GET', '/api/workshops//export'],
      ['GET', '/api/join/'],
      ['GET', '/api/join/ABC/def'],
      ['GET', '/api/workshops/abc'],
      ['GET', '/api/nothing'],
      ['GET', '/'],
    ]) {
      expect(find(method!, path!), `${method} ${path}`).toBeNull();
    }
  });

  it('gives each handler the parameters its path names', async () => {
    const seen: unknown[] = [];
    const table = [
      route('GET', '/a/:first/b/:second', (_ctx, { params }) => {
        seen.push([params.first, params.second]);
      }),
      // @ts-expect-error: a handler cannot read a parameter its path does not name.
      route('GET', '/c/:id', (_ctx, { params }) => void params.code),
    ];
    const found = createRouter(table)('GET', '/a/1/b/2');
    await found?.route.handle({} as never, { params: found.params } as never);
    expect(seen).toEqual([['1', '2']]);
  });
});
