/** The heap in use, measured after garbage collection where this process allows it. */
import v8 from 'node:v8';
import vm from 'node:vm';

/** `gc` if this process can have it: --expose-gc, or switched on now (works in Node). */
export function findGc(): (() => void) | null {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return existing;
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
}

export function heapUsed(gc: (() => void) | null): number {
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
}
