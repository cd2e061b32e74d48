/**
 * The REST search resources: `search?q=<SOSL>` and `parameterizedSearch` (GET with URI parameters, POST with
 * a JSON body), both answering `{ "searchRecords": [ { attributes: { type, url }, ...fields } ] }` as the REST
 * API guide shows. parameterizedSearch takes a search string (no SOSL clauses) and the parameters the guide
 * lists: sobject(s) with their fields, where, orderBy and limit, fields, in, overallLimit, defaultLimit,
 * offset and spellCorrection; the ones that need features the local org lacks (Knowledge data categories,
 * divisions, communities, price books, snippets, metadata) are refused clearly.
 */
import { isString, type JsonMap } from '@salesforce/ts-types';
import { SalesforceError } from '../errors';
import {
  bodyArray,
  bodyObject,
  ok,
  parseJsonBody,
  type ApiRequest,
  type OrgRuntime,
  type Reply,
} from '../rest/context';
import { accessOf } from '../rest/sobjects';
import { SEARCH_GROUPS, type SearchGroup } from './fields';
import { MAX_SEARCH_ROWS, noSearchTerm, parseSosl, type ReturningSpec } from './parse';
import { SearchRunner, type Search } from './search';
import { parseSearchTerms } from './terms';

const UNSUPPORTED = ['dataCategory', 'dataCategories', 'division', 'netWorkIds', 'pricebookId', 'snippet', 'metadata'];

const invalid = (message: string): SalesforceError => new SalesforceError(400, 'INVALID_SEARCH', message);

function runner(org: OrgRuntime, req: ApiRequest): SearchRunner {
  return new SearchRunner({
    storage: org.storage,
    access: accessOf(org, req),
    now: req.ctx.now,
    apiVersion: req.ctx.apiVersion,
    fiscalYearStartMonth: org.fiscalYearStartMonth,
  });
}

/** `GET search?q=FIND {...} ...`. */
export function search(org: OrgRuntime, req: ApiRequest): Reply {
  const sosl = req.query.get('q') ?? '';
  if (sosl.trim() === '') throw noSearchTerm();
  const statement = parseSosl(sosl);
  return ok({ searchRecords: runner(org, req).run({ ...statement, source: sosl }) });
}

/** One object of a parameterized search, as given (GET parameters and POST entries alike). */
interface SearchObject {
  name: string;
  fields?: string[];
  where?: string;
  orderBy?: string;
  limit?: number;
}

/** Parameters of a parameterized search, from the URI or the body. */
interface Parameters {
  q?: string;
  objects: SearchObject[];
  fields?: string[];
  scope?: string;
  overallLimit?: number;
  defaultLimit?: number;
  offset?: number;
}

/** A limit or offset: a whole number from 0 to 2000, given as a number or a string. */
function bounded(name: string, value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 0 || n > MAX_SEARCH_ROWS) {
    throw invalid(`${name} must be a whole number from 0 to ${MAX_SEARCH_ROWS}: ${String(value)}`);
  }
  return n;
}

const list = (value: string | null | undefined): string[] | undefined =>
  value === null || value === undefined
    ? undefined
    : value
        .split(',')
        .map((f) => f.trim())
        .filter((f) => f !== '');

function fromQuery(query: URLSearchParams): Parameters {
  for (const name of UNSUPPORTED) if (query.has(name)) throw unsupported(name);
  // `Account.fields=...`: per-object parameters, matched to the object name case-insensitively.
  const perObject = (name: string, key: string): string | undefined => {
    for (const [k, v] of query) if (k.toLowerCase() === `${name}.${key}`.toLowerCase()) return v;
    return undefined;
  };
  const objects = query.getAll('sobject').map((name): SearchObject => ({
    name,
    fields: list(perObject(name, 'fields')),
    where: perObject(name, 'where'),
    orderBy: perObject(name, 'orderBy'),
    limit: bounded(`${name}.limit`, perObject(name, 'limit')),
  }));
  return {
    q: query.get('q') ?? undefined,
    objects,
    fields: list(query.get('fields')),
    scope: query.get('in') ?? undefined,
    overallLimit: bounded('overallLimit', query.get('overallLimit')),
    defaultLimit: bounded('defaultLimit', query.get('defaultLimit')),
    offset: bounded('offset', query.get('offset')),
  };
}

