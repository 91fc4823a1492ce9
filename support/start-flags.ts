import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * The node flags `npm start` gives the server (package.json's start script), read from
 * there so the browser tests and the benchmark start it exactly as it is started.
 * `--v8-pool-size=0` sizes V8's helper threads (GC marking, compiling) to the cores less
 * one instead of 4: on two cores, four helpers marking at once took both cores from the
 * event loop (docs/performance.md).
 */
export const NODE_START_FLAGS: string[] = (() => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const flags = /\bnode\s+(.*?)\s*server\/start\.mjs/.exec(pkg.scripts.start);
  if (!flags) throw new Error("package.json's start script no longer runs server/start.mjs");
  return flags[1]!.split(/\s+/).filter(Boolean);
})();

/** More node flags from an environment variable ("--trace-gc --cpu-prof …"), if set. */
export function flagsFrom(variable: string): string[] {
  return (process.env[variable] ?? '').split(/\s+/).filter(Boolean);
}
