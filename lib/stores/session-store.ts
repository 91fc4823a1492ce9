import { io, type Socket } from 'socket.io-client';
import { create } from 'zustand';
import { bestOffset, type ClockSample } from '../domain/clock';
import type { ActionItem } from '../domain/actions';
import type { MyRating, RevealedRating } from '../domain/ratings';
import type { MyVotes, VoteResults } from '../domain/votes';
import type { Assignment, WorkshopState, You } from '../domain/workshop';
import { ErrorCode } from '../protocol/codes';
import { applyPatch } from '../protocol/state-patch';
import {
  type Ack,
  type ClientEventName,
  type ClientPayload,
  type ClientToServerEvents,
  PROTOCOL_VERSION,
  type ServerToClientEvents,
  SOCKET_IO_PATH,
} from '../protocol/events';

export type ConnectionStatus = 'connecting' | 'synced' | 'offline' | 'error';

/** Handshake refusals that retrying will not fix. */
const FATAL: ReadonlySet<string> = new Set([
  ErrorCode.UNAUTHORIZED,
  ErrorCode.TOKEN_EXPIRED,
  ErrorCode.NOT_FOUND,
  ErrorCode.PROTOCOL_MISMATCH,
]);
const REQUEST_TIMEOUT_MS = 8_000;
/** Retrying a handshake the server refused for now (e.g. STORAGE_FAILED): first and longest wait. */
const HANDSHAKE_RETRY_MS = 1_000;
const HANDSHAKE_RETRY_MAX_MS = 15_000;

type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

interface SessionStore {
  status: ConnectionStatus;
  /** Why the connection was refused, when status is 'error'. */
  refusal: string | null;
  /** The server could not load the workshop from storage at the handshake; retrying. */
  storageFailed: boolean;
  state: WorkshopState | null;
  you: You | null;
  /** Facilitators only: everyone's dealt persona and card. */
  assignments: Record<string, Assignment>;
  /** The facilitator removed this person from the workshop. */
  removed: boolean;
  /** Server clock minus this browser's clock, in ms: timers count down in server time. */
  offsetMs: number;
  /** This person's own ratings (the server sends nobody else's before a reveal). */
  myRatings: MyRating[];
  /** Revealed ratings, by their key. */
  revealed: Record<string, RevealedRating>;
  /** This person's dots, and how many are left. */
  myVotes: MyVotes | null;
  /** Ranked ideas, once the facilitator lets results be seen; null while hidden. */
  voteResults: VoteResults | null;
  actions: ActionItem[];
  socket: AppSocket | null;
  /** `workshopId` goes in the query too: a balancer over several nodes routes by it. */
  connect(token: string, workshopId?: string): void;
  disconnect(): void;
  send<E extends ClientEventName>(event: E, payload: ClientPayload<E>): Promise<Ack<unknown>>;
}

