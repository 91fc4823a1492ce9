import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from './catalogue';
import { eventTable, withEventTable } from './catalogue-docs';

const docs = readFileSync(new URL('../../docs/protocol.md', import.meta.url), 'utf8');

describe("docs/protocol.md's client event table", () => {
  it('is the catalogue’s (if not: npm run docs:protocol)', () => {
    expect(withEventTable(docs)).toBe(docs);
  });

  it('lists every event of the catalogue, once', () => {
    for (const name of Object.keys(CATALOGUE)) {
      expect(eventTable().split(`| \`${name}\` `)).toHaveLength(2);
    }
  });
});
