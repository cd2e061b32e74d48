/**
 * The REST API's list view resources (API 32.0+):
 * - `sobjects/{Type}/listviews`: the object's list views (id, label, developerName, urls, soqlCompatible);
 * - `sobjects/{Type}/listviews/recent`: those the caller used recently, most recent first;
 * - `sobjects/{Type}/listviews/{id}`: one list view's basic information;
 * - `sobjects/{Type}/listviews/{id}/describe`: its columns, order, scope, filter conditions and SOQL query;
 * - `sobjects/{Type}/listviews/{id}/results?limit=&offset=`: its records as the caller sees them, a row of
 *   `{ fieldNameOrPath, value }` cells per record in the columns' order (limit 1-2000, default 25).
 * The Mine scope is compiled as `OwnerId = '<caller>'`, the query that runs the same in any org (Salesforce
 * writes it `USING SCOPE mine`, which the local org's SOQL does not take).
 */
import { describeType } from '../describe';
import { ok, type ApiRequest, type OrgRuntime, type Reply } from '../rest/context';
import { accessOf, objectNamed } from '../rest/sobjects';
import type { FieldSchema, ObjectSchema } from '../schema';
import type { SfRecord } from '../soql';
import type { ListColumn } from './columns';
import { isSortable, listViewSoql, selectItem, type CompiledListView, type Logic } from './compile';
import { listViewId, listViewsOf, type ListViewDefinition } from './definitions';
import { compileFor, intParam, listViewOf, noteUsed, recentlyUsed, viewPage } from './run';

const base = (req: ApiRequest, obj: ObjectSchema): string =>
  `/services/data/v${req.ctx.apiVersion}/sobjects/${obj.name}/listviews`;

/** One entry of the list views list (also the basic information resource). */
function summary(req: ApiRequest, obj: ObjectSchema, view: ListViewDefinition): Record<string, unknown> {
  const id = listViewId(obj.name, view.developerName);
  const url = `${base(req, obj)}/${id}`;
  return {
    describeUrl: `${url}/describe`,
    developerName: view.developerName,
    id,
    label: view.label,
    resultsUrl: `${url}/results`,
    soqlCompatible: true,
    url,
  };
}

function listOf(req: ApiRequest, obj: ObjectSchema, views: ListViewDefinition[]): Reply {
  return ok({
    done: true,
    listviews: views.map((v) => summary(req, obj, v)),
    nextRecordsUrl: null,
    size: views.length,
    sobjectType: obj.name,
  });
}

/** `GET sobjects/{Type}/listviews`. */
export function listViews(org: OrgRuntime, req: ApiRequest): Reply {
  const obj = objectNamed(org, req.params[0], accessOf(org, req));
  return listOf(req, obj, listViewsOf(obj));
}

/** `GET sobjects/{Type}/listviews/recent`. */
export function recentListViews(org: OrgRuntime, req: ApiRequest): Reply {
  const obj = objectNamed(org, req.params[0], accessOf(org, req));
  const views = listViewsOf(obj);
  const byId = new Map(views.map((v) => [listViewId(obj.name, v.developerName), v]));
  const recent = recentlyUsed(org, req)
    .map((id) => byId.get(id))
    .filter((v): v is ListViewDefinition => v !== undefined);
  return listOf(req, obj, recent);
}

/** `GET sobjects/{Type}/listviews/{id}`. */
export function listViewInfo(org: OrgRuntime, req: ApiRequest): Reply {
  const { obj, view } = listViewOf(org, req, req.params[0], req.params[1]);
  return ok({ ...summary(req, obj, view), sobjectType: obj.name });
}

/** Salesforce's sort labels: a string column sorts "A-Z" descending and "Z-A" ascending, as its describes say. */
function sortLabels(field: FieldSchema): [string | null, string | null] {
  const type = describeType(field);
  if (['double', 'int', 'currency', 'percent'].includes(type)) return ['9-0', '0-9'];
  if (type === 'date' || type === 'datetime') return ['New to Old', 'Old to New'];
  if (type === 'boolean') return [null, null];
  return ['Z-A', 'A-Z'];
}

/** A describe column: visible columns first, then the hidden ones every result carries. */
function describeColumn(column: ListColumn | FieldSchema, compiled: CompiledListView): Record<string, unknown> {
  const visible = 'path' in column;
  const field = visible ? column.field : column;
  const path = visible ? column.path : column.name;
  const sorted = visible && compiled.sort?.column.path === path;
  const [ascendingLabel, descendingLabel] = sortLabels(field);
  return {
    ascendingLabel,
    descendingLabel,
    fieldNameOrPath: path,
    hidden: !visible,
    label: visible ? column.label : field.model.label,
    searchable: visible && ['string', 'textarea', 'email', 'phone', 'url', 'picklist'].includes(describeType(field)),
    selectListItem: visible ? selectItem(column) : path,
    sortDirection: sorted ? (compiled.sort?.ascending ? 'ascending' : 'descending') : null,
    sortIndex: sorted ? 0 : null,
    sortable: visible && isSortable(field),
    type: describeType(field),
  };
}

