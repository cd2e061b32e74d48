/**
 * A list view compiled to the SOQL that runs it: its visible columns (picklists through toLabel(), as
 * Salesforce's list view queries do) and hidden ones (Id, the audit dates, lookup Ids), its filters with
 * their filter logic (booleanFilter), the Mine scope as the caller's ownership, and its order (the sort
 * column, then Id). Records are always read through the org's SOQL engine as the caller, so CRUD, FLS and
 * sharing apply; nothing here builds SQL.
 */
import type { FilterItem } from '@partner-planning/model';
import { SalesforceError } from '../errors';
import type { FieldSchema, ObjectSchema, OrgSchema } from '../schema';
import type { UserAccess } from '../security';
import { canReadColumn, resolveColumn, type ListColumn } from './columns';
import type { ListViewDefinition } from './definitions';

export interface CompiledListView {
  view: ListViewDefinition;
  /** The columns the caller sees, in the view's order. */
  columns: ListColumn[];
  /** Fields every result carries besides the columns (Id, CreatedDate...), hidden in a list view. */
  hidden: FieldSchema[];
  /** The WHERE condition (filters, logic and scope), or undefined for every record. */
  where?: string;
  /** The sort: a column's path and direction. */
  sort?: { column: ListColumn; ascending: boolean };
  /** Filter descriptions for describes: the resolved column, operator and values. */
  conditions: { column: ListColumn; operation: string; values: string[] }[];
  /** How the filters combine (their numbers are 1-based indexes into `conditions`). */
  logic?: Logic;
}

const HIDDEN = ['Id', 'CreatedDate', 'LastModifiedDate', 'SystemModstamp', 'OwnerId'];

const invalidFilter = (view: ListViewDefinition, message: string): SalesforceError =>
  new SalesforceError(400, 'INVALID_QUERY_FILTER_OPERATOR', `List view ${view.developerName}: ${message}`);

