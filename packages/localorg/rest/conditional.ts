/**
 * Conditional requests, as the REST API documents them ("Conditional Request Headers"): sObject rows and
 * describes answer with an `ETag` (a hash of the content, strong and quoted) and `Last-Modified`;
 * `If-None-Match` and `If-Modified-Since` on a GET answer 304 Not Modified when nothing changed;
 * `If-Match` and `If-Unmodified-Since` on a write answer 412 Precondition Failed, and nothing is written,
 * when the record changed. Evaluated in RFC 9110's order (13.2.2). Salesforce answers 400 for an invalid
 * If-Match, If-None-Match or If-Unmodified-Since on a write; on a read an invalid date is ignored, as HTTP says.
 * Salesforce documents these for Account rows only and not for DELETE; the local org applies them to every
 * object's rows and to DELETE too, so that a client can delete only what it last read.
 */
import { createHash } from 'node:crypto';
import { SalesforceError } from '../errors';
import type { ApiRequest, Reply } from './context';

/** What a resource's current state is validated by. */
export interface Validators {
  etag: string;
  lastModified: Date;
}

/** A strong ETag: the quoted base64 SHA-256 of the representation's JSON. */
export function etagOf(content: unknown): string {
  return `"${createHash('sha256').update(JSON.stringify(content)).digest('base64')}"`;
}

/** The response headers that carry the validators. */
export function validatorHeaders(v: Validators): Record<string, string> {
  return { ETag: v.etag, 'Last-Modified': v.lastModified.toUTCString() };
}

const header = (req: ApiRequest, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};

const invalidHeader = (name: string, value: string): SalesforceError =>
  new SalesforceError(400, 'INVALID_HEADER', `Invalid value for the ${name} header: ${value}`);

export const preconditionFailed = (): SalesforceError =>
  new SalesforceError(
    412,
    'PRECONDITION_FAILED',
    'The request has not been executed because one or more preconditions that the client specified in the request headers weren’t satisfied.',
  );

/** The entity tags of an If-Match / If-None-Match value, `*` as itself; undefined if it is not a valid list. */
function entityTags(value: string): string[] | undefined {
  if (value.trim() === '*') return ['*'];
  const tags: string[] = [];
  const pattern = /\s*((?:W\/)?"[^"]*")\s*(,|$)/gy;
  let match: RegExpExecArray | null;
  while (pattern.lastIndex < value.length && (match = pattern.exec(value)) !== null) tags.push(match[1]);
  return tags.length > 0 && pattern.lastIndex >= value.length ? tags : undefined;
}

const opaque = (tag: string): string => tag.replace(/^W\//, '');

/** An HTTP date in milliseconds, or undefined when it is not one. */
function httpDate(value: string): number | undefined {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** HTTP dates have whole seconds: a resource modified within the second of a date was not modified after it. */
const seconds = (date: Date): number => Math.floor(date.getTime() / 1000) * 1000;

/**
 * Checks a request's preconditions against the resource's current validators: throws 412 (or 400 for an
 * invalid header on a write), returns a 304 reply for a GET that the client already has, else undefined.
 */
export function evaluatePreconditions(req: ApiRequest, current: Validators): Reply | undefined {
  const read = req.method === 'GET' || req.method === 'HEAD';
  const ifMatch = header(req, 'if-match');
  const ifNoneMatch = header(req, 'if-none-match');
  const ifUnmodifiedSince = header(req, 'if-unmodified-since');
  const ifModifiedSince = header(req, 'if-modified-since');
  const modified = seconds(current.lastModified);

  if (ifMatch !== undefined) {
    const tags = entityTags(ifMatch);
    if (!tags) {
      if (!read) throw invalidHeader('If-Match', ifMatch);
    } else if (!tags.some((t) => t === '*' || t === current.etag)) {
      // If-Match compares strongly: a weak tag never matches.
      throw preconditionFailed();
    }
  } else if (ifUnmodifiedSince !== undefined) {
    const date = httpDate(ifUnmodifiedSince);
    if (date === undefined) {
      if (!read) throw invalidHeader('If-Unmodified-Since', ifUnmodifiedSince);
    } else if (modified > date) {
      throw preconditionFailed();
    }
  }

  if (ifNoneMatch !== undefined) {
    const tags = entityTags(ifNoneMatch);
    if (!tags) {
      if (!read) throw invalidHeader('If-None-Match', ifNoneMatch);
    } else if (tags.some((t) => t === '*' || opaque(t) === current.etag)) {
      // If-None-Match compares weakly.
      if (read) return { status: 304, headers: validatorHeaders(current) };
      throw preconditionFailed();
    }
  } else if (read && ifModifiedSince !== undefined) {
    const date = httpDate(ifModifiedSince);
    if (date !== undefined && modified <= date) return { status: 304, headers: validatorHeaders(current) };
  }
  return undefined;
}

/** Whether a request carries any precondition (a write computes validators only then). */
export function hasPreconditions(req: ApiRequest): boolean {
  return ['if-match', 'if-none-match', 'if-unmodified-since', 'if-modified-since'].some(
    (name) => req.headers[name] !== undefined,
  );
}

/** A GET's answer with its validators, or 304 when the client's copy is current. */
export function conditionalGet(req: ApiRequest, body: unknown, lastModified: Date): Reply {
  const current = { etag: etagOf(body), lastModified };
  return evaluatePreconditions(req, current) ?? { status: 200, body, headers: validatorHeaders(current) };
}
