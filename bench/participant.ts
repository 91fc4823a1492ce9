import { io as ioClient, type Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { addNote, type Lane, notesMap } from '../lib/board/board-doc';
import { LANES } from '../lib/board/lanes';
import { EMOTIONS, type Emotion } from '../lib/domain/emotions';
import type { WorkshopState } from '../lib/domain/workshop';
import { PROTOCOL_VERSION, SOCKET_IO_PATH, YJS_PATH_PREFIX } from '../lib/protocol/events';
import { applyPatch, type WorkshopPatch } from '../lib/protocol/state-patch';
import type { Latency } from './latency';
import type { ActionKind, LoadSpec, MemberSpec } from './load-spec';
import { RawYjsClient } from './raw-yjs-client';
import { nowMs } from './stats';

const EMOTION_NAMES = Object.keys(EMOTIONS) as Emotion[];

/** A command in flight on Socket.io, waiting for the state that carries it. */
/** A command in flight. A re-rating changes nothing others see: no patch carries it. */
type Pending =
  { kind: 'rating'; at: number; first: boolean } | { kind: 'ready'; at: number; want: boolean };

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)]!;
}

/** Counts of things that went wrong, shared by all participants of a load process. */
export type Errors = Record<string, number>;
export function countError(errors: Errors, what: string): void {
  errors[what] = (errors[what] ?? 0) + 1;
}

/**
 * One person in a workshop: a real socket.io-client (our server only) and a Yjs client,
 * acting now and then as a participant does: a rating, "I'm done", a note edit, moving
 * to another step (presence).
 */
export class Participant {
  readonly yjs: RawYjsClient;
  socket: Socket | null = null;
  /** When each workshop:state arrived since measuring began (index = broadcast number). */
  arrivals: number[] = [];
  /** This person's commands while measuring: which broadcast carried each, and when it left. */
  commands: Array<{ index: number; at: number }> = [];
  /** Its Socket.io connection dropped: its broadcast numbering no longer lines up. */
  broken = false;
  private state: WorkshopState | null = null;
  private pending: Pending | null = null;
  private rated = 0;
  private readonly notes: string[] = [];
  private stepId: string;
  measureStart = Number.POSITIVE_INFINITY;
  socketEvents = 0;

  constructor(
    private readonly spec: LoadSpec,
    readonly room: string,
    readonly member: MemberSpec,
    latency: Latency,
    private readonly errors: Errors,
  ) {
    const base = spec.url.replace(/^http/, 'ws');
    const url =
      spec.target === 'ours'
        ? `${base}${YJS_PATH_PREFIX}/${room}?token=${encodeURIComponent(member.token ?? '')}`
        : `${base}/${room}`;
    this.yjs = new RawYjsClient(url, latency, spec.echoPresence, member.address);
    this.stepId = pick(spec.stepIds);
    // What the board's PresenceAvatars sets: who, and which step they look at.
    this.yjs.awareness.setLocalStateField('presence', this.presence());
  }

  get canAct(): boolean {
    return this.member.role !== 'facilitator' && this.member.role !== 'observer';
  }

  private presence() {
    return { name: this.member.name, role: this.member.role, stepId: this.stepId };
  }

  async connect(): Promise<void> {
    if (this.spec.target === 'ours') await this.connectSocket();
    await this.yjs.connect();
  }

  private connectSocket(): Promise<void> {
    const socket = ioClient(this.spec.url, {
      path: SOCKET_IO_PATH,
      auth: { v: PROTOCOL_VERSION, token: this.member.token },
      // As the app sends it: nginx routes by it over several nodes (scenario 6).
      query: { workshop: this.room },
      transports: ['websocket'],
      // Passed on to Node's ws by engine.io-client, which its types do not say.
      ...({ localAddress: this.member.address } as object),
      forceNew: true,
      // A reconnect would break the broadcast numbering: count it as an error instead.
      reconnection: false,
    });
    this.socket = socket;
    socket.onAny(() => this.socketEvents++);
    // The whole state once, on connect; then every change as a patch, in the same order
    // on every socket of the room (which is what numbers the broadcasts).
    socket.on('workshop:state', (state: WorkshopState) => (this.state = state));
    socket.on('workshop:patch', (patch: WorkshopPatch) => this.onPatch(patch));
    socket.on('ratings:mine', () => {
      // Sent right after the broadcast of the rater's own change, on the same socket.
      if (this.pending?.kind !== 'rating') return;
      if (this.pending.first) this.carried(this.pending.at);
      else this.pending = null;
    });
    socket.on('disconnect', (reason) => {
      this.broken = true;
      if (reason !== 'io client disconnect') countError(this.errors, `socket ${reason}`);
    });
    return new Promise((resolve, reject) => {
      socket.once('connect_error', (err) => reject(new Error(`socket.io: ${err.message}`)));
      const check = () => (this.state ? resolve() : setTimeout(check, 5));
      socket.once('connect', check);
    });
  }

