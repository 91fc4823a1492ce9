import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PROJECT_ROOT, startAppServer } from './app-server';
import { openStorage } from './cluster/open-storage';
import { readConfig } from './config';

/** `npm start` builds the app first when there is no production build yet. */
function ensureBuild(): void {
  if (fs.existsSync(path.join(PROJECT_ROOT, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID')))
    return;
  console.log('No production build found: running `next build` first…');
  const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
  const result = spawnSync(process.execPath, [nextBin, 'build'], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('`next build` failed; not starting.');
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  if (config.redisUrl && !process.env.SESSION_SECRET) {
    // Every node must verify the tokens every other node signed.
    throw new Error('Several nodes (REDIS_URL) need one SESSION_SECRET shared by all of them');
  }
  if (!config.dev) ensureBuild();
  const { storage, ownership } = await openStorage(config);
  if (ownership) console.log(`Node ${ownership.nodeId}: Postgres storage, leases in Redis`);
  else if (storage) console.log('Postgres storage');
  const server = await startAppServer({
    storage,
    ownership,
    port: config.port,
    host: config.host,
    dataDir: config.dataDir,
    publicUrl: config.publicUrl,
    allowedHosts: config.allowedHosts,
    trustProxy: config.trustProxy,
    maxParticipants: config.maxParticipants,
    dev: config.dev,
  });
  // Tests and scripts read this line to learn the port.
  console.log(`Saappaat listening on ${server.url} (${config.dev ? 'development' : 'production'})`);
  // Realtime clients are served already; pages once Next is prepared.
  server.pagesReady.catch((err: unknown) => {
    console.error('The pages could not be prepared; stopping.', err);
    process.exit(1);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing connections and flushing storage…`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    void server.close().then(
      () => process.exit(0),
      (err) => {
        console.error('Shutdown failed', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

// The last resort, not the fix: every request and upgrade is answered inside a catch
// (`http-entry.ts`), so nothing a client sends should arrive here. Once its pages are
// prepared Next installs these same two listeners (log, and keep serving), so installing
// them from the start makes the process behave the same before and after Next is up,
// instead of dying in the first 0.5–1.8 s on what it would survive later. Exiting instead
// would let one stray promise end every workshop on the node. The tests' server process
// (tests/helpers/server-process-main.ts) installs neither, so an escape still fails them.
process.on('uncaughtException', (err) => console.error('[process] uncaught exception', err));
process.on('unhandledRejection', (reason) =>
  console.error('[process] unhandled rejection', reason),
);

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
