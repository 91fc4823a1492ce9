import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** Kernel clock ticks per second, the unit of utime/stime in /proc/<pid>/stat. */
const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

export interface ProcSample {
  /** When the sample was taken (ms, monotonic). */
  at: number;
  /** CPU time used so far, user + system, in ms. */
  cpuMs: number;
  /** Resident set size in KiB. */
  rssKb: number;
}

/**
 * Reads another process's CPU time and RSS from /proc, so the server needs no admin
 * endpoint and is measured exactly as it runs in production.
 */
export function sampleProcess(pid: number): ProcSample {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14, 15)
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const rss = /VmRSS:\s+(\d+) kB/.exec(status);
  return {
    at: Number(process.hrtime.bigint()) / 1e6,
    cpuMs: (ticks * 1000) / CLK_TCK,
    rssKb: Number(rss?.[1] ?? Number.NaN),
  };
}

/** CPU used between two samples, as a share of one core (1 = one core busy). */
export function cpuShare(from: ProcSample, to: ProcSample): number {
  return (to.cpuMs - from.cpuMs) / (to.at - from.at);
}

/** Several processes read as one (the nodes of a cluster): CPU and RSS summed. */
export function sampleProcesses(pids: readonly number[]): ProcSample {
  const samples = pids.map(sampleProcess);
  return {
    at: Number(process.hrtime.bigint()) / 1e6,
    cpuMs: samples.reduce((sum, s) => sum + s.cpuMs, 0),
    rssKb: samples.reduce((sum, s) => sum + s.rssKb, 0),
  };
}
