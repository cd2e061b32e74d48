/**
 * A parsed query to an execution plan of SQL statements:
 * - records: one statement listing the matching root rowids in order (WHERE, ORDER BY, LIMIT, OFFSET in
 *   SQL), one fetching a page of rows by rowid with every selected column and parent join, and one per
 *   child subquery fetching the children of a page of parents;
 * - aggregate: one statement computing every row (GROUP BY, ROLLUP/CUBE as grouping sets, HAVING);
 * - count: `SELECT COUNT()` as one statement.
 */
import { SalesforceError } from '../errors';
import { findObjectSchema, type FieldSchema } from '../schema';
import { quoteIdent } from '../sql';
import { toApiValue } from '../values';
import { unknownChildRelationship, unknownObject } from './errors';
import {
  compileCondition,
  compileExpr,
  isAggregateCall,
  isDateFunctionCall,
  whereOf,
  type Compiled,
} from './expressions';
import { groupable, sortable } from './fields';
import { expandFields } from './fields-function';
import { aggregateValueFunction, selectValueFunction, valueCall } from './functions';
import { typeofEntry } from './typeof';
import { corporateOf, isMultiCurrency } from '../currency/sql';
import type { Expr, OrderItem, SelectItem, SoqlQuery } from './parse';
import { Scope, whereClause, type Env, type FieldRef } from './scope';
import { orderedKeyset, type OrderedKeyset } from './ordered';

export const MAX_OFFSET = 2000;
/** Aggregate results are not pageable: more rows than one batch is an error. */
export const MAX_AGGREGATE_ROWS = 2000;

export interface RecordShape {
  type: string;
  /** Result column holding the record's Id (null for an empty lookup). */
  idColumn: string;
  /** Result column holding the type in the record's url, when it is not `type` (a polymorphic Name record). */
  urlTypeColumn?: string;
  entries: ShapeEntry[];
}

export type ShapeEntry =
  | { kind: 'field'; name: string; column: string; field: FieldSchema }
  | { kind: 'parent'; name: string; shape: RecordShape }
  | { kind: 'child'; name: string; child: ChildPlan }
  /** toLabel(), FORMAT(), convertCurrency(): a value computed from its columns. */
  | { kind: 'value'; name: string; columns: string[]; field: FieldSchema; format: (values: unknown[]) => unknown }
  /** TYPEOF: the variant whose Id column is not null, or null. */
  | { kind: 'typeof'; name: string; variants: RecordShape[] };

/** A parent-to-child subquery: its rows carry the parent's Id in `__p`, its parents come in `@__parents`. */
export interface ChildPlan {
  sql: string;
  shape: RecordShape;
}

export interface AggregateColumn {
  name: string;
  column: string;
  format: (value: unknown) => unknown;
}

export type Plan =
  | { kind: 'count'; sql: string }
  | { kind: 'aggregate'; sql: string; columns: AggregateColumn[] }
  /**
   * `idSql` lists rowids; `pageSql` reads the rows whose rowids come in `@__ids`. A query without ORDER BY,
   * LIMIT or OFFSET is read in rowid order a page at a time instead (`keyset`): its size comes from a count,
   * and each page from the rowids after the last one read, so no page has to list every match first.
   */
  | {
      kind: 'records';
      idSql: string;
      pageSql: string;
      shape: RecordShape;
      keyset?: { countSql: string; nextIdsSql: string };
      /** ORDER BY on fields of the queried object, no OFFSET: read in that order a page at a time (ordered.ts). */
      ordered?: OrderedKeyset;
    };

/** Named result columns c0, c1, ... of a SELECT. */
class Columns {
  readonly list: string[] = [];

  add(sql: string): string {
    const name = `c${this.list.length}`;
    this.list.push(`${sql} AS ${name}`);
    return name;
  }
}

function limitClause(limit: number | undefined, offset: number | undefined): string {
  if (limit === undefined && offset === undefined) return '';
  return ` LIMIT ${limit === undefined ? -1 : Number(limit)}${offset ? ` OFFSET ${Number(offset)}` : ''}`;
}