/** A string literal's text (quotes and backslashes escaped), as soqlString writes it between its quotes. */
const escaped = (value: string): string => value.replace(/\\/g, '\\\\').replace(/'/g, "\\'");

/** A SOQL string literal. */
export const soqlString = (value: string): string => `'${escaped(value)}'`;

/** A LIKE pattern's literal text: `%` and `_` match themselves (SOQL's `\%` and `\_` escapes). */
export const likeText = (value: string): string => escaped(value).replace(/([%_])/g, '\\$1');

const DATE_LITERAL = /^(?:[A-Z]+_)*[A-Z]+(?::\d+)?$/;

/** One filter value as a SOQL literal of the field's type (dates may be literals like THIS_WEEK). */
function literal(view: ListViewDefinition, field: FieldSchema, value: string): string {
  const type = field.model.type;
  if (value === '') return 'null';
  if (type === 'Checkbox') return /^(1|true)$/i.test(value) ? 'true' : 'false';
  if (['Number', 'Currency', 'Percent', 'Summary'].includes(type)) {
    if (!/^-?\d+(\.\d+)?$/.test(value)) throw invalidFilter(view, `'${value}' is not a number for ${field.name}`);
    return value;
  }
  if (type === 'Date' || type === 'DateTime') {
    const upper = value.toUpperCase();
    if (DATE_LITERAL.test(upper)) return upper;
    // Metadata writes dates as M/D/YYYY; the ISO form is accepted too.
    const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
    const iso = us ? `${us[3]}-${us[1].padStart(2, '0')}-${us[2].padStart(2, '0')}` : value.slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw invalidFilter(view, `'${value}' is not a date for ${field.name}`);
    return type === 'Date' ? iso : `${iso}T00:00:00Z`;
  }
  return soqlString(value);
}

const COMPARISONS: Record<string, string> = {
  equals: '=',
  notequal: '!=',
  lessthan: '<',
  greaterthan: '>',
  lessorequal: '<=',
  greaterorequal: '>=',
};

/** One filter row as a SOQL condition; a comma-separated value means any of them (all, for notEqual). */
function condition(view: ListViewDefinition, column: ListColumn, filter: FilterItem): string {
  const op = filter.operation.toLowerCase();
  const values = (filter.value ?? '').split(',').map((v) => v.trim());
  const path = column.path;
  const comparison = COMPARISONS[op];
  if (comparison) {
    const parts = values.map((v) => `${path} ${comparison} ${literal(view, column.field, v)}`);
    return parts.length === 1 ? parts[0] : `(${parts.join(op === 'notequal' ? ' AND ' : ' OR ')})`;
  }
  if (op === 'contains' || op === 'notcontain' || op === 'startswith') {
    const patterns = values.map((v) => (op === 'startswith' ? `${likeText(v)}%` : `%${likeText(v)}%`));
    const likes = patterns.map((p) => `${path} LIKE '${p}'`);
    const any = likes.length === 1 ? likes[0] : `(${likes.join(' OR ')})`;
    return op === 'notcontain' ? `(NOT ${any})` : any;
  }
  if (op === 'includes' || op === 'excludes') {
    return `${path} ${op.toUpperCase()} (${values.map((v) => soqlString(v)).join(', ')})`;
  }
  // `within` compares a geolocation field's distance: the org has no geolocation fields.
  throw invalidFilter(view, `the operation ${filter.operation} is not supported for ${column.path}`);
}

/** Filter logic as a tree over the filters' numbers (1-based). */
export type Logic =
  { kind: 'filter'; index: number } | { kind: 'and' | 'or'; items: Logic[] } | { kind: 'not'; item: Logic };

/** Parses `1 AND (2 OR NOT 3)`: NOT binds tightest, then AND, then OR; every number names a filter. */
export function parseLogic(view: ListViewDefinition, logic: string, count: number): Logic {
  const tokens = (logic.match(/\d+|\(|\)|[A-Za-z]+|\S/g) ?? []).map((t) => t.toUpperCase());
  let i = 0;
  const bad = (): SalesforceError => invalidFilter(view, `the filter logic '${logic}' is not valid`);
  const factor = (): Logic => {
    const token = tokens[i++];
    if (token === 'NOT') return { kind: 'not', item: factor() };
    if (token === '(') {
      const inner = expr();
      if (tokens[i++] !== ')') throw bad();
      return inner;
    }
    if (token !== undefined && /^\d+$/.test(token)) {
      const index = Number(token);
      if (index < 1 || index > count)
        throw invalidFilter(view, `the filter logic references filter ${token}, which is not defined`);
      return { kind: 'filter', index };
    }
    throw bad();
  };
  const chain = (kind: 'and' | 'or', next: () => Logic): Logic => {
    const items = [next()];
    while (tokens[i] === kind.toUpperCase()) {
      i++;
      items.push(next());
    }
    return items.length === 1 ? items[0] : { kind, items };
  };
  const term = (): Logic => chain('and', factor);
  const expr = (): Logic => chain('or', term);
  const tree = expr();
  if (i !== tokens.length) throw bad();
  return tree;
}

/** The logic as SOQL, each filter number replaced by its condition. */
function logicSoql(logic: Logic, conditions: string[]): string {
  if (logic.kind === 'filter') return conditions[logic.index - 1];
  if (logic.kind === 'not') return `(NOT ${logicSoql(logic.item, conditions)})`;
  return `(${logic.items.map((l) => logicSoql(l, conditions)).join(` ${logic.kind.toUpperCase()} `)})`;
}

/** Resolves and checks a view for the caller: the columns they see, its conditions and its sort. */
export function compileListView(
  schema: OrgSchema,
  obj: ObjectSchema,
  view: ListViewDefinition,
  access: UserAccess,
  userId: string,
): CompiledListView {
  const columns: ListColumn[] = [];
  for (const name of view.columns) {
    const column = resolveColumn(schema, obj, name);
    if (column && canReadColumn(schema, access, column) && !columns.some((c) => c.path === column.path))
      columns.push(column);
  }
  const conditions: CompiledListView['conditions'] = [];
  const parts: string[] = [];
  for (const filter of view.filters) {
    const column = resolveColumn(schema, obj, filter.field);
    if (!column) throw invalidFilter(view, `no field ${filter.field} on ${obj.name}`);
    parts.push(condition(view, column, filter));
    conditions.push({ column, operation: filter.operation, values: (filter.value ?? '').split(',') });
  }
  const logic: Logic | undefined = view.booleanFilter
    ? parseLogic(view, view.booleanFilter, parts.length)
    : parts.length > 1
      ? { kind: 'and', items: parts.map((_, i) => ({ kind: 'filter', index: i + 1 })) }
      : parts.length === 1
        ? { kind: 'filter', index: 1 }
        : undefined;
  const clauses: string[] = [];
  if (logic) clauses.push(logicSoql(logic, parts));
  if (view.filterScope.toLowerCase() === 'mine') {
    // Mine: records the caller owns (objects without an owner: records they created).
    const owner = obj.fields.get('OwnerId') ?? obj.fields.get('CreatedById');
    if (owner) clauses.push(`${owner.name} = ${soqlString(userId)}`);
  }
  const where =
    clauses.length === 0 ? undefined : clauses.length === 1 ? clauses[0] : clauses.map((c) => `(${c})`).join(' AND ');
  const sortColumn = view.sortColumn ? resolveColumn(schema, obj, view.sortColumn) : undefined;
  const sortBy =
    columns.find((c) => sortColumn && c.path === sortColumn.path) ??
    columns.find((c) => c.path === 'Name') ??
    columns.find((c) => isSortable(c.field));
  const hidden = HIDDEN.map((n) => obj.fields.get(n)).filter(
    (f): f is FieldSchema => f !== undefined && access.canReadField(f),
  );
  for (const column of columns) {
    if (column.lookup && !hidden.includes(column.lookup)) hidden.push(column.lookup);
  }
  return {
    view,
    columns,
    hidden,
    where,
    sort: sortBy ? { column: sortBy, ascending: true } : undefined,
    conditions,
    logic,
  };
}

/** Long text and multi-select picklists cannot be sorted in SOQL. */
export const isSortable = (field: FieldSchema): boolean =>
  !['LongTextArea', 'Html', 'MultiselectPicklist', 'TextArea'].includes(field.model.type);

/** A column's SELECT item: a picklist's label through toLabel(), as list views show it. */
export const selectItem = (column: ListColumn): string =>
  column.field.model.type === 'Picklist' || column.field.model.type === 'MultiselectPicklist'
    ? `toLabel(${column.path})`
    : column.path;

/** The SOQL of the view; `sort` overrides the view's own order (UI API sortBy). */
export function listViewSoql(
  obj: ObjectSchema,
  compiled: CompiledListView,
  sort: { path: string; ascending: boolean }[] | undefined = undefined,
): string {
  const items = [...compiled.columns.map(selectItem), ...compiled.hidden.map((f) => f.name)];
  const unique = [...new Set(items)];
  const order =
    sort ?? (compiled.sort ? [{ path: compiled.sort.column.path, ascending: compiled.sort.ascending }] : []);
  const orderBy = [
    ...order.map((o) => `${o.path} ${o.ascending ? 'ASC NULLS FIRST' : 'DESC NULLS LAST'}`),
    ...(order.some((o) => o.path === 'Id') ? [] : ['Id ASC NULLS FIRST']),
  ];
  return (
    `SELECT ${unique.join(', ')} FROM ${obj.name}` +
    (compiled.where ? ` WHERE ${compiled.where}` : '') +
    ` ORDER BY ${orderBy.join(', ')}`
  );
}
