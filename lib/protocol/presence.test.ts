import { describe, expect, it } from 'vitest';
import { PRESENCE_STATE_MAX_BYTES } from '../constants';
import { PresenceDenied } from './codes';
import { vouchPresence } from './presence';

const olli = { name: 'Olli', role: 'observer', anonymous: false } as const;

describe('vouchPresence', () => {
  it('keeps the step and writes the roster’s name and role over the client’s', () => {
    const json = JSON.stringify({ presence: { name: 'Fran', role: 'facilitator', stepId: 's-1' } });
    expect(vouchPresence(json, olli)).toEqual({
      ok: true,
      json: JSON.stringify({ presence: { name: 'Olli', role: 'observer', stepId: 's-1' } }),
    });
  });

  it('leaves the name out in an anonymous workshop, and drops fields the board does not use', () => {
    const json = JSON.stringify({ presence: { stepId: 's' }, cursor: { x: 1 } });
    expect(vouchPresence(json, { ...olli, anonymous: true })).toEqual({
      ok: true,
      json: JSON.stringify({ presence: { name: '', role: 'observer', stepId: 's' } }),
    });
    expect(vouchPresence('{"user":1}', olli)).toEqual({ ok: true, json: '{}' });
    expect(vouchPresence('null', olli)).toEqual({ ok: true, json: 'null' });
  });

  it('refuses states too large, not JSON, or of another shape', () => {
    const big = JSON.stringify({
      presence: { stepId: 's' },
      pad: 'ä'.repeat(PRESENCE_STATE_MAX_BYTES / 2),
    });
    expect(vouchPresence(big, olli)).toEqual({ ok: false, reason: PresenceDenied.TOO_LARGE });
    expect(vouchPresence('{', olli)).toEqual({ ok: false, reason: PresenceDenied.INVALID });
    expect(vouchPresence('[1]', olli)).toEqual({ ok: false, reason: PresenceDenied.INVALID });
    expect(vouchPresence('{"presence":{"stepId":"a b"}}', olli)).toEqual({
      ok: false,
      reason: PresenceDenied.INVALID,
    });
  });
});
