import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../lib/protocol/codes';
import { rawGet, rawRequest, rawUpgrade } from '../support/raw-http';
import { guardRequests, guardUpgrades } from './http-entry';

// Handlers that fail in every way a handler can; an escaped error would fail this file.
let server: http.Server;
let port: number;
beforeAll(async () => {
  server = http.createServer(
    guardRequests(async (_req, res, { path }) => {
      if (path === '/sync') throw new Error('thrown at once');
      await Promise.resolve();
      if (path === '/async') throw new Error('rejected later');
      res.writeHead(200, { 'content-length': '10' });
      res.write('half');
      throw new Error('thrown mid-answer');
    }),
  );
  server.on(
    'upgrade',
    guardUpgrades(async (_req, _socket, _head, { path }) => {
      if (path === '/sync') throw new Error('thrown at once');
      await Promise.resolve();
      throw new Error('rejected later');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const internal = { error: { code: ErrorCode.INTERNAL, message: expect.any(String) } };

describe('the door', () => {
  it.each(['/sync', '/async'])(
    'answers a request whose handler fails (%s) 500 INTERNAL',
    async (path) => {
      const answer = await rawRequest(port, rawGet(path));
      expect({ status: answer.status, body: answer.body }).toEqual({ status: 500, body: internal });
    },
  );

  it('cuts a connection whose answer was under way when its handler failed', async () => {
    const answer = await rawRequest(port, rawGet('/late'));
    // Whatever of the 200 got out first, no second answer follows it: the connection ends.
    expect(answer.text).not.toContain('500');
    expect(answer.ended).toBe('closed');
  });

  it.each(['/sync', '/async'])(
    'answers an upgrade whose handler fails (%s) 500 INTERNAL',
    async (path) => {
      const answer = await rawRequest(port, rawUpgrade(path));
      expect({ status: answer.status, body: answer.body, ended: answer.ended }).toEqual({
        status: 500,
        body: internal,
        ended: 'closed',
      });
    },
  );

  it('refuses a malformed target before any handler sees it', async () => {
    const answer = await rawRequest(port, rawGet('/%ZZ'));
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: ErrorCode.INVALID_URL } });
  });
});
