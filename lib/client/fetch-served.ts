import { ErrorCode } from '../protocol/codes';

/** Waits between tries: the lease of a dead node expires within LEASE_TTL_MS (10 s). */
const RETRY_DELAYS_MS = [500, 1000, 2000, 3000, 4000, 5000, 5000];

/**
 * `fetch` for the workshop API, which waits out a workshop moving between nodes: a 503
 * NOT_OWNER answer (docs/protocol.md) is tried again after a pause, up to about 20 s, and
 * then returned as it is. Every other answer is returned at once.
 */
export async function fetchServed(
  input: string,
  init?: RequestInit,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(input, init);
    const delay = RETRY_DELAYS_MS[attempt];
    if (res.status !== 503 || delay === undefined) return res;
    const body = (await res
      .clone()
      .json()
      .catch(() => null)) as { error?: { code?: string } } | null;
    if (body?.error?.code !== ErrorCode.NOT_OWNER) return res;
    await sleep(delay);
  }
}
