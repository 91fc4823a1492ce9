import * as Y from 'yjs';
import { NOTES } from '../../lib/board/board-doc';
import { WriteDenied } from '../../lib/protocol/codes';
import { mapOf, type Place, valueOf } from './yjs-update-scan';

/**
 * Where notes may land (yjs-guard.ts): on a step of the path (a note under a made-up step
 * would be shown nowhere, and nobody could find it to delete it), and at most
 * NOTES_PER_LANE_MAX notes per step and lane.
 */

const NOTE_CONTENT_FIELDS = ['lane', 'stepId'] as const;

export interface Insert {
  at: Place;
  struct: Y.Item;
}

/**
 * Refuses notes arriving (new, or moved) under a step the path does not have
 * (`invalid-note`), or in a lane of a step that already holds the maximum (`lane-full`).
 */
export function checkLanes(
  notes: Y.Map<unknown>,
  inserts: Insert[],
  newFields: Map<Y.Item, Map<string, Y.Item>>,
  max: number,
  refuse: (p: Place, reason: WriteDenied) => void,
  isStep: (stepId: unknown) => boolean,
): void {
  type Arrival = { place: Place; stepId?: unknown; lane?: unknown };
  const arrivals: Arrival[] = [];
  const moves = new Map<Y.Item, Arrival & { lastClock: Map<string, number> }>();
  for (const { at, struct } of inserts) {
    if (at.root !== NOTES) continue;
    if (at.entryIsNew && at.depth === 0) {
      const fields = newFields.get(at.entry);
      const value = (name: string) => {
        const item = fields?.get(name);
        return item ? valueOf(item) : undefined;
      };
      arrivals.push({ place: at, stepId: value('stepId'), lane: value('lane') });
    } else if (!at.entryIsNew && at.depth === 1 && isContentField(at.field)) {
      // A move: a new lane or step on an existing note (the last write of each counts).
      const move = moves.get(at.entry) ?? { place: at, lastClock: new Map<string, number>() };
      moves.set(at.entry, move);
      if ((move.lastClock.get(at.field) ?? -1) > struct.id.clock) continue;
      move.lastClock.set(at.field, struct.id.clock);
      if (at.field === 'lane') move.lane = valueOf(struct);
      else move.stepId = valueOf(struct);
    }
  }
  if (arrivals.length === 0 && moves.size === 0) return;

  const count = new Map<string, number>();
  const laneKey = (stepId: unknown, lane: unknown) => `${String(stepId)}\u0000${String(lane)}`;
  notes.forEach((value) => {
    if (!(value instanceof Y.Map)) return;
    const key = laneKey(value.get('stepId'), value.get('lane'));
    count.set(key, (count.get(key) ?? 0) + 1);
  });
  const arrive = (key: string): boolean => {
    const n = count.get(key) ?? 0;
    if (n >= max) return false;
    count.set(key, n + 1);
    return true;
  };
  for (const { place, stepId, lane } of arrivals) {
    if (!isStep(stepId)) refuse(place, WriteDenied.INVALID_NOTE);
    else if (!arrive(laneKey(stepId, lane))) refuse(place, WriteDenied.LANE_FULL);
  }
  for (const [entry, move] of moves) {
    const map = mapOf(entry);
    if (!map) continue;
    const from = laneKey(map.get('stepId'), map.get('lane'));
    const to = laneKey(move.stepId ?? map.get('stepId'), move.lane ?? map.get('lane'));
    if (from === to) continue;
    if (move.stepId !== undefined && !isStep(move.stepId)) {
      for (const field of NOTE_CONTENT_FIELDS) {
        refuse({ ...move.place, field }, WriteDenied.INVALID_NOTE);
      }
    } else if (arrive(to)) count.set(from, (count.get(from) ?? 1) - 1);
    else
      for (const field of NOTE_CONTENT_FIELDS)
        refuse({ ...move.place, field }, WriteDenied.LANE_FULL);
  }
}

function isContentField(field: string | null): field is (typeof NOTE_CONTENT_FIELDS)[number] {
  return (NOTE_CONTENT_FIELDS as readonly (string | null)[]).includes(field);
}