const direction = (o: OrderItem): string => `${o.desc ? 'DESC' : 'ASC'} NULLS ${o.nullsFirst ? 'FIRST' : 'LAST'}`;

function checkSortable(scope: Scope, c: Compiled): void {
  if (!sortable(c.kind)) throw scope.env.text.malformed(`field '${c.text}' can not be sorted in a query call`, c.text);
}

/**
 * ORDER BY terms, then rowid (insertion order) to break ties. The rowid runs in the direction of the
 * last term so that an index on a single sorted field serves the whole order.
 */
function recordOrder(scope: Scope, query: SoqlQuery, compiled: Compiled[] = []): string[] {
  const terms = query.orderBy.map((o) => {
    const c = compileExpr(scope, o.expr, false);
    checkSortable(scope, c);
    compiled.push(c);
    return `${c.sql} ${direction(o)}`;
  });
  return [...terms, `${scope.alias}.rowid${query.orderBy[query.orderBy.length - 1]?.desc ? ' DESC' : ''}`];
}

/** The nested shape of the parent a field path reaches (the shape itself for a field of the object). */
function parentShape(shape: RecordShape, ref: FieldRef, columns: Columns): RecordShape {
  let target = shape;
  for (const { rel, alias, poly } of ref.rels) {
    let entry = target.entries.find((e) => e.kind === 'parent' && e.name === rel.name);
    if (!entry) {
      const idColumn = columns.add(poly?.idSql ?? `${alias}."Id"`);
      // A polymorphic parent is a Name record whose url names the record's own type.
      const urlTypeColumn = poly && columns.add(poly.typeSql);
      entry = { kind: 'parent', name: rel.name, shape: { type: rel.target, idColumn, urlTypeColumn, entries: [] } };
      target.entries.push(entry);
    }
    target = (entry as Extract<ShapeEntry, { kind: 'parent' }>).shape;
  }
  return target;
}

/** The selected fields as a nested record shape, adding their columns; child subqueries become plans. */
function buildShape(
  scope: Scope,
  selected: SelectItem[],
  columns: Columns,
  rootLimit: number | undefined | null,
  ownLimit: number | undefined,
): RecordShape {
  const { text } = scope.env;
  const shape: RecordShape = { type: scope.obj.name, idColumn: columns.add(`${scope.alias}."Id"`), entries: [] };
  const seen = new Set<string>();
  const items = expandFields(scope, selected, ownLimit);
  for (const item of items) {
    if (item.kind === 'typeof') {
      const entry = typeofEntry(scope, item, (sql) => columns.add(sql));
      const key = `(${entry.name.toLowerCase()})`;
      const usedElsewhere = items.some(
        (other) =>
          other.kind === 'expr' &&
          other.expr.kind === 'field' &&
          other.expr.path.length > 1 &&
          other.expr.path[0].toLowerCase() === entry.name.toLowerCase(),
      );
      if (seen.has(key) || usedElsewhere) {
        throw text.malformed(`TYPEOF ${entry.name} cannot be selected with other fields of ${entry.name}`, 'TYPEOF');
      }
      seen.add(key);
      shape.entries.push(entry);
      continue;
    }
    if (item.kind === 'subquery') {
      if (rootLimit === null) {
        throw text.malformed(
          'SOQL statements cannot query aggregate relationships more than 1 level away from the root entity object.',
          item.query.from,
        );
      }
      const child = childPlan(scope, item.query, rootLimit);
      if (seen.has(`(${child.name.toLowerCase()})`))
        throw text.malformed(`duplicate field selected: ${child.name}`, child.name);
      seen.add(`(${child.name.toLowerCase()})`);
      shape.entries.push({ kind: 'child', name: child.name, child: child.plan });
      continue;
    }
    const call = valueCall(item.expr);
    if (call) {
      const value = selectValueFunction(scope, call);
      const name = item.alias ?? value.name;
      const key = item.alias ? `alias:${item.alias.toLowerCase()}` : value.ref.key;
      if (seen.has(key)) throw text.malformed(`duplicate field selected: ${name}`, item.text);
      seen.add(key);
      const cols = value.sqls.map((sql) => columns.add(sql));
      // Unaliased, a parent's field stays inside its parent (`toLabel(Account.Type)` answers Account.Type).
      const target = item.alias ? shape : parentShape(shape, value.ref, columns);
      target.entries.push({ kind: 'value', name, columns: cols, field: value.ref.field, format: value.format });
      continue;
    }
    if (item.expr.kind === 'call') {
      // Date functions and aggregates make an aggregate query; anything else is refused here.
      compileExpr(scope, item.expr, false);
      throw text.malformed(`${item.text} is not allowed in this query`, item.text);
    }
    if (item.alias) throw text.malformed('only aggregate expressions use field aliasing', item.alias);
    const ref = scope.field(item.expr);
    if (seen.has(ref.key)) throw text.malformed(`duplicate field selected: ${item.text}`, item.text);
    seen.add(ref.key);
    parentShape(shape, ref, columns).entries.push({
      kind: 'field',
      name: ref.field.name,
      column: columns.add(ref.sql),
      field: ref.field,
    });
  }
  return shape;
}

