/** Bursts of activity for the crash test, with a record of what the server acknowledged. */
import * as Y from 'yjs';
import { notesMap } from '../../lib/board/board-doc';
import type { ControlState } from '../../lib/domain/workshop';
import { type BoardClient, writeNote } from './board';
import type { TestClient } from './server';

/**
 * Pauses between one person's commands and edits: busy, but within the per-connection
 * rate limits (30 events/s, 60 Yjs messages/s) that a real person never reaches either.
 */
const COMMAND_PAUSE_MS = 40;
const EDIT_PAUSE_MS = 25;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One command of a burst and what became of it. */
export interface Sent<T> {
  key: string;
  value: T;
  /** `lost`: no answer before the connection died; the server may or may not have it. */
  outcome: 'pending' | 'acked' | 'refused' | 'lost';
}

/** Every command a burst sent, in order. */
export class SentLog<T> {
  readonly sent: Array<Sent<T>> = [];

  get acked(): number {
    return this.sent.filter((s) => s.outcome === 'acked').length;
  }

  count(outcome: Sent<T>['outcome']): number {
    return this.sent.filter((s) => s.outcome === outcome).length;
  }

  keys(): string[] {
    return [...new Set(this.sent.map((s) => s.key))];
  }

  /**
   * What the server may hold for `key` after a crash: the last acknowledged value (none if
   * nothing was), or a value sent after it that was still in flight. Refused ones changed nothing.
   */
  allowed(key: string): Array<T | undefined> {
    const mine = this.sent.filter((s) => s.key === key);
    const lastAcked = mine.findLastIndex((s) => s.outcome === 'acked');
    const base = lastAcked < 0 ? undefined : mine[lastAcked]?.value;
    const inFlight = mine.slice(lastAcked + 1).filter((s) => s.outcome === 'lost');
    return [base, ...inFlight.map((s) => s.value)];
  }
}

/**
 * Sends `next(i)` one after the other, each once the last was answered, while `running()`.
 */
export async function keepSending<T>(
  client: TestClient,
  event: string,
  next: (i: number) => { key: string; value: T },
  log: SentLog<T>,
  running: () => boolean,
): Promise<void> {
  for (let i = 0; running(); i++) {
    const entry: Sent<T> = { ...next(i), outcome: 'pending' };
    log.sent.push(entry);
    try {
      const ack = await client.request(event, entry.value);
      entry.outcome = ack.ok ? 'acked' : 'refused';
    } catch {
      // "socket has been disconnected" (or a timeout): the answer never came.
      entry.outcome = 'lost';
    }
    await pause(COMMAND_PAUSE_MS);
  }
}

/** The facilitator's control state as acknowledged, and a command that may be in flight. */
export class ControlLog<T> {
  acked: ControlState | null = null;
  lost: T | null = null;
}

/**
 * Sends facilitator commands one after the other. The server broadcasts the new state
 * before it acknowledges, so at each acknowledgement the client's state is the one stored.
 */
export async function keepSteering<T>(
  fac: TestClient,
  event: string,
  next: (i: number) => T,
  log: ControlLog<T>,
  running: () => boolean,
): Promise<void> {
  for (let i = 0; running(); i++) {
    const payload = next(i);
    // null: the answer never came.
    const ack = await fac.request(event, payload).catch(() => null);
    if (ack && !ack.ok) throw new Error(`${event} refused: ${ack.error.code}`);
    if (ack) {
      // Commands run in order: an answer settles every earlier one too.
      log.acked = fac.state?.control ?? null;
      log.lost = null;
    } else {
      log.lost = payload;
    }
    await pause(COMMAND_PAUSE_MS);
  }
}

/**
 * Writes on the board while `running()`: a new note every fourth edit, else typing on at
 * the end of the writer's latest note. Resolves when stopped.
 */
export async function keepWriting(
  board: BoardClient,
  who: { name: string; participantId: string },
  stepId: string,
  running: () => boolean,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; running(); i++) {
    const last = ids.at(-1);
    if (i % 4 === 0 || last === undefined) {
      const id = `${who.name}-${i}`;
      writeNote(board.doc, id, `${who.name} ${i}`, who.participantId, { stepId });
      ids.push(id);
    } else {
      const text = notesMap(board.doc).get(last)?.get('text');
      if (text instanceof Y.Text) text.insert(text.length, ` ${i}`);
    }
    await pause(EDIT_PAUSE_MS);
  }
  return ids;
}

/** Does `outer` hold everything in the update `inner` (no clock and no deletion missing)? */
export function holdsAll(outer: Y.Doc, inner: Uint8Array): boolean {
  // Every client's clock in `inner` is reached in `outer` (nothing held back as pending)…
  const have = Y.decodeStateVector(Y.encodeStateVector(outer));
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVectorFromUpdate(inner))) {
    if ((have.get(client) ?? 0) < clock) return false;
  }
  const merged = new Y.Doc();
  Y.applyUpdate(merged, Y.encodeStateAsUpdate(outer));
  const before = Y.snapshot(merged);
  Y.applyUpdate(merged, inner);
  // …and applying `inner` changes neither the clocks nor the delete set.
  return Y.equalSnapshots(before, Y.snapshot(merged));
}
