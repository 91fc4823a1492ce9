import { SIMULATED_MAX } from '../../lib/constants';
import { seededRandom, simulatedCast } from '../../lib/simulation/simulated-choices';
import type { TokenSigner } from '../auth';
import type { WorkshopActor } from '../workshops/actor';
import type { Seat, SimulatedParticipant } from './simulated-participant';

/**
 * The simulated participants of practice workshops in this process, by workshop. They
 * live as long as the process: after a restart they are ordinary offline participants
 * (their ratings, notes and votes stay), and the facilitator can add a fresh set.
 */
export class SimulatedRooms {
  private readonly rooms = new Map<string, SimulatedParticipant[]>();
  private baseUrl: string | null = null;

  /** Where the simulated clients connect: this server, once it listens. */
  listening(baseUrl: string): void {
    this.baseUrl = baseUrl;
  }

  has(workshopId: string): boolean {
    return this.rooms.has(workshopId);
  }

  /**
   * Joins `count` simulated people to the workshop (as the join API does) and connects
   * them. `seed` makes the room repeatable (tests); by default each room differs.
   */
  async add(
    actor: WorkshopActor,
    tokens: TokenSigner,
    count: number,
    seed = Date.now() & 0xffffffff,
  ): Promise<Seat[]> {
    if (!this.baseUrl) throw new Error('the server is not listening yet');
    const { info } = actor.state();
    const random = seededRandom(seed);
    const seats: Seat[] = [];
    for (const person of simulatedCast(info.locale, Math.min(count, SIMULATED_MAX))) {
      const joined = await actor.join(person.name, person.role);
      // A room full already needs no practice company.
      if (!joined.ok) break;
      seats.push({
        person,
        participantId: joined.participant.id,
        token: tokens.sign({ w: info.id, p: joined.participant.id }),
      });
    }
    // Loaded on first use: its clients (socket.io-client, y-websocket) would otherwise
    // add to every server start, and few workshops are practice runs.
    const { SimulatedParticipant } = await import('./simulated-participant');
    const room = seats.map(
      (seat) =>
        new SimulatedParticipant(this.baseUrl as string, info.id, seat, info.locale, random),
    );
    this.rooms.set(info.id, room);
    return seats;
  }

  close(): void {
    for (const room of this.rooms.values()) for (const p of room) p.close();
    this.rooms.clear();
  }
}
