import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';
import { type Figure, valueFigure } from '../figures';
import { DIST_DIR, ROOT } from '../../support/servers';

const S = '5 page weight';
const PAGE = '/w/[id]/page';

/**
 * Scenario 5: first-load JavaScript of the participant page, gzipped, as Next counts it:
 * the root main files every page loads plus the entry chunks of the root layout and of
 * the page (from the build's manifests; polyfills go only to browsers without modules,
 * and chunks loaded later through `next/dynamic` are not first-load). When the running
 * server is given, scripts its HTML names are counted too (a union, so nothing is missed).
 */
export async function pageWeight(url?: string, workshopId?: string): Promise<Figure[]> {
  const dist = path.join(ROOT, DIST_DIR);
  const build = JSON.parse(fs.readFileSync(path.join(dist, 'build-manifest.json'), 'utf8')) as {
    rootMainFiles: string[];
  };
  const files = new Set(build.rootMainFiles);
  const manifestFile = path.join(
    dist,
    'server',
    'app',
    'w',
    '[id]',
    'page_client-reference-manifest.js',
  );
  const context: {
    globalThis?: unknown;
    __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }>;
  } = {};
  context.globalThis = context;
  vm.runInNewContext(fs.readFileSync(manifestFile, 'utf8'), context);
  const entries = context.__RSC_MANIFEST?.[PAGE]?.entryJSFiles ?? {};
  for (const [entry, chunks] of Object.entries(entries)) {
    if (entry.endsWith('/app/layout') || entry.endsWith('/app/w/[id]/page')) {
      for (const c of chunks) files.add(c);
    }
  }
  if (url && workshopId) {
    const html = await (await fetch(`${url}/w/${workshopId}`)).text();
    for (const [, src] of html.matchAll(/<script[^>]+src="\/_next\/([^"]+\.js)"/g)) files.add(src!);
  }
  let raw = 0;
  let gzipped = 0;
  for (const file of files) {
    const bytes = fs.readFileSync(path.join(dist, file));
    raw += bytes.byteLength;
    gzipped += zlib.gzipSync(bytes, { level: 9 }).byteLength;
  }
  if (files.size === 0) throw new Error('no first-load files found in the build');
  return [
    valueFigure(
      S,
      `first-load JS of /w/[id], gzipped (${files.size} files)`,
      'KB',
      gzipped / 1024,
      { max: 200 },
    ),
    valueFigure(S, 'first-load JS of /w/[id], uncompressed', 'KB', raw / 1024),
  ];
}
