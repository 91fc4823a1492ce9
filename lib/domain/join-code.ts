import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../constants';

/** A random join code from the look-alike-free alphabet. `random` returns bytes. */
export function makeJoinCode(random: (n: number) => Uint8Array): string {
  const size = JOIN_CODE_ALPHABET.length;
  // Bytes at or above the largest multiple of the alphabet size would favour its first
  // letters, so they are skipped.
  const limit = 256 - (256 % size);
  let code = '';
  while (code.length < JOIN_CODE_LENGTH) {
    for (const b of random(JOIN_CODE_LENGTH)) {
      if (b < limit && code.length < JOIN_CODE_LENGTH) code += JOIN_CODE_ALPHABET[b % size];
    }
  }
  return code;
}

/** What a person typed, as a code: uppercase, without spaces or dashes. */
export function normaliseJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}
