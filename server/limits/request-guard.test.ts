import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../lib/protocol/codes';
import { HttpError } from '../http-util';
import { RequestGuard } from './request-guard';

const rule = { points: 2, windowMs: 60_000 };
const found = async () => ({ id: 'w1' });
const missing = async () => null;

async function refusal(p: Promise<unknown>): Promise<HttpError | null> {
  return p.then(
    () => null,
    (err: unknown) => (err instanceof HttpError ? err : Promise.reject(err)),
  );
}

describe('RequestGuard', () => {
  const open: Redis[] = [];
  afterEach(() => {
    for (const r of open.splice(0)) r.disconnect();
  });

  it('keeps a found code open to its address past the limit, and nothing else', async () => {
    const guard = new RequestGuard({ codeFailuresPerAddress: rule });
    expect(await guard.lookUpCode('192.0.2.1', 'RIGHT1', found)).toEqual({ id: 'w1' });
    for (let i = 0; i < 2; i++)
      expect(await guard.lookUpCode('192.0.2.1', `W${i}`, missing)).toBeNull();
    expect((await refusal(guard.lookUpCode('192.0.2.1', 'W9', missing)))?.code).toBe(
      ErrorCode.RATE_LIMITED,
    );
    expect(await guard.lookUpCode('192.0.2.1', 'RIGHT1', found)).toEqual({ id: 'w1' });
    expect((await refusal(guard.lookUpCode('192.0.2.1', 'OTHER2', found)))?.status).toBe(429);
    expect(await guard.lookUpCode('192.0.2.2', 'OTHER2', found)).toEqual({ id: 'w1' });
  });

  it('does not count a look-up that storage failed as a wrong guess', async () => {
    const guard = new RequestGuard({ codeFailuresPerAddress: rule });
    const broken = async () => Promise.reject(new Error('disk'));
    for (let i = 0; i < 5; i++) {
      await expect(guard.lookUpCode('192.0.2.1', 'ANY', broken)).rejects.toThrow('disk');
    }
    expect(await guard.lookUpCode('192.0.2.1', 'W1', missing)).toBeNull();
  });

  it('goes on limiting, per node, while Redis cannot be reached', async () => {
    const redis = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
    });
    redis.on('error', () => undefined);
    open.push(redis);
    const guard = new RequestGuard({ joinsPerAddress: rule }, { redis, prefix: 't:down:' });
    await guard.admit('join', '192.0.2.1');
    await guard.admit('join', '192.0.2.1');
    expect((await refusal(guard.admit('join', '192.0.2.1')))?.code).toBe(ErrorCode.RATE_LIMITED);
  });
});
