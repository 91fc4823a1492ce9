import { afterEach, describe, expect, it } from 'vitest';
import { participant, workshopRecord } from '../../tests/storage/fixtures';
import { SqliteStorage } from '../storage/sqlite-storage';
import { WorkshopActor, type WorkshopChange } from './actor';

const noFacts = async () => ({ stepIds: [], steps: [], personaIds: [], cardIds: [], ideaIds: [] });

describe('a disposed actor', () => {
  const open: SqliteStorage[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });

  it('tells its listeners nothing more (its closing connections must not reach a newer actor’s rooms)', async () => {
    const storage = new SqliteStorage(':memory:');
    open.push(storage);
    const record = workshopRecord();
    await storage.createWorkshop(record);
    const person = participant(record.id, 'Aino', 1);
    await storage.addParticipant(person);
    const actor = (await WorkshopActor.load(storage, record.id, noFacts))!;
    const heard: WorkshopChange[] = [];
    actor.subscribe((change) => heard.push(change));
    actor.connected(person.id);
    expect(heard).toHaveLength(1);
    actor.dispose();
    actor.disconnected(person.id);
    actor.connected(person.id);
    expect(heard).toHaveLength(1);
  });
});
