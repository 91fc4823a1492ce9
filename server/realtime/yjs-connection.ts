import type { WebSocket } from 'ws';
import type { PresenceIdentity } from '../../lib/protocol/presence';
import type { Writer } from './yjs-guard';

/** One client's socket on a document, as the document sees it. */
export interface Connection {
  ws: WebSocket;
  participantId: string;
  /** Who writes on this connection, asked per update: roles and the board lock change. */
  writer(): Writer;
  /** Awareness client ids this connection controls, removed when it closes. */
  clientIds: Set<number>;
  /** Whose presence this is, from the roster, asked per update; null for a screen. */
  identity(): PresenceIdentity | null;
  /** Where the connection comes from (`addressKey`): shares are bounded per address too. */
  address: string;
}
