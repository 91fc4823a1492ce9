import { describe, expect, it } from 'vitest';
import {
  decodePathPart,
  formatHost,
  hostAllowed,
  isJsonContentType,
  parseHost,
  parseRequestTarget,
} from './http-request';

describe('parseRequestTarget', () => {
  it.each(['//[', 'http://[::1', '/%', '/%ZZ', '/a/%E0%A4%A/b', `/${'a'.repeat(8192)}%`])(
    'refuses %s',
    (target) => expect(parseRequestTarget(target)).toBeNull(),
  );

  it('keeps the path encoded and decodes the query leniently', () => {
    const target = parseRequestTarget('/rt/yjs/a%2Fb?token=x%ZZ&format=json');
    expect(target?.path).toBe('/rt/yjs/a%2Fb');
    expect(target?.query.get('token')).toBe('x%ZZ');
    expect(target?.query.get('format')).toBe('json');
  });

  it('reads absolute-form and an empty target', () => {
    expect(parseRequestTarget('http://example.org/healthz')?.path).toBe('/healthz');
    expect(parseRequestTarget(undefined)?.path).toBe('/');
  });

  it('every part of a path that parsed decodes', () => {
    const target = parseRequestTarget('/api/workshops/%C3%A4%2F%20x/export');
    expect(target!.path.split('/').map(decodePathPart)).toEqual([
      '',
      'api',
      'workshops',
      'ä/ x',
      'export',
    ]);
    expect(decodePathPart('%ZZ')).toBeNull();
  });
});

describe('isJsonContentType', () => {
  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'APPLICATION/JSON;charset="UTF-8"',
  ])('takes %s', (type) => expect(isJsonContentType(type)).toBe(true));
  it.each([
    undefined,
    '',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/json; charset=latin1',
    'application/jsonx',
    'text/plain; a=application/json',
  ])('refuses %s', (type) => expect(isJsonContentType(type)).toBe(false));
});

describe('hosts', () => {
  it('parses names, ports and IPv6 literals', () => {
    expect(parseHost('LocalHost:3000')).toEqual({ name: 'localhost', port: '3000' });
    expect(parseHost('[::1]:80')).toEqual({ name: '::1', port: '80' });
    expect(parseHost('::1')).toEqual({ name: '::1', port: null });
    expect(parseHost('example.org.')).toEqual({ name: 'example.org', port: null });
    const badPorts = ['x:99999', 'x:0', '[::1]:65536'];
    for (const bad of ['', 'a b', 'a@b', 'a/b', 'x:y:z', '[::1].evil', 'x:999999', ...badPorts]) {
      expect(parseHost(bad), bad).toBeNull();
    }
  });

  it('an entry without a port allows any port; one with a port only that one', () => {
    const list = [parseHost('localhost')!, parseHost('example.org:8443')!];
    expect(hostAllowed(parseHost('localhost:1234')!, list)).toBe(true);
    expect(hostAllowed(parseHost('example.org:8443')!, list)).toBe(true);
    expect(hostAllowed(parseHost('example.org')!, list)).toBe(false);
    expect(hostAllowed(parseHost('evil.localhost')!, list)).toBe(false);
  });

  it('writes a host back as a URL carries it', () => {
    expect(formatHost({ name: '::1', port: '3000' })).toBe('[::1]:3000');
    expect(formatHost({ name: 'example.org', port: null })).toBe('example.org');
  });
});
