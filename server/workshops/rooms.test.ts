import { afterEach, describe, expect, it } from 'vitest';
import { pathDocUpdate } from '../../lib/board/path-doc';
import { participant, workshopRecord } from '../../tests/storage/fixtures';
import { SqliteStorage } from '../storage/sqlite-storage';
import { type WorkshopOwnership, WorkshopRooms } from './rooms';

const IDLE_MS = 20;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Ownership as the registry sees it, on one node: every lease is ours; it records the rest. */
class OneNodeOwnership implements WorkshopOwnership {
  readonly released: Array<{ id: string; docRows: number }> = [];
  constructor(private readonly storage: SqliteStorage) {}
  acquire = async (id: string) => (await this.storage.getWorkshop(id)) !== null;
  heldElsewhere = async () => false;
  holds = () => true;
  release = async (id: string) => {
    this.released.push({ id, docRows: (await this.storage.loadDoc(id)).updates.length });
  };
}

describe('workshop rooms', () => {
  const open: SqliteStorage[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });

  async function setUp() {
    const storage = new SqliteStorage(':memory:');
    open.push(storage);
    const record = workshopRecord();
    await storage.createWorkshop(record);
    const person = participant(record.id, 'Aino', 1);
    await storage.addParticipant(person);
    const ownership = new OneNodeOwnership(storage);
    const rooms = new WorkshopRooms(storage, { idleUnloadMs: IDLE_MS, ownership });
    return { storage, record, person, ownership, rooms };
  }

  it('unload actor and document as one: stored and compacted before the lease is given back', async () => {
    const { storage, record, person, ownership, rooms } = await setUp();
    // Two rows in the stored log, each with a persona.
    for (const id of ['anneli', 'bertta']) {
      const personas = [{ id, name: id, description: '' }];
      await storage.appendDocUpdate(
        record.id,
        pathDocUpdate({ path: [], personas, situations: [] }),
      );
    }
    const room = (await rooms.room(record.id))!;
    const leave = room.enter({ participantId: person.id, close: () => undefined });
    expect(room.actor.state().participants[0]?.online).toBe(true);
    // The actor's facts come from its room's document.
    expect([...(await room.doc.facts()).personaIds].sort()).toEqual(['anneli', 'bertta']);
    expect(rooms.loadedDocs).toBe(1);
    await wait(IDLE_MS * 3);
    expect(room.closed).toBe(false);
    leave();
    await waitFor(() => ownership.released.length === 1);
    expect(room.closed).toBe(true);
    expect(rooms.loadedDocs).toBe(0);
    expect(ownership.released).toEqual([{ id: record.id, docRows: 1 }]);
    const again = await rooms.room(record.id);
    expect(again).not.toBe(room);
    await rooms.close();
  });

  it('evict closes every connection at once and drops the room, unstored', async () => {
    const { record, person, ownership, rooms } = await setUp();
    const room = (await rooms.room(record.id))!;
    const closed: string[] = [];
    room.enter({ participantId: person.id, close: () => closed.push('socket') });
    room.enter({ close: () => closed.push('screen') });
    await room.doc.facts();
    rooms.evict(record.id);
    expect(closed).toEqual(['socket', 'screen']);
    expect(room.closed).toBe(true);
    expect(rooms.loadedDocs).toBe(0);
    expect(ownership.released).toEqual([]);
    // A connection that reaches the dead room is closed at once too.
    room.enter({ close: () => closed.push('late') });
    expect(closed.at(-1)).toBe('late');
    expect(await rooms.room(record.id)).not.toBe(room);
    await rooms.close();
  });
});

async function waitFor(done: () => boolean): Promise<void> {
  for (const start = Date.now(); Date.now() - start < 2000;) {
    if (done()) return;
    await wait(5);
  }
  throw new Error('timed out');
}
