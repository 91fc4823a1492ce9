import type { ServerToClientEvents } from './events';

/**
 * Who may receive a server → client event:
 * - `room`: everyone connected to the workshop, projector screens included;
 * - `facilitators`: the workshop's facilitators' connections;
 * - `person`: one person's own connections (who they are, their ratings, their dots).
 */
export type Audience = 'room' | 'facilitators' | 'person';

export type ServerEventName = keyof ServerToClientEvents;

/**
 * Each server → client event's one audience. What a person may not see yet is a `person`
 * event, or a view already cut for everyone (revealed ratings, visible vote totals); the
 * server's publisher (server/realtime/publish.ts) takes an event only for its audience,
 * so sending someone's own ratings to the room does not compile.
 */
export const EVENT_AUDIENCE = {
  'session:you': 'person',
  'session:removed': 'person',
  'workshop:state': 'room',
  'workshop:patch': 'room',
  'facilitator:assignments': 'facilitators',
  'ratings:mine': 'person',
  'ratings:revealed': 'room',
  'votes:mine': 'person',
  'votes:results': 'room',
  'actions:list': 'room',
  // Sent back on the one connection whose event was refused.
  'protocol:error': 'person',
} as const satisfies { readonly [E in ServerEventName]: Audience };

/** The events that `audience` may receive. */
export type EventFor<A extends Audience> = {
  [E in ServerEventName]: (typeof EVENT_AUDIENCE)[E] extends A ? E : never;
}[ServerEventName];

/** One event with its arguments, as `emit` takes them, for `audience`. */
export type MessageFor<A extends Audience> = {
  [E in EventFor<A>]: [event: E, ...args: Parameters<ServerToClientEvents[E]>];
}[EventFor<A>];
