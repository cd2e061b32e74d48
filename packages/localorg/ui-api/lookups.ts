/**
 * UI API `lookups/{object}/{field}[/{target}]?q=&page=&pageSize=`: the records a lookup field may point to
 * whose name contains the search term (all of them, by name, without one), as Lookup Records:
 * `{ count, currentPageToken, currentPageUrl, nextPageToken, nextPageUrl, previousPageToken, previousPageUrl,
 * records }` with Id and Name in each Record representation. The search runs as the caller (FLS and sharing).
 */
import { executeSoql } from '../soql';
import { ok, type ApiRequest, type OrgRuntime, type Reply } from '../rest/context';
import { accessOf } from '../rest/sobjects';
import { invalidInput, notFoundUi } from './errors';
import { objectForCaller } from './object-info';
import { fieldTree, recordRepresentation } from './records';

const MAX_PAGE_SIZE = 100;

const quoteLike = (term: string): string =>
  `'%${term.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/%/g, '\\%').replace(/_/g, '\\_')}%'`;

function pageNumber(text: string | null, name: string, fallback: number, max: number): number {
  if (text === null || text === '') return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > max) throw invalidInput(`${name} must be a whole number from 1 to ${max}`);
  return n;
}

/** `GET lookups/{object}/{field}` and `lookups/{object}/{field}/{target}`. */
export function lookups(org: OrgRuntime, req: ApiRequest): Reply {
  const access = accessOf(org, req);
  const obj = objectForCaller(org, access, req.params[0]);
  const field = obj.fieldsByLower.get(req.params[1].toLowerCase());
  if (!field || !field.referenceTo || !access.canReadField(field)) throw notFoundUi();
  const targetName = req.params[2] ?? field.referenceTo;
  if (targetName.toLowerCase() !== field.referenceTo.toLowerCase()) throw notFoundUi();
  const target = objectForCaller(org, access, targetName);
  if (!target.fields.has('Name')) throw invalidInput(`${target.name} has no name field to search`);
  const page = pageNumber(req.query.get('page'), 'page', 1, 2000);
  const pageSize = pageNumber(req.query.get('pageSize'), 'pageSize', 25, MAX_PAGE_SIZE);
  const term = (req.query.get('q') ?? '').trim();
  const where = term === '' ? '' : ` WHERE Name LIKE ${quoteLike(term)}`;
  const offset = (page - 1) * pageSize;
  if (offset > 2000) throw invalidInput('page is past the 2,000 records a lookup can page through');
  const fields = ['Id', 'Name', 'LastModifiedById', 'LastModifiedDate', 'SystemModstamp'].filter((f) =>
    target.fields.has(f),
  );
  const cursor = executeSoql(
    org.storage,
    `SELECT ${fields.join(', ')} FROM ${target.name}${where} ORDER BY Name, Id LIMIT ${pageSize + 1} OFFSET ${offset}`,
    {
      includeDeleted: false,
      now: req.ctx.now,
      apiVersion: req.ctx.apiVersion,
      fiscalYearStartMonth: org.fiscalYearStartMonth,
      access: access.forQuery(),
    },
  );
  const rows = cursor.next(pageSize + 1) as Record<string, unknown>[];
  const tree = fieldTree(org, access, target, [], [`${target.name}.Id`, `${target.name}.Name`]);
  const records = rows.slice(0, pageSize).map((r) => recordRepresentation(target, r, tree));
  const base = `/services/data/v${req.ctx.apiVersion}/ui-api/lookups/${obj.name}/${field.name}/${target.name}`;
  const url = (n: number): string =>
    `${base}?page=${n}&pageSize=${pageSize}${term === '' ? '' : `&q=${encodeURIComponent(term)}`}`;
  const hasNext = rows.length > pageSize;
  return ok({
    count: records.length,
    currentPageToken: String(page),
    currentPageUrl: url(page),
    nextPageToken: hasNext ? String(page + 1) : null,
    nextPageUrl: hasNext ? url(page + 1) : null,
    previousPageToken: page > 1 ? String(page - 1) : null,
    previousPageUrl: page > 1 ? url(page - 1) : null,
    records,
  });
}
