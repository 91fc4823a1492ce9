/**
 * Workshop isolation on the Yjs endpoint: A's tokens reach nothing of B's document, and
 * nothing of B reaches A's. The workshops and the checks are tests/helpers/isolation.ts;
 * the other channels are tried in access-isolation.test.ts and access-isolation-http.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { readNotes } from '../lib/board/board-doc';
import { readPath } from '../lib/board/path-doc';
import { CloseCode } from '../lib/protocol/codes';
import { YJS_PATH_PREFIX } from '../lib/protocol/events';
import type { AppServer } from '../server/app-server';
import { B_NOTE_ID, type Isolation, isolatedWorkshops, type Side } from './helpers/isolation';

let iso: Isolation;
let server: AppServer;
let A: Side;
let B: Side;
let aSpy: Isolation['aSpy'];
let leaks: Isolation['leaks'];
let leaksInBytes: Isolation['leaksInBytes'];
let changesNothing: Isolation['changesNothing'];
beforeAll(async () => {
  iso = await isolatedWorkshops();
  ({ server, A, B, aSpy, leaks, leaksInBytes, changesNothing } = iso);
}, 60_000);
afterAll(() => iso?.close());

describe('Yjs', () => {
  /** A sync step 1 and a query for presence: what a client sends first. */
  function hello(): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    syncProtocol.writeSyncStep1(e, new Y.Doc());
    return encoding.toUint8Array(e);
  }

  it('closes A’s tokens on B’s document with 4403 before sending a single byte', async () => {
    const id = B.workshop.id;
    const a = A.workshop.id;
    const q = (t: string) => `token=${encodeURIComponent(t)}`;
    const paths = (t: string) => [
      `${YJS_PATH_PREFIX}/${id}?${q(t)}`,
      `${YJS_PATH_PREFIX}/${id}?${q(t)}&workshopId=${a}&w=${a}`,
      `${YJS_PATH_PREFIX}/${a}/../${id}?${q(t)}`,
      `${YJS_PATH_PREFIX}/${a}%2F..%2F${id}?${q(t)}`,
      `${YJS_PATH_PREFIX}/${id}/?${q(t)}`,
      `${YJS_PATH_PREFIX}/${id}%00?${q(t)}`,
      `${YJS_PATH_PREFIX}/${encodeURIComponent(id)}?${q(t)}&${q(B.fac.token.slice(0, 20))}`,
    ];
    await changesNothing(async () => {
      for (const p of A.everyone) {
        for (const url of paths(p.token)) {
          const ws = new WebSocket(server.url.replace('http', 'ws') + url);
          const received: Buffer[] = [];
          ws.on('error', () => undefined);
          ws.on('message', (data: Buffer) => received.push(Buffer.from(data)));
          ws.on('open', () => ws.send(hello()));
          const closed = await new Promise<number>((resolve) =>
            ws.once('close', (code) => resolve(code)),
          );
          expect(closed, `${p.name} ${url}`).toBe(CloseCode.FORBIDDEN);
          expect(received, `${p.name} ${url}`).toEqual([]);
        }
      }
    });
  });

  it('leaves a y-websocket client of A on B’s room with an empty document', async () => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(
      server.url.replace('http', 'ws') + YJS_PATH_PREFIX,
      B.workshop.id,
      doc,
      { WebSocketPolyfill: WebSocket as never, disableBc: true, params: { token: A.fac.token } },
    );
    try {
      const code = await new Promise<number>((resolve) =>
        provider.on('closed', (event) => resolve(event.code)),
      );
      expect(code).toBe(CloseCode.FORBIDDEN);
      expect(readNotes(doc)).toEqual([]);
      expect(readPath(doc)).toEqual([]);
      expect(leaks(JSON.stringify(doc.toJSON()))).toEqual([]);
    } finally {
      provider.destroy();
    }
  });

  it('relays nothing of B to A’s document: every byte A’s client got is free of B', () => {
    expect(aSpy.received.length).toBeGreaterThan(0);
    expect(leaksInBytes(aSpy.received)).toEqual([]);
    expect(readNotes(aSpy.doc).map((n) => n.id)).not.toContain(B_NOTE_ID);
  });
});
