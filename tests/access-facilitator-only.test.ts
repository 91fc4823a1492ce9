/**
 * Every event only some roles may send, tried by every role that may not, with a valid
 * payload in a state where it would work: a named error, and nothing changes anywhere
 * (database rows, what a facilitator sees on connect, the JSON export, and no broadcast to
 * anyone). The same payload then works for a role that may send it, so a broken payload
 * cannot make these tests pass. The events and who may send them come from the protocol's
 * permission table (lib/protocol/event-access.ts), so a new event is covered as soon as it
 * exists: it does not compile until it has a permission there and a scenario here.
 *
 * The rooms, snapshots and the trial of an event are tests/helpers/access-room.ts; the
 * HTTP endpoints only the facilitator's key opens, access-facilitator-only-http.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../lib/protocol/codes';
import {
  CLIENT_EVENTS,
  EVENT_PERMISSION,
  facilitatorOnlyEvents,
} from '../lib/protocol/event-access';
import { type ClientEventName, clientEventSchemas } from '../lib/protocol/events';
import {
  accessServer,
  ACTION,
  addIdea,
  fac,
  type Person,
  type Room,
  room,
  type Scenario,
  snapshot,
  tryEvent,
} from './helpers/access-room';
import { rating } from './helpers/ratings';

const at = accessServer();

/** What the action scenarios prepared: the facilitator's action, for edits and deletes. */
const prepared = new WeakMap<Room, { actionId: string }>();

/** The other of two values, so that a change to oneself really is a change. */
const otherRole = (p: Person) => (p.role === 'leader' ? 'staff' : 'leader');
const otherLens = (p: Person) => (p.role === 'staff' ? 'customer' : 'staff');
const selfToo = (p: Person, payload: (id: string) => unknown) => (p.id ? [payload(p.id)] : []);

const SCENARIOS: { [E in ClientEventName]: Scenario } = {
  'phase:next': { payloads: () => [{}] },
  'phase:prev': {
    prepare: async (r) => void (await fac(r, 'phase:set', { phase: 'warmup' })),
    payloads: () => [{}],
  },
  'phase:set': { payloads: () => [{ phase: 'walk' }, { phase: 'summary' }] },
  'phase:configure': { payloads: () => [{ enabled: ['lobby', 'walk', 'summary'] }] },
  'walk:step': {
    prepare: async (r) => void (await fac(r, 'phase:set', { phase: 'walk' })),
    payloads: (r) => [{ stepId: r.steps[2] }],
  },
  'walk:next': {
    prepare: async (r) => void (await fac(r, 'phase:set', { phase: 'walk' })),
    payloads: () => [{}],
  },
  'walk:prev': {
    prepare: async (r) => {
      await fac(r, 'phase:set', { phase: 'walk' });
      await fac(r, 'walk:step', { stepId: r.steps[1] });
    },
    payloads: () => [{}],
  },
  'walk:pace': { payloads: () => [{ pace: 'free' }] },
  'round:start': { payloads: () => [{}] },
  'timer:start': { payloads: () => [{ durationMs: 5 * 60_000 }] },
  'timer:pause': {
    prepare: async (r) => void (await fac(r, 'timer:start', { durationMs: 5 * 60_000 })),
    payloads: () => [{}],
  },
  'timer:resume': {
    prepare: async (r) => {
      await fac(r, 'timer:start', { durationMs: 5 * 60_000 });
      await fac(r, 'timer:pause', {});
    },
    payloads: () => [{}],
  },
  'timer:add': {
    prepare: async (r) => void (await fac(r, 'timer:start', { durationMs: 5 * 60_000 })),
    payloads: () => [{ ms: 60_000 }],
  },
  'timer:stop': {
    prepare: async (r) => void (await fac(r, 'timer:start', { durationMs: 5 * 60_000 })),
    payloads: () => [{}],
  },
  'ready:set': { payloads: () => [{ ready: true }] },
  'warmup:answer': {
    prepare: async (r) => void (await fac(r, 'phase:set', { phase: 'warmup' })),
    payloads: () => [{ workplace: 7, customers: 3 }],
  },
  'warmup:close': {
    prepare: async (r) => void (await fac(r, 'phase:set', { phase: 'warmup' })),
    payloads: () => [{}],
  },
  'settings:anonymous': { payloads: () => [{ anonymous: false }] },
  'settings:reveal': { payloads: () => [{ mode: 'stepwise' }] },
  'rating:put': {
    prepare: async (r) => void (await fac(r, 'phase:set', { phase: 'walk' })),
    payloads: (r) => [rating(r.steps[0]!, { valence: -2, emotion: 'frustrated', note: 'Slow' })],
  },
  'walk:lock': { payloads: (r) => [{ stepId: r.steps[0], locked: true }] },
  'reveal:step': { payloads: (r) => [{ stepId: r.steps[0] }] },
  'reveal:all': { payloads: () => [{}] },
  'board:lanes': { payloads: () => [{ hidden: ['pains', 'ideas'] }] },
  'board:lock': { payloads: () => [{ locked: true }] },
  'time:sync': { payloads: () => [{}] },
  'people:set-role': {
    payloads: (r, p) => [
      { participantId: r.victim.id, role: 'observer' },
      ...selfToo(p, (id) => ({ participantId: id, role: otherRole(p) })),
      { participantId: r.fac.id, role: 'observer' },
    ],
  },
  'people:set-lens': {
    payloads: (r, p) => [
      { participantId: r.victim.id, lens: 'staff' },
      ...selfToo(p, (id) => ({ participantId: id, lens: otherLens(p) })),
    ],
  },
  'people:assign': {
    payloads: (r, p) => [
      { participantId: r.victim.id, personaId: r.personas[0], cardId: r.cards[0] },
      ...selfToo(p, (id) => ({ participantId: id, personaId: r.personas[1] })),
    ],
  },
  'people:deal': {
    payloads: () => [
      { what: 'cards', onlyUnassigned: false },
      { what: 'personas', onlyUnassigned: true },
    ],
  },
  'people:remove': {
    payloads: (r, p) => [
      { participantId: r.victim.id },
      ...selfToo(p, (id) => ({ participantId: id })),
      { participantId: r.fac.id },
    ],
  },
  'vote:set': {
    prepare: async (r) => {
      await addIdea(r, 'idea-invoice');
      await fac(r, 'phase:set', { phase: 'vote' });
    },
    payloads: () => [{ ideaId: 'idea-invoice', dots: 2 }],
  },
  'votes:configure': { payloads: () => [{ budget: 7, maxPerIdea: 2, hidden: false }] },
  'votes:close': { payloads: () => [{}] },
  'votes:reopen': {
    prepare: async (r) => void (await fac(r, 'votes:close', {})),
    payloads: () => [{}],
  },
  'actions:allow': { payloads: () => [{ allowed: true }] },
  'action:put': {
    prepare: async (r) => {
      const data = (await fac(r, 'action:put', ACTION)) as { id: string };
      prepared.set(r, { actionId: data.id });
    },
    payloads: (r) => [
      { ...ACTION, text: 'Something else entirely' },
      { ...ACTION, id: prepared.get(r)!.actionId, text: 'Rewritten by someone else' },
    ],
  },
  'action:delete': {
    prepare: async (r) => {
      const data = (await fac(r, 'action:put', ACTION)) as { id: string };
      prepared.set(r, { actionId: data.id });
    },
    payloads: (r) => [{ id: prepared.get(r)!.actionId }],
  },
};

