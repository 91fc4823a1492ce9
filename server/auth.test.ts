import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARTICIPANT_TOKEN_LIFETIME_MS, SCREEN_TOKEN_LIFETIME_MS } from '../lib/constants';
import { ErrorCode } from '../lib/protocol/codes';
import {
  hashKey,
  keyMatches,
  loadSecret,
  newFacilitatorKey,
  newId,
  tokenLifetimeMs,
  TokenSigner,
  type VerifiedClaims,
} from './auth';

const SECRET = Buffer.from('a test secret of reasonable length');
/** A clock the tests move by hand. */
const clock = { now: Date.UTC(2026, 2, 1, 9, 0) };
const signer = new TokenSigner(SECRET, () => clock.now);
const claims = { w: 'workshop-1', p: 'participant-1' };

/** The claims of a valid, unexpired token; null for anything else (what `check` says, in short). */
function verify(by: TokenSigner, token: string): VerifiedClaims | null {
  const checked = by.check(token);
  return checked.ok ? checked.claims : null;
}

/** Replaces one part of a `v1.body.mac` token. */
function withPart(token: string, index: number, value: string): string {
  const parts = token.split('.');
  parts[index] = value;
  return parts.join('.');
}

describe('TokenSigner', () => {
  it('verifies what it signed and returns exactly the claims, with the expiry', () => {
    const token = signer.sign(claims);
    expect(token.startsWith('v1.')).toBe(true);
    const x = clock.now + PARTICIPANT_TOKEN_LIFETIME_MS;
    expect(verify(signer, token)).toEqual({ ...claims, x });
    expect(signer.check(token)).toEqual({ ok: true, claims: { ...claims, x } });
  });

  it('drops extra claims smuggled into a signed body', () => {
    const token = signer.sign({ ...claims, admin: true, x: 1 } as typeof claims);
    expect(verify(signer, token)).toEqual({
      ...claims,
      x: clock.now + PARTICIPANT_TOKEN_LIFETIME_MS,
    });
  });

  it('refuses a token whose body was changed', () => {
    const token = signer.sign(claims);
    const forged = Buffer.from(JSON.stringify({ w: 'workshop-2', p: 'participant-1' })).toString(
      'base64url',
    );
    expect(verify(signer, withPart(token, 1, forged))).toBeNull();
  });

  it('refuses a token whose mac was changed', () => {
    const token = signer.sign(claims);
    const mac = token.split('.')[2] ?? '';
    const flipped = (mac[0] === 'A' ? 'B' : 'A') + mac.slice(1);
    expect(verify(signer, withPart(token, 2, flipped))).toBeNull();
    expect(verify(signer, withPart(token, 2, mac.slice(1)))).toBeNull();
  });

  it('refuses a token signed with another secret', () => {
    const other = new TokenSigner(Buffer.from('another secret'));
    expect(verify(signer, other.sign(claims))).toBeNull();
  });

  it('refuses another version, missing parts and garbage', () => {
    const token = signer.sign(claims);
    expect(verify(signer, withPart(token, 0, 'v2'))).toBeNull();
    expect(verify(signer, token.split('.').slice(0, 2).join('.'))).toBeNull();
    expect(verify(signer, '')).toBeNull();
    expect(verify(signer, 'v1..')).toBeNull();
    expect(verify(signer, 'not a token at all')).toBeNull();
  });

  it('refuses a correctly signed body that lacks the claims', () => {
    const secret = Buffer.from('s');
    const mac = (body: string) =>
      crypto.createHmac('sha256', secret).update(body).digest('base64url');
    const verifier = new TokenSigner(secret);
    const x = Date.now() + 60_000;
    for (const json of [
      `{"w":"x","x":${x}}`,
      `{"w":1,"p":"y","x":${x}}`,
      'null',
      '"text"',
      '{not json',
    ]) {
      const body = Buffer.from(json).toString('base64url');
      expect(verify(verifier, `v1.${body}.${mac(body)}`)).toBeNull();
      expect(verifier.check(`v1.${body}.${mac(body)}`)).toEqual({
        ok: false,
        code: ErrorCode.UNAUTHORIZED,
      });
    }
  });

  it('refuses extra dot-separated parts after the mac', () => {
    expect(verify(signer, `${signer.sign(claims)}.extra`)).toBeNull();
  });
});

