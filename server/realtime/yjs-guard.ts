import * as Y from 'yjs';
import { NOTES } from '../../lib/board/board-doc';
import {
  boardAccess,
  type BoardWriter,
  isValidNewNote,
  mayChangeNoteField,
  ownsNote,
  signedByWriter,
} from '../../lib/board/note-rules';
import { PATH_ORDER, PATH_STEPS, PERSONAS, SITUATIONS } from '../../lib/board/path-doc';
import { can } from '../../lib/domain/permissions';
import { WriteDenied } from '../../lib/protocol/codes';
import { checkLanes, type Insert } from './yjs-guard-lanes';
import { checkTextLengths, judgeShape } from './yjs-guard-shape';
import { structBytes } from './yjs-share';
import { encodeUpdate, type KeptDeletion, type KeptStruct } from './yjs-update-rewrite';
import { mapOf, type Place, type Resolution, scanUpdate, valueOf } from './yjs-update-scan';

/** Who sent an update, as known when it arrives. */
export type Writer = BoardWriter;

export interface GuardLimits {
  notesPerLane: number;
  docMaxBytes: number;
  /** What the document's log holds now, stored or queued for storage. */
  docBytes: number;
  /** Most of the document one participant may hold (YJS_SHARE_MAX_BYTES). */
  shareMaxBytes: number;
  /** What the writer holds now (their client ids' structs, as yjs-share.ts counts them). */
  shareBytes: number;
}

export interface Verdict {
  /** What to apply: the update as sent, a rewrite without the refused parts, or nothing. */
  update: Uint8Array | null;
  /** Why parts were refused, each reason once, in order of appearance. */
  denied: WriteDenied[];
}

const PATH_ROOTS: ReadonlySet<string> = new Set([PATH_STEPS, PATH_ORDER, PERSONAS, SITUATIONS]);

interface Touch {
  at: Resolution;
  reason: WriteDenied | null;
}

const idKey = (item: Y.Item): string => `${item.id.client}:${item.id.clock}`;
/** Changes to one target (a note's field, a note itself, a group…) stand or fall together. */
const targetKey = (p: Place): string =>
  `${p.root}\u0000${p.entryKey ?? idKey(p.entry)}\u0000${p.depth === 0 ? '' : p.field}`;

/**
 * Decides which parts of an incoming update its writer may apply (issue 6's rules), by
 * decoding the update against the server's document: O(update size), plus one pass over
 * the notes when the update adds a note to a lane. See docs/protocol.md for the rules.
 */