function childPlan(parent: Scope, query: SoqlQuery, rootLimit: number | undefined): { name: string; plan: ChildPlan } {
  const { env } = parent;
  const { text, schema } = env;
  const rel = parent.obj.children.get(query.from.toLowerCase());
  const childObject = rel && schema.objects.get(rel.childObject);
  const fkField = childObject && rel && childObject.fields.get(rel.field);
  if (!rel || !env.readable(childObject) || !env.readableField(fkField))
    throw unknownChildRelationship(text, query.from);
  const aggregate = query.select.some(
    (i) => i.kind === 'expr' && (isAggregateCall(i.expr) || isDateFunctionCall(i.expr)),
  );
  if (aggregate || query.groupBy.length || query.having) {
    throw text.malformed('only root queries support aggregate expressions', query.from);
  }
  if (query.offset !== undefined && rootLimit !== 1) {
    throw text.malformed('A subquery can use OFFSET only if the parent query has a LIMIT 1 clause', 'OFFSET');
  }
  const scope = new Scope(env, childObject, query.alias);
  const fk = `${scope.alias}.${quoteIdent(fkField.column)}`;
  const where = whereOf(scope, query, true);
  const order = recordOrder(scope, query);
  const columns = new Columns();
  const shape = buildShape(scope, query.select, columns, null, query.limit);
  const conditions = [`${fk} IN (SELECT value FROM json_each(@__parents))`, scope.notDeleted(), scope.visible(), where];
  // LIMIT and OFFSET apply to each parent's children: number them per parent.
  const numbered = `ROW_NUMBER() OVER (PARTITION BY ${fk} ORDER BY ${order.join(', ')}) AS __n`;
  const inner = `SELECT ${fk} AS __p, ${columns.list.join(', ')}, ${numbered} FROM ${scope.from()}${whereClause(conditions)}`;
  const first = Number(query.offset ?? 0);
  const bounds = [first > 0 ? `__n > ${first}` : undefined];
  if (query.limit !== undefined) bounds.push(`__n <= ${first + Number(query.limit)}`);
  return { name: rel.name, plan: { sql: `SELECT * FROM (${inner})${whereClause(bounds)} ORDER BY __p, __n`, shape } };
}

