/** What every REST handler receives and returns. */
import { isArray, isJsonArray, isObject, type AnyJson, type JsonArray, type JsonMap } from '@salesforce/ts-types';
import type { Auth } from '../auth';
import type { RequestContext } from '../context';
import type { Dml } from '../dml';
import { SalesforceError } from '../errors';
import type { Faults } from '../faults';
import type { OrgSchema } from '../schema';
import type { Storage } from '../storage';
import { lineColumn } from '../values';

/** The running org, shared by all handlers. */
export interface OrgRuntime {
  storage: Storage;
  schema: OrgSchema;
  dml: Dml;
  auth: Auth;
  instanceUrl: string;
  now: () => Date;
  /** Daily API request allowance (Developer Edition: 15,000). */
  apiDailyLimit: number;
  apiUsage(): { used: number; limit: number };
  fiscalYearStartMonth?: number;
  /** When the schema was compiled (this start): describes were last modified then. */
  schemaLoadedAt: Date;
  /** Injected faults (reliability tests); undefined in normal use. */
  faults?: Faults;
}

export interface ApiRequest {
  method: string;
  /** Path segments after the route's prefix, URL-decoded. */
  params: string[];
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  bodyText: string;
  ctx: RequestContext;
}

export interface Reply {
  status: number;
  body?: unknown;
  /** Extra response headers; a Content-Type here replaces the one derived from the body. */
  headers?: Record<string, string>;
  /** A text body sent in pieces as they are read (large Bulk API results), instead of `body`. */
  stream?: Iterable<string>;
}

export const ok = (body: unknown, status = 200): Reply => ({ status, body });
export const noContent = (): Reply => ({ status: 204 });

/**
 * The deepest nesting of arrays and objects a body may have. Salesforce parses JSON with Jackson, whose
 * default limit (StreamReadConstraints, since 2.15) is 1,000 levels; records need a handful. Checked
 * before parsing, so that no code that walks a body can overflow the stack.
 */
export const MAX_JSON_DEPTH = 1000;

/** Refuses a body nested deeper than MAX_JSON_DEPTH, in one pass over the text (strings skipped). */
function checkJsonDepth(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c)
        i++; // a backslash escapes the next character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x5b || code === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) {
        const { line, column } = lineColumn(text, i);
        throw new SalesforceError(
          400,
          'JSON_PARSER_ERROR',
          `Document nesting depth (${depth}) exceeds the maximum allowed (${MAX_JSON_DEPTH}) at [line:${line}, column:${column + 1}]`,
        );
      }
    } else if (code === 0x5d || code === 0x7d) {
      depth--;
    }
  }
}

/** Parses a JSON request body, failing as the API's parser does (400 JSON_PARSER_ERROR). */
export function parseJsonBody(text: string): AnyJson {
  if (text.trim() === '') {
    throw new SalesforceError(400, 'JSON_PARSER_ERROR', 'No content to map to Object due to end of input');
  }
  checkJsonDepth(text);
  try {
    // JSON.parse of text only yields JSON values.
    return JSON.parse(text) as AnyJson;
  } catch (error) {
    const match = /position (\d+)/.exec(String((error as Error).message));
    const offset = match ? Number(match[1]) : text.length;
    const { line, column } = lineColumn(text, offset);
    const ch = text[offset];
    const what = ch === undefined ? 'end-of-input' : `character ('${ch}' (code ${ch.charCodeAt(0)}))`;
    throw new SalesforceError(400, 'JSON_PARSER_ERROR', `Unexpected ${what} at [line:${line}, column:${column + 1}]`);
  }
}

/**
 * A decoded body value as a JSON object (undefined for an array, a scalar or null). Not ts-types' isJsonMap
 * alone: it recognises a plain object by its `constructor` property, so a body with its own "constructor" key
 * (a name a caller may send, to be answered as an unknown field) would be refused as not an object. A value
 * from parseJsonBody is JSON, so any non-array object in it is a JsonMap.
 */
export function bodyObject(value: AnyJson | undefined): JsonMap | undefined {
  return isObject(value) && !isArray(value) ? (value as JsonMap) : undefined;
}

/** A body object's own array property (records, ids, compositeRequest), or undefined. */
export function bodyArray(body: JsonMap | undefined, key: string): JsonArray | undefined {
  const value = body && Object.hasOwn(body, key) ? body[key] : undefined;
  return isJsonArray(value) ? value : undefined;
}

export const notFoundError = (): SalesforceError =>
  new SalesforceError(404, 'NOT_FOUND', 'The requested resource does not exist');
