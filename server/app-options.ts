import type { ConnectionLimits, RateLimit } from '../lib/domain/rate-bucket';
import type { Ownership } from './cluster/ownership';
import type { RequestLimits } from './limits/request-guard';
import type { SocketPing } from './realtime/socket-server';
import type { DocLimits } from './realtime/yjs-doc-limits';
import type { Storage } from './storage/storage';

/** What `startAppServer` (app-server.ts) takes; every field has a default. */
export interface AppServerOptions {
  /** Port to listen on; 0 picks a free one. Default 3000. */
  port?: number;
  /** Interface to bind. Default: all interfaces. */
  host?: string;
  /** Where SQLite and the signing secret live. Default `./data`. */
  dataDir?: string;
  /**
   * Base URL for links handed out (join, facilitator). Default: from the request's Host,
   * when that host is in `allowedHosts`.
   */
  publicUrl?: string;
  /**
   * Hosts (`name` or `name:port`; without a port any port) that links may be made from
   * when `publicUrl` is not set; a request naming another host is refused
   * `400 HOST_NOT_ALLOWED`. Default: localhost, 127.0.0.1, [::1], this machine's host
   * name (and `name.local`) and the addresses of its network interfaces, any port.
   */
  allowedHosts?: readonly string[];
  /**
   * Behind a proxy: take the caller's address from X-Forwarded-For, and the host and
   * scheme of links from X-Forwarded-Host and X-Forwarded-Proto. Default false.
   */
  trustProxy?: boolean;
  /**
   * New TCP connections per address (`server/limits/accept-limit.ts`); null turns it off.
   * Default ACCEPTS_BURST, then ACCEPTS_PER_SECOND; off when `trustProxy` is set (every
   * connection then comes from the proxy).
   */
  acceptLimit?: RateLimit | null;
  /** Serve the Next.js pages. Tests of the realtime layer switch it off. Default true. */
  withNext?: boolean;
  /** Next in development mode (hot reload). Default false. */
  dev?: boolean;
  /** Storage to use instead of SQLite in `dataDir`. */
  storage?: Storage;
  /**
   * Several nodes: which workshops this node serves (leases in Redis). Closed with the
   * server, after storage has flushed, so that no other node claims a workshop while this
   * one still writes it.
   */
  ownership?: Ownership;
  /** How long idle workshop rooms, and their Yjs documents, stay in memory. */
  idleUnloadMs?: number;
  /** Yjs compaction thresholds, document size limit, heartbeat and send bound (tests lower them). */
  yjs?: Partial<DocLimits> & { keepaliveMs?: number; sendBufferMaxBytes?: number };
  /** Socket.io heartbeat (tests shorten it to simulate a laptop asleep). */
  socketPing?: SocketPing;
  /** Per-connection rate limits (docs/protocol.md); tests lower or raise them. */
  rateLimits?: Partial<ConnectionLimits>;
  /**
   * Limits of the HTTP API per address and per target (docs/security.md); defaults in
   * `DEFAULT_REQUEST_LIMITS`. Tests that create many workshops from 127.0.0.1 raise them.
   */
  requestLimits?: Partial<RequestLimits>;
  /** Participants (facilitators aside) one workshop takes. Default 200 (`MAX_PARTICIPANTS`). */
  maxParticipants?: number;
}
