import type { KnipConfig } from 'knip';

/**
 * `npm run knip` (part of `npm run check`): files, exports and dependencies nothing uses.
 * Knip's own plugins already know Next's App Router (`app/**`, next.config.mjs), vitest's
 * test files, eslint, postcss and the package.json scripts (server/main.ts, bench/run.ts,
 * server/bundle.mjs); listed here is what they cannot see.
 */
const config: KnipConfig = {
  entry: [
    // Started as child processes from a path (bench/load-pool.ts, tests/helpers/server-process.ts).
    'bench/load-worker.ts',
    'tests/helpers/server-process-main.ts',
    // Run by .ci/run, a shell script without an extension that knip does not read.
    '.ci/summary.mjs',
  ],
  // A type named in the signature of an exported function is part of that function's API:
  // it stays exported (for callers to name) even when no other file imports it yet.
  ignoreExportsUsedInFile: { interface: true, type: true },
  vitest: { config: ['vitest.config.ts', 'e2e/vitest.config.ts'] },
  ignoreDependencies: [
    // Its font files are read by a path resolved at run time (lib/export/pdf-fonts.ts).
    'dejavu-fonts-ttf',
    // The bench's reference server runs its script by a path in node_modules (bench/servers.ts).
    '@y/websocket-server',
  ],
};

export default config;
