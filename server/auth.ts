import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** What a token carries: one workshop, and one participant or one projector screen. */
export interface TokenClaims {
  /** Workshop id. */
  w: string;
  /** Participant id, or the screen's own random id. */
  p: string;
  /** Set for a projector screen: it may watch the room but not take part or act. */
  s?: true;
}

const TOKEN_VERSION = 'v1';

/** Signs and verifies participant tokens with an HMAC secret kept on the server. */
export class TokenSigner {
  constructor(private readonly secret: Buffer) {}

  sign(claims: TokenClaims): string {
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${TOKEN_VERSION}.${body}.${this.mac(body)}`;
  }

  verify(token: string): TokenClaims | null {
    const [version, body, mac] = token.split('.');
    if (version !== TOKEN_VERSION || !body || !mac) return null;
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
    try {
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown;
      if (
        typeof claims === 'object' &&
        claims !== null &&
        typeof (claims as TokenClaims).w === 'string' &&
        typeof (claims as TokenClaims).p === 'string'
      ) {
        const { w, p, s } = claims as TokenClaims;
        return s === true ? { w, p, s } : { w, p };
      }
    } catch {
      // fall through: a token that verifies but does not parse is still invalid
    }
    return null;
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
