/**
 * Who may talk to the devices: a caller with the token, from a page on the allow-list, through
 * a Host header naming the loopback address (so DNS rebinding cannot smuggle a page in).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Constant-time comparison; hashing first makes the lengths equal. */
export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string' || given.length === 0) return false;
  return timingSafeEqual(digest(expected), digest(given));
}

/** The token from `?token=` (browsers cannot set WebSocket headers) or `Authorization: Bearer`. */
export function requestToken(url: URL, headers: IncomingHttpHeaders): string | null {
  const query = url.searchParams.get('token');
  if (query) return query;
  const match = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
  return match?.[1] ?? null;
}

/** The origins the agent's own pages have. */
export function ownOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/**
 * Browsers always send Origin on WebSocket and cross-site requests; a request without one is
 * not from a web page, so only the token guards it.
 */
export function originAllowed(origin: string | undefined, allowed: ReadonlySet<string>): boolean {
  return origin === undefined || allowed.has(origin);
}

export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}
