import type http from 'node:http';
import os from 'node:os';
import { ErrorCode } from '../lib/protocol/codes';
import { formatHost, type HostName, hostAllowed, parseHost } from '../lib/protocol/http-request';
import { HttpError } from './http-util';

export interface LinkBaseOptions {
  /** Links start with this, whatever the request says (PUBLIC_URL). */
  publicUrl?: string;
  /** Hosts a link may name without `publicUrl` (ALLOWED_HOSTS); default `defaultAllowedHosts()`. */
  allowedHosts?: readonly string[];
  /** Read X-Forwarded-Host and X-Forwarded-Proto (TRUST_PROXY); never read otherwise. */
  trustProxy?: boolean;
}

/**
 * The names by which a person reaches a server started with `npm start` and no
 * configuration: loopback, this machine's own name, and the addresses of its interfaces
 * (a room on the same LAN), any port. Read at each use: addresses come and go (DHCP,
 * Wi-Fi), and links are made rarely.
 */
function defaultAllowedHosts(): string[] {
  const own = os.hostname().toLowerCase();
  const names = ['localhost', '127.0.0.1', '::1', own];
  if (!own.includes('.')) names.push(`${own}.local`);
  for (const addresses of Object.values(os.networkInterfaces())) {
    for (const a of addresses ?? []) names.push(a.address);
  }
  return names;
}

function parseList(entries: readonly string[]): HostName[] {
  return entries.map((entry) => {
    const host = parseHost(entry);
    if (!host) throw new Error(`ALLOWED_HOSTS: "${entry}" is not a host name or host:port`);
    return host;
  });
}

/** The first value of a header that a proxy may have sent as a comma-separated list. */
function firstValue(header: string | string[] | undefined): string | undefined {
  return (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim() || undefined;
}

/**
 * Where the join and facilitator links point (issue 21, item 11). With `publicUrl`, there.
 * Without it, at the host the request names, but only a host on the allow-list: a forged
 * Host (or, behind a trusted proxy, X-Forwarded-Host) is refused `400 HOST_NOT_ALLOWED`
 * rather than answered with a safe-looking fallback. There is no safe fallback to give:
 * any other host would be a link that works for nobody in the room, and the refusal names
 * the fix (set PUBLIC_URL, or add the host to ALLOWED_HOSTS). An honest page never meets
 * it, since it asks the host it was served from.
 */
export function createLinkBase(options: LinkBaseOptions): (req: http.IncomingMessage) => string {
  if (options.publicUrl) {
    const base = options.publicUrl.replace(/\/$/, '');
    return () => base;
  }
  // Parsed once and checked at start: a typo in ALLOWED_HOSTS stops the server, loudly.
  const configured = options.allowedHosts && parseList(options.allowedHosts);
  return (req) => {
    const forwarded = options.trustProxy ? firstValue(req.headers['x-forwarded-host']) : undefined;
    const host = parseHost(forwarded ?? req.headers.host ?? '');
    const allowed = configured ?? defaultAllowedHosts().flatMap((name) => parseHost(name) ?? []);
    if (!host || !hostAllowed(host, allowed)) {
      const message =
        'Links cannot be made for this host: set PUBLIC_URL, or add it to ALLOWED_HOSTS';
      throw new HttpError(400, ErrorCode.HOST_NOT_ALLOWED, message);
    }
    const proto = options.trustProxy ? firstValue(req.headers['x-forwarded-proto']) : undefined;
    const scheme = proto === 'https' ? 'https' : 'http';
    return `${scheme}://${formatHost(host)}`;
  };
}