export function guardUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  writer: Writer,
  limits: GuardLimits,
): Verdict {
  const scan = scanUpdate(doc, update);
  // The board's rules are lib/board/note-rules.ts, the page's too; here they meet the structs.
  const access = boardAccess(writer);
  const mayEditPath = writer.role !== null && can(writer.role, 'path.edit');
  const notes = doc.getMap<unknown>(NOTES);

  // The fields a new note is created with, from this update (the last write of each wins).
  const newFields = new Map<Y.Item, Map<string, Y.Item>>();
  for (const { struct, at } of scan.structs) {
    if (typeof at === 'string' || at.root !== NOTES || !at.entryIsNew || at.depth !== 1) continue;
    const fields = newFields.get(at.entry) ?? new Map<string, Y.Item>();
    newFields.set(at.entry, fields);
    const before = fields.get(at.field ?? '');
    if (!before || before.id.clock < struct.id.clock) fields.set(at.field ?? '', struct as Y.Item);
  }

  const authorOf = (entry: Y.Item): unknown => mapOf(entry)?.get('authorId');
  const mayEditNote = (entry: Y.Item): boolean => ownsNote(writer, authorOf(entry));

  const newNoteVerdicts = new Map<Y.Item, WriteDenied | null>();
  const judgeNewNote = (p: Place): WriteDenied | null => {
    const known = newNoteVerdicts.get(p.entry);
    if (known !== undefined) return known;
    const fields = newFields.get(p.entry);
    const field = (name: string) => {
      const item = fields?.get(name);
      return item ? valueOf(item) : undefined;
    };
    let verdict: WriteDenied | null = null;
    const replaced = p.entryKey === null ? undefined : notes._map.get(p.entryKey);
    if (replaced && !replaced.deleted && !mayEditNote(replaced))
      verdict = WriteDenied.NOT_YOUR_NOTE;
    else if (p.entryKey === null || !mapOf(p.entry) || !isValidNewNote(field)) {
      verdict = WriteDenied.INVALID_NOTE;
    } else if (!signedByWriter(writer, field('authorId'))) {
      verdict = WriteDenied.NOT_YOUR_NOTE;
    }
    newNoteVerdicts.set(p.entry, verdict);
    return verdict;
  };

  // Notes this update deletes outright: everything deleted inside them goes with them.
  const deletedNotes = new Set<Y.Item>();
  for (const { at } of scan.deletions) {
    if (typeof at !== 'string' && at.root === NOTES && at.depth === 0) deletedNotes.add(at.entry);
  }

  /** `written`: the struct an insert writes; null for a deletion. */
  const judgeNote = (p: Place, written: Y.Item | null): WriteDenied | null => {
    if (p.entryIsNew) return judgeNewNote(p);
    const whole = p.depth === 0 || (!written && deletedNotes.has(p.entry));
    const may = whole
      ? mayEditNote(p.entry)
      : mayChangeNoteField(writer, authorOf(p.entry), p.field);
    return may ? null : WriteDenied.NOT_YOUR_NOTE;
  };

  const judge = (at: Resolution, written: Y.Item | null): WriteDenied | null => {
    if (at === 'known') return null;
    if (at === 'gap') return WriteDenied.OUT_OF_SYNC;
    if (access === 'read-only') return WriteDenied.READ_ONLY;
    if (at === 'missing') return WriteDenied.OUT_OF_SYNC;
    if (at === 'dead') return null;
    if (access === 'locked') return WriteDenied.BOARD_LOCKED;
    if (PATH_ROOTS.has(at.root) && !mayEditPath) return WriteDenied.PATH_FACILITATORS_ONLY;
    // A new note lacking what every note needs is refused as a whole, for that reason.
    const broken = at.root === NOTES && at.entryIsNew ? judgeNewNote(at) : null;
    if (broken) return broken;
    const misfit = written ? judgeShape(at, written) : null;
    if (misfit) return misfit;
    if (at.root === NOTES) return judgeNote(at, written);
    return null;
  };

  const structs: Touch[] = scan.structs.map(({ at, struct }) => ({
    at,
    reason: judge(at, struct as Y.Item),
  }));
  const deletions: Touch[] = scan.deletions.map(({ at }) => ({ at, reason: judge(at, null) }));

  // Refusals spread to every change of the same target (a note's field, a new note).
  const refused = new Map<string, WriteDenied>();
  const refuse = (p: Place, reason: WriteDenied) => {
    const key = p.entryIsNew ? idKey(p.entry) : targetKey(p);
    if (!refused.has(key)) refused.set(key, reason);
  };
  for (const t of [...structs, ...deletions]) {
    if (t.reason && typeof t.at !== 'string') refuse(t.at, t.reason);
  }

  const keyOf = (p: Place) => (p.entryIsNew ? idKey(p.entry) : targetKey(p));
  const standing = (t: Touch): t is Touch & { at: Place } =>
    t.reason === null && typeof t.at !== 'string' && !refused.has(keyOf(t.at));
  checkTextLengths(
    inserted(structs, scan.structs, standing),
    scan.deletions.flatMap((d, i) => (standing(deletions[i]!) ? [{ at: d.at as Place, d }] : [])),
    refuse,
  );

  const inserts = inserted(structs, scan.structs, standing);
  const bytes = inserts.reduce((sum, { struct }) => sum + structBytes(struct), 0);
  if (inserts.length > 0 && limits.docBytes + update.byteLength > limits.docMaxBytes) {
    for (const t of inserts) refuse(t.at, WriteDenied.BOARD_FULL);
  } else if (bytes > 0 && limits.shareBytes + bytes > limits.shareMaxBytes) {
    for (const t of inserts) refuse(t.at, WriteDenied.SHARE_FULL);
  } else {
    const steps = doc.getMap<unknown>(PATH_STEPS);
    const isStep = (id: unknown) => typeof id === 'string' && steps.has(id);
    checkLanes(notes, inserts, newFields, limits.notesPerLane, refuse, isStep);
  }

  for (const t of [...structs, ...deletions]) {
    if (t.reason || typeof t.at === 'string') continue;
    t.reason = refused.get(keyOf(t.at)) ?? null;
  }
  return build(update, scan, structs, deletions);
}

/** The inserts still standing, with their structs. */
function inserted(
  touches: Touch[],
  scanned: ReturnType<typeof scanUpdate>['structs'],
  standing: (t: Touch) => t is Touch & { at: Place },
): Insert[] {
  const out: Insert[] = [];
  touches.forEach((t, i) => {
    if (standing(t)) out.push({ at: t.at, struct: scanned[i]!.struct as Y.Item });
  });
  return out;
}

function build(
  update: Uint8Array,
  scan: ReturnType<typeof scanUpdate>,
  structs: Touch[],
  deletions: Touch[],
): Verdict {
  const denied: WriteDenied[] = [];
  const deny = (r: WriteDenied | null) => {
    if (r && !denied.includes(r)) denied.push(r);
  };
  let changed = false;
  const keptStructs: KeptStruct[] = [];
  scan.structs.forEach(({ struct }, i) => {
    const { at, reason } = structs[i]!;
    deny(reason);
    if (at === 'known') return;
    if (at === 'gap') return void (changed = true);
    if (reason) changed = true;
    keptStructs.push({ struct: struct as Y.Item | Y.GC, asGarbage: reason !== null });
  });
  const keptDeletions: KeptDeletion[] = [];
  scan.deletions.forEach(({ client, clock, len }, i) => {
    const { at, reason } = deletions[i]!;
    deny(reason);
    if (reason || at === 'missing') changed = true;
    else keptDeletions.push({ client, clock, len });
  });
  if (!changed) return { update, denied };
  if (keptStructs.length === 0 && keptDeletions.length === 0) return { update: null, denied };
  return { update: encodeUpdate(keptStructs, keptDeletions), denied };
}
