import { describe, expect, it } from 'vitest';
import { initialControl } from '../domain/commands';
import { PHASES } from '../domain/phases';
import type { WorkshopState } from '../domain/workshop';
import { applyPatch, StatePatcher } from './state-patch';

function baseState(): WorkshopState {
  return {
    info: {
      id: 'w1',
      title: 'Onboarding',
      templateId: 'blank',
      locale: 'fi',
      joinCode: 'ABC123',
      createdAt: 1,
    },
    control: initialControl(PHASES),
    participants: [{ id: 'p1', name: 'Aino', role: 'facilitator', lens: 'staff', online: true }],
    ratingCounts: {},
    warmup: { answered: 0, results: null },
    progress: { doneIds: [], dotsSpent: {} },
  };
}

/** The base state with `size` people in its roster, the facilitator first. */
function roomOf(size: number): WorkshopState {
  const room = baseState();
  for (let i = 1; i < size; i++) {
    room.participants.push({
      id: `id${i}`,
      name: `Person ${i}`,
      role: 'staff',
      lens: 'staff',
      online: true,
    });
  }
  return room;
}

/** A small random change, as the actor's commands make them (a new object each time). */
function change(state: WorkshopState, n: number): WorkshopState {
  const next = structuredClone(state);
  switch (n % 8) {
    case 0:
      next.control.readiness.doneIds = next.control.readiness.doneIds.includes('p1') ? [] : ['p1'];
      break;
    case 1:
      next.ratingCounts[`1:s${n % 3}`] = (next.ratingCounts[`1:s${n % 3}`] ?? 0) + 1;
      break;
    case 2:
      next.participants.push({
        id: `p${n}`,
        name: `P${n}`,
        role: 'staff',
        lens: 'staff',
        online: true,
      });
      break;
    case 3:
      next.warmup.answered += 1;
      break;
    case 4:
      break; // nothing anyone sees changed (a re-rating, a second tab connecting)
    case 5: {
      // Someone goes offline or comes back.
      const someone = next.participants[n % next.participants.length]!;
      someone.online = !someone.online;
      break;
    }
    case 6:
      // The facilitator removes someone (never the facilitator).
      if (next.participants.length > 1)
        next.participants.splice(1 + (n % (next.participants.length - 1)), 1);
      break;
    case 7: {
      const someone = next.participants[n % next.participants.length]!;
      someone.lens = someone.lens === 'staff' ? 'customer' : 'staff';
      break;
    }
  }
  return next;
}

describe('state patches', () => {
  it('carries only the sections that changed, and nothing when nothing did', () => {
    const patcher = new StatePatcher();
    const first = baseState();
    expect(patcher.next(first)).toEqual({ ...first, participants: { put: first.participants } });
    const rated = structuredClone(first);
    rated.ratingCounts['1:s1'] = 1;
    expect(patcher.next(rated)).toEqual({ ratingCounts: { '1:s1': 1 } });
    expect(patcher.next(structuredClone(rated))).toBeNull();
    const ready = structuredClone(rated);
    ready.control.readiness.doneIds = ['p1'];
    expect(Object.keys(patcher.next(ready) ?? {})).toEqual(['control']);
  });

  it('keeps every client equal to the latest state, whenever it joined', () => {
    const patcher = new StatePatcher();
    let state = baseState();
    patcher.next(state);
    // A client joins after each change with the whole state, then applies later patches.
    const clients: WorkshopState[] = [];
    for (let n = 0; n < 60; n++) {
      state = change(state, n * 7 + (n % 3));
      const patch = patcher.next(state);
      for (let i = 0; i < clients.length; i++) {
        if (patch) clients[i] = applyPatch(clients[i]!, patch);
      }
      clients.push(structuredClone(state));
      for (const client of clients) expect(client).toEqual(state);
    }
  });

  it('sends one join to a room of 100 as the newcomer alone, in a few hundred bytes', () => {
    const patcher = new StatePatcher();
    const room = roomOf(100);
    patcher.next(room);
    const joined = structuredClone(room);
    const newcomer = {
      id: 'new1',
      name: 'Newcomer',
      role: 'customer',
      lens: 'customer',
      online: false,
    } as const;
    joined.participants.push(newcomer);
    const patch = patcher.next(joined);
    expect(patch).toEqual({ participants: { put: [newcomer] } });
    expect(Buffer.byteLength(JSON.stringify(patch))).toBeLessThan(200);
    expect(applyPatch(room, patch!)).toEqual(joined);
  });

  it('names a changed entry alone, and a removed one by its id', () => {
    const patcher = new StatePatcher();
    const room = roomOf(3);
    patcher.next(room);
    const online = structuredClone(room);
    online.participants[1]!.online = false;
    expect(patcher.next(online)).toEqual({ participants: { put: [online.participants[1]] } });
    const removed = structuredClone(online);
    const [gone] = removed.participants.splice(1, 1);
    expect(patcher.next(removed)).toEqual({ participants: { removed: [gone!.id] } });
    expect(applyPatch(online, { participants: { removed: [gone!.id] } })).toEqual(removed);
  });

  it('sends a reordered roster whole, so that every client holds the same order', () => {
    const patcher = new StatePatcher();
    const room = roomOf(4);
    patcher.next(room);
    const reordered = structuredClone(room);
    reordered.participants.reverse();
    const patch = patcher.next(reordered);
    expect(applyPatch(room, patch!)).toEqual(reordered);
  });

  it('leaves the state it patches untouched', () => {
    const before = baseState();
    const copy = structuredClone(before);
    const after = applyPatch(before, { warmup: { answered: 3, results: null } });
    expect(before).toEqual(copy);
    expect(after.warmup.answered).toBe(3);
    expect(after.control).toBe(before.control);
  });
});
