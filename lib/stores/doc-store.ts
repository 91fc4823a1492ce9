import * as authProtocol from 'y-protocols/auth';
import { messageAuth as MESSAGE_AUTH, WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { create } from 'zustand';
import { replayEdits, unsentEdits } from '../board/recover-edits';
import { YJS_RATE_LIMITED_RETRY_MS } from '../constants';
import { CloseCode, FATAL_CLOSE_CODES, WriteDenied } from '../protocol/codes';
import { YJS_PATH_PREFIX } from '../protocol/events';
import type { ConnectionStatus } from './session-store';

interface DocStore {
  doc: Y.Doc | null;
  provider: WebsocketProvider | null;
  status: ConnectionStatus;
  /**
   * The close code that ended the connection for good (see CloseCode), or RATE_LIMITED
   * while waiting to reconnect after it; null once synced again.
   */
  closeCode: number | null;
  /** The server's last reason for refusing an edit (read-only, board-locked, …), if any. */
  denied: string | null;
  /**
   * The server could not store (or load) the document: it closed with STORAGE_FAILED
   * (4500). The provider reconnects and sends the local edits again; this stays set until
   * a connection has stayed synced for STORAGE_SETTLE_MS.
   */
  storageFailed: boolean;
  /**
   * The server refused this page's Yjs client id (`not-your-client`: another participant
   * holds it). 'running': the page syncs a fresh copy under a new id; 'done': the edits the
   * server did not have were made again there (lib/board/recover-edits.ts).
   */
  recovery: 'running' | 'done' | null;
  open(workshopId: string, token: string): void;
  close(): void;
}

/** How long a connection must stay synced after a 4500 before the board counts as saved. */
const STORAGE_SETTLE_MS = 2_000;
/**
 * How long the board shows why the server refused an edit: it is shown in view wherever
 * the person has scrolled, so it must not stay for good; another refusal shows again.
 */
const DENIED_SHOWN_MS = 10_000;
let deniedTimer: ReturnType<typeof setTimeout> | undefined;

function serverUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}${YJS_PATH_PREFIX}`;
}

type AwarenessChanges = { added: number[]; updated: number[]; removed: number[] };

/**
 * y-websocket sends on every awareness change it applies, other people's too, so in a
 * room of n each presence change came back to the server n − 1 times: traffic that grows
 * with the square of the room, which our server only drops (it relays presence itself),
 * and which counted against each client's message rate. Measured with bench/ (a room
 * of 300, or 50 rooms of 40): most of the server's incoming messages. This client sends
 * only its own presence; the provider's `destroy` still unhooks the handler.
 */
export function sendOwnPresenceOnly(provider: WebsocketProvider, clientId: number): void {
  const stock = provider._awarenessUpdateHandler;
  const own = (ids: number[]) => ids.filter((id) => id === clientId);
  const mine = (changes: AwarenessChanges, origin: unknown) => {
    const filtered = {
      added: own(changes.added),
      updated: own(changes.updated),
      removed: own(changes.removed),
    };
    if (filtered.added.length + filtered.updated.length + filtered.removed.length > 0) {
      stock(filtered, origin);
    }
  };
  provider.awareness.off('update', stock);
  provider.awareness.on('update', mine);
  provider._awarenessUpdateHandler = mine;
}

/** The store's state with no document open (at first, and after `close`). */
const CLOSED = {
  doc: null,
  provider: null,
  status: 'connecting',
  closeCode: null,
  denied: null,
  storageFailed: false,
  recovery: null,
} as const satisfies Partial<DocStore>;

/** The fresh copy a recovery syncs, until it takes the place of the refused one. */
let recovering: Y.Doc | null = null;

/** The workshop's shared document (path, board) over our Yjs endpoint. */
export const useWorkshopDoc = create<DocStore>((set, get) => ({
  ...CLOSED,

  open(workshopId, token) {
    get().close();
    const doc = new Y.Doc();
    set({ ...CLOSED, doc, provider: connect(doc) });

    /**
     * Another participant holds this page's client id, so nothing it writes under it is
     * taken. Structs carry their id, so they cannot be sent again under another: sync a
     * fresh copy under a new id, make the edits the server lacks again there, and show it.
     * The page keeps showing (and taking edits into) the refused copy until then.
     */
    function recover(refused: WebsocketProvider): void {
      const { doc: old, provider } = get();
      if (provider !== refused || !old || recovering) return;
      const presence = refused.awareness.getLocalState();
      refused.destroy(); // nothing more under the refused id
      const fresh = new Y.Doc();
      recovering = fresh;
      const next = connect(fresh);
      if (presence) next.awareness.setLocalState(presence);
      set({ provider: next, recovery: 'running' });
      const synced = (isSynced: boolean) => {
        if (!isSynced) return;
        next.off('sync', synced);
        if (get().provider !== next) return;
        replayEdits(fresh, unsentEdits(old, fresh));
        recovering = null;
        set({ doc: fresh, recovery: 'done', denied: null });
        old.destroy();
      };
      next.on('sync', synced);
    }

    function connect(doc: Y.Doc): WebsocketProvider {
      const provider = new WebsocketProvider(serverUrl(), workshopId, doc, {
        params: { token },
        // Only our final codes stop the retries; 4100 (rights changed) and 45xx reconnect.
        // RATE_LIMITED stops them for a pause (the 'closed' handler below).
        shouldReconnect: (event) =>
          !FATAL_CLOSE_CODES.has(event.code) &&
          event.code !== CloseCode.PROTOCOL_ERROR &&
          event.code !== CloseCode.RATE_LIMITED,
      });
      sendOwnPresenceOnly(provider, doc.clientID);
      // The server says why it dropped an edit through y-protocols' auth message.
      provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) => {
        authProtocol.readAuthMessage(decoder, doc, (_doc, reason) => {
          if (get().provider !== provider) return;
          set({ denied: reason });
          clearTimeout(deniedTimer);
          deniedTimer = setTimeout(() => {
            if (get().denied === reason) set({ denied: null });
          }, DENIED_SHOWN_MS);
          if (reason === WriteDenied.NOT_YOUR_CLIENT) recover(provider);
        });
      };
      provider.on('status', ({ status }) => {
        if (status === 'connected') return; // "synced" comes with the first sync
        set({ status: status === 'connecting' ? 'connecting' : 'offline' });
      });
      provider.on('sync', (synced: boolean) => {
        if (synced) set({ status: 'synced', closeCode: null });
      });
      provider.on('connection-close', (event) => {
        if (
          event &&
          (FATAL_CLOSE_CODES.has(event.code) || event.code === CloseCode.PROTOCOL_ERROR)
        ) {
          set({ status: 'error', closeCode: event.code });
        }
        if (event?.code === CloseCode.RATE_LIMITED) set({ closeCode: event.code });
      });
      // Sent too fast: wait, then reconnect. Edits made meanwhile are kept and sent then.
      provider.on('closed', ({ code }) => {
        if (code !== CloseCode.RATE_LIMITED) return;
        setTimeout(() => {
          if (get().provider === provider) provider.connect();
        }, YJS_RATE_LIMITED_RETRY_MS);
      });
      // Closed for not reading what the server sent (a stalled link): reconnect, but after
      // y-websocket's longer back-off, not at once into another full sync.
      provider.on('connection-close', (event) => {
        if (event?.code === CloseCode.SLOW_READER) provider.wsUnsuccessfulReconnects = 3;
      });
      // Storage failed on the server: say so until a resync has stuck, and back off more
      // with each failure in a row (y-websocket resets its backoff on every sync).
      let storageFailures = 0;
      let settle: ReturnType<typeof setTimeout> | undefined;
      provider.on('connection-close', (event) => {
        if (event?.code !== CloseCode.STORAGE_FAILED) return;
        clearTimeout(settle);
        storageFailures++;
        provider.wsUnsuccessfulReconnects = storageFailures;
        set({ storageFailed: true });
      });
      provider.on('sync', (synced: boolean) => {
        if (!synced || !get().storageFailed) return;
        clearTimeout(settle);
        settle = setTimeout(() => {
          if (get().provider !== provider || !provider.synced) return;
          storageFailures = 0;
          set({ storageFailed: false });
        }, STORAGE_SETTLE_MS);
      });
      return provider;
    }
  },

  close() {
    const { provider, doc } = get();
    provider?.destroy();
    doc?.destroy();
    recovering?.destroy();
    recovering = null;
    set(CLOSED);
  },
}));
