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
  };
}

/** A small random change, as the actor's commands make them (a new object each time). */
function change(state: WorkshopState, n: number): WorkshopState {
  const next = structuredClone(state);
  switch (n % 5) {
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
  }
  return next;
}

describe('state patches', () => {
  it('carries only the sections that changed, and nothing when nothing did', () => {
    const patcher = new StatePatcher();
    const first = baseState();
    expect(patcher.next(first)).toEqual(first);
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

  it('leaves the state it patches untouched', () => {
    const before = baseState();
    const copy = structuredClone(before);
    const after = applyPatch(before, { warmup: { answered: 3, results: null } });
    expect(before).toEqual(copy);
    expect(after.warmup.answered).toBe(3);
    expect(after.control).toBe(before.control);
  });
});
