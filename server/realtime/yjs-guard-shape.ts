import * as Y from 'yjs';
import {
  DOC_ID_MAX_CHARS,
  type EntryRule,
  type Fit,
  fieldRule,
  primitiveFits,
  rootRule,
  type ValueRule,
} from '../../lib/board/board-shape';
import { WriteDenied } from '../../lib/protocol/codes';
import type { Place, ScannedDeletion } from './yjs-update-scan';

/**
 * The board's shape (lib/board/board-shape.ts) applied to incoming Yjs structs: a struct
 * that would create a root the app does not use, or put into an entry what the app never
 * writes there, is refused before anything is applied.
 */

const FIT_REASON: Record<Exclude<Fit, 'ok'>, WriteDenied> = {
  'wrong-type': WriteDenied.INVALID_SHAPE,
  'too-long': WriteDenied.TEXT_TOO_LONG,
};

/** Whether `content` holds a type of exactly this class (Y.XmlText is a Y.Text too). */
function holds(content: Y.Item['content'], type: typeof Y.Map | typeof Y.Text): boolean {
  return content instanceof Y.ContentType && content.type.constructor === type;
}

/** A primitive value (in a map, every element of the ContentAny: merged history included). */
function valuesFit(rule: ValueRule, content: Y.Item['content'], replaces?: unknown): Fit {
  if (!(content instanceof Y.ContentAny)) return 'wrong-type';
  for (const value of content.arr) {
    const fit = primitiveFits(rule, value, replaces);
    if (fit !== 'ok') return fit;
  }
  return 'ok';
}

function entryFits(rule: EntryRule, content: Y.Item['content']): Fit {
  if (rule.type === 'record') return holds(content, Y.Map) ? 'ok' : 'wrong-type';
  return valuesFit(rule, content);
}

/** What the entry's field holds now in the server's document (for a string that shrinks). */
function currentValue(at: Place): unknown {
  if (at.entryIsNew || !(at.entry.content instanceof Y.ContentType)) return undefined;
  const type = at.entry.content.type;
  return type instanceof Y.Map && at.field !== null ? type.get(at.field) : undefined;
}

/**
 * Why an inserted struct does not fit the board's shape, or null if it does. Text lengths
 * are checked per text by `checkTextLengths`, as one update may insert and delete in it.
 */
export function judgeShape(at: Place, struct: Y.Item): WriteDenied | null {
  const content = struct.content;
  if (content instanceof Y.ContentDeleted) return null; // history: no value, no effect
  const root = rootRule(at.root);
  if (!root) return WriteDenied.UNKNOWN_ROOT;
  let fit: Fit;
  if (at.depth === 0) {
    const keyed = at.entryKey !== null;
    if (keyed !== (root.kind === 'map')) return WriteDenied.INVALID_SHAPE;
    if (keyed && at.entryKey!.length > DOC_ID_MAX_CHARS) return WriteDenied.INVALID_SHAPE;
    fit = entryFits(root.entry, content);
  } else {
    const rule = at.field === null ? undefined : fieldRule(root.entry, at.field);
    if (!rule) return WriteDenied.INVALID_SHAPE;
    if (at.depth === 1) {
      if (rule.type === 'text') fit = holds(content, Y.Text) ? 'ok' : 'wrong-type';
      else fit = valuesFit(rule, content, currentValue(at));
    } else {
      // Inside a text: characters only (no formatting, embeds or keyed attributes).
      const ok = at.depth === 2 && rule.type === 'text' && at.key === null;
      fit = ok && content instanceof Y.ContentString ? 'ok' : 'wrong-type';
    }
  }
  return fit === 'ok' ? null : FIT_REASON[fit];
}

interface TextChange {
  place: Place;
  max: number;
  inserted: number;
  deleted: number;
  /** The update writes the field anew (a new Y.Text): it starts empty. */
  replaced: boolean;
}

/**
 * Refuses, with `text-too-long`, every text that an update would take past its limit:
 * its length now, plus what the update inserts, less what it deletes. A text already over
 * the limit (stored before the limit was enforced) may still shrink.
 */
export function checkTextLengths(
  inserts: ReadonlyArray<{ at: Place; struct: Y.Item }>,
  deletions: ReadonlyArray<{ at: Place; d: ScannedDeletion }>,
  refuse: (p: Place, reason: WriteDenied) => void,
): void {
  const changes = new Map<string, TextChange>();
  const changeOf = (at: Place): TextChange | null => {
    const root = rootRule(at.root);
    const rule = root && at.field !== null ? fieldRule(root.entry, at.field) : undefined;
    if (rule?.type !== 'text' || at.depth === 0) return null;
    const key = `${at.root}\u0000${at.entry.id.client}:${at.entry.id.clock}\u0000${at.field}`;
    let change = changes.get(key);
    if (!change) {
      change = { place: at, max: rule.maxChars, inserted: 0, deleted: 0, replaced: false };
      changes.set(key, change);
    }
    return change;
  };
  for (const { at, struct } of inserts) {
    const change = changeOf(at);
    if (!change) continue;
    if (at.depth === 1) change.replaced = true;
    else if (struct.content instanceof Y.ContentString) change.inserted += struct.length;
  }
  // Only characters count (deleting history sent along frees nothing), each once however
  // many overlapping ranges a hostile delete set names.
  const deleted = new Map<Y.Item, { change: TextChange; ranges: Array<[number, number]> }>();
  for (const { at, d } of deletions) {
    const change = at.depth === 2 ? changeOf(at) : null;
    if (!change || !d.item || !(d.item.content instanceof Y.ContentString)) continue;
    const entry = deleted.get(d.item) ?? { change, ranges: [] };
    deleted.set(d.item, entry);
    entry.ranges.push([d.clock, d.clock + d.len]);
  }
  for (const { change, ranges } of deleted.values()) {
    ranges.sort((a, b) => a[0] - b[0]);
    let end = Number.NEGATIVE_INFINITY;
    for (const [from, to] of ranges) {
      change.deleted += Math.max(0, to - Math.max(from, end));
      end = Math.max(end, to);
    }
  }
  for (const change of changes.values()) {
    if (change.inserted === 0) continue;
    const now = currentValue(change.place);
    const before = !change.replaced && now instanceof Y.Text ? now.length : 0;
    if (before + change.inserted - change.deleted > change.max) {
      refuse(change.place, WriteDenied.TEXT_TOO_LONG);
    }
  }
}
