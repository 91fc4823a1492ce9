import crypto from 'node:crypto';
import type http from 'node:http';

/**
 * The Content-Security-Policy every page runs under.
 *
 * Scripts: only those carrying this response's nonce, and what they load ('strict-dynamic').
 * Next's App Router streams inline bootstrap scripts, so a host allow-list alone cannot
 * work; Next reads the nonce from the request's CSP header and puts it on its own scripts.
 * Styles allow inline because server-rendered `style` attributes (chart widths, colours)
 * cannot carry a nonce; style injection cannot run code. Development adds 'unsafe-eval',
 * which React's dev build and hot reload need.
 */
function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? ` 'unsafe-eval'` : ''}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    // Same-origin websockets (Socket.io, Yjs) are covered by 'self'.
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}

/** Headers every response carries, pages and API alike. */
const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  // Workshop links carry ids; they must not leak to other sites through the Referer.
  'Referrer-Policy': 'no-referrer',
  // For browsers without CSP frame-ancestors.
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

function newNonce(): string {
  return crypto.randomBytes(16).toString('base64');
}

/**
 * Sets the security headers on a response and, for pages, a fresh CSP nonce on the
 * request too: Next renders its scripts with the nonce it finds in the request's
 * `content-security-policy` header. A client's own CSP request headers are replaced,
 * so nobody can choose the nonce.
 */
export function applySecurityHeaders(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  dev = false,
): void {
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) res.setHeader(name, value);
  const csp = contentSecurityPolicy(newNonce(), dev);
  delete req.headers['content-security-policy-report-only'];
  req.headers['content-security-policy'] = csp;
  res.setHeader('Content-Security-Policy', csp);
}
