import { describe, expect, it, vi } from 'vitest';
import { WriteDenied } from '../../lib/protocol/codes';
import { workshopRecord } from '../../tests/storage/fixtures';
import { SqliteStorage } from '../storage/sqlite-storage';
import { ClientClaims } from './client-claims';

async function setup() {
  const storage = new SqliteStorage(':memory:');
  const w = workshopRecord();
  await storage.createWorkshop(w);
  return { storage, workshopId: w.id };
}

describe('ClientClaims', () => {
  it('lets a participant use free ids and its own, not another’s, and not past its bound', async () => {
    const { storage, workshopId } = await setup();
    const claims = new ClientClaims(workshopId, storage, 2, () => undefined);
    await claims.load();
    expect(claims.refusal('anna', [1])).toBeNull();
    claims.claim('anna', [1]);
    expect(claims.refusal('anna', [1])).toBeNull();
    expect(claims.refusal('mal', [1, 5])).toBe(WriteDenied.NOT_YOUR_CLIENT);
    expect(claims.refusal('anna', [2, 3])).toBe(WriteDenied.TOO_MANY_CLIENTS);
    claims.claim('anna', [2]);
    expect(claims.refusal('anna', [3])).toBe(WriteDenied.TOO_MANY_CLIENTS);
    expect(claims.refusal('anna', [1, 2])).toBeNull();
    expect(claims.refusal('mal', [3])).toBeNull();
    await claims.stored();
    expect(claims.settled).toBe(true);
    await storage.close();
  });

  it('loads what was claimed before, bound included', async () => {
    const { storage, workshopId } = await setup();
    const before = new ClientClaims(workshopId, storage, 2, () => undefined);
    await before.load();
    before.claim('anna', [1, 2]);
    await before.stored();
    const after = new ClientClaims(workshopId, storage, 2, () => undefined);
    await after.load();
    expect([...after]).toEqual([
      [1, 'anna'],
      [2, 'anna'],
    ]);
    expect(after.refusal('mal', [2])).toBe(WriteDenied.NOT_YOUR_CLIENT);
    expect(after.refusal('anna', [3])).toBe(WriteDenied.TOO_MANY_CLIENTS);
    await storage.close();
  });

  it('tells of a claim that could not be stored, and never settles', async () => {
    const { storage, workshopId } = await setup();
    const failed = vi.fn();
    const claims = new ClientClaims(workshopId, storage, 5, failed);
    await claims.load();
    vi.spyOn(storage, 'claimDocClients').mockRejectedValueOnce(new Error('disk full'));
    claims.claim('anna', [1]);
    expect(claims.settled).toBe(false);
    await expect(claims.stored()).rejects.toThrow('disk full');
    expect(failed).toHaveBeenCalledTimes(1);
    expect(claims.settled).toBe(false);
    await storage.close();
  });
});
