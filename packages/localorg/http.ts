/**
 * The local org's HTTP guards, applied before a request reaches the REST API: the Host it answers (DNS
 * rebinding), URI and header lengths, the media type of request bodies, and body sizes, with a budget of
 * body bytes held across all requests in flight. Every refusal is a Salesforce-shaped JSON error, and a
 * refused body is drained rather than reset, so the client reads the answer.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { SalesforceError } from './errors';

/** Salesforce's limit on one request body (the API's EXCEEDED_MAX_SIZE_REQUEST: "exceeded 50 MB"). */
export const MAX_BODY_BYTES = 50 * 1024 * 1024;
/** Body bytes held by all requests at once; beyond it a request is refused rather than buffered. */
export const BODY_BUDGET_BYTES = 200 * 1024 * 1024;
/** Salesforce answers 414 when the URI exceeds 16,384 bytes, 431 when URI and headers together do. */
export const MAX_URI_BYTES = 16_384;
/**
 * Node's own header limit (16 KB by default, answered with an empty 431) is raised above Salesforce's so
 * the checks here answer first; past this, the clientError handler answers the JSON 431.
 */
export const NODE_MAX_HEADER_BYTES = 64 * 1024;
/** How long a refused request's body may keep arriving (discarded) before the connection is closed. */
const DRAIN_TIMEOUT_MS = 30_000;

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

/**
 * The host name a request is addressed to when it is 127.0.0.1 or localhost, with the given port or none;
 * undefined for any other Host. A page on another site that rebinds its DNS name to 127.0.0.1 sends its own
 * name: the org and the local app both refuse it.
 */
export function localHostName(req: IncomingMessage, port: number): string | undefined {
  const match = /^([^:]+)(?::(\d+))?$/.exec((req.headers.host ?? '').toLowerCase());
  if (!match || !LOCAL_HOSTS.has(match[1])) return undefined;
  return match[2] === undefined || Number(match[2]) === port ? match[1] : undefined;
}

/**
 * Refuses a Host other than 127.0.0.1 or localhost (DNS rebinding). 421 Misdirected Request is HTTP's
 * answer for a request whose authority the server does not serve (400 would say it was malformed).
 */
export function checkHost(req: IncomingMessage, port: number): void {
  if (localHostName(req, port) !== undefined) return;
  throw new SalesforceError(
    421,
    'MISDIRECTED_REQUEST',
    `The local org only answers requests for 127.0.0.1 or localhost (port ${port}), not for Host '${(req.headers.host ?? '').slice(0, 100)}'.`,
  );
}

/** Salesforce's URI and header limits, with the messages of its status code table. */
export function checkLengths(req: IncomingMessage): void {
  const uriBytes = Buffer.byteLength(req.url ?? '');
  if (uriBytes > MAX_URI_BYTES) {
    throw new SalesforceError(414, 'URI_TOO_LONG', 'The length of the URI exceeds the 16,384 byte limit.');
  }
  const headerBytes = req.rawHeaders.reduce((sum, part) => sum + Buffer.byteLength(part), 0);
  if (uriBytes + headerBytes > MAX_URI_BYTES) throw headersTooLarge();
}

const headersTooLarge = (): SalesforceError =>
  new SalesforceError(
    431,
    'REQUEST_HEADER_FIELDS_TOO_LARGE',
    'The combined length of the URI and headers exceeds the 16,384 byte limit.',
  );

/** Whether the request carries a body (a declared length above zero, or a chunked one). */
export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  if (length !== undefined) return Number(length) > 0;
  return req.headers['transfer-encoding'] !== undefined;
}

/** The media type (lowercase, no parameters) and charset of a Content-Type header. */
export function mediaType(header: string | undefined): { type: string; charset?: string } {
  const [type, ...params] = (header ?? '').split(';');
  const charset = params.map((p) => /^\s*charset\s*=\s*"?([^";\s]+)"?\s*$/i.exec(p)?.[1]).find((c) => c !== undefined);
  return { type: type.trim().toLowerCase(), charset: charset?.toLowerCase() };
}