const columnsOf = (compiled: CompiledListView): Record<string, unknown>[] => [
  ...compiled.columns.map((c) => describeColumn(c, compiled)),
  ...compiled.hidden.map((f) => describeColumn(f, compiled)),
];

const OPERATORS: Record<string, [string, string]> = {
  equals: ['equals', 'in'],
  notequal: ['notEquals', 'notIn'],
  lessthan: ['lessThan', 'lessThan'],
  greaterthan: ['greaterThan', 'greaterThan'],
  lessorequal: ['lessThanOrEqualTo', 'lessThanOrEqualTo'],
  greaterorequal: ['greaterThanOrEqualTo', 'greaterThanOrEqualTo'],
  contains: ['like', 'like'],
  notcontain: ['like', 'like'],
  startswith: ['like', 'like'],
  includes: ['includes', 'includes'],
  excludes: ['excludes', 'excludes'],
};

/** One filter as a SoqlCondition (`contains` is a LIKE; `notContain` a NOT around it). */
function soqlCondition(condition: CompiledListView['conditions'][number]): Record<string, unknown> {
  const op = condition.operation.toLowerCase();
  const [single, many] = OPERATORS[op] ?? [condition.operation, condition.operation];
  const values = condition.values.map((v) => {
    const value = v.trim();
    if (op === 'contains' || op === 'notcontain') return `'%${value}%'`;
    if (op === 'startswith') return `'${value}%'`;
    return value;
  });
  const base = { field: condition.column.path, operator: values.length > 1 ? many : single, values };
  return op === 'notcontain' ? { condition: base } : base;
}

/** The filters and their logic as SoqlWhereCondition (`{ conditions, conjunction }`, `{ condition }` for NOT). */
function whereCondition(compiled: CompiledListView, logic = compiled.logic): Record<string, unknown> {
  if (!logic) return { conditions: [], conjunction: 'and' };
  if (logic.kind === 'filter') return soqlCondition(compiled.conditions[logic.index - 1]);
  if (logic.kind === 'not') return { condition: whereCondition(compiled, logic.item) };
  return { conditions: logic.items.map((l: Logic) => whereCondition(compiled, l)), conjunction: logic.kind };
}

/** `GET sobjects/{Type}/listviews/{id}/describe`. */
export function listViewDescribe(org: OrgRuntime, req: ApiRequest): Reply {
  const { obj, view } = listViewOf(org, req, req.params[0], req.params[1]);
  const compiled = compileFor(org, req, obj, view);
  noteUsed(org, req, view);
  const order = compiled.sort
    ? [{ fieldNameOrPath: compiled.sort.column.path, nullsPosition: 'first', sortDirection: 'ascending' }]
    : [];
  return ok({
    columns: columnsOf(compiled),
    id: listViewId(obj.name, view.developerName),
    orderBy: [...order, { fieldNameOrPath: 'Id', nullsPosition: 'first', sortDirection: 'ascending' }],
    query: listViewSoql(obj, compiled),
    relatedEntityId: null,
    scope: view.filterScope.toLowerCase() === 'mine' ? 'mine' : 'everything',
    scopeEntityId: null,
    sobjectType: obj.name,
    whereCondition: whereCondition(compiled),
  });
}

/** A cell's value as the results resource writes it: text, or null. */
function cellValue(record: SfRecord, path: string): string | null {
  let value: unknown = record;
  for (const part of path.split('.')) {
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : null;
  }
  return value === null || value === undefined ? null : String(value);
}

/** `GET sobjects/{Type}/listviews/{id}/results`. */
export function listViewResults(org: OrgRuntime, req: ApiRequest): Reply {
  const { obj, view } = listViewOf(org, req, req.params[0], req.params[1]);
  const limit = intParam(req, 'limit', 25, 1, 2000);
  const offset = intParam(req, 'offset', 0, 0, 2000);
  const compiled = compileFor(org, req, obj, view);
  noteUsed(org, req, view);
  const page = viewPage(org, req, obj, compiled, offset, limit);
  const paths = [...compiled.columns.map((c) => c.path), ...compiled.hidden.map((f) => f.name)];
  return ok({
    columns: columnsOf(compiled),
    developerName: view.developerName,
    done: offset + page.records.length >= page.total,
    id: listViewId(obj.name, view.developerName),
    label: view.label,
    records: page.records.map((r) => ({ columns: paths.map((p) => ({ fieldNameOrPath: p, value: cellValue(r, p) })) })),
    size: page.records.length,
  });
}