/** Tries `event` in its scenario: refused senders first, then allowed ones. */
const tryScenario = (event: ClientEventName) => tryEvent(at, event, SCENARIOS[event]);

describe('the permission table', () => {
  it('lists every protocol event, and this file has a scenario for each', () => {
    const names = Object.keys(clientEventSchemas).sort();
    expect(Object.keys(EVENT_PERMISSION).sort()).toEqual(names);
    expect(Object.keys(SCENARIOS).sort()).toEqual(names);
    expect([...CLIENT_EVENTS].sort()).toEqual(names);
  });

  it('derives the facilitator-only events, the obvious ones among them', () => {
    const only = facilitatorOnlyEvents();
    expect(only.length).toBeGreaterThanOrEqual(28);
    for (const event of [
      'phase:next',
      'phase:set',
      'walk:step',
      'reveal:all',
      'reveal:step',
      'timer:start',
      'board:lock',
      'people:remove',
      'people:set-role',
      'votes:close',
      'votes:configure',
      'actions:allow',
      'settings:anonymous',
      'warmup:close',
    ]) {
      expect(only).toContain(event);
    }
    for (const event of ['rating:put', 'vote:set', 'ready:set', 'warmup:answer', 'time:sync']) {
      expect(only).not.toContain(event);
    }
    // Participants write actions only when allowed: not facilitator-only in the table.
    expect(only).not.toContain('action:put');
  });
});

describe('facilitator-only events, from every other role and the projector screen', () => {
  it.each(facilitatorOnlyEvents())(
    '%s: FORBIDDEN and nothing changes; the facilitator’s same payload works',
    tryScenario,
  );
});

describe('events only some roles may send', () => {
  const others = CLIENT_EVENTS.filter((e) => !facilitatorOnlyEvents().includes(e));
  it.each(others)(
    '%s: refused roles get FORBIDDEN and change nothing; the others succeed',
    tryScenario,
  );
});

describe('actions while participants may write them', () => {
  it('lets a participant write their own, but not edit or delete the facilitator’s', async () => {
    const r = await room(at);
    const { id: actionId } = (await fac(r, 'action:put', ACTION)) as { id: string };
    await fac(r, 'actions:allow', { allowed: true });
    const before = await snapshot(r);
    for (const role of ['leader', 'staff', 'customer'] as const) {
      const { client } = r.byRole[role];
      const edit = await client.request('action:put', { ...ACTION, id: actionId, text: 'Mine' });
      expect(edit, role).toMatchObject({ ok: false, error: { code: ErrorCode.FORBIDDEN } });
      const del = await client.request('action:delete', { id: actionId });
      expect(del, role).toMatchObject({ ok: false, error: { code: ErrorCode.FORBIDDEN } });
    }
    const observer = await r.byRole.observer.client.request('action:put', ACTION);
    expect(observer).toMatchObject({ ok: false, error: { code: ErrorCode.FORBIDDEN } });
    expect(await snapshot(r)).toEqual(before);
    expect(await r.byRole.staff.client.request('action:put', ACTION)).toMatchObject({ ok: true });
  });
});
