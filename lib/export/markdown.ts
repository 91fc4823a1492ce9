import type { WorkshopExport } from './model';
import { type Block, buildSummary, type Section } from './summary';

/**
 * Escapes text so Markdown shows it as written: no emphasis, code, links, HTML,
 * headings, lists or table cells can come out of a note. Line breaks become spaces
 * (every string the summary prints is one line: a cell, an item, a paragraph), and runs
 * of white space one. `lineStart`: the text begins a line (a paragraph, a list item's
 * text), where "- ", "+ ", "1. " or "=" would start a block; cells and headings are inline.
 */
export function escapeMarkdown(text: string, lineStart = true): string {
  const inline = text
    .replace(/\s+/g, ' ')
    // Leading spaces would make an indented code block.
    .trimStart()
    // Punctuation that can start or end markup, each escaped by a backslash (CommonMark
    // allows it before any ASCII punctuation). Backslash is among them, so it goes first.
    .replace(/[\\`*_[\]<>#|~&]/g, (c) => `\\${c}`);
  if (!lineStart) return inline;
  return inline.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A table cell: inline, never empty (an empty cell is fine, but a space reads better). */
function cell(text: string): string {
  return escapeMarkdown(text, false).trim() || ' ';
}

/** A GitHub table of plain text (every cell escaped); `numeric` columns align right. */
export function markdownTable(head: string[], rows: string[][], numeric: boolean[]): string {
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `|${numeric.map((right) => (right ? ' ---: ' : ' --- ')).join('|')}|`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return escapeMarkdown(b.text);
    case 'facts':
      return b.rows
        .map(([k, v]) => `- **${escapeMarkdown(k, false)}:** ${escapeMarkdown(v, false)}`)
        .join('\n');
    case 'list': {
      const items = b.items.map((item) => `- ${escapeMarkdown(item)}`).join('\n');
      return b.label ? `**${escapeMarkdown(b.label, false)}**\n\n${items}` : items;
    }
    case 'table':
      return markdownTable(b.head, b.rows, b.numeric);
  }
}

function section(s: Section): string {
  const parts = (s.parts ?? []).map(
    (p) => `### ${escapeMarkdown(p.title, false)}\n\n${p.blocks.map(block).join('\n\n')}`,
  );
  return [`## ${escapeMarkdown(s.title, false)}`, ...s.blocks.map(block), ...parts].join('\n\n');
}

/** The workshop's summary as Markdown (CommonMark with GitHub tables), in its language. */
export function renderMarkdown(exp: WorkshopExport): string {
  const summary = buildSummary(exp);
  const head = `# ${escapeMarkdown(summary.title, false)}\n\n_${escapeMarkdown(summary.heading, false)}_`;
  return `${[head, ...summary.sections.map(section)].join('\n\n')}\n`;
}