/** The media types a path's body may have: the OAuth forms, Bulk's CSV upload, JSON everywhere else. */
function acceptedTypes(path: string, method: string): string[] | undefined {
  if (/^services\/oauth2\/(token|revoke)$/.test(path)) return ['application/x-www-form-urlencoded'];
  if (!/^services\/data\//.test(path)) return undefined;
  // Bulk API 2.0's batches upload is CSV (jsforce's bulk2 and the sf CLI send text/csv).
  if (method === 'PUT' && /^services\/data\/[^/]+\/jobs\/ingest\/[^/]+\/batches$/i.test(path)) return ['text/csv'];
  // The REST Metadata API's deploy: a multipart body carrying the zip (or JSON for a quick deploy).
  if (method === 'POST' && /^services\/data\/[^/]+\/metadata\/deployRequest$/i.test(path)) {
    return ['multipart/form-data', 'application/json'];
  }
  return ['application/json'];
}

/**
 * Refuses a body whose media type the resource does not read, as Salesforce does (415
 * UNSUPPORTED_MEDIA_TYPE, "MediaType of '…' is not supported by this resource"). A JSON resource needs
 * application/json: a cross-site form cannot send that without a CORS preflight, which the org never grants.
 * Returns whether the body is JSON (decoded strictly as UTF-8).
 */
export function checkContentType(req: IncomingMessage, path: string): { json: boolean; binary?: boolean } {
  const { type, charset } = mediaType(req.headers['content-type']);
  if (!hasBody(req)) return { json: type === 'application/json' };
  const accepted = acceptedTypes(path, req.method ?? 'GET');
  if (!accepted) return { json: false };
  // JSON is UTF-8 (RFC 8259); another declared charset would be read wrongly.
  const charsetOk = charset === undefined || charset === 'utf-8' || charset === 'utf8';
  if (!accepted.includes(type) || (type === 'application/json' && !charsetOk)) {
    const shown = String(req.headers['content-type'] ?? '');
    throw new SalesforceError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      `MediaType of '${shown}' is not supported by this resource`,
    );
  }
  return { json: type === 'application/json', binary: type === 'multipart/form-data' };
}

const tooLarge = (): SalesforceError =>
  new SalesforceError(413, 'EXCEEDED_MAX_SIZE_REQUEST', 'The size of the request body exceeded 50 MB.');

const overBudget = (): SalesforceError =>
  new SalesforceError(
    413,
    'EXCEEDED_MAX_SIZE_REQUEST',
    `The local org is already receiving ${BODY_BUDGET_BYTES / 1024 / 1024} MB of request bodies; send this one when those have been answered.`,
  );

/** The client went away before its body arrived: there is no one to answer. */
export class ClientGone extends Error {
  constructor() {
    super('the client closed the request');
  }
}

/** Body bytes held by all requests in flight. */
export class BodyBudget {
  private inFlight = 0;

  constructor(readonly limit = BODY_BUDGET_BYTES) {}

  /** Takes n bytes; false, taking nothing, if that would go over the budget. */
  take(n: number): boolean {
    if (this.inFlight + n > this.limit) return false;
    this.inFlight += n;
    return true;
  }

  give(n: number): void {
    this.inFlight -= n;
  }

  get used(): number {
    return this.inFlight;
  }
}

/** One request's share of the budget, given back once it has been answered (or the client left). */
export class BodyHold {
  private held = 0;

  constructor(private readonly budget: BodyBudget) {}

  take(n: number): boolean {
    if (!this.budget.take(n)) return false;
    this.held += n;
    return true;
  }

  release(): void {
    this.budget.give(this.held);
    this.held = 0;
  }
}