describe('token lifetimes', () => {
  /** A token signed at `at` by a signer with the same secret. */
  function signedAt(at: number, c: { w: string; p: string; s?: true } = claims): string {
    return new TokenSigner(SECRET, () => at).sign(c);
  }

  it('gives a participant 30 days and a projector screen 24 hours', () => {
    expect(PARTICIPANT_TOKEN_LIFETIME_MS).toBe(30 * 24 * 3600 * 1000);
    expect(SCREEN_TOKEN_LIFETIME_MS).toBe(24 * 3600 * 1000);
    expect(tokenLifetimeMs(claims)).toBe(PARTICIPANT_TOKEN_LIFETIME_MS);
    expect(tokenLifetimeMs({ ...claims, s: true })).toBe(SCREEN_TOKEN_LIFETIME_MS);
    const screen = verify(signer, signer.sign({ ...claims, s: true }));
    expect(screen).toEqual({ ...claims, s: true, x: clock.now + SCREEN_TOKEN_LIFETIME_MS });
  });

  it('accepts a token until the last millisecond and refuses it as TOKEN_EXPIRED from then on', () => {
    const issued = clock.now;
    for (const [c, lifetime] of [
      [claims, PARTICIPANT_TOKEN_LIFETIME_MS],
      [{ ...claims, s: true as const }, SCREEN_TOKEN_LIFETIME_MS],
    ] as const) {
      const token = signedAt(issued, c);
      const at = (t: number) => new TokenSigner(SECRET, () => t);
      expect(at(issued + lifetime - 1).check(token).ok).toBe(true);
      expect(at(issued + lifetime).check(token)).toEqual({
        ok: false,
        code: ErrorCode.TOKEN_EXPIRED,
      });
      expect(at(issued + lifetime + 365 * 24 * 3600 * 1000).check(token)).toEqual({
        ok: false,
        code: ErrorCode.TOKEN_EXPIRED,
      });
      expect(verify(at(issued + lifetime), token)).toBeNull();
    }
  });

  it('follows the injected clock: the same signer refuses its own token once time has passed', () => {
    const moving = { now: clock.now };
    const own = new TokenSigner(SECRET, () => moving.now);
    const token = own.sign(claims);
    moving.now += PARTICIPANT_TOKEN_LIFETIME_MS - 1000;
    expect(verify(own, token)).not.toBeNull();
    moving.now += 1000;
    expect(own.check(token)).toEqual({ ok: false, code: ErrorCode.TOKEN_EXPIRED });
  });

  it('refuses a token without an expiry (as issued before expiries existed) as UNAUTHORIZED', () => {
    const mac = (body: string) =>
      crypto.createHmac('sha256', SECRET).update(body).digest('base64url');
    for (const json of [
      '{"w":"workshop-1","p":"participant-1"}',
      '{"w":"workshop-1","p":"participant-1","s":true}',
      '{"w":"workshop-1","p":"participant-1","x":null}',
      '{"w":"workshop-1","p":"participant-1","x":"9999999999999"}',
      '{"w":"workshop-1","p":"participant-1","x":1e400}',
    ]) {
      const body = Buffer.from(json).toString('base64url');
      expect(signer.check(`v1.${body}.${mac(body)}`), json).toEqual({
        ok: false,
        code: ErrorCode.UNAUTHORIZED,
      });
    }
  });

  it('cannot be extended: a later expiry written into the body breaks the mac', () => {
    const token = signedAt(clock.now - PARTICIPANT_TOKEN_LIFETIME_MS);
    expect(signer.check(token).ok).toBe(false);
    const longer = Buffer.from(
      JSON.stringify({ ...claims, x: clock.now + PARTICIPANT_TOKEN_LIFETIME_MS }),
    ).toString('base64url');
    expect(signer.check(withPart(token, 1, longer))).toEqual({
      ok: false,
      code: ErrorCode.UNAUTHORIZED,
    });
  });

  it('says UNAUTHORIZED, not TOKEN_EXPIRED, for an expired token with a bad mac or another secret', () => {
    const expired = signedAt(clock.now - PARTICIPANT_TOKEN_LIFETIME_MS - 1);
    expect(signer.check(expired).ok).toBe(false);
    const mac = expired.split('.')[2] ?? '';
    const flipped = (mac[0] === 'A' ? 'B' : 'A') + mac.slice(1);
    expect(signer.check(withPart(expired, 2, flipped))).toEqual({
      ok: false,
      code: ErrorCode.UNAUTHORIZED,
    });
    const other = new TokenSigner(Buffer.from('another secret'), () => 0).sign(claims);
    expect(signer.check(other)).toEqual({ ok: false, code: ErrorCode.UNAUTHORIZED });
  });
});

describe('facilitator keys', () => {
  it('match their own hash and no other', () => {
    const key = newFacilitatorKey();
    const hash = hashKey(key);
    expect(keyMatches(key, hash)).toBe(true);
    expect(keyMatches(`${key}x`, hash)).toBe(false);
    expect(keyMatches(newFacilitatorKey(), hash)).toBe(false);
  });

  it('do not match a malformed stored hash', () => {
    const key = newFacilitatorKey();
    expect(keyMatches(key, '')).toBe(false);
    expect(keyMatches(key, hashKey(key).slice(0, 10))).toBe(false);
  });

  it('are long and random, and stored only as a hex sha256', () => {
    const key = newFacilitatorKey();
    expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(newFacilitatorKey()).not.toBe(key);
    expect(hashKey(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashKey(key)).not.toContain(key);
  });
});

describe('newId', () => {
  it('makes url-safe ids that differ', () => {
    const ids = new Set(Array.from({ length: 100 }, () => newId()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });
});

describe('loadSecret', () => {
  it('prefers SESSION_SECRET from the environment', () => {
    expect(loadSecret('/nonexistent', 'from env').toString()).toBe('from env');
  });

  it('creates a secret in the data directory once and reads the same one back', () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'saappaat-secret-')), 'nested');
    const first = loadSecret(dir, '');
    expect(first.length).toBe(32);
    expect(loadSecret(dir, '').equals(first)).toBe(true);
    expect((fs.statSync(path.join(dir, 'secret.key')).mode & 0o777).toString(8)).toBe('600');
  });
});