function recordsPlan(scope: Scope, query: SoqlQuery, where: string): Plan {
  scope.env.text.clause('ORDER');
  const compiled: Compiled[] = [];
  const order = recordOrder(scope, query, compiled);
  // The rowid list needs only the joins that WHERE and ORDER BY use; those were created first.
  const idJoins = scope.joins.length;
  scope.env.text.clause('SELECT');
  const columns = new Columns();
  const shape = buildShape(scope, query.select, columns, query.limit, query.limit);
  // With OFFSET, Salesforce returns only the first batch: at most 2000 rows.
  const limit = query.offset !== undefined ? Math.min(query.limit ?? MAX_OFFSET, MAX_OFFSET) : query.limit;
  const a = scope.alias;
  const from = scope.from(idJoins);
  const plain = query.orderBy.length === 0 && query.limit === undefined && query.offset === undefined;
  // Rows added after the query started (a rowid above @__max) are not part of its result, as with a locator.
  const after = `${a}.rowid > @__after AND ${a}.rowid <= @__max`;
  return {
    kind: 'records',
    idSql: `SELECT ${a}.rowid FROM ${from}${where} ORDER BY ${order.join(', ')}${limitClause(limit, query.offset)}`,
    pageSql: `SELECT ${a}.rowid AS __r, ${columns.list.join(', ')} FROM ${scope.from()} WHERE ${a}.rowid IN (SELECT value FROM json_each(@__ids))`,
    shape,
    keyset: plain
      ? {
          countSql: `SELECT COUNT(*), COALESCE(MAX(${a}.rowid), 0) FROM ${from}${where}`,
          nextIdsSql: `SELECT ${a}.rowid FROM ${from}${where ? `${where} AND ${after}` : ` WHERE ${after}`} ORDER BY ${a}.rowid LIMIT @__n`,
        }
      : undefined,
    ordered:
      query.orderBy.length > 0 && query.offset === undefined
        ? orderedKeyset(scope, from, where, query.orderBy, compiled, order, query.limit)
        : undefined,
  };
}

interface Grouping {
  groups: Compiled[];
  /** Group expression key to its index: its value is result column g<index>. */
  index: Map<string, number>;
  /** Grouping sets: one for GROUP BY, the prefixes for ROLLUP, every subset for CUBE. */
  sets: number[][];
  /** ROLLUP and CUBE: column h<index> is 1 on rows that total over group <index>. */
  subtotals: boolean;
}

/** "You can include up to three fields in a GROUP BY ROLLUP / GROUP BY CUBE clause" (SOQL reference). */
const MAX_SUBTOTAL_FIELDS = 3;

function grouping(scope: Scope, query: SoqlQuery): Grouping {
  scope.env.text.clause('GROUP');
  if (query.groupType !== 'plain' && query.groupBy.length > MAX_SUBTOTAL_FIELDS) {
    throw scope.env.text.malformed(
      `GROUP BY ${query.groupType} can include up to ${MAX_SUBTOTAL_FIELDS} fields`,
      query.groupType,
    );
  }
  const groups = query.groupBy.map((g) => {
    const c = compileExpr(scope, g, false);
    if (!c.fn && c.ref && !groupable(c.ref.field)) {
      throw scope.env.text.malformed(`field '${c.text}' can not be grouped in a query call`, c.text);
    }
    return c;
  });
  const all = groups.map((_, i) => i);
  let sets = [all];
  if (query.groupType === 'ROLLUP') sets = [...all.map((_, k) => all.slice(0, all.length - k)), []];
  if (query.groupType === 'CUBE') {
    sets = [];
    for (let mask = (1 << all.length) - 1; mask >= 0; mask--) sets.push(all.filter((i) => mask & (1 << i)));
  }
  return { groups, index: new Map(groups.map((g, i) => [g.key, i])), sets, subtotals: query.groupType !== 'plain' };
}

/** One SELECT per grouping set, with columns g<i> (and h<i>) for the groups, then `extra`, to UNION ALL. */
function groupedSelects(scope: Scope, where: string, g: Grouping, having: string | undefined, extra: string[]): string {
  return g.sets
    .map((set) => {
      const cols = [
        ...g.groups.map((c, i) => `${set.includes(i) ? c.sql : 'NULL'} AS g${i}`),
        ...(g.subtotals ? g.groups.map((_, i) => `${set.includes(i) ? 0 : 1} AS h${i}`) : []),
        ...extra,
      ];
      const groupBy = set.length ? ` GROUP BY ${set.map((i) => g.groups[i].sql).join(', ')}` : '';
      return `SELECT ${cols.join(', ')} FROM ${scope.from()}${where}${groupBy}${having ? ` HAVING ${having}` : ''}`;
    })
    .join(' UNION ALL ');
}

function havingOf(scope: Scope, query: SoqlQuery, g: Grouping): string | undefined {
  if (!query.having) return undefined;
  scope.env.text.clause('HAVING');
  return compileCondition(scope, query.having, {
    semiJoins: false,
    having: (c) => {
      if (!g.index.has(c.key)) throw scope.env.text.malformed(`Field must be grouped or aggregated: ${c.text}`, c.text);
    },
  });
}

