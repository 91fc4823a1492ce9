import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PARTICIPANT_TOKEN_LIFETIME_MS, SCREEN_TOKEN_LIFETIME_MS } from '../lib/constants';
import { ErrorCode } from '../lib/protocol/codes';

/** What a token carries: one workshop, and one participant or one projector screen. */
export interface TokenClaims {
  /** Workshop id. */
  w: string;
  /** Participant id, or the screen's own random id. */
  p: string;
  /** Set for a projector screen: it may watch the room but not take part or act. */
  s?: true;
}

/** The claims of a token that verified, with its expiry. */
export interface VerifiedClaims extends TokenClaims {
  /** Expiry, epoch ms: from then on the token is refused with TOKEN_EXPIRED. */
  x: number;
}

/** Why a token was refused: not ours (or malformed), or ours but past its expiry. */
export type TokenRefusal = typeof ErrorCode.UNAUTHORIZED | typeof ErrorCode.TOKEN_EXPIRED;
export type TokenCheck = { ok: true; claims: VerifiedClaims } | { ok: false; code: TokenRefusal };

const TOKEN_VERSION = 'v1';

/** How long a token with these claims lives: a screen's one day, a person's 30 days. */
export function tokenLifetimeMs(claims: TokenClaims): number {
  return claims.s === true ? SCREEN_TOKEN_LIFETIME_MS : PARTICIPANT_TOKEN_LIFETIME_MS;
}

/**
 * Signs and verifies participant tokens with an HMAC secret kept on the server:
 * `v1.<base64url JSON claims>.<base64url HMAC-SHA256 of the claims part>`. Every token
 * carries its expiry (`x`); one without is refused, as is one past it. `now` is the clock
 * (tests inject one).
 *
 * Not a JWS from a JOSE library (issue 23 weighed `jose`): its API is async only (Web
 * Crypto), so each check would hop to libuv's thread pool, which the SQLite write path
 * uses for its fdatasync, at every Socket.io handshake and Yjs upgrade, a reconnect storm
 * after a restart included (3–4× the cost of this check, measured); its expiry is in whole
 * seconds where ours is to the millisecond; and a token issued in a new format would be
 * refused by nodes not yet upgraded, while the v1 tokens people hold (30 days) must keep
 * working anyway. What it would replace is one HMAC and one constant-time compare.
 */
export class TokenSigner {
  constructor(
    private readonly secret: Buffer,
    private readonly now: () => number = Date.now,
  ) {}

  sign(claims: TokenClaims): string {
    const { w, p, s } = claims;
    const x = this.now() + tokenLifetimeMs(claims);
    const signed: VerifiedClaims = s === true ? { w, p, s, x } : { w, p, x };
    const body = Buffer.from(JSON.stringify(signed)).toString('base64url');
    return `${TOKEN_VERSION}.${body}.${this.mac(body)}`;
  }

  /** Verifies a token and says why it was refused: UNAUTHORIZED, or TOKEN_EXPIRED. */
  check(token: string): TokenCheck {
    const invalid: TokenCheck = { ok: false, code: ErrorCode.UNAUTHORIZED };
    const [version, body, mac, ...rest] = token.split('.');
    if (version !== TOKEN_VERSION || !body || !mac || rest.length > 0) return invalid;
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) {
      return invalid;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return invalid; // a token that verifies but does not parse is still invalid
    }
    if (typeof parsed !== 'object' || parsed === null) return invalid;
    const { w, p, s, x } = parsed as Partial<VerifiedClaims>;
    // The expiry is required: a token without one (as issued before it existed) is refused.
    if (typeof w !== 'string' || typeof p !== 'string' || typeof x !== 'number') return invalid;
    if (!Number.isFinite(x)) return invalid;
    if (this.now() >= x) return { ok: false, code: ErrorCode.TOKEN_EXPIRED };
    return { ok: true, claims: s === true ? { w, p, s, x } : { w, p, x } };
  }

  private mac(body: string): string {
    return crypto.createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}

/** The signing secret: SESSION_SECRET if set, else a random one kept in DATA_DIR. */
export function loadSecret(dataDir: string, fromEnv = process.env.SESSION_SECRET): Buffer {
  if (fromEnv) return Buffer.from(fromEnv, 'utf8');
  const file = path.join(dataDir, 'secret.key');
  try {
    return fs.readFileSync(file);
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = crypto.randomBytes(32);
    fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  }
}

export function newId(bytes = 12): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

/** 192 random bits; shown once to the facilitator, stored only as a hash. */
export function newFacilitatorKey(): string {
  return crypto.randomBytes(24).toString('base64url');
}

export function hashKey(key: string): string {
  return crypto.createHash('sha256').update(key).digest('hex');
}

export function keyMatches(key: string, hash: string): boolean {
  const a = Buffer.from(hashKey(key), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
