/** `npm run docs:protocol`: writes the catalogue's event table into docs/protocol.md. */
import { readFileSync, writeFileSync } from 'node:fs';
import { withEventTable } from '../lib/protocol/catalogue-docs';

const file = new URL('../docs/protocol.md', import.meta.url);
const updated = withEventTable(readFileSync(file, 'utf8'));
if (updated === null) throw new Error('docs/protocol.md has no client-events markers');
writeFileSync(file, updated);
