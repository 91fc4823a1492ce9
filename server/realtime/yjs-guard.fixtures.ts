import * as Y from 'yjs';
import { addNote, type Lane, NOTES_PER_LANE_MAX, readNotes } from '../../lib/board/board-doc';
import { insertStep, type PathStep } from '../../lib/board/path-doc';
import type { Role } from '../../lib/domain/roles';
import { YJS_DOC_MAX_BYTES, YJS_SHARE_MAX_BYTES } from '../../lib/constants';
import { type GuardLimits, guardUpdate, type Verdict, type Writer } from './yjs-guard';

/** Fixtures for the guard's unit tests: a server document and clients editing copies of it. */

export const LIMITS: GuardLimits = {
  notesPerLane: NOTES_PER_LANE_MAX,
  docMaxBytes: YJS_DOC_MAX_BYTES,
  docBytes: 0,
  shareMaxBytes: YJS_SHARE_MAX_BYTES,
  shareBytes: 0,
};

export function writer(participantId: string, role: Role | null, boardLocked = false): Writer {
  return { participantId, role, boardLocked };
}

export function step(id: string): PathStep {
  return {
    id,
    title: id,
    description: '',
    stage: 'during',
    channel: 'web',
    department: 'Sales',
    critical: false,
    targetFeeling: 'calm',
    artefact: null,
  };
}

/** A server document with two steps, 'order' and 'invoice'. */
export function serverDoc(): Y.Doc {
  const doc = new Y.Doc();
  insertStep(doc, step('order'));
  insertStep(doc, step('invoice'));
  return doc;
}

export function note(
  doc: Y.Doc,
  id: string,
  authorId: string,
  text = `${id} text`,
  where: { stepId?: string; lane?: Lane } = {},
): void {
  addNote(doc, {
    id,
    stepId: where.stepId ?? 'order',
    lane: where.lane ?? 'pains',
    text,
    authorId,
    createdAt: 1,
  });
}

/** Sends an update through the guard and applies what it lets through. */
export function deliver(
  server: Y.Doc,
  update: Uint8Array,
  who: Writer,
  limits: GuardLimits = LIMITS,
): Verdict {
  const verdict = guardUpdate(server, update, who, limits);
  if (verdict.update) Y.applyUpdate(server, verdict.update);
  return verdict;
}

/** One client: a copy of the server's document that edits and sends like y-websocket does. */
export class Peer {
  readonly doc = new Y.Doc();

  constructor(
    readonly server: Y.Doc,
    public who: Writer,
  ) {
    this.pull();
  }

  /** Takes in what the server has that this client lacks. */
  pull(): void {
    Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(this.server, Y.encodeStateVector(this.doc)));
  }

  /** Makes a change locally and returns its update messages, merged into one. */
  change(fn: (doc: Y.Doc) => void): Uint8Array {
    const updates: Uint8Array[] = [];
    const listen = (u: Uint8Array) => updates.push(u);
    this.doc.on('update', listen);
    fn(this.doc);
    this.doc.off('update', listen);
    return Y.mergeUpdates(updates);
  }

  /** Changes locally and sends it at once, as an update message. */
  edit(fn: (doc: Y.Doc) => void, limits?: GuardLimits): Verdict {
    return deliver(this.server, this.change(fn), this.who, limits);
  }

  /** Sync step 2 on reconnect: all the server lacks, with this client's whole delete set. */
  sync(limits?: GuardLimits): Verdict {
    const update = Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(this.server));
    return deliver(this.server, update, this.who, limits);
  }
}

/** Note id → text, as the server holds them. */
export function texts(doc: Y.Doc): Record<string, string> {
  return Object.fromEntries(readNotes(doc).map((n) => [n.id, n.text]));
}

/** The whole document as JSON, for "nothing changed" checks. */
export function snapshot(doc: Y.Doc): unknown {
  return {
    steps: doc.getMap('steps').toJSON(),
    stepOrder: doc.getArray('stepOrder').toJSON(),
    personas: doc.getArray('personas').toJSON(),
    notes: doc.getMap('notes').toJSON(),
    groups: doc.getMap('groups').toJSON(),
  };
}
