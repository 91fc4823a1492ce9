import { type Action, can } from '../domain/permissions';
import { ROLES, type Role } from '../domain/roles';
import { type ClientEventName, clientEventSchemas } from './events';

/**
 * The permission (lib/domain/permissions.ts) each client event needs, or null for an event
 * anyone connected may send. The domain functions that handle the events check these
 * (every control command but readiness is `phase.change`, see `applyCommand`); this table
 * names them per event, so that tests can try every event with every role
 * (tests/access-facilitator-only.test.ts checks the table against the live server both
 * ways). A new event does not compile until it is listed here.
 */
export const EVENT_PERMISSION: { readonly [E in ClientEventName]: Action | null } = {
  'phase:next': 'phase.change',
  'phase:prev': 'phase.change',
  'phase:set': 'phase.change',
  'phase:configure': 'phase.change',
  'walk:step': 'phase.change',
  'walk:next': 'phase.change',
  'walk:prev': 'phase.change',
  'walk:pace': 'phase.change',
  'round:start': 'phase.change',
  'timer:start': 'phase.change',
  'timer:pause': 'phase.change',
  'timer:resume': 'phase.change',
  'timer:add': 'phase.change',
  'timer:stop': 'phase.change',
  'ready:set': 'ready.mark',
  'warmup:answer': 'warmup.answer',
  'warmup:close': 'phase.change',
  'settings:anonymous': 'phase.change',
  'settings:reveal': 'phase.change',
  'rating:put': 'rate',
  'walk:lock': 'phase.change',
  'reveal:step': 'phase.change',
  'reveal:all': 'phase.change',
  'board:lanes': 'phase.change',
  'board:lock': 'phase.change',
  'time:sync': null,
  'people:set-role': 'people.manage',
  'people:set-lens': 'people.manage',
  'people:assign': 'people.manage',
  'people:deal': 'people.manage',
  'people:remove': 'people.manage',
  'vote:set': 'vote',
  'votes:configure': 'phase.change',
  'votes:close': 'phase.change',
  'votes:reopen': 'phase.change',
  'actions:allow': 'phase.change',
  /** Participants too, but only while `control.actionsByParticipants` is on. */
  'action:put': 'action.write',
  'action:delete': 'action.write',
};

/** Every client event name, in the order of the protocol's table. */
export const CLIENT_EVENTS = Object.keys(clientEventSchemas) as ClientEventName[];

/** May someone of `role` send `event` at all (before the state's own rules)? */
export function mayAttempt(role: Role, event: ClientEventName): boolean {
  const permission = EVENT_PERMISSION[event];
  return permission === null || can(role, permission);
}

/** Events that only a facilitator may send, whatever the state of the workshop. */
export function facilitatorOnlyEvents(): ClientEventName[] {
  return CLIENT_EVENTS.filter((event) =>
    ROLES.every((role) => mayAttempt(role, event) === (role === 'facilitator')),
  );
}
