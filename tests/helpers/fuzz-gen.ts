/**
 * Socket.io emissions for the fuzz test (tests/fuzz.test.ts): payloads built from the real
 * event table, then mutated (tests/helpers/fuzz-values.ts).
 */
import { clientEventSchemas, type ClientEventName } from '../../lib/protocol/events';
import type { Rng } from './fuzz-rng';
import { mutate, NASTY_KEYS, randomValue } from './fuzz-values';

/** Names a real workshop uses, so that mutated payloads sometimes hit something real. */
export interface FuzzWorld {
  stepIds: string[];
  participantIds: string[];
  ideaIds: string[];
  actionIds: string[];
}

/** A plausible valid payload for `event`, with names from `world`. */
function samplePayload(event: ClientEventName, rng: Rng, world: FuzzWorld): unknown {
  const step = () => rng.pick(world.stepIds.length ? world.stepIds : ['no-step']);
  const person = () => rng.pick(world.participantIds.length ? world.participantIds : ['nobody-1']);
  const idea = () => rng.pick([...world.ideaIds, ...NASTY_KEYS]);
  const bool = () => rng.chance(0.5);
  switch (event) {
    case 'phase:set':
      return { phase: rng.pick(['lobby', 'warmup', 'walk', 'vote', 'summary', 'party']) };
    case 'phase:configure':
      return { enabled: ['lobby', 'walk', 'summary'] };
    case 'walk:step':
    case 'reveal:step':
      return { stepId: step() };
    case 'walk:pace':
      return { pace: rng.pick(['hold', 'free']) };
    case 'timer:start':
      return { durationMs: rng.pick([1000, 60_000, 3 * 3600_000]) };
    case 'timer:add':
      return { ms: rng.pick([1000, 3600_000]) };
    case 'ready:set':
      return { ready: bool() };
    case 'warmup:answer':
      return { workplace: rng.int(11), customers: rng.int(11) };
    case 'settings:anonymous':
      return { anonymous: bool() };
    case 'settings:reveal':
      return { mode: rng.pick(['walked', 'stepwise']) };
    case 'rating:put':
      return {
        stepId: step(),
        valence: rng.pick([-3, -1, 0, 1, 3]),
        emotion: rng.pick(['happy', 'angry', 'neutral', 'unsure', 'calm', 'sad']),
        expectation: rng.pick(['worse', 'as', 'better']),
        effort: rng.pick([null, 1, 5]),
        note: rng.pick([null, 'ok', 'x'.repeat(300)]),
      };
    case 'walk:lock':
      return { stepId: step(), locked: bool() };
    case 'board:lanes':
      return { hidden: rng.pick([[], ['pains'], ['ideas', 'gains']]) };
    case 'board:lock':
      return { locked: bool() };
    case 'people:set-role':
      return { participantId: person(), role: rng.pick(['staff', 'observer', 'facilitator']) };
    case 'people:set-lens':
      return { participantId: person(), lens: rng.pick(['customer', 'staff', 'none']) };
    case 'people:assign':
      return { participantId: person(), personaId: null, cardId: null };
    case 'people:deal':
      return {};
    case 'people:remove':
      return { participantId: person() };
    case 'vote:set':
      return { ideaId: idea(), dots: rng.pick([0, 1, 2, 3, 5, 20]) };
    case 'votes:configure':
      return { budget: 5, maxPerIdea: 3, hidden: bool() };
    case 'actions:allow':
      return { allowed: bool() };
    case 'action:put':
      return {
        ...(rng.chance(0.3) ? { id: rng.pick([...world.actionIds, 'no-such-action']) } : {}),
        text: rng.pick(['Call the customer', ' ', 'x'.repeat(301)]),
        owner: rng.pick([null, 'Anna', '']),
        department: null,
        dueDate: rng.pick([null, '2030-01-31', '2030-02-30', 'tomorrow']),
        stepId: rng.pick([null, step()]),
        ideaId: rng.pick([null, idea()]),
      };
    case 'action:delete':
      return { id: rng.pick([...world.actionIds, 'no-such-action', '__proto__']) };
    default:
      return {};
  }
}

export interface Emission {
  event: unknown;
  /** Arguments after the event name (the acknowledgement callback is added by the sender). */
  args: unknown[];
  withAck: boolean;
}

const EVENT_NAMES = Object.keys(clientEventSchemas) as ClientEventName[];
const UNKNOWN_EVENTS = [
  'phase:jump',
  'board:wipe',
  'admin',
  'PHASE:NEXT',
  'phase:next ',
  '',
  'x'.repeat(5000),
  ...NASTY_KEYS,
];

/** One Socket.io emission: a real event with a (mostly) mutated payload, or something odd. */
export function emission(rng: Rng, world: FuzzWorld): Emission {
  const shape = rng.weighted({ mutated: 14, valid: 2, unknown: 1, noPayload: 1, extraArgs: 1 });
  const event: ClientEventName = rng.pick(EVENT_NAMES);
  const withAck = rng.chance(0.85);
  switch (shape) {
    case 'valid':
      return { event, args: [samplePayload(event, rng, world)], withAck };
    case 'mutated':
      return { event, args: [mutate(samplePayload(event, rng, world), rng)], withAck };
    case 'unknown':
      return {
        event: rng.chance(0.9) ? rng.pick(UNKNOWN_EVENTS) : rng.pick([42, 0, -1]),
        args: [randomValue(rng)],
        withAck,
      };
    case 'noPayload':
      return { event, args: [], withAck };
    case 'extraArgs':
      return {
        event,
        args: [samplePayload(event, rng, world), randomValue(rng), randomValue(rng)],
        withAck,
      };
  }
}
