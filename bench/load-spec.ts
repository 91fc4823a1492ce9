/** What the harness tells a load process to do (sent over IPC, so plain data only). */

export type ActionKind = 'rating' | 'ready' | 'note' | 'presence';
/** Relative weights of the actions a participant picks from. */
export type ActionMix = Partial<Record<ActionKind, number>>;

export interface MemberSpec {
  name: string;
  role: string;
  /** Our server only: the participant's token and id (the reference has no accounts). */
  token?: string;
  participantId?: string;
  /**
   * The loopback address this person's connections come from (127.x.y.z: any of them is
   * this machine on Linux): the people of one room share one, as a room behind one NAT.
   */
  address?: string;
}

export interface RoomSpec {
  /** The workshop id (our server) or the room name (reference). */
  room: string;
  members: MemberSpec[];
}

export interface LoadSpec {
  /** http://host:port of the server under test. */
  url: string;
  /** Our server (Socket.io and the token-checked Yjs path) or the reference (Yjs only). */
  target: 'ours' | 'reference';
  rooms: RoomSpec[];
  /** Step ids of the path, for ratings, new notes and presence. */
  stepIds: string[];
  mix: ActionMix;
  /** Mean time between one participant's actions (exponentially distributed). */
  meanIntervalMs: number;
  /** Echo others' presence like the stock y-websocket provider (see raw-yjs-client.ts). */
  echoPresence: boolean;
  /** How many connections to open at once while connecting. */
  connectConcurrency: number;
}

export type ToWorker =
  | { type: 'connect'; spec: LoadSpec }
  | { type: 'act' }
  | { type: 'measure' }
  | { type: 'stop' }
  | { type: 'close' };

export interface WorkerResult {
  histograms: Record<string, import('./stats').HistogramData>;
  /** Arrivals at other clients that never came, for actions sent while measuring. */
  lost: number;
  /** Actions started while measuring, by kind. */
  actions: Record<string, number>;
  /** Messages the clients received from / sent to the server while measuring. */
  received: number;
  sent: number;
  measuredMs: number;
  /** This load process's own CPU while measuring (share of one core) and event-loop delay. */
  cpu: number;
  loopDelayP99Ms: number;
  /** Trouble: refused acknowledgements, closed connections, permission refusals. */
  errors: Record<string, number>;
}

export type FromWorker =
  | { type: 'connected'; clients: number }
  | { type: 'measuring' }
  | { type: 'result'; result: WorkerResult }
  | { type: 'failed'; message: string };
