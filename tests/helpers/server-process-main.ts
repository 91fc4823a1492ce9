/**
 * Entry of the server process the fault tests start, kill and start again
 * (`server-process.ts`): the real server without Next's pages, on the data directory,
 * port and heartbeat the environment names.
 */
import { startAppServer } from '../../server/app-server';
import { openStorage } from '../../server/cluster/open-storage';

function envNumber(name: string): number | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : Number(value);
}

// A node of a cluster when DATABASE_URL and REDIS_URL are given (tests/cluster-failover).
const { storage, ownership } = await openStorage({
  databaseUrl: process.env.DATABASE_URL || undefined,
  redisUrl: process.env.REDIS_URL || undefined,
  nodeId: process.env.NODE_ID || undefined,
  leaseTtlMs: envNumber('LEASE_TTL_MS'),
  redisPrefix: process.env.REDIS_PREFIX || undefined,
  schema: process.env.PG_SCHEMA || undefined,
  handoffMinHoldMs: envNumber('HANDOFF_MIN_HOLD_MS'),
});

const server = await startAppServer({
  storage,
  ownership,
  port: envNumber('PORT') ?? 0,
  host: '127.0.0.1',
  withNext: false,
  dataDir: process.env.DATA_DIR,
  yjs: { compactAfterUpdates: envNumber('YJS_COMPACT_AFTER_UPDATES') },
  socketPing: {
    intervalMs: envNumber('SOCKET_PING_INTERVAL_MS'),
    timeoutMs: envNumber('SOCKET_PING_TIMEOUT_MS'),
  },
});
// The parent reads this line to learn the URL.
console.log(`listening on ${server.url}`);

// Should the test process die without stopping us, our stdin ends: do not linger as an orphan.
process.stdin.on('end', () => process.exit(1));
process.stdin.resume();

// A graceful stop, as server/main.ts does it: close sockets, flush and close storage.
process.once('SIGTERM', () => {
  void server.close().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error('close failed', err);
      process.exit(1);
    },
  );
});
