import { type Action, can } from '../domain/permissions';
import { ROLES, type Role } from '../domain/roles';
import { CATALOGUE, type ClientEventName } from './catalogue';

/**
 * The permission (lib/domain/permissions.ts) each client event needs, or null for an event
 * anyone connected may send, as the catalogue (`catalogue.ts`) names it. The domain
 * functions that handle the events check these (every control command but readiness is
 * `phase.change`, see `applyCommand`); this table names them per event, so that tests can
 * try every event with every role (tests/access-facilitator-only.test.ts checks the table
 * against the live server both ways).
 */
export const EVENT_PERMISSION = Object.fromEntries(
  Object.entries(CATALOGUE).map(([name, definition]) => [name, definition.permission]),
) as { readonly [E in ClientEventName]: Action | null };

/** Every client event name, in the order of the protocol's table. */
export const CLIENT_EVENTS = Object.keys(CATALOGUE) as ClientEventName[];

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
