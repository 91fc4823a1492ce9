import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashKey, keyMatches, loadSecret, newFacilitatorKey, newId, TokenSigner } from './auth';

const signer = new TokenSigner(Buffer.from('a test secret of reasonable length'));
const claims = { w: 'workshop-1', p: 'participant-1' };

/** Replaces one part of a `v1.body.mac` token. */
function withPart(token: string, index: number, value: string): string {
  const parts = token.split('.');
  parts[index] = value;
  return parts.join('.');
}

describe('TokenSigner', () => {
  it('verifies what it signed and returns exactly the claims', () => {
    const token = signer.sign(claims);
    expect(token.startsWith('v1.')).toBe(true);
    expect(signer.verify(token)).toEqual(claims);
  });

  it('drops extra claims smuggled into a signed body', () => {
    const token = signer.sign({ ...claims, admin: true } as typeof claims);
    expect(signer.verify(token)).toEqual(claims);
  });

  it('refuses a token whose body was changed', () => {
    const token = signer.sign(claims);
    const forged = Buffer.from(JSON.stringify({ w: 'workshop-2', p: 'participant-1' })).toString(
      'base64url',
    );
    expect(signer.verify(withPart(token, 1, forged))).toBeNull();
  });

  it('refuses a token whose mac was changed', () => {
    const token = signer.sign(claims);
    const mac = token.split('.')[2] ?? '';
    const flipped = (mac[0] === 'A' ? 'B' : 'A') + mac.slice(1);
    expect(signer.verify(withPart(token, 2, flipped))).toBeNull();
    expect(signer.verify(withPart(token, 2, mac.slice(1)))).toBeNull();
  });

  it('refuses a token signed with another secret', () => {
    const other = new TokenSigner(Buffer.from('another secret'));
    expect(signer.verify(other.sign(claims))).toBeNull();
  });

  it('refuses another version, missing parts and garbage', () => {
    const token = signer.sign(claims);
    expect(signer.verify(withPart(token, 0, 'v2'))).toBeNull();
    expect(signer.verify(token.split('.').slice(0, 2).join('.'))).toBeNull();
    expect(signer.verify('')).toBeNull();
    expect(signer.verify('v1..')).toBeNull();
    expect(signer.verify('not a token at all')).toBeNull();
  });

  it('refuses a correctly signed body that lacks the claims', () => {
    const secret = Buffer.from('s');
    const mac = (body: string) =>
      crypto.createHmac('sha256', secret).update(body).digest('base64url');
    const verifier = new TokenSigner(secret);
    for (const json of ['{"w":"x"}', '{"w":1,"p":"y"}', 'null', '"text"', '{not json']) {
      const body = Buffer.from(json).toString('base64url');
      expect(verifier.verify(`v1.${body}.${mac(body)}`)).toBeNull();
    }
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