/** The control-plane connection of this tab: one workshop, one person. */
export const useSession = create<SessionStore>((set, get) => ({
  status: 'connecting',
  refusal: null,
  storageFailed: false,
  state: null,
  you: null,
  assignments: {},
  removed: false,
  offsetMs: 0,
  myRatings: [],
  revealed: {},
  myVotes: null,
  voteResults: null,
  actions: [],
  socket: null,

  connect(token, workshopId) {
    get().socket?.close();
    const socket: AppSocket = io({
      path: SOCKET_IO_PATH,
      auth: { v: PROTOCOL_VERSION, token },
      ...(workshopId ? { query: { workshop: workshopId } } : {}),
      transports: ['websocket'],
    });
    set({ socket, status: 'connecting', refusal: null, storageFailed: false });
    let handshakeRetries = 0;
    socket.on('connect', () => {
      handshakeRetries = 0;
      set({ storageFailed: false });
    });
    socket.on('connect', () => {
      void syncClock(socket).then((offsetMs) => {
        if (offsetMs !== null) set({ offsetMs });
      });
    });
    socket.on('session:you', (you) => set({ you }));
    socket.on('facilitator:assignments', (assignments) => set({ assignments }));
    socket.on('ratings:mine', (myRatings) => set({ myRatings }));
    socket.on('votes:mine', (myVotes) => set({ myVotes }));
    socket.on('votes:results', (voteResults) => set({ voteResults }));
    socket.on('actions:list', (actions) => set({ actions }));
    socket.on('ratings:revealed', ({ replace, ratings }) => {
      const revealed = replace ? {} : { ...get().revealed };
      for (const r of ratings) revealed[r.key] = r;
      set({ revealed });
    });
    socket.on('session:removed', () => set({ removed: true }));
    // Each connection starts from the server's whole state (the server is the authority,
    // also if it went back, as after a restore); its patches follow, in order.
    socket.on('workshop:state', (state) => set({ state, status: 'synced' }));
    // Patches follow the whole state on the same connection, in order.
    socket.on('workshop:patch', (patch) => {
      const current = get().state;
      if (current) set({ state: applyPatch(current, patch) });
    });
    socket.on('disconnect', (reason) => {
      // The server ends the session only when the facilitator removed this person.
      if (reason === 'io server disconnect') set({ status: 'error', refusal: 'UNAUTHORIZED' });
      else set({ status: 'offline' });
    });
    socket.on('connect_error', (err) => {
      if (FATAL.has(err.message)) {
        socket.close();
        set({ status: 'error', refusal: err.message });
      } else {
        set({ status: 'offline', storageFailed: err.message === ErrorCode.STORAGE_FAILED });
        // A refusal by the server's handshake ends Socket.io's own retries: retry here.
        if (!socket.active) {
          // A workshop moving between nodes is served again within a lease's time: keep
          // asking every second rather than backing off past the moment it is.
          const wait =
            err.message === ErrorCode.NOT_OWNER
              ? HANDSHAKE_RETRY_MS
              : HANDSHAKE_RETRY_MS * 2 ** handshakeRetries++;
          setTimeout(
            () => {
              if (get().socket === socket && !socket.connected) socket.connect();
            },
            Math.min(HANDSHAKE_RETRY_MAX_MS, wait),
          );
        }
      }
    });
  },

  disconnect() {
    get().socket?.close();
    set({
      socket: null,
      state: null,
      you: null,
      assignments: {},
      removed: false,
      myRatings: [],
      revealed: {},
      myVotes: null,
      voteResults: null,
      actions: [],
      status: 'connecting',
      storageFailed: false,
    });
  },

  async send(event, payload) {
    const socket = get().socket;
    if (!socket?.connected) {
      return { ok: false, error: { code: ErrorCode.INTERNAL, message: 'offline' } };
    }
    try {
      // The typed overloads do not accept a generic event name; the payload type is checked above.
      const timed = socket.timeout(REQUEST_TIMEOUT_MS) as unknown as {
        emitWithAck(e: string, p: unknown): Promise<Ack<unknown>>;
      };
      return await timed.emitWithAck(event, payload);
    } catch {
      return { ok: false, error: { code: ErrorCode.INTERNAL, message: 'timeout' } };
    }
  },
}));

const CLOCK_SAMPLES = 5;

/** A few time:sync round trips; the quickest one tells the clock offset best. */
async function syncClock(socket: AppSocket): Promise<number | null> {
  const samples: ClockSample[] = [];
  const timed = socket.timeout(REQUEST_TIMEOUT_MS) as unknown as {
    emitWithAck(e: string, p: unknown): Promise<Ack<{ serverNow: number }>>;
  };
  for (let i = 0; i < CLOCK_SAMPLES; i++) {
    const t0 = Date.now();
    try {
      const ack = await timed.emitWithAck('time:sync', {});
      if (ack.ok && ack.data) samples.push({ t0, serverNow: ack.data.serverNow, t1: Date.now() });
    } catch {
      return null;
    }
  }
  return samples.length > 0 ? bestOffset(samples) : null;
}
