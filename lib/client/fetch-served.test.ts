import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchServed } from './fetch-served';

const notOwner = () =>
  new Response(JSON.stringify({ error: { code: 'NOT_OWNER', message: 'elsewhere' } }), {
    status: 503,
    headers: { 'retry-after': '1' },
  });

function answers(...responses: Array<() => Response>) {
  const calls: string[] = [];
  vi.stubGlobal('fetch', (input: string) => {
    calls.push(input);
    const next = responses.shift();
    if (!next) throw new Error('no more answers');
    return Promise.resolve(next());
  });
  return calls;
}

describe('fetchServed', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  const slept: number[] = [];
  const sleep = async (ms: number) => void slept.push(ms);

  it('tries again while the workshop is moving between nodes, then returns the answer', async () => {
    slept.length = 0;
    const calls = answers(notOwner, notOwner, () => new Response('{"ok":true}', { status: 201 }));
    const res = await fetchServed('/api/workshops/w/participants', { method: 'POST' }, sleep);
    expect(res.status).toBe(201);
    expect(calls).toHaveLength(3);
    expect(slept).toEqual([500, 1000]);
  });

  it('returns any other 503 at once, and gives up on NOT_OWNER after about 20 s', async () => {
    slept.length = 0;
    answers(() => new Response('{"error":{"code":"STORAGE_FAILED"}}', { status: 503 }));
    expect((await fetchServed('/x', undefined, sleep)).status).toBe(503);
    expect(slept).toEqual([]);
    answers(...Array.from({ length: 8 }, () => notOwner));
    const last = await fetchServed('/x', undefined, sleep);
    expect(await last.json()).toMatchObject({ error: { code: 'NOT_OWNER' } });
    expect(slept.reduce((a, b) => a + b, 0)).toBe(20_500);
  });
});
