import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { Latency } from './latency';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
const MESSAGE_QUERY_AWARENESS = 3;

/**
 * A Yjs client that speaks y-websocket 3.1's wire protocol as the browser's
 * WebsocketProvider does (sync step 1 on open, its presence right after, answers to sync
 * step 1, every awareness change it sees sent on to the server: the stock provider echoes
 * others' presence too, and the 15 s presence renewal comes from y-protocols' Awareness),
 * but it never applies the document updates it receives. Two thousand full providers
 * would each apply every update of their room to their own Y.Doc: load-generator CPU
 * that competes with the server for two cores without changing what the server does.
 * Its own edits come from a Y.Doc holding only its own notes, which the server accepts
 * because they build on nothing but the writer's own structs.
 */
export class RawYjsClient {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private ws: WebSocket | null = null;
  synced = false;
  /** Why the connection ended, if it did (close code), and permission refusals seen. */
  closeCode: number | null = null;
  denied = 0;
  /** Messages received and sent, for the messages-per-second figures. */
  received = 0;
  sent = 0;

  constructor(
    private readonly url: string,
    private readonly latency: Latency,
    /** Echo others' presence as y-websocket 3.1 does (false: only our own changes). */
    private readonly echo = true,
    /** The local address to connect from (a room's own, see MemberSpec.address). */
    private readonly localAddress?: string,
  ) {
    this.doc.on('update', (update: Uint8Array) => {
      // Our own edit: note when it left, so receivers in this process can time it.
      const { to } = Y.parseUpdateMeta(update);
      const end = to.get(this.doc.clientID);
      if (end !== undefined) this.latency.sent(`y:${this.doc.clientID}:${end}`);
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      this.send(encoding.toUint8Array(encoder));
    });
    // A presence change of ours (not the bare 15 s renewal, which is no one's action).
    this.awareness.on('change', (_changes: unknown, origin: unknown) => {
      if (origin !== 'local') return;
      const clock = this.awareness.meta.get(this.doc.clientID)?.clock;
      this.latency.sent(`a:${this.doc.clientID}:${clock}`);
    });
    this.awareness.on(
      'update',
      ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
        const changed = [...added!, ...updated!, ...removed!];
        if (origin !== 'local' && !this.echo) return;
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
        encoding.writeVarUint8Array(
          encoder,
          awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
        );
        this.send(encoding.toUint8Array(encoder));
      },
    );
  }

  /** Connects; resolves once the server's sync step 2 has arrived (the provider's "synced"). */
  connect(timeoutMs = 30_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(this.url, { localAddress: this.localAddress });
      this.ws = ws;
      ws.binaryType = 'nodebuffer';
      const timer = setTimeout(
        () => reject(new Error(`yjs sync timed out: ${this.url}`)),
        timeoutMs,
      );
      ws.on('open', () => {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        syncProtocol.writeSyncStep1(encoder, this.doc);
        this.send(encoding.toUint8Array(encoder));
        if (this.awareness.getLocalState() !== null) {
          const e = encoding.createEncoder();
          encoding.writeVarUint(e, MESSAGE_AWARENESS);
          const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [
            this.doc.clientID,
          ]);
          encoding.writeVarUint8Array(e, update);
          this.send(encoding.toUint8Array(e));
        }
      });
      ws.on('message', (data: Buffer) => {
        this.received++;
        const wasSynced = this.synced;
        this.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
        if (!wasSynced && this.synced) {
          clearTimeout(timer);
          resolve();
        }
      });
      ws.on('error', () => undefined); // 'close' follows with the code
      ws.on('close', (code) => {
        this.closeCode = code;
        clearTimeout(timer);
        reject(new Error(`yjs connection closed with ${code} before sync`));
      });
    });
  }

  private receive(data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const syncType = decoding.readVarUint(decoder);
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        // Answer with what we have that the server lacks (nothing, unless we reconnect).
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        syncProtocol.readSyncStep1(decoder, encoder, this.doc);
        this.send(encoding.toUint8Array(encoder));
      } else if (syncType === syncProtocol.messageYjsSyncStep2) {
        this.synced = true;
      } else {
        const { to } = Y.parseUpdateMeta(decoding.readVarUint8Array(decoder));
        for (const [client, clock] of to) {
          if (client !== this.doc.clientID) this.latency.arrived(`y:${client}:${clock}`);
        }
      }
    } else if (type === MESSAGE_AWARENESS) {
      const update = decoding.readVarUint8Array(decoder);
      this.timePresence(update);
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, this);
    } else if (type === MESSAGE_QUERY_AWARENESS) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
      const all = [...this.awareness.getStates().keys()];
      encoding.writeVarUint8Array(
        encoder,
        awarenessProtocol.encodeAwarenessUpdate(this.awareness, all),
      );
      this.send(encoding.toUint8Array(encoder));
    } else if (type === MESSAGE_AUTH) {
      this.denied++;
    }
  }

  /** Times the presence changes in an awareness update that are news to this client. */
  private timePresence(update: Uint8Array): void {
    const decoder = decoding.createDecoder(update);
    for (let n = decoding.readVarUint(decoder); n > 0; n--) {
      const client = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      decoding.readVarString(decoder);
      const known = this.awareness.meta.get(client)?.clock ?? -1;
      if (client !== this.doc.clientID && clock > known) {
        this.latency.arrived(`a:${client}:${clock}`);
      }
    }
  }

  send(message: Uint8Array): void {
    if (this.ws?.readyState !== WebSocket.OPEN) return;
    this.sent++;
    this.ws.send(message);
  }

  get open(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  close(): void {
    this.ws?.removeAllListeners('close');
    this.ws?.on('close', () => undefined);
    this.ws?.close();
    this.awareness.destroy();
    this.doc.destroy();
  }
}
