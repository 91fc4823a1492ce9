import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as prettier from 'prettier';
import type { Figure } from './figures';
import type { Params } from './params';
import { ROOT } from '../support/servers';

export interface Report {
  mode: Params['mode'];
  startedAt: string;
  durationS: number;
  machine: { cpu: string; cores: number; memoryGiB: number; node: string; os: string };
  /** 1-minute load average before and after the run: other work on the machine skews it all. */
  loadAverage: { before: number; after: number };
  params: Params;
  figures: Figure[];
  /** Things that went wrong during the load (refused acks, closed connections, …). */
  errors: Record<string, number>;
}

export function machine(): Report['machine'] {
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
  };
}

const fmt = (n: number | undefined) => (n === undefined ? '' : String(n));

/** The figures as a Markdown table. */
export function table(report: Report): string {
  const m = report.machine;
  const lines = [
    `${report.mode === 'full' ? 'Full' : 'Quick'} run of ${report.startedAt}, ${report.durationS} s, ` +
      `on ${m.cores} × ${m.cpu}, ${m.memoryGiB} GiB, Node ${m.node}, ${m.os}; ` +
      `load generator on the same machine; load average ${report.loadAverage.before} before, ` +
      `${report.loadAverage.after} after. Parameters: \`bench/results/latest.json\`.`,
    '',
    '| scenario | figure | unit | p50 | p95 | p99 / value | target | met |',
    '| --- | --- | --- | ---: | ---: | ---: | --- | --- |',
  ];
  for (const f of report.figures) {
    const last = f.value !== undefined ? fmt(f.value) : fmt(f.p99);
    const met = f.met === undefined ? '' : f.met ? 'yes' : '**no**';
    lines.push(
      `| ${f.scenario} | ${f.name} | ${f.unit} | ${fmt(f.p50)} | ${fmt(f.p95)} | ${last} | ${f.target ?? ''} | ${met} |`,
    );
  }
  const errors = Object.entries(report.errors);
  lines.push(
    '',
    errors.length === 0
      ? 'No errors during the load.'
      : `Errors during the load: ${errors.map(([k, v]) => `${k}: ${v}`).join(', ')}.`,
  );
  return lines.join('\n');
}

/**
 * Writes latest.json (and <mode>.json) and puts the table between this mode's markers,
 * formatted as `npm run format:check` wants it.
 */
export async function write(report: Report): Promise<void> {
  const dir = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  fs.writeFileSync(path.join(dir, 'latest.json'), json);
  fs.writeFileSync(path.join(dir, `${report.mode}.json`), json);

  const doc = path.join(ROOT, 'docs', 'performance.md');
  const start = `<!-- bench:${report.mode}:start -->`;
  const end = `<!-- bench:${report.mode}:end -->`;
  let text = fs.existsSync(doc) ? fs.readFileSync(doc, 'utf8') : '# Performance\n';
  const block = `${start}\n\n${table(report)}\n\n${end}`;
  const at = text.indexOf(start);
  const until = text.indexOf(end);
  if (at >= 0 && until > at) text = text.slice(0, at) + block + text.slice(until + end.length);
  else text = `${text.trimEnd()}\n\n${block}\n`;
  const options = (await prettier.resolveConfig(doc)) ?? {};
  fs.writeFileSync(doc, await prettier.format(text, { ...options, filepath: doc }));
}
