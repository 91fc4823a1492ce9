import {
  CONNECTS_BURST,
  CONNECTS_PER_SECOND,
  SOCKET_EVENTS_BURST,
  SOCKET_EVENTS_PER_SECOND,
  SOCKET_REFUSALS_BURST,
  SOCKET_REFUSALS_PER_SECOND,
  YJS_BYTES_BURST,
  YJS_BYTES_PER_SECOND,
  YJS_MESSAGES_BURST,
  YJS_MESSAGES_PER_SECOND,
} from '../constants';

/**
 * A token bucket, as pure functions with the clock passed in: `burst` tokens when full,
 * `perSecond` tokens back every second, never more than `burst`. Each thing counted
 * (an event, a message, a byte) takes `cost` tokens; with too few left it is refused and
 * takes nothing, so a refused flood does not push an honest client's recovery further out.
 */
export interface RateLimit {
  /** Tokens when full: how much may come at once after a quiet spell. */
  burst: number;
  /** Tokens returned per second: the sustained rate. */
  perSecond: number;
}

export interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date (epoch ms, or any monotonic ms clock). */
  atMs: number;
}

export function fullBucket(limit: RateLimit, nowMs: number): Bucket {
  return { tokens: limit.burst, atMs: nowMs };
}

/** The bucket as it stands at `nowMs`. A clock that went backwards adds nothing. */
export function refill(bucket: Bucket, limit: RateLimit, nowMs: number): Bucket {
  const elapsedMs = Math.max(0, nowMs - bucket.atMs);
  const tokens = Math.min(limit.burst, bucket.tokens + (elapsedMs * limit.perSecond) / 1000);
  return { tokens, atMs: Math.max(nowMs, bucket.atMs) };
}

export interface Taken {
  allowed: boolean;
  bucket: Bucket;
}

/** Takes `cost` tokens if there are that many; otherwise refuses and takes none. */
export function take(bucket: Bucket, limit: RateLimit, nowMs: number, cost = 1): Taken {
  const current = refill(bucket, limit, nowMs);
  if (current.tokens < cost) return { allowed: false, bucket: current };
  return { allowed: true, bucket: { tokens: current.tokens - cost, atMs: current.atMs } };
}

/**
 * The realtime server's limits (docs/protocol.md, "Rate limits"), counted per participant
 * (or screen) across all their connections (`rate-book.ts`).
 */
export interface ConnectionLimits {
  /** Socket.io events a participant may send; more are answered RATE_LIMITED. */
  socketEvents: RateLimit;
  /** Refused Socket.io events a participant may send before the flooding transport is closed. */
  socketRefusals: RateLimit;
  /** Yjs messages a participant may send; more close it with RATE_LIMITED. */
  yjsMessages: RateLimit;
  /** Yjs bytes a participant may send; `burst` must be at least YJS_MESSAGE_MAX_BYTES. */
  yjsBytes: RateLimit;
  /** Connections one participant (or screen) may open, per channel. */
  connects: RateLimit;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  socketEvents: { burst: SOCKET_EVENTS_BURST, perSecond: SOCKET_EVENTS_PER_SECOND },
  socketRefusals: { burst: SOCKET_REFUSALS_BURST, perSecond: SOCKET_REFUSALS_PER_SECOND },
  yjsMessages: { burst: YJS_MESSAGES_BURST, perSecond: YJS_MESSAGES_PER_SECOND },
  yjsBytes: { burst: YJS_BYTES_BURST, perSecond: YJS_BYTES_PER_SECOND },
  connects: { burst: CONNECTS_BURST, perSecond: CONNECTS_PER_SECOND },
};

/** The defaults with `overrides` (tests raise or lower them) in their place. */
export function connectionLimits(overrides: Partial<ConnectionLimits> = {}): ConnectionLimits {
  const limits = { ...DEFAULT_CONNECTION_LIMITS };
  for (const key of Object.keys(limits) as Array<keyof ConnectionLimits>) {
    const override = overrides[key];
    if (override) limits[key] = override;
  }
  return limits;
}
