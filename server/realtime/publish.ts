import type { Audience, MessageFor } from '../../lib/protocol/audiences';
import type { AppIo } from './socket-server';
import type { AppSocket } from './dispatch';

/** Socket.io rooms: everyone in a workshop, its facilitators, and each person's own sockets. */
export const ioRooms = {
  room: (workshopId: string) => workshopId,
  facilitators: (workshopId: string) => `${workshopId}/facilitators`,
  person: (workshopId: string, participantId: string) => `${workshopId}/p/${participantId}`,
};

/**
 * One message to one audience of a workshop. Each carries only the events its audience
 * may receive (lib/protocol/audiences.ts): a person's ratings or dots addressed to the
 * room do not compile. `close`: the person was removed; their connections are cut.
 */
export type Outgoing =
  | { to: 'room'; message: MessageFor<'room'> }
  | { to: 'facilitators'; message: MessageFor<'facilitators'> }
  | { to: 'person'; participantId: string; message: MessageFor<'person'> }
  | { to: 'person'; participantId: string; close: true };

type Emitter = { emit: (...message: never[]) => unknown };

/** The one place a typed message becomes Socket.io's untyped `emit` call. */
function emitOn(target: Emitter, message: readonly unknown[]): void {
  (target.emit as (...args: readonly unknown[]) => unknown)(...message);
}

/** Sends each message to its audience in the workshop, in order. */
export function publish(io: AppIo, workshopId: string, outgoing: readonly Outgoing[]): void {
  for (const out of outgoing) {
    if (out.to === 'room') emitOn(io.to(ioRooms.room(workshopId)), out.message);
    else if (out.to === 'facilitators') {
      emitOn(io.to(ioRooms.facilitators(workshopId)), out.message);
    } else if ('close' in out) {
      io.in(ioRooms.person(workshopId, out.participantId)).disconnectSockets(true);
    } else emitOn(io.to(ioRooms.person(workshopId, out.participantId)), out.message);
  }
}

/**
 * Sends to one connection, naming what it may receive: a projector screen `'room'`, a
 * participant `'room' | 'person'`, a facilitator's also `'facilitators'`.
 */
export function sender<A extends Audience>(socket: AppSocket): (...message: MessageFor<A>) => void {
  return (...message) => emitOn(socket, message);
}
