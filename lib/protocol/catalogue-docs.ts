import { z } from 'zod';
import { can } from '../domain/permissions';
import { ROLES } from '../domain/roles';
import { CATALOGUE, type EventDefinition } from './catalogue';

/** docs/protocol.md's event table sits between these lines (`npm run docs:protocol`). */
const EVENT_TABLE_BEGIN = '<!-- client-events:begin (npm run docs:protocol writes this) -->';
const EVENT_TABLE_END = '<!-- client-events:end -->';

/** The payload's fields, as `{ a, b? }` (an optional field ends with `?`). */
function fields(schema: z.ZodType): string {
  if (!(schema instanceof z.ZodObject)) return '…';
  const names = Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) =>
    field.safeParse(undefined).success ? `${name}?` : name,
  );
  return names.length === 0 ? '`{}`' : `\`{ ${names.join(', ')} }\``;
}

function who(definition: EventDefinition): string {
  const { permission } = definition;
  if (permission === null) return 'anyone';
  return ROLES.filter((role) => can(role, permission)).join(', ');
}

/** A Markdown table laid out as Prettier lays it out, so that `format:check` leaves it be. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  const rule = `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** The client → server event table, from the catalogue. */
export function eventTable(): string {
  const rows = Object.entries(CATALOGUE).map(([name, definition]) => [
    `\`${name}\``,
    fields(definition.payload),
    who(definition as EventDefinition),
    definition.doc,
  ]);
  return table(['event', 'payload', 'who', 'what it does'], rows);
}

/** `markdown` with the text between the markers replaced by the table; null without markers. */
export function withEventTable(markdown: string): string | null {
  const begin = markdown.indexOf(EVENT_TABLE_BEGIN);
  const end = markdown.indexOf(EVENT_TABLE_END);
  if (begin < 0 || end < begin) return null;
  const head = markdown.slice(0, begin + EVENT_TABLE_BEGIN.length);
  return `${head}\n\n${eventTable()}\n\n${markdown.slice(end)}`;
}
