/**
 * Bundles the server (server/main.ts and what it imports from server/ and lib/) into one
 * ES module, `.server-build/server.mjs`, with esbuild; packages stay imports of
 * node_modules. `npm start` runs the bundle with plain node: no TypeScript loader to
 * start and nothing to transpile, which roughly halves the time from a restart to the
 * first workshop served (docs/performance.md, scenario 4).
 *
 * `node server/bundle.mjs` bundles; `npm run build` runs it after `next build`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = path.resolve(import.meta.dirname, '..');
/** One level below the root, so that the bundle's `PROJECT_ROOT` (its folder's parent) is the root. */
export const BUNDLE = path.join(ROOT, '.server-build', 'server.mjs');
const SOURCES = ['server', 'lib'];
const INPUTS = ['package.json', 'tsconfig.json'];

function newestSource() {
  let newest = 0;
  const visit = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (/\.tsx?$/.test(entry.name)) newest = Math.max(newest, fs.statSync(file).mtimeMs);
    }
  };
  for (const dir of SOURCES) visit(path.join(ROOT, dir));
  for (const file of INPUTS) newest = Math.max(newest, fs.statSync(path.join(ROOT, file)).mtimeMs);
  return newest;
}

/** True when there is no bundle, or a source file changed after it was made. */
export function bundleIsStale() {
  if (!fs.existsSync(BUNDLE)) return true;
  return fs.statSync(BUNDLE).mtimeMs < newestSource();
}

/**
 * Bundles afresh. The files are written under temporary names and then renamed, so that
 * servers started at the same moment (the browser tests start several) never load a
 * half-written bundle.
 */
export async function bundleServer() {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['server/main.ts'],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Packages are loaded from node_modules as they are (native addons, Next itself).
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
    write: false,
  });
  fs.mkdirSync(path.dirname(BUNDLE), { recursive: true });
  // The map first: the bundle names it, and its appearance is what marks the build done.
  const files = [...result.outputFiles].sort((a) => (a.path.endsWith('.map') ? -1 : 1));
  for (const file of files) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, file.contents);
    fs.renameSync(temporary, file.path);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await bundleServer();
  console.log(`Bundled the server into ${path.relative(ROOT, BUNDLE)}`);
}