/**
 * Reads a request body within the limits: a declared length is taken from the budget before anything is
 * read; a chunked body is taken as it arrives. A JSON body is decoded strictly: invalid UTF-8 is a
 * JSON_PARSER_ERROR, never stored as U+FFFD.
 */
export function readBody(req: IncomingMessage, hold: BodyHold, json: boolean, binary = false): Promise<string> {
  const declared = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length']);
  if (declared !== undefined) {
    if (declared > MAX_BODY_BYTES) return Promise.reject(tooLarge());
    if (!hold.take(declared)) return Promise.reject(overBudget());
  }
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const fail = (error: Error): void => {
      chunks.length = 0;
      req.removeListener('data', onData);
      reject(error);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) return fail(tooLarge());
      if (declared === undefined && !hold.take(chunk.length)) return fail(overBudget());
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => {
      const bytes = Buffer.concat(chunks);
      // A binary body (a multipart upload with a zip) is read as latin1: one character per byte, nothing lost.
      if (!json) return resolveBody(bytes.toString(binary ? 'latin1' : 'utf8'));
      try {
        resolveBody(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
      } catch {
        reject(new SalesforceError(400, 'JSON_PARSER_ERROR', 'Invalid UTF-8 in the request body'));
      }
    });
    // The client went away: nothing to answer.
    req.on('aborted', () => fail(new ClientGone()));
    req.on('error', fail);
  });
}

/**
 * After a refusal, discards what is left of the body, so the client finishes sending and reads the answer
 * (closing at once would reset the connection under it). A client that keeps sending is cut off in time.
 */
export function drain(req: IncomingMessage): void {
  if (req.complete || req.destroyed) return;
  const timer = setTimeout(() => req.socket.destroy(), DRAIN_TIMEOUT_MS);
  timer.unref();
  req.on('data', () => undefined);
  req.once('end', () => clearTimeout(timer));
  req.once('close', () => clearTimeout(timer));
  req.resume();
}

function rawJsonResponse(
  status: number,
  reason: string,
  error: SalesforceError,
  headers: Readonly<Record<string, string>>,
): string {
  const body = JSON.stringify(error.toBody());
  const extra = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  return (
    `HTTP/1.1 ${status} ${reason}\r\n${extra}Content-Type: application/json;charset=UTF-8\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
}

/**
 * Answers what Node's parser refuses before any handler runs (headers past its limit, a raw non-ASCII URL,
 * malformed requests) in Salesforce's shape instead of Node's bare 400/431, with the server's own headers.
 */
export function answerClientErrors(server: Server, headers: Readonly<Record<string, string>> = {}): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const response =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? rawJsonResponse(431, 'Request Header Fields Too Large', headersTooLarge(), headers)
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' || error.code === 'HPE_HEADER_TIMEOUT'
          ? rawJsonResponse(
              408,
              'Request Timeout',
              new SalesforceError(408, 'REQUEST_TIMEOUT', 'Request timed out'),
              headers,
            )
          : rawJsonResponse(
              400,
              'Bad Request',
              new SalesforceError(400, 'BAD_REQUEST', 'Malformed HTTP request'),
              headers,
            );
    socket.end(response);
  });
}

/**
 * Sends a text body piece by piece as it is read (chunked), waiting while the client reads slower than the
 * pieces come, so that a large body is never held whole.
 */
export async function sendPieces(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  pieces: Iterable<string>,
): Promise<void> {
  if (!res.hasHeader('Content-Type')) res.setHeader('Content-Type', 'text/plain;charset=UTF-8');
  res.writeHead(status);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  try {
    for (const piece of pieces) {
      if (res.destroyed) return;
      if (!res.write(piece)) await writable(res);
    }
    res.end();
  } catch (error) {
    // Headers are gone already: the client sees the response cut short.
    console.error('localorg: unexpected error while sending a response', error);
    res.destroy();
  }
}

/** Resolves once the response drains, or closes. */
function writable(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.removeListener('drain', done);
      res.removeListener('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}
