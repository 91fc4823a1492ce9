import type net from 'node:net';
import { addressKey } from '../../lib/domain/address-key';
import type { RateLimit } from '../../lib/domain/rate-bucket';
import { RateBook } from '../../lib/domain/rate-book';

/**
 * New TCP connections per address, counted as they are accepted (issue 21): whatever a
 * connection asks for, the node pays for accepting it, parsing its request, checking its
 * token and answering, so a client that reconnects the moment it is refused (a loop of
 * 1013 closes) could keep half a core busy on that alone (bench scenario 7: ~12,000
 * connections in 25 s, ~40 % of a core). Past its budget an address's connections are
 * dropped at once, before a byte is read: the cheapest answer there is.
 *
 * Off behind a trusted proxy, where every connection comes from the proxy's address: the
 * proxy limits there (deploy/README.md).
 */
export function limitAccepts(server: net.Server, limit: RateLimit): void {
  const book = new RateBook({ accepts: limit });
  server.on('connection', (socket: net.Socket) => {
    const address = socket.remoteAddress;
    if (address === undefined) return;
    if (!book.tryTake(addressKey(address), 'accepts', Date.now())) socket.destroy();
  });
}
