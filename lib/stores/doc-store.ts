import * as authProtocol from 'y-protocols/auth';
import { messageAuth as MESSAGE_AUTH, WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { create } from 'zustand';
import { CloseCode, FATAL_CLOSE_CODES } from '../protocol/codes';
import { YJS_PATH_PREFIX } from '../protocol/events';
import type { ConnectionStatus } from './session-store';

interface DocStore {
  doc: Y.Doc | null;
  provider: WebsocketProvider | null;
  status: ConnectionStatus;
  /** The close code that ended the connection for good (see CloseCode), if any. */
  closeCode: number | null;
  /** The server's last reason for refusing an edit (read-only, board-locked, …), if any. */
  denied: string | null;
  open(workshopId: string, token: string): void;
  close(): void;
}

function serverUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}${YJS_PATH_PREFIX}`;
}

/** The workshop's shared document (path, board) over our Yjs endpoint. */
export const useWorkshopDoc = create<DocStore>((set, get) => ({
  doc: null,
  provider: null,
  status: 'connecting',
  closeCode: null,
  denied: null,

  open(workshopId, token) {
    get().close();
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(serverUrl(), workshopId, doc, {
      params: { token },
      // Only our final codes stop the retries; 4100 (rights changed) and 45xx reconnect.
      shouldReconnect: (event) =>
        !FATAL_CLOSE_CODES.has(event.code) && event.code !== CloseCode.PROTOCOL_ERROR,
    });
    // The server says why it dropped an edit through y-protocols' auth message.
    provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) => {
      authProtocol.readAuthMessage(decoder, doc, (_doc, reason) => set({ denied: reason }));
    };
    provider.on('status', ({ status }) => {
      if (status === 'connected') return; // "synced" comes with the first sync
      set({ status: status === 'connecting' ? 'connecting' : 'offline' });
    });
    provider.on('sync', (synced: boolean) => {
      if (synced) set({ status: 'synced', closeCode: null });
    });
    provider.on('connection-close', (event) => {
      if (event && (FATAL_CLOSE_CODES.has(event.code) || event.code === CloseCode.PROTOCOL_ERROR)) {
        set({ status: 'error', closeCode: event.code });
      }
    });
    set({ doc, provider, status: 'connecting', closeCode: null, denied: null });
  },

  close() {
    const { provider, doc } = get();
    provider?.destroy();
    doc?.destroy();
    set({ doc: null, provider: null, status: 'connecting', closeCode: null, denied: null });
  },
}));
