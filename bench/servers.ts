import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../support/nginx';
import { DIST_DIR, ROOT, type ServerHandle, spawnServer } from '../support/servers';
import { NODE_START_FLAGS } from '../support/start-flags';

/**
 * Builds the pages once when the build directory has no BUILD_ID (as `npm start` would),
 * and bundles the server afresh, so that no scenario's start includes the bundling.
 */
export function ensureBuild(): void {
  if (!fs.existsSync(path.join(ROOT, DIST_DIR, 'BUILD_ID'))) {
    console.log(`bench: no production build in ${DIST_DIR}, running \`npm run build\`…`);
    const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) throw new Error('`npm run build` failed');
  }
  const bundled = spawnSync(process.execPath, ['server/bundle.mjs'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (bundled.status !== 0) throw new Error('bundling the server failed');
}

/** The reference: `@y/websocket-server` 0.1.1's own server script (in memory: no YPERSISTENCE). */
export async function startReferenceServer(): Promise<ServerHandle> {
  const port = await freePort();
  const script = path.join(ROOT, 'node_modules', '@y', 'websocket-server', 'src', 'server.js');
  // The same node flags as ours (the load processes get them too): measured alike.
  const handle = await spawnServer(
    [...NODE_START_FLAGS, script],
    { HOST: '127.0.0.1', PORT: String(port) },
    /running at/,
    '',
  );
  return { ...handle, url: `http://127.0.0.1:${port}` };
}
