import { strToU8, zipSync } from 'fflate';
import type { WorkshopExport } from './model';

/**
 * A cell: text, or a number. Numbers are written as they are ("-2" stays a number a
 * spreadsheet can sum). Only text is neutralised against formula injection, so a note
 * reading "-2" comes out as "'-2": text that looks like a formula never runs as one.
 */
export type Cell = string | number | null;

/** Characters that make a spreadsheet read a text cell as a formula (or a DDE call). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Text that a spreadsheet would run as a formula gets a leading apostrophe (OWASP). */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field, quoted per RFC 4180 when it holds a comma, a quote or a line break. */
export function csvField(value: Cell): string {
  if (value === null) return '';
  const text =
    typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : neutralise(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: header and rows, CRLF line ends (RFC 4180), UTF-8 with a BOM (for Excel). */
export function csvTable(head: readonly string[], rows: readonly Cell[][]): string {
  const lines = [head, ...rows].map((row) => row.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export const CSV_FILES = ['ratings.csv', 'notes.csv', 'votes.csv', 'actions.csv'] as const;
export type CsvFile = (typeof CSV_FILES)[number];

/** The four CSV files of an export. Column names are stable English identifiers. */
export function renderCsvFiles(exp: WorkshopExport): Record<CsvFile, string> {
  const index = new Map(exp.path.map((s, i) => [s.id, i + 1]));
  const title = (id: string | null) => (id ? (exp.path.find((s) => s.id === id)?.title ?? '') : '');
  const number = (id: string | null) => (id ? (index.get(id) ?? null) : null);
  const card = (id: string | null) =>
    id ? (exp.situations.find((c) => c.id === id)?.title ?? '') : '';
  const persona = (id: string | null) =>
    id ? (exp.personas.find((p) => p.id === id)?.name ?? '') : '';
  const group = (id: string | null) =>
    id ? (exp.groups.find((g) => g.id === id)?.title ?? '') : '';
  const idea = (id: string | null) =>
    id ? (exp.ideas.find((i) => i.noteId === id)?.text ?? '') : '';

  const ratings = csvTable(
    [
      'round',
      'step_number',
      'step_id',
      'step_title',
      'role',
      'lens',
      'card_id',
      'card_title',
      'persona_id',
      'persona_name',
      'valence',
      'emotion',
      'expectation',
      'effort',
      'note',
      'name',
      'expected_next',
    ],
    exp.ratings.map((r) => [
      r.round,
      number(r.stepId),
      r.stepId,
      title(r.stepId),
      r.role,
      r.lens,
      r.cardId,
      card(r.cardId),
      r.personaId,
      persona(r.personaId),
      r.valence,
      r.emotion,
      r.expectation,
      r.effort,
      r.note,
      r.name,
      r.expectedNext ?? null,
    ]),
  );
  const notes = csvTable(
    [
      'note_id',
      'step_number',
      'step_id',
      'step_title',
      'lane',
      'text',
      'author_role',
      'author_name',
      'group_id',
      'group_title',
      'created_at',
    ],
    exp.notes.map((n) => [
      n.id,
      number(n.stepId),
      n.stepId,
      title(n.stepId),
      n.lane,
      n.text,
      n.authorRole,
      n.authorName,
      n.groupId,
      group(n.groupId),
      n.createdAt,
    ]),
  );
  const votes = csvTable(
    ['rank', 'idea_id', 'step_number', 'step_id', 'step_title', 'idea', 'dots'],
    exp.ideas.map((i, rank) => [
      rank + 1,
      i.noteId,
      number(i.stepId),
      i.stepId,
      title(i.stepId),
      i.text,
      i.dots,
    ]),
  );
  const actions = csvTable(
    [
      'action_id',
      'text',
      'owner',
      'department',
      'due_date',
      'step_number',
      'step_id',
      'step_title',
      'idea_id',
      'idea',
      'created_at',
    ],
    exp.actions.map((a) => [
      a.id,
      a.text,
      a.owner,
      a.department,
      a.dueDate,
      number(a.stepId),
      a.stepId,
      title(a.stepId),
      a.ideaId,
      idea(a.ideaId),
      a.createdAt,
    ]),
  );
  return {
    'ratings.csv': ratings,
    'notes.csv': notes,
    'votes.csv': votes,
    'actions.csv': actions,
  };
}

/** The four CSV files in one zip, dated at the export's time. */
export function renderCsvZip(exp: WorkshopExport): Uint8Array {
  const files = renderCsvFiles(exp);
  const exported = new Date(exp.exportedAt);
  // Zip dates run from 1980; an unparsable date falls back to that.
  const mtime = Number.isNaN(exported.getTime()) ? new Date(1980, 0, 1) : exported;
  return zipSync(
    Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])),
    { level: 6, mtime },
  );
}
