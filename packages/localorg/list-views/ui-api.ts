/**
 * The User Interface API's list resources, over the same list views as the REST API's:
 * - `list-ui/{objectApiName}`: the object's lists (List View Summary Collection: `lists[]` of apiName, id,
 *   label, listUiUrl; `pageSize`, `pageToken`, `q`, `recentListsOnly`);
 * - `list-ui/{listViewId}` and `list-ui/{objectApiName}/{listViewApiName}`: List UI, `{ info, records }`;
 * - `list-info/{objectApiName}/{listViewApiName}`: List Info (displayColumns, filteredByInfo, orderedByInfo,
 *   listReference, label, visibility...);
 * - `list-records/{objectApiName}/{listViewApiName}` and `list-records/{listViewId}`: List Record Collection,
 *   records in the UI API's Record shape, paged with `pageSize` (1-2000, default 50) and `pageToken`, sorted
 *   with `sortBy` (`Name`, `-CloseDate`), with `fields` / `optionalFields` besides the display columns, and
 *   narrowed by `searchTerm` (the list's text columns that contain it; `*` and `?` are wildcards).
 * The lists are the package's metadata: no one can create, edit or delete them through the local org.
 */
import { createHash } from 'node:crypto';
import type { ApiRequest, OrgRuntime, Reply } from '../rest/context';
import { ok } from '../rest/context';
import { accessOf, objectNamed } from '../rest/sobjects';
import type { ObjectSchema } from '../schema';
import type { UserAccess } from '../security';
import { invalidInput, notFoundUi } from '../ui-api/errors';
import { fieldTree, recordRepresentation, soqlPaths } from '../ui-api/records';
import { isSortable, likeText, type CompiledListView } from './compile';
import { findListViewById, listViewId, listViewsOf, type ListViewDefinition } from './definitions';
import { compileFor, intParam, listViewOf, noteUsed, recentlyUsed, runPage } from './run';

const uiBase = (req: ApiRequest): string => `/services/data/v${req.ctx.apiVersion}/ui-api`;

const listReference = (obj: ObjectSchema, view: ListViewDefinition): Record<string, unknown> => ({
  id: listViewId(obj.name, view.developerName),
  listViewApiName: view.developerName,
  objectApiName: obj.name,
  type: 'listView',
});

const OPERATORS: Record<string, string> = {
  equals: 'Equals',
  notequal: 'NotEqual',
  lessthan: 'LessThan',
  greaterthan: 'GreaterThan',
  lessorequal: 'LessOrEqual',
  greaterorequal: 'GreaterOrEqual',
  contains: 'Contains',
  notcontain: 'NotContain',
  startswith: 'StartsWith',
  includes: 'Includes',
  excludes: 'Excludes',
  within: 'Within',
};

/** A filter operand as its label: a picklist value's label, else the value as written. */
function operandLabel(compiled: CompiledListView, index: number, value: string): string {
  const field = compiled.conditions[index].column.field;
  return field.model.picklist?.values.find((v) => v.value === value)?.label ?? value;
}

/** The filter logic string the metadata defines, or the AND of every filter ("1 AND 2"), or null. */
function filterLogic(compiled: CompiledListView): string | null {
  if (compiled.view.booleanFilter) return compiled.view.booleanFilter;
  return compiled.conditions.length > 1 ? compiled.conditions.map((_, i) => i + 1).join(' AND ') : null;
}

/** List Info: the list's columns, filters, order and identity, as the caller sees them. */
function listInfo(obj: ObjectSchema, compiled: CompiledListView): Record<string, unknown> {
  const view = compiled.view;
  const displayColumns = compiled.columns.map((c) => ({
    fieldApiName: c.path,
    label: c.label,
    lookupId: c.lookup ? c.lookup.name : c.path === 'Name' ? 'Id' : null,
    sortable: isSortable(c.field),
  }));
  const info = {
    cloneable: false,
    createable: false,
    deletable: false,
    displayColumns,
    filterLogicString: filterLogic(compiled),
    filteredByInfo: compiled.conditions.map((c, i) => ({
      fieldApiName: c.column.path,
      label: c.column.label,
      operandLabels: c.values.map((v) => operandLabel(compiled, i, v.trim())),
      operator: OPERATORS[c.operation.toLowerCase()] ?? c.operation,
    })),
    label: view.label,
    listReference: listReference(obj, view),
    orderedByInfo: compiled.sort
      ? [
          {
            fieldApiName: compiled.sort.column.path,
            isAscending: compiled.sort.ascending,
            label: compiled.sort.column.label,
          },
        ]
      : [],
    updateable: false,
    userPreferences: {
      columnWidths: Object.fromEntries(displayColumns.map((c) => [c.fieldApiName, -1])),
      columnWrap: Object.fromEntries(displayColumns.map((c) => [c.fieldApiName, false])),
    },
    visibility: 'Public',
    visibilityEditable: false,
  };
  return { ...info, eTag: eTagOf(info) };
}

const eTagOf = (value: unknown): string => createHash('md5').update(JSON.stringify(value)).digest('hex');