  private onPatch(patch: WorkshopPatch): void {
    if (!this.state) return countError(this.errors, 'a patch before the state');
    const state = applyPatch(this.state, patch);
    this.state = state;
    if (nowMs() >= this.measureStart) this.arrivals.push(nowMs());
    const p = this.pending;
    if (p?.kind === 'ready' && patch.control) {
      const done = state.control.readiness.doneIds.includes(this.member.participantId ?? '');
      if (done === p.want) this.carried(p.at);
    }
  }

  /** The broadcast just received carries this person's pending command. */
  private carried(at: number): void {
    if (at >= this.measureStart && this.arrivals.length > 0) {
      this.commands.push({ index: this.arrivals.length - 1, at });
    }
    this.pending = null;
  }

  /** Facilitator's set-up: into the walk, and let everyone rate any step. */
  async startWalk(): Promise<void> {
    for (const [event, payload] of [
      ['phase:set', { phase: 'walk' }],
      ['walk:pace', { pace: 'free' }],
    ] as const) {
      const ack = (await this.socket?.timeout(10_000).emitWithAck(event, payload)) as {
        ok: boolean;
      };
      if (!ack?.ok) throw new Error(`${event} refused: ${JSON.stringify(ack)}`);
    }
  }

  /** Does one action of `kind`; returns false when it cannot now (the caller picks another). */
  act(kind: ActionKind): boolean {
    switch (kind) {
      case 'rating':
      case 'ready':
        return this.command(kind);
      case 'note':
        this.editNote();
        return true;
      case 'presence': {
        const others = this.spec.stepIds.filter((s) => s !== this.stepId);
        this.stepId = pick(others.length > 0 ? others : this.spec.stepIds);
        this.yjs.awareness.setLocalStateField('presence', this.presence());
        return true;
      }
    }
  }

  private command(kind: 'rating' | 'ready'): boolean {
    const socket = this.socket;
    if (!socket || !this.state || !this.canAct || this.pending || this.broken) return false;
    const at = nowMs();
    let sent: Promise<unknown>;
    if (kind === 'ready') {
      const me = this.member.participantId ?? '';
      const want = !this.state.control.readiness.doneIds.includes(me);
      this.pending = { kind, at, want };
      sent = socket.timeout(10_000).emitWithAck('ready:set', { ready: want });
    } else {
      // Each step in turn, then again from the start (a re-rating is not broadcast: the
      // number who rated the step stays the same).
      const first = this.rated < this.spec.stepIds.length;
      const stepId = this.spec.stepIds[this.rated++ % this.spec.stepIds.length]!;
      const emotion = pick(EMOTION_NAMES);
      const sign = Math.sign(EMOTIONS[emotion]);
      const valence = sign === 0 ? 0 : sign * (1 + Math.floor(Math.random() * 2));
      this.pending = { kind, at, first };
      sent = socket.timeout(10_000).emitWithAck('rating:put', {
        stepId,
        valence,
        emotion,
        expectation: pick(['worse', 'as', 'better'] as const),
        effort: null,
        note: null,
      });
    }
    sent.then(
      (ack) => {
        const result = ack as { ok: boolean; error?: { code: string } };
        if (!result.ok) {
          countError(this.errors, `${kind} ${result.error?.code}`);
          this.pending = null;
        }
      },
      () => {
        countError(this.errors, `${kind} ack timeout`);
        this.pending = null;
      },
    );
    return true;
  }

  /** A new note now and then; otherwise a few words typed into one of one's own notes. */
  private editNote(): void {
    const doc = this.yjs.doc;
    const last = this.notes.at(-1);
    const text = last ? (notesMap(doc).get(last)?.get('text') as Y.Text | undefined) : undefined;
    if (!text || Math.random() < 0.1 || text.length > 400) {
      const id = `n${doc.clientID.toString(36)}${this.notes.length}`;
      addNote(doc, {
        id,
        stepId: pick(this.spec.stepIds),
        lane: pick(LANES) as Lane,
        text: 'note',
        authorId: this.member.participantId ?? 'reference',
        createdAt: Date.now(),
      });
      this.notes.push(id);
    } else {
      text.insert(text.length, ` ${Math.random().toString(36).slice(2, 6)}`);
    }
  }

  get pendingCommand(): boolean {
    return this.pending !== null;
  }

  close(): void {
    this.socket?.close();
    this.yjs.close();
  }
}
