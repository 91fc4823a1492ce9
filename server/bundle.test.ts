import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module without types (npm start runs it before any build).
import { bundleServer } from './bundle.mjs';

const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'saappaat-bundle-'));
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

/** The packages a file imports statically: what loads with it. */
function staticImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/^import\s[^;]*?from\s+"([^"]+)";/gm)].map((m) => m[1]!);
}

describe('the server bundle', () => {
  it('leaves what the server loads lazily (the PDF export and pdfkit) out of its start', async () => {
    await bundleServer(outdir);
    const entry = path.join(outdir, 'server.mjs');
    const atStart = staticImports(entry);
    expect(atStart).toContain('socket.io');
    expect(atStart).not.toContain('pdfkit');
    const chunks = fs.readdirSync(path.join(outdir, 'chunks')).filter((f) => f.endsWith('.mjs'));
    const lazy = chunks.flatMap((f) => staticImports(path.join(outdir, 'chunks', f)));
    expect(lazy).toContain('pdfkit');
  }, 60_000);
});
