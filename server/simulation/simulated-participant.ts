import { WebsocketProvider } from 'y-websocket';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { addNote, readNotes } from '../../lib/board/board-doc';
import { newDocId, readPath } from '../../lib/board/path-doc';
import { assertNever } from '../../lib/domain/assert-never';
import { PHASE_PROGRESS } from '../../lib/domain/progress';
import type { Locale } from '../../lib/domain/roles';
import type { WorkshopState } from '../../lib/domain/workshop';
import { applyPatch, type WorkshopPatch } from '../../lib/protocol/state-patch';
import type { Ack, ClientEventName, ClientPayload } from '../../lib/protocol/events';
import { PROTOCOL_VERSION, SOCKET_IO_PATH, YJS_PATH_PREFIX } from '../../lib/protocol/events';
import {
  delayMs,
  noteFor,
  type Random,
  ratingFor,
  type SimulatedPerson,
  votesFor,
  warmupFor,
} from '../../lib/simulation/simulated-choices';

export interface Seat {
  person: SimulatedPerson;
  participantId: string;
  token: string;
}

/**
 * One simulated participant of a practice workshop. It is a real client of this server
 * (Socket.io for commands, y-websocket for the board), so everything it does passes the
 * same validation, permissions, blind rules and storage as a person's actions. It reacts
 * to each new situation (phase, spotlighted step, readiness scope) once, after a human
 * pause, and marks itself done.
 */
export class SimulatedParticipant {
  private readonly socket: Socket;
  private readonly provider: WebsocketProvider;
  private readonly doc = new Y.Doc();
  private situation = '';
  private pending: NodeJS.Timeout | null = null;
  private readonly rated = new Set<string>();
  private votedIn = -1;
  private closed = false;
  private state: WorkshopState | null = null;

  constructor(
    baseUrl: string,
    private readonly workshopId: string,
    private readonly seat: Seat,
    private readonly locale: Locale,
    private readonly random: Random,
  ) {
    this.socket = io(baseUrl, {
      path: SOCKET_IO_PATH,
      auth: { v: PROTOCOL_VERSION, token: seat.token },
      transports: ['websocket'],
      forceNew: true,
    });
    this.socket.on('workshop:state', (state: WorkshopState) => this.heard(state));
    this.socket.on('workshop:patch', (patch: WorkshopPatch) => {
      if (this.state) this.heard(applyPatch(this.state, patch));
    });
    this.socket.on('session:removed', () => this.close());
    this.provider = new WebsocketProvider(
      baseUrl.replace(/^http/, 'ws') + YJS_PATH_PREFIX,
      workshopId,
      this.doc,
      { WebSocketPolyfill: WebSocket as never, disableBc: true, params: { token: seat.token } },
    );
  }

  get participantId(): string {
    return this.seat.participantId;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.pending) clearTimeout(this.pending);
    this.socket.close();
    this.provider.destroy();
    this.doc.destroy();
  }

  private heard(state: WorkshopState): void {
    this.state = state;
    const c = state.control;
    const situation = [
      c.phase,
      c.round,
      c.stepId,
      c.readiness.scope,
      c.warmupClosed,
      c.votes.closed,
    ].join('|');
    if (situation === this.situation || this.closed) return;
    this.situation = situation;
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => void this.act(state).catch(() => {}), delayMs(this.random));
    this.pending.unref();
  }

  private async act(state: WorkshopState): Promise<void> {
    const c = state.control;
    const me = this.seat.participantId;
    const { role } = this.seat.person;
    switch (c.phase) {
      case 'warmup':
        if (!c.warmupClosed) await this.send('warmup:answer', warmupFor(this.random, role));
        break;
      case 'walk': {
        const steps = readPath(this.doc);
        const index = steps.findIndex((s) => s.id === c.stepId);
        const step = steps[index];
        const key = `${c.round}:${c.stepId}`;
        // A revealed step of an anonymous workshop takes no first rating (lib/domain/ratings.ts).
        const closed = c.locked.includes(key) || (c.anonymous && c.revealed.includes(key));
        if (!step || this.rated.has(key) || closed) break;
        const handoff = index > 0 && steps[index - 1]?.department !== step.department;
        const rating = ratingFor(this.random, role, { critical: step.critical, handoff });
        const ok = await this.send('rating:put', {
          stepId: step.id,
          ...rating,
          effort: null,
          note: null,
        });
        if (ok) this.rated.add(key);
        break;
      }
      case 'reflect':
        if (this.random() < 0.6) this.writeNote(this.random() < 0.7 ? 'pains' : 'gains');
        break;
      case 'ideate':
        this.writeNote('ideas');
        break;
      case 'vote': {
        if (c.votes.closed || this.votedIn === c.round) break;
        const ideas = readNotes(this.doc)
          .filter((n) => n.lane === 'ideas')
          .sort((a, b) => a.createdAt - b.createdAt)
          .map((n) => n.id);
        const plan = votesFor(this.random, ideas, c.votes.budget, c.votes.maxPerIdea);
        for (const [ideaId, dots] of plan) await this.send('vote:set', { ideaId, dots });
        if (plan.size > 0) this.votedIn = c.round;
        break;
      }
      case 'lobby':
      case 'target':
      case 'reveal':
      case 'actions':
      case 'summary':
        break;
      default:
        assertNever(c.phase);
    }
    // "I'm done" only where nothing else counts (an answer, a rating or the dots do).
    if (PHASE_PROGRESS[c.phase] === 'ready' && !c.readiness.doneIds.includes(me)) {
      await this.send('ready:set', { ready: true });
    }
  }

  /** A note on a step that hurts (critical or the spotlighted one), else any step. */
  private writeNote(lane: 'pains' | 'gains' | 'ideas'): void {
    const steps = readPath(this.doc);
    if (steps.length === 0 || this.closed) return;
    const painful = steps.filter((s) => s.critical);
    const pool = painful.length > 0 && this.random() < 0.7 ? painful : steps;
    const step = pool[Math.floor(this.random() * pool.length)]!;
    addNote(this.doc, {
      id: newDocId('note'),
      stepId: step.id,
      lane,
      text: noteFor(this.random, this.locale, lane),
      authorId: this.seat.participantId,
      createdAt: Date.now(),
    });
  }

  private async send<E extends ClientEventName>(
    event: E,
    payload: ClientPayload<E>,
  ): Promise<boolean> {
    if (this.closed) return false;
    const emitter = this.socket.timeout(5_000) as unknown as {
      emitWithAck: (e: string, p: unknown) => Promise<Ack<unknown>>;
    };
    const ack = await emitter.emitWithAck(event, payload).catch(() => null);
    return ack?.ok === true;
  }
}
