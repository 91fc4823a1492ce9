/**
 * What the server accepts at its HTTP door, as pure rules: the request target, the body's
 * media type, and the host names links may carry (docs/security.md, "Bad input").
 */

/** A request target that parsed: its path (still percent-encoded) and its query. */
export interface RequestTarget {
  /** The URL's path, normalised as WHATWG URL does; every escape in it decodes. */
  path: string;
  /** The query, decoded leniently as URLSearchParams does (a stray `%` stays as it is). */
  query: URLSearchParams;
}

/**
 * Parses a request's target (origin-form `/a?b`, absolute-form `http://h/a`, or `*`).
 * Null when it is not a URL (`//[`, `http://[::1`) or when its path holds an escape that
 * does not decode (`/%ZZ`, `/%E0%A4%A`): such a request is answered 400 before anything
 * routes it, so no route meets a path it cannot decode.
 */
export function parseRequestTarget(raw: string | undefined): RequestTarget | null {
  // A path, or an absolute URL; not `*` (OPTIONS's asterisk form, which Next cannot parse).
  if (raw !== undefined && raw !== '' && !raw.startsWith('/') && !/^https?:\/\//i.test(raw)) {
    return null;
  }
  let url: URL;
  try {
    url = new URL(raw || '/', 'http://localhost');
    decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  return { path: url.pathname, query: url.searchParams };
}

/**
 * One part of a parsed target's path, decoded. A part cut at `/` from a path that decoded
 * whole always decodes (an escape never spans a `/`); null otherwise, never a throw.
 */
export function decodePathPart(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/**
 * JSON bodies only, and only as `application/json` (optionally `; charset=utf-8`). An HTML
 * form can send nothing else without a CORS preflight (it sends `text/plain`,
 * `application/x-www-form-urlencoded` or `multipart/form-data`), so no other site can
 * make a visitor's browser create a workshop or join one.
 */
export function isJsonContentType(header: string | undefined): boolean {
  return /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i.test(header?.trim() ?? '');
}

/** A host as a Host header or an ALLOWED_HOSTS entry names it. */
export interface HostName {
  /** Lowercase, without IPv6 brackets or a trailing dot. */
  name: string;
  /** The port as written, or null when none was given. */
  port: string | null;
}

const BRACKETED = /^\[([0-9a-f:.]+)\](?::(\d{1,5}))?$/;
const PLAIN = /^([a-z0-9_-]+(?:\.[a-z0-9_-]+)*)\.?(?::(\d{1,5}))?$/;

/**
 * Parses `name`, `name:port`, `[v6]` or `[v6]:port` (a bare IPv6 address such as `::1`
 * is accepted too, as an ALLOWED_HOSTS entry may be written). Null for anything else:
 * a Host header that is not a host name cannot be put into a link.
 */
export function parseHost(value: string): HostName | null {
  const text = value.trim().toLowerCase();
  const bracketed = BRACKETED.exec(text);
  if (bracketed) return withPort(bracketed[1]!, bracketed[2]);
  if (/^[0-9a-f]*:[0-9a-f:.]*$/.test(text)) return { name: text, port: null };
  const plain = PLAIN.exec(text);
  return plain ? withPort(plain[1]!, plain[2]) : null;
}

/** A port is 1–65535: `host:99999` would make a link nobody can open. */
function withPort(name: string, port: string | undefined): HostName | null {
  if (port === undefined) return { name, port: null };
  const n = Number(port);
  return n >= 1 && n <= 65_535 ? { name, port } : null;
}

/** Is `host` on the list? An entry without a port allows any port. */
export function hostAllowed(host: HostName, allowed: readonly HostName[]): boolean {
  return allowed.some((a) => a.name === host.name && (a.port === null || a.port === host.port));
}

/** A parsed host as it is written in a URL (`[::1]:3000`, `example.org`). */
export function formatHost({ name, port }: HostName): string {
  const shown = name.includes(':') ? `[${name}]` : name;
  return port === null ? shown : `${shown}:${port}`;
}