const stringOf = (body: JsonMap, key: string): string | undefined => {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (!isString(value)) throw invalid(`${key} must be a string`);
  return value;
};

function stringsOf(body: JsonMap, key: string): string[] | undefined {
  if (body[key] === undefined || body[key] === null) return undefined;
  const values = bodyArray(body, key);
  if (!values || !values.every(isString)) throw invalid(`${key} must be an array of strings`);
  return values as string[];
}

function fromBody(text: string): Parameters {
  const body = bodyObject(parseJsonBody(text));
  if (!body) throw new SalesforceError(400, 'JSON_PARSER_ERROR', 'The request body must be a JSON object');
  for (const name of UNSUPPORTED) if (body[name] !== undefined) throw unsupported(name);
  const entries = body.sobjects === undefined ? [] : bodyArray(body, 'sobjects');
  if (!entries) throw invalid('sobjects must be an array of objects');
  const objects = entries.map((entry): SearchObject => {
    const o = bodyObject(entry);
    const name = o && stringOf(o, 'name');
    if (!o || !name) throw invalid('each entry of sobjects needs a name');
    return {
      name,
      fields: stringsOf(o, 'fields'),
      where: stringOf(o, 'where'),
      orderBy: stringOf(o, 'orderBy'),
      limit: bounded(`${name}.limit`, o.limit),
    };
  });
  return {
    q: stringOf(body, 'q'),
    objects,
    fields: stringsOf(body, 'fields'),
    scope: stringOf(body, 'in'),
    overallLimit: bounded('overallLimit', body.overallLimit),
    defaultLimit: bounded('defaultLimit', body.defaultLimit),
    offset: bounded('offset', body.offset),
  };
}

function unsupported(name: string): SalesforceError {
  return invalid(`${name} is not supported by the local org; search with q, sobject(s), fields, in and limits`);
}

/** The parameters as a search over RETURNING objects, each clause SOQL text. */
function toSearch(p: Parameters): Search {
  if (p.q === undefined || p.q.trim() === '') throw new SalesforceError(400, 'MISSING_ARGUMENT', 'q is required');
  const scope = (p.scope ?? 'ALL').toUpperCase() as SearchGroup;
  if (!SEARCH_GROUPS.includes(scope)) {
    throw invalid(`in must be one of ${SEARCH_GROUPS.join(', ')}: ${p.scope ?? ''}`);
  }
  if (p.offset !== undefined && p.objects.length !== 1) {
    throw invalid('offset needs exactly one sobject');
  }
  const returning = p.objects.map((o): ReturningSpec => {
    const fields = o.fields ?? p.fields;
    const limit = o.limit ?? p.defaultLimit;
    const clauses = [
      o.where ? `WHERE ${o.where}` : '',
      o.orderBy ? `ORDER BY ${o.orderBy}` : '',
      limit !== undefined ? `LIMIT ${limit}` : '',
      p.offset !== undefined ? `OFFSET ${p.offset}` : '',
    ].filter((c) => c !== '');
    return {
      object: { text: o.name, at: 0 },
      fields: fields?.length ? { text: fields.join(', '), at: 0 } : undefined,
      clauses: clauses.length ? { text: clauses.join(' '), at: 0 } : undefined,
    };
  });
  return {
    terms: parseSearchTerms(p.q),
    group: scope,
    returning: returning.length ? returning : undefined,
    limit: p.overallLimit,
  };
}

/** `GET parameterizedSearch?q=...&sobject=...` and `POST parameterizedSearch` with the same as JSON. */
export function parameterizedSearch(org: OrgRuntime, req: ApiRequest): Reply {
  const params = req.method === 'POST' ? fromBody(req.bodyText) : fromQuery(req.query);
  return ok({ searchRecords: runner(org, req).run(toSearch(params)) });
}
