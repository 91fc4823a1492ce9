import { initialControl } from '../../lib/domain/commands';
/** Records and Yjs helpers for the storage contract suite; plain data, no storage. */
import crypto from 'node:crypto';
import * as Y from 'yjs';
import { PHASES } from '../../lib/domain/phases';
import type { Participant } from '../../lib/domain/workshop';
import type { ActionRecord, RatingRecord, WorkshopRecord } from '../../server/storage/storage';

/** Unique per call, so the suite can run against a shared database too. */
export function uid(prefix: string): string {
  return `${prefix}-${crypto.randomBytes(6).toString('hex')}`;
}

/** A workshop beginning its own series unless `overrides` says otherwise. */
export function workshopRecord(overrides: Partial<WorkshopRecord> = {}): WorkshopRecord {
  const id = overrides.id ?? uid('w');
  return {
    id,
    seriesId: id,
    title: 'Tilauksesta laskuun — “kenkä” 👢',
    templateId: 'b2b-order-to-invoice',
    locale: 'fi',
    joinCode: crypto.randomBytes(8).toString('hex').toUpperCase(),
    facilitatorKeyHash: 'ab'.repeat(32),
    createdAt: 1_700_000_000_000,
    control: initialControl(PHASES),
    ...overrides,
  };
}

export function participant(workshopId: string, name: string, joinedAt: number): Participant {
  return {
    id: uid('p'),
    workshopId,
    name,
    role: 'customer',
    lens: 'customer',
    personaId: null,
    cardId: null,
    joinedAt,
    removedAt: null,
  };
}

export function rating(workshopId: string, overrides: Partial<RatingRecord> = {}): RatingRecord {
  return {
    workshopId,
    participantId: 'p1',
    stepId: 'request-quote',
    round: 1,
    valence: -2,
    emotion: 'frustrated',
    expectation: 'worse',
    effort: null,
    note: null,
    role: 'customer',
    lens: 'customer',
    cardId: null,
    personaId: null,
    updatedAt: 1000,
    ...overrides,
  };
}

export function action(workshopId: string, overrides: Partial<ActionRecord> = {}): ActionRecord {
  return {
    id: uid('a'),
    workshopId,
    text: 'Lisää toimituspäivä vahvistukseen',
    owner: null,
    department: null,
    dueDate: null,
    stepId: null,
    ideaId: null,
    createdBy: null,
    createdAt: 1000,
    ...overrides,
  };
}

/** A document's content and version, comparable with toEqual. */
export function docContent(doc: Y.Doc): unknown {
  return {
    notes: doc.getMap('notes').toJSON(),
    order: doc.getArray('stepOrder').toJSON(),
    text: doc.getText('text').toString(),
    stateVector: Array.from(Y.encodeStateVector(doc)),
  };
}

export function docFromUpdates(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc;
}

/** Makes a few edits (including deletions) and returns each update as it happened. */
export function editSession(doc: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  doc.getMap('notes').set('n1', 'Laskun viite on väärä');
  doc.getMap('notes').set('n2', 'to be deleted');
  doc.getArray<string>('stepOrder').insert(0, ['a', 'b', 'c']);
  doc.getText('text').insert(0, 'Hyvä päivä — äöå ÄÖÅ 👢 日本語');
  doc.getMap('notes').delete('n2');
  doc.getArray('stepOrder').delete(1, 1);
  return updates;
}
