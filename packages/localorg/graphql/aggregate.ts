/**
 * UI API GraphQL aggregate queries, `uiapi { aggregate { Object(where, groupBy, first) { edges { node {
 * aggregate { Field { value } Other { sum { value } count { value } } } } } totalCount } } }`, as the GraphQL
 * API's aggregate schema defines them: `groupBy: { Field: { group: true } }` groups by the field (its `value`
 * is the group's), and each field offers count, countDistinct, sum, avg, min and max, each `{ value }`. One
 * SOQL aggregate query per connection, run as the caller (a field they cannot read is not in their schema).
 */
import type { FieldNode } from 'graphql';
import { fieldUndefined, GraphQLRequestError } from './errors';
import {
  argumentValue,
  child,
  condition,
  fieldsOf,
  inputObject,
  pick,
  type GraphQLRuntime,
  type Schema,
  type Variables,
} from './query';

const FUNCTIONS: Record<string, string> = {
  count: 'COUNT',
  countDistinct: 'COUNT_DISTINCT',
  sum: 'SUM',
  avg: 'AVG',
  min: 'MIN',
  max: 'MAX',
};
const MAX_GROUPS = 2000;

/** One value of a result row asked for under `aggregate`: a grouped field or a function of a field. */
interface Column {
  key: string;
  field: string;
  /** undefined for a grouped field's own value. */
  fn?: string;
  /** The SOQL alias of a function's result. */
  alias?: string;
  node: FieldNode;
}

/** The grouped fields of a `groupBy` input, by their API names. */
function groupedFields(
  schema: Schema,
  objectName: string,
  field: FieldNode,
  variables: Variables,
  path: string[],
): string[] {
  const groupBy = argumentValue(field, 'groupBy', variables);
  if (groupBy === undefined || groupBy === null) return [];
  const out: string[] = [];
  for (const [name, clause] of Object.entries(inputObject(groupBy, 'groupBy'))) {
    const spec = inputObject(clause, `the grouping of ${name}`);
    if (spec.group !== true) continue;
    out.push(schema.field(objectName, name, field, path).name);
  }
  return out;
}

/** The columns the `aggregate` selection asks for, checked against the caller's schema and the grouping. */
function columnsOf(
  schema: Schema,
  objectName: string,
  aggregate: FieldNode,
  grouped: string[],
  path: string[],
): Column[] {
  const columns: Column[] = [];
  for (const f of fieldsOf(aggregate.selectionSet)) {
    if (f.name.value === '__typename') continue;
    const name = schema.field(objectName, f.name.value, f, path).name;
    for (const part of fieldsOf(f.selectionSet)) {
      const key = `${f.alias?.value ?? f.name.value}.${part.alias?.value ?? part.name.value}`;
      if (part.name.value === 'value' || part.name.value === 'displayValue') {
        if (!grouped.includes(name))
          throw new GraphQLRequestError(`${name} is not grouped: select one of its aggregate functions instead`, part);
        columns.push({ key, field: name, node: part });
      } else if (FUNCTIONS[part.name.value]) {
        columns.push({ key, field: name, fn: FUNCTIONS[part.name.value], alias: `agg${columns.length}`, node: part });
      } else if (part.name.value !== '__typename') {
        throw fieldUndefined(part.name.value, `${objectName}_${name}_Aggregate`, part, [...path, f.name.value]);
      }
    }
  }
  return columns;
}

/** The `aggregate` value of one result row, shaped as selected. */
function aggregateOf(row: Record<string, unknown>, aggregate: FieldNode, columns: Column[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fieldsOf(aggregate.selectionSet)) {
    if (f.name.value === '__typename') continue;
    const fieldOut: Record<string, unknown> = {};
    for (const part of fieldsOf(f.selectionSet)) {
      const key = `${f.alias?.value ?? f.name.value}.${part.alias?.value ?? part.name.value}`;
      const column = columns.find((c) => c.key === key);
      if (!column) continue;
      const value = row[column.alias ?? column.field] ?? null;
      const partKey = part.alias?.value ?? part.name.value;
      if (!column.fn) fieldOut[partKey] = part.name.value === 'value' ? value : value === null ? null : String(value);
      else
        fieldOut[partKey] = Object.fromEntries(
          fieldsOf(part.selectionSet).map((v) => [v.alias?.value ?? v.name.value, value]),
        );
    }
    out[f.alias?.value ?? f.name.value] = fieldOut;
  }
  return out;
}

/** One aggregate connection as one SOQL aggregate query, run and shaped. */
export function aggregateConnection(
  runtime: GraphQLRuntime,
  schema: Schema,
  field: FieldNode,
  variables: Variables,
): Record<string, unknown> {
  const objectName = field.name.value;
  const path = ['uiapi', 'aggregate'];
  schema.describe(objectName, field, path);
  const nodePath = [...path, objectName, 'edges', 'node', 'aggregate'];
  const grouped = groupedFields(schema, objectName, field, variables, [...path, objectName]);
  const edges = child(field, 'edges');
  const node = edges ? child(edges, 'node') : undefined;
  const aggregate = node ? child(node, 'aggregate') : undefined;
  const columns = aggregate ? columnsOf(schema, objectName, aggregate, grouped, nodePath) : [];
  const where = argumentValue(field, 'where', variables);
  const whereSoql = where
    ? condition(schema, objectName, inputObject(where, 'where'), field, [...path, objectName])
    : '';
  const first = Number(argumentValue(field, 'first', variables) ?? MAX_GROUPS);
  if (!Number.isInteger(first) || first < 1 || first > MAX_GROUPS)
    throw new GraphQLRequestError(`first must be a whole number from 1 to ${MAX_GROUPS}`, field);
  const select = [...grouped, ...columns.filter((c) => c.fn).map((c) => `${c.fn}(${c.field}) ${c.alias as string}`)];
  // A grouping without functions still needs one aggregate for SOQL; COUNT(Id) is never selected back.
  if (select.length === grouped.length) select.push('COUNT(Id) rowCount');
  const soql =
    `SELECT ${select.join(', ')} FROM ${objectName}` +
    (whereSoql ? ` WHERE ${whereSoql}` : '') +
    (grouped.length > 0 ? ` GROUP BY ${grouped.join(', ')} LIMIT ${first + 1}` : '');
  const { records } = runtime.query(soql);
  const shown = records.slice(0, first);
  const full = {
    edges: shown.map((row) => ({ node: { aggregate: aggregate ? aggregateOf(row, aggregate, columns) : {} } })),
    pageInfo: { hasNextPage: records.length > first, hasPreviousPage: false, startCursor: null, endCursor: null },
    totalCount: shown.length,
  };
  return pick(full, field, [...path, objectName]);
}