const asApiValue = (field: FieldSchema) => (value: unknown) =>
  value === null || value === undefined ? null : toApiValue(field.model, value as string | number);

function aggregatePlan(scope: Scope, query: SoqlQuery, where: string): Plan {
  const { text } = scope.env;
  const g = grouping(scope, query);
  const hidden: string[] = [];
  const hide = (sql: string): string => {
    hidden.push(`${sql} AS a${hidden.length}`);
    return `a${hidden.length - 1}`;
  };
  const columns: AggregateColumn[] = [];
  const names = new Set<string>();
  let unnamed = 0;
  text.clause('SELECT');
  for (const item of query.select) {
    if (item.kind === 'subquery') {
      throw text.malformed('Aggregate queries do not support parent-to-child subqueries', item.query.from);
    }
    if (item.kind === 'typeof') throw text.malformed('TYPEOF cannot be used in an aggregate query', 'TYPEOF');
    let column: string;
    let format: (value: unknown) => unknown = (v) => v;
    let name = item.alias;
    // FORMAT() and toLabel() change how their argument's value is returned, not what is grouped.
    const wrapper = valueCall(item.expr);
    const expr = wrapper?.args.length === 1 ? wrapper.args[0] : item.expr;
    if (wrapper && wrapper.args.length !== 1) throw text.malformed(`Invalid argument to ${wrapper.name}`, item.text);
    // convertCurrency() is refused before its argument is looked at (aggregates are converted already).
    if (wrapper?.name === 'CONVERTCURRENCY') aggregateValueFunction(scope, wrapper, undefined, false);
    if (expr.kind === 'call' && expr.name === 'GROUPING') {
      const arg = expr.args[0];
      const index = arg ? g.index.get(compileExpr(scope, arg, false).key) : undefined;
      if (!g.subtotals || index === undefined)
        throw text.malformed(`GROUPING field must be in a ROLLUP or CUBE`, item.text);
      column = `h${index}`;
      name ??= `expr${unnamed++}`;
    } else {
      const c = compileExpr(scope, expr, true);
      if (c.aggregate) {
        column = hide(c.sql);
        if ((c.fn === 'MIN' || c.fn === 'MAX') && c.ref) format = asApiValue(c.ref.field);
        // Aggregates of currency fields are in the corporate currency, rounded to its decimal places.
        if (c.ref?.field.model.type === 'Currency' && isMultiCurrency(scope.env.schema) && c.fn !== 'COUNT') {
          const currencies = scope.env.options.currencies;
          const decimals = (currencies && corporateOf(currencies)?.decimalPlaces) ?? 2;
          format = (v) => (typeof v === 'number' ? Number(v.toFixed(decimals)) : v);
        }
        name ??= `expr${unnamed++}`;
      } else {
        const index = g.index.get(c.key);
        if (index === undefined) throw text.malformed(`Field must be grouped or aggregated: ${item.text}`, item.text);
        column = `g${index}`;
        if (!c.fn && c.ref) format = asApiValue(c.ref.field);
        // A grouped field keeps its name (a parent path's last part); functions are numbered.
        name ??= c.fn || !c.ref ? `expr${unnamed++}` : c.ref.field.name;
      }
    }
    if (wrapper) {
      const c = compileExpr(scope, expr, true);
      const counted = c.fn === 'COUNT' || c.fn === 'COUNT_DISTINCT' || (c.fn !== undefined && !c.aggregate);
      const then = aggregateValueFunction(scope, wrapper, counted ? undefined : c.ref?.field.model, c.aggregate);
      const base = format;
      format = (v) => then(base(v));
    }
    if (names.has(name.toLowerCase())) throw text.malformed(`duplicate alias: ${name}`, name);
    names.add(name.toLowerCase());
    columns.push({ name, column, format });
  }
  const having = havingOf(scope, query, g);
  text.clause('ORDER');
  const order = query.orderBy.map((o) => {
    const c = compileExpr(scope, o.expr, true);
    checkSortable(scope, c);
    if (c.aggregate) return `${hide(c.sql)} ${direction(o)}`;
    const index = g.index.get(c.key);
    if (index === undefined)
      throw text.malformed(`Ordered field must be grouped or aggregated: ${o.expr.text}`, o.expr.text);
    return `g${index} ${direction(o)}`;
  });
  // Then by the groups, subtotal rows after the rows they total. A group already ordered on is left out: a
  // repeated term keeps SQLite from reading the groups in an index's order and stopping at the LIMIT.
  const ordered = new Set(order.map((term) => term.split(' ')[0]));
  order.push(
    ...g.groups.flatMap((_, i) =>
      g.subtotals ? [`h${i}`, `g${i} ASC NULLS FIRST`] : ordered.has(`g${i}`) ? [] : [`g${i} ASC NULLS FIRST`],
    ),
  );
  if (query.limit !== undefined && query.groupBy.length === 0) {
    throw text.malformed('A query with aggregate functions and LIMIT needs a GROUP BY clause', 'LIMIT');
  }
  // One row more than a batch tells that the result is too large.
  const limit = Math.min(query.limit ?? Infinity, MAX_AGGREGATE_ROWS + 1);
  const union = groupedSelects(scope, where, g, having, hidden);
  const orderBy = order.length ? ` ORDER BY ${order.join(', ')}` : '';
  // One grouping set is ordered and limited in place, so groups read in an index's order stop at the LIMIT
  // (SQLite does not flatten an aggregate subquery); ROLLUP and CUBE order their union of sets.
  const grouped = g.sets.length === 1 ? union : `SELECT * FROM (${union})`;
  return { kind: 'aggregate', sql: `${grouped}${orderBy}${limitClause(limit, query.offset)}`, columns };
}

