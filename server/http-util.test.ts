import type http from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress } from './http-util';

const request = (forwarded: string | string[] | undefined) =>
  ({
    headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
    socket: { remoteAddress: '127.0.0.1' },
  }) as unknown as http.IncomingMessage;

describe('clientAddress', () => {
  it('takes the hop the trusted proxy appended, not the one the client wrote', () => {
    expect(clientAddress(request('6.6.6.6, 203.0.113.9'), true)).toBe('203.0.113.9');
    expect(clientAddress(request(['6.6.6.6', '203.0.113.9']), true)).toBe('203.0.113.9');
    expect(clientAddress(request('203.0.113.9'), true)).toBe('203.0.113.9');
  });

  it('ignores the header without a trusted proxy', () => {
    expect(clientAddress(request('6.6.6.6, 203.0.113.9'), false)).toBe('127.0.0.1');
    expect(clientAddress(request(undefined), true)).toBe('127.0.0.1');
  });
});
