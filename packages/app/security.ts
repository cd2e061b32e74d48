/**
 * What keeps other web sites and other local programs out of the local app (app/server.ts): the Host check
 * (DNS rebinding), the same-origin and content-type checks of every state-changing request (CSRF, including
 * from another port of 127.0.0.1, which SameSite cookies treat as the same site), the security headers of
 * every response, safe URL parsing, and the server-side session store (idle expiry, bounded size).
 * Salesforce has nothing to copy for a local app; this is what a careful local developer server does.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SalesforceError, hasBody, localHostName, mediaType } from '@partner-planning/localorg';

export const SESSION_COOKIE = 'pap_session';
/** Idle timeout of an app session: the org's default session timeout (2 hours). */
export const SESSION_IDLE_MILLIS = 2 * 60 * 60 * 1000;
/** App sessions kept in memory at most; the least recently used one goes first. */
export const MAX_SESSIONS = 1000;

/**
 * Sent on every response. The bundle needs neither eval nor inline scripts; LWC's synthetic shadow writes
 * each component's stylesheet as a <style> element, hence style-src 'unsafe-inline' (checked in Chromium:
 * without it every component style is blocked; with this policy the app renders with no violation).
 * Cross-Origin-Resource-Policy stops other sites from loading session.js (the user's name) as a script.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export function applySecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

/**
 * The host name of a request addressed to this server (127.0.0.1 or localhost, with its port or none).
 * Anything else is refused with 421 Misdirected Request, as the org does: a page on a rebound DNS name
 * reaches the server with its own name in Host, and must never get a cookie or the org's data.
 */
export function checkHost(req: IncomingMessage, port: number): string {
  const hostname = localHostName(req, port);
  if (hostname !== undefined) return hostname;
  throw new SalesforceError(
    421,
    'INVALID_HOST',
    `This local app answers only at http://127.0.0.1:${port} or http://localhost:${port}, ` +
      `not for the host "${(req.headers.host ?? '').slice(0, 100)}"`,
  );
}

/** GET and HEAD only read; every other method must prove it comes from the app's own pages. */
export const isStateChanging = (method: string): boolean => method !== 'GET' && method !== 'HEAD';

/**
 * A state-changing request must carry the app's own origin. Browsers send Origin on every cross-origin
 * request and on same-origin ones that are not GET or HEAD (checked in Chromium for the shell's fetch and
 * XHR POSTs), so a missing Origin is refused too (scripts and tools that call the app must send it). Salesforce refuses an origin outside its CORS allowlist with 403.
 */
export function checkOrigin(req: IncomingMessage, hostname: string, port: number): void {
  const expected = `http://${hostname}:${port}`;
  const allowed = port === 80 ? [expected, `http://${hostname}`] : [expected];
  const origin = req.headers.origin;
  if (origin !== undefined && allowed.includes(origin.toLowerCase())) return;
  throw new SalesforceError(
    403,
    'INVALID_ORIGIN',
    origin === undefined
      ? `A request that changes data needs the Origin header of this app (${expected})`
      : `A request that changes data must come from this app (${expected}), not from ${origin.slice(0, 100)}`,
  );
}

/**
 * A state-changing request must declare one of the allowed media types: a cross-site HTML form can only send
 * text/plain, multipart or form-urlencoded bodies. A DELETE without a body needs none. Salesforce answers a
 * body in a format the resource does not take with 415.
 */
export function checkContentType(req: IncomingMessage, allowed: readonly string[]): void {
  const { type } = mediaType(req.headers['content-type']);
  if (type === '' && req.method === 'DELETE' && !hasBody(req)) return;
  if (allowed.includes(type)) return;
  throw new SalesforceError(
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    `This request must be sent as ${allowed.join(' or ')}${type ? `, not ${type.slice(0, 100)}` : ''}`,
  );
}

/**
 * The request's URL, refusing what could confuse routing: a target that is not a path (absolute or
 * authority form) and a path with a malformed percent escape (400, never a URIError turned 500).
 */
export function requestUrl(req: IncomingMessage): URL {
  const target = req.url ?? '';
  const bad = (message: string): SalesforceError => new SalesforceError(400, 'MALFORMED_URL', message);
  if (!target.startsWith('/')) throw bad('The request target must be a path');
  let url: URL;
  try {
    // A fixed origin: `//other.host/x` stays a path here instead of naming another host.
    url = new URL(`http://app.invalid${target}`);
  } catch {
    throw bad('The URL is malformed');
  }
  try {
    decodeURIComponent(url.pathname);
  } catch {
    throw bad('The URL has a malformed percent escape (%)');
  }
  return url;
}

export function cookieOf(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return rest.join('=');
  }
  return undefined;
}

/** HttpOnly (no script reads it), SameSite=Strict (no cross-site request carries it), the whole app. */
export const sessionCookie = (id: string): string => `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Strict`;

export interface SessionStoreOptions {
  idleMillis: number;
  maxSessions: number;
  now: () => number;
}

/**
 * Sessions by random id, in least-recently-used order (a Map keeps insertion order; a use re-inserts):
 * one idle longer than idleMillis is gone, and past maxSessions the least recently used is evicted.
 */
export class SessionStore<T> {
  private readonly entries = new Map<string, { value: T; lastUsed: number }>();

  constructor(private readonly options: SessionStoreOptions) {}

  get size(): number {
    return this.entries.size;
  }

  /** The session's value, refreshing its idle time; undefined when unknown, evicted or expired. */
  get(id: string | undefined): T | undefined {
    if (id === undefined) return undefined;
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    this.entries.delete(id);
    const now = this.options.now();
    if (now - entry.lastUsed > this.options.idleMillis) return undefined;
    entry.lastUsed = now;
    this.entries.set(id, entry);
    return entry.value;
  }

  /** A new session; returns its id (24 random bytes). */
  create(value: T): string {
    const now = this.options.now();
    // Expired sessions are the least recently used: they sit at the front.
    for (const [id, entry] of this.entries) {
      if (now - entry.lastUsed <= this.options.idleMillis) break;
      this.entries.delete(id);
    }
    while (this.entries.size >= this.options.maxSessions) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    const id = randomBytes(24).toString('hex');
    this.entries.set(id, { value, lastUsed: now });
    return id;
  }

  delete(id: string | undefined): void {
    if (id !== undefined) this.entries.delete(id);
  }
}
