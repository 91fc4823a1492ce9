import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCEPTS_BURST, ACCEPTS_PER_SECOND } from '../../lib/constants';
import type { AppServer } from '../../server/app-server';
import { rawGet, rawRequest } from '../../support/raw-http';
import { startTestServer } from '../helpers/server';

/**
 * A client that reconnects the moment it is refused (bench scenario 7's attacker opened
 * ~12,000 connections in 25 s, each accepted, parsed, its token checked and answered):
 * the node pays for every one. Past its budget an address's connections are dropped as
 * they are accepted, while another address is served as before.
 */
describe('a storm of connections from one address', () => {
  let server: AppServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('is cut at the address budget, and another address is still served', async () => {
    const storm = ACCEPTS_BURST + 200;
    const started = Date.now();
    let answered = 0;
    let dropped = 0;
    for (let i = 0; i < storm; i++) {
      const answer = await rawRequest(server.port, rawGet('/healthz'), 2_000);
      if (answer.status === 200) answered++;
      else if (answer.ended === 'closed' && answer.text === '') dropped++;
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(`[storm] ${storm} connections in ${seconds.toFixed(1)} s: ${answered} answered`);
    expect(dropped).toBeGreaterThan(0);
    expect(answered + dropped).toBe(storm);
    expect(answered).toBeLessThanOrEqual(ACCEPTS_BURST + Math.ceil(ACCEPTS_PER_SECOND * seconds));

    const other = await rawRequest(server.port, rawGet('/healthz'), 2_000, '127.0.0.2');
    expect(other.status).toBe(200);
  });
});
