import net from 'node:net';
import type { Duplex } from 'node:stream';

/**
 * Holds a websocket's outgoing frames until the end of the current turn of the event
 * loop and then sends them with one system call (a corked socket flushes with writev).
 * A broadcast that reaches a socket several times in one turn (board updates, presence,
 * workshop states) then costs one write instead of one per frame: measured with
 * bench/, writes were the server's largest single cost under load. Nothing waits longer
 * than the turn it was sent in, and what is held is sent before the socket is destroyed
 * (a close frame followed at once by `terminate()` still arrives).
 */
export function coalesceWrites(socket: Duplex): void {
  if (!(socket instanceof net.Socket)) return;
  let held = false;
  const release = () => {
    if (!held) return;
    held = false;
    socket.uncork();
  };
  const write = socket.write;
  socket.write = function (this: net.Socket, ...args: unknown[]) {
    if (!held) {
      held = true;
      socket.cork();
      setImmediate(release);
    }
    return (write as (...a: unknown[]) => boolean).apply(this, args);
  } as typeof socket.write;
  const destroy = socket.destroy;
  socket.destroy = function (this: net.Socket, ...args: unknown[]) {
    release();
    return (destroy as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof socket.destroy;
}
