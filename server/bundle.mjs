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
/** Bundled too: the catalogues (lib/i18n/messages) are JSON, and so are the practice room's words. */
const INPUTS = ['package.json', 'tsconfig.json', 'seeds/simulation.json'];

function newestSource() {
  let newest = 0;
  const visit = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (/\.(tsx?|json)$/.test(entry.name))
        newest = Math.max(newest, fs.statSync(file).mtimeMs);
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
 * Bundles afresh (into `outdir`: another folder for tests). The files are written under
 * temporary names and then renamed, so that servers started at the same moment (the
 * browser tests start several) never load a half-written bundle.
 */
export async function bundleServer(outdir = path.dirname(BUNDLE)) {
  const entry = path.join(outdir, path.basename(BUNDLE));
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { server: 'server/main.ts' },
    outdir,
    outExtension: { '.js': '.mjs' },
    // What the server imports lazily (`await import(…)`: the PDF export and pdfkit with
    // its fonts) goes into chunks of its own and is loaded on first use. In one file,
    // the packages such a module imports would become static imports, loaded at start.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
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
  // Chunks and maps first: the entry names them, and its appearance marks the build done.
  const files = [...result.outputFiles].sort(
    (a, b) => Number(a.path === entry) - Number(b.path === entry),
  );
  for (const file of files) {
    fs.mkdirSync(path.dirname(file.path), { recursive: true });
    const temporary = `${file.path}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, file.contents);
    fs.renameSync(temporary, file.path);
  }
  // Chunks of earlier builds (their names carry a hash of their content) are not needed.
  const chunks = path.join(outdir, 'chunks');
  const current = new Set(files.map((f) => f.path));
  for (const name of fs.existsSync(chunks) ? fs.readdirSync(chunks) : []) {
    const file = path.join(chunks, name);
    if (!current.has(file) && !name.endsWith('.tmp')) fs.rmSync(file, { force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await bundleServer();
  console.log(`Bundled the server into ${path.relative(ROOT, BUNDLE)}`);
}