const listParam = (req: ApiRequest, name: string): string[] =>
  (req.query.get(name) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** `sortBy` (`Name`, `-CloseDate`, `Opportunity.Amount`) as SOQL orderings over sortable columns or fields. */
function sortOf(
  obj: ObjectSchema,
  compiled: CompiledListView,
  sortBy: string[],
  access: UserAccess,
): { path: string; ascending: boolean }[] {
  return sortBy.map((item) => {
    const descending = item.startsWith('-');
    let path = descending ? item.slice(1) : item;
    if (path.toLowerCase().startsWith(`${obj.name.toLowerCase()}.`)) path = path.slice(obj.name.length + 1);
    const column = compiled.columns.find((c) => c.path.toLowerCase() === path.toLowerCase());
    // A display column (already checked for the caller), or a field of the object they can read.
    const field = column?.field ?? obj.fieldsByLower.get(path.toLowerCase());
    if (!field || !isSortable(field) || (!column && !access.canReadField(field))) {
      throw invalidInput(`Cannot sort by ${item}: it is not a sortable field of ${obj.name}`);
    }
    return { path: column?.path ?? field.name, ascending: !descending };
  });
}

/** The column types a list search looks in: text a person reads (not numbers, dates, long text or formulas). */
const SEARCHED_TYPES = new Set(['Text', 'AutoNumber', 'Email', 'Phone', 'Url', 'Picklist', 'TextArea']);

/**
 * `searchTerm` as a SOQL condition: any searchable display column (a lookup column by its parent's name)
 * containing the term, case-insensitively; `*` matches any characters and `?` one. Null when the term is blank.
 */
function searchCondition(compiled: CompiledListView, term: string): string | null {
  const text = term.trim();
  if (text === '') return null;
  const columns = compiled.columns.filter(
    (c) => SEARCHED_TYPES.has(c.field.model.type) && c.field.model.formula === undefined,
  );
  // The wildcards become LIKE's; everything else (%, _ included) is matched as written.
  const pattern = text
    .split(/([*?])/)
    .map((part) => (part === '*' ? '%' : part === '?' ? '_' : likeText(part)))
    .join('');
  if (columns.length === 0) return 'Id = null';
  return `(${columns.map((c) => `${c.path} LIKE '%${pattern}%'`).join(' OR ')})`;
}

/** List Record Collection: a page of the list's records as the caller sees them. */
function listRecords(
  org: OrgRuntime,
  req: ApiRequest,
  obj: ObjectSchema,
  compiled: CompiledListView,
  pageUrl: string,
  infoETag: string,
): Record<string, unknown> {
  const access = accessOf(org, req);
  const pageSize = intParam(req, 'pageSize', 50, 1, 2000);
  const pageToken = req.query.get('pageToken') ?? '0';
  if (!/^\d+$/.test(pageToken) || Number(pageToken) > 2000) throw invalidInput(`Invalid pageToken: ${pageToken}`);
  const offset = Number(pageToken);
  const fields = listParam(req, 'fields');
  const optionalFields = listParam(req, 'optionalFields');
  // The display columns, their lookups' Ids and the audit fields are optional: what the caller cannot read is left out.
  const shown = [
    ...compiled.columns.map((c) => `${obj.name}.${c.path}`),
    ...compiled.hidden.map((f) => `${obj.name}.${f.name}`),
  ];
  const tree = fieldTree(org, access, obj, fields, [...shown, ...optionalFields]);
  const sortBy = listParam(req, 'sortBy');
  const sort = sortBy.length > 0 ? sortOf(obj, compiled, sortBy, access) : undefined;
  const order =
    sort ?? (compiled.sort ? [{ path: compiled.sort.column.path, ascending: compiled.sort.ascending }] : []);
  const orderBy = [
    ...order.map((o) => `${o.path} ${o.ascending ? 'ASC NULLS FIRST' : 'DESC NULLS LAST'}`),
    'Id ASC NULLS FIRST',
  ];
  const searchTerm = req.query.get('searchTerm');
  const search = searchTerm === null ? null : searchCondition(compiled, searchTerm);
  const where = [compiled.where, search].filter((c): c is string => Boolean(c));
  const soql =
    `SELECT ${[...new Set(soqlPaths(tree, obj))].join(', ')} FROM ${obj.name}` +
    (where.length > 0 ? ` WHERE ${where.map((c) => (where.length > 1 ? `(${c})` : c)).join(' AND ')}` : '') +
    ` ORDER BY ${orderBy.join(', ')}`;
  const page = runPage(org, req, soql, offset, pageSize);
  const url = (token: number): string => {
    const params = new URLSearchParams(req.query);
    params.set('pageSize', String(pageSize));
    params.set('pageToken', String(token));
    return `${pageUrl}?${params.toString()}`;
  };
  const next = offset + page.records.length < page.total ? offset + pageSize : null;
  const previous = offset > 0 ? Math.max(0, offset - pageSize) : null;
  return {
    count: page.records.length,
    currentPageToken: String(offset),
    currentPageUrl: url(offset),
    fields,
    listInfoETag: infoETag,
    listReference: listReference(obj, compiled.view),
    nextPageToken: next === null ? null : String(next),
    nextPageUrl: next === null ? null : url(next),
    optionalFields,
    pageSize,
    previousPageToken: previous === null ? null : String(previous),
    previousPageUrl: previous === null ? null : url(previous),
    records: page.records.map((r) => recordRepresentation(obj, r as Record<string, unknown>, tree)),
    sortBy: sortBy.length > 0 ? sortBy.join(',') : compiled.sort ? compiled.sort.column.path : null,
  };
}

/** The object and list view a `{objectApiName}/{listViewApiName}` or `{listViewId}` path names. */
function viewOfPath(org: OrgRuntime, req: ApiRequest): { obj: ObjectSchema; view: ListViewDefinition } {
  if (req.params.length === 2) return listViewOf(org, req, req.params[0], req.params[1]);
  const found = findListViewById(org.schema.objects.values(), req.params[0]);
  if (!found || !accessOf(org, req).canReadObject(found.obj)) throw notFoundUi();
  return found;
}

/** `GET list-info/{objectApiName}/{listViewApiName}`. */
export function listInfoResource(org: OrgRuntime, req: ApiRequest): Reply {
  const { obj, view } = viewOfPath(org, req);
  return ok(listInfo(obj, compileFor(org, req, obj, view)));
}

/** `GET list-records/{objectApiName}/{listViewApiName}`, `GET list-records/{listViewId}`. */
export function listRecordsResource(org: OrgRuntime, req: ApiRequest): Reply {
  const { obj, view } = viewOfPath(org, req);
  const compiled = compileFor(org, req, obj, view);
  noteUsed(org, req, view);
  const info = listInfo(obj, compiled);
  const pageUrl = `${uiBase(req)}/list-records/${req.params.map(encodeURIComponent).join('/')}`;
  return ok(listRecords(org, req, obj, compiled, pageUrl, info.eTag as string));
}

/** `GET list-ui/{objectApiName}/{listViewApiName}`, or `list-ui/{x}`: a list view Id, else an object's lists. */
export function listUiResource(org: OrgRuntime, req: ApiRequest): Reply {
  if (req.params.length === 1 && !/^00B[a-zA-Z0-9]{12}([a-zA-Z0-9]{3})?$/.test(req.params[0])) {
    return listSummaries(org, req);
  }
  const { obj, view } = viewOfPath(org, req);
  const compiled = compileFor(org, req, obj, view);
  noteUsed(org, req, view);
  const info = listInfo(obj, compiled);
  const pageUrl = `${uiBase(req)}/list-ui/${req.params.map(encodeURIComponent).join('/')}`;
  return ok({ info, records: listRecords(org, req, obj, compiled, pageUrl, info.eTag as string) });
}

/** List View Summary Collection: the object's lists, filtered by `q` and `recentListsOnly`, paged. */
function listSummaries(org: OrgRuntime, req: ApiRequest): Reply {
  const obj = objectNamed(org, req.params[0], accessOf(org, req));
  const pageSize = intParam(req, 'pageSize', 20, 1, 2000);
  const pageToken = req.query.get('pageToken') ?? '0';
  if (!/^\d+$/.test(pageToken)) throw invalidInput(`Invalid pageToken: ${pageToken}`);
  const offset = Number(pageToken);
  const q = req.query.get('q');
  const recentOnly = req.query.get('recentListsOnly') === 'true';
  let views = listViewsOf(obj);
  if (recentOnly) {
    const byId = new Map(views.map((v) => [listViewId(obj.name, v.developerName), v]));
    views = recentlyUsed(org, req)
      .map((id) => byId.get(id))
      .filter((v): v is ListViewDefinition => v !== undefined);
  }
  if (q) views = views.filter((v) => v.label.toLowerCase().includes(q.toLowerCase()));
  const page = views.slice(offset, offset + pageSize);
  const url = (token: number): string => {
    const params = new URLSearchParams(req.query);
    params.set('pageSize', String(pageSize));
    params.set('pageToken', String(token));
    return `${uiBase(req)}/list-ui/${obj.name}?${params.toString()}`;
  };
  const next = offset + pageSize < views.length ? offset + pageSize : null;
  const previous = offset > 0 ? Math.max(0, offset - pageSize) : null;
  return ok({
    count: page.length,
    currentPageToken: String(offset),
    currentPageUrl: url(offset),
    lists: page.map((v) => {
      const id = listViewId(obj.name, v.developerName);
      return { apiName: v.developerName, id, label: v.label, listUiUrl: `${uiBase(req)}/list-ui/${id}` };
    }),
    nextPageToken: next === null ? null : String(next),
    nextPageUrl: next === null ? null : url(next),
    objectApiName: obj.name,
    pageSize,
    previousPageToken: previous === null ? null : String(previous),
    previousPageUrl: previous === null ? null : url(previous),
    queryString: q,
    recentListsOnly: recentOnly,
  });
}
