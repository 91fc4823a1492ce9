import { afterEach, describe, expect, it } from 'vitest';
import { participant, workshopRecord } from '../../tests/storage/fixtures';
import { SqliteStorage } from '../storage/sqlite-storage';
import { WorkshopActor, type WorkshopChange } from './actor';

/** A document with one step and one idea, counting how often the actor reads it. */
function countedFacts() {
  const reads = { count: 0 };
  const read = async () => {
    reads.count++;
    const steps = [{ id: 's1', critical: false, targetFeeling: 'neutral' }];
    return { stepIds: ['s1'], steps, personaIds: [], cardIds: [], ideaIds: ['i1'] };
  };
  return { reads, read };
}

describe('the actor’s one road (run)', () => {
  const open: SqliteStorage[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });

  async function room(phase: 'warmup' | 'walk' = 'warmup') {
    const storage = new SqliteStorage(':memory:');
    open.push(storage);
    const record = workshopRecord();
    record.control = { ...record.control, phase, stepId: phase === 'walk' ? 's1' : null };
    await storage.createWorkshop(record);
    const person = participant(record.id, 'Aino', 1);
    await storage.addParticipant(person);
    const facts = countedFacts();
    const actor = (await WorkshopActor.load(storage, record.id, facts.read))!;
    const heard: WorkshopChange[] = [];
    actor.subscribe((change) => heard.push(change));
    return { actor, person, reads: facts.reads, heard };
  }

  it('answers an unknown participant UNAUTHORIZED, reading and telling nothing', async () => {
    const { actor, reads, heard } = await room();
    const answer = { type: 'warmup.answer', answer: { workplace: 7, customers: 8 } } as const;
    expect(await actor.run('nobody', answer)).toEqual({
      ok: false,
      code: 'UNAUTHORIZED',
      message: 'Unknown participant',
    });
    expect(await actor.run('nobody', { type: 'control', command: { type: 'phase.next' } })).toEqual(
      { ok: false, code: 'UNAUTHORIZED', message: 'Unknown participant' },
    );
    expect(reads.count).toBe(0);
    expect(heard).toEqual([]);
  });

  it('reads the document only for the requests that need it', async () => {
    const { actor, person, reads, heard } = await room();
    const answer = { workplace: 7, customers: 8 };
    expect(await actor.run(person.id, { type: 'warmup.answer', answer })).toEqual({ ok: true });
    expect(await actor.run(person.id, { type: 'action.delete', id: 'none' })).toMatchObject({
      ok: false,
    });
    expect(reads.count).toBe(0);
    expect(heard.map((c) => c.changedPeople.map((p) => p.id))).toEqual([[person.id]]);
    expect(actor.you(person.id)?.warmup).toEqual(answer);
    const ready = { type: 'control', command: { type: 'ready.set', ready: true } } as const;
    expect(await actor.run(person.id, ready)).toEqual({ ok: true });
    expect(reads.count).toBe(1);
  });

  it('answers a refusal from lib/ as it is, storing and telling nothing', async () => {
    const { actor, person, heard } = await room('walk');
    const next = { type: 'control', command: { type: 'phase.next' } } as const;
    expect(await actor.run(person.id, next)).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: 'Only a facilitator can do that',
    });
    expect(heard).toEqual([]);
  });
});
