import { describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { sendOwnPresenceOnly } from './doc-store';

describe('sendOwnPresenceOnly', () => {
  it("sends this client's own presence, and not others' back to the server", () => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider('ws://localhost:1', 'room', doc, {
      connect: false,
      WebSocketPolyfill: WebSocket as never,
    });
    const sent = vi.fn();
    // Stands in for the stock handler (which would put the message on the socket).
    provider.awareness.off('update', provider._awarenessUpdateHandler);
    provider._awarenessUpdateHandler = sent;
    sendOwnPresenceOnly(provider, doc.clientID);

    // Someone else's presence arrives from the server: the stock provider would echo it.
    const other = new awarenessProtocol.Awareness(new Y.Doc());
    other.setLocalStateField('presence', { stepId: 'a' });
    const update = awarenessProtocol.encodeAwarenessUpdate(other, [other.clientID]);
    awarenessProtocol.applyAwarenessUpdate(provider.awareness, update, provider);
    expect(sent).not.toHaveBeenCalled();

    provider.awareness.setLocalStateField('presence', { stepId: 'b' });
    expect(sent).toHaveBeenCalledTimes(1);
    expect(sent.mock.calls[0]?.[0]).toEqual({ added: [], updated: [doc.clientID], removed: [] });

    provider.destroy();
    other.destroy();
  });
});