function countPlan(scope: Scope, query: SoqlQuery, where: string): Plan {
  const limit = limitClause(query.limit, query.offset);
  if (query.groupBy.length) {
    const g = grouping(scope, query);
    const union = groupedSelects(scope, where, g, havingOf(scope, query, g), []);
    return { kind: 'count', sql: `SELECT COUNT(*) AS n FROM (SELECT * FROM (${union})${limit})` };
  }
  if (query.having) throw scope.env.text.malformed('HAVING needs a GROUP BY clause', 'HAVING');
  if (!limit) return { kind: 'count', sql: `SELECT COUNT(*) AS n FROM ${scope.from()}${where}` };
  return { kind: 'count', sql: `SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${scope.from()}${where}${limit})` };
}

export function compileQuery(env: Env, query: SoqlQuery): Plan {
  const { text, schema } = env;
  const obj = findObjectSchema(schema, query.from);
  if (!env.readable(obj)) throw unknownObject(text, query.from);
  if (query.offset !== undefined && query.offset > MAX_OFFSET) {
    throw new SalesforceError(400, 'NUMBER_OUTSIDE_VALID_RANGE', `Maximum SOQL offset allowed is ${MAX_OFFSET}`);
  }
  const scope = new Scope(env, obj, query.alias);
  text.clause('WHERE');
  const restrict = env.options.restrict?.(scope.alias, (value) => env.param(value));
  const where = whereClause([scope.notDeleted(), scope.visible(), restrict, whereOf(scope, query, true)]);
  // FORMAT(SUM(Amount)) is an aggregate: value functions are looked through.
  const exprs = query.select.flatMap((i) =>
    i.kind !== 'expr'
      ? []
      : valueCall(i.expr)?.args.length === 1
        ? [(valueCall(i.expr) as Expr & { kind: 'call' }).args[0]]
        : [i.expr],
  );
  if (exprs.some((e) => e.kind === 'call' && e.name === 'COUNT' && e.args.length === 0)) {
    if (query.select.length !== 1) throw text.malformed('COUNT() must be the only element in the SELECT list', 'COUNT');
    return countPlan(scope, query, where);
  }
  const aggregate = exprs.some(
    (e) => isAggregateCall(e) || isDateFunctionCall(e) || (e.kind === 'call' && e.name === 'GROUPING'),
  );
  if (aggregate || query.groupBy.length) return aggregatePlan(scope, query, where);
  if (query.having) throw text.malformed('HAVING needs a GROUP BY clause', 'HAVING');
  return recordsPlan(scope, query, where);
}
