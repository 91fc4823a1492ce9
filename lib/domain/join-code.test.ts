import { describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../constants';
import { makeJoinCode, normaliseJoinCode } from './join-code';

function bytes(...values: number[]): (n: number) => Uint8Array {
  return (n) => Uint8Array.from({ length: n }, (_, i) => values[i % values.length] ?? 0);
}

describe('makeJoinCode', () => {
  it('makes a code of JOIN_CODE_LENGTH characters from the alphabet only, for every byte value', () => {
    for (let b = 0; b < 256; b++) {
      const code = makeJoinCode(bytes(b, 255 - b, (b * 7) % 256));
      expect(code).toHaveLength(JOIN_CODE_LENGTH);
      for (const ch of code) expect(JOIN_CODE_ALPHABET).toContain(ch);
    }
  });

  it('asks for exactly JOIN_CODE_LENGTH random bytes', () => {
    const asked: number[] = [];
    makeJoinCode((n) => {
      asked.push(n);
      return new Uint8Array(n);
    });
    expect(asked).toEqual([JOIN_CODE_LENGTH]);
  });

  it('skips bytes that would make the first letters more likely', () => {
    // 248..255 lie above the last full multiple of the alphabet's 31 letters.
    expect(makeJoinCode(bytes(250, 1))).toBe('BBBBBB');
  });

  it('maps bytes onto the alphabet in order', () => {
    expect(makeJoinCode(bytes(0, 1, 2))).toBe('ABCABC');
    expect(makeJoinCode(bytes(JOIN_CODE_ALPHABET.length))).toBe('AAAAAA');
  });

  it('never uses look-alike characters', () => {
    for (const ch of '0O1IL') expect(JOIN_CODE_ALPHABET).not.toContain(ch);
  });
});

describe('normaliseJoinCode', () => {
  it('upper-cases and removes spaces, tabs and dashes', () => {
    expect(normaliseJoinCode('  abc-def ')).toBe('ABCDEF');
    expect(normaliseJoinCode('ab c\td-e f')).toBe('ABCDEF');
    expect(normaliseJoinCode('ABC---DEF')).toBe('ABCDEF');
  });

  it('leaves an already normal code alone', () => {
    expect(normaliseJoinCode('HJK234')).toBe('HJK234');
  });
});
