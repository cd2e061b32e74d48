/**
 * UI API GraphQL aggregate queries, `uiapi { aggregate { Object(where, groupBy, first) { edges { node {
 * aggregate { Field { value } Other { sum { value } count { value } } } } } totalCount } } }`, as the GraphQL
 * API's aggregate schema defines them: `groupBy: { Field: { group: true } }` groups by the field (its `value`
 * is the group's), and each field offers count, countDistinct, sum, avg, min and max, each `{ value }`.
 *
 * Parents are reached as in the rest of the schema: `groupBy: { Owner: { Name: { group: true } } }` (an
 * `<Object>_GroupBy` input per parent, e.g. `User_GroupBy`) groups by the parent's field, whose value is
 * selected under the same path, `aggregate { Owner { Name { value } } }`, and a parent's field has the same
 * functions (`Account { AnnualRevenue { sum { value } } }`); paths nest (`Plan_Section__r {
 * Partner_Account_Plan__r { Name { group: true } } }`). `where` filters through parents and takes date
 * literals (`{ eq: { literal: THIS_FISCAL_QUARTER } }`) as record queries do.
 *
 * One SOQL aggregate query per connection, run as the caller (sharing, and a field they cannot read is not
 * in their schema). Grouping functions (`function: CALENDAR_YEAR`...) and polymorphic parents are refused
 * as not supported by the local org.
 */
import type { FieldNode } from 'graphql';
import { fieldUndefined, GraphQLRequestError } from './errors';
import { refusePolymorphic } from './polymorphic';
import {
  argumentValue,
  child,
  condition,
  fieldsOf,
  inputObject,
  pick,
  type FieldDescribe,
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

/** A grouped field: its SOQL path (`Owner.Name`) and the alias its value comes back under. */
interface Grouped {
  path: string;
  alias: string;
}

/** One value of a result row asked for under `aggregate`: a grouped field or a function of a field. */
interface Column {
  /** The response keys down to the part (`Owner`, `Name`, `value`). */
  keys: string[];
  /** The SOQL path of the field (`Owner.Name`). */
  path: string;
  /** undefined for a grouped field's own value. */
  fn?: string;
  /** The SOQL alias the value comes back under. */
  alias: string;
  /** `value` or `displayValue` of a grouped field. */
  part?: string;
  node: FieldNode;
}

/** The parent reference field of a relationship name (`Owner`, `Plan_Section__r`), or undefined. */
function parentField(
  schema: Schema,
  objectName: string,
  relationship: string,
  node: FieldNode,
  path: string[],
): FieldDescribe | undefined {
  return schema
    .describe(objectName, node, path)
    .fields.find((f) => f.relationshipName?.toLowerCase() === relationship.toLowerCase() && f.referenceTo.length > 0);
}

/** The field of an object by name, or undefined (a relationship name is not a field). */
function ownField(schema: Schema, objectName: string, name: string, node: FieldNode, path: string[]) {
  return schema.describe(objectName, node, path).fields.find((f) => f.name.toLowerCase() === name.toLowerCase());
}

/** The grouped fields of a `groupBy` input (an `<Object>_GroupBy`), by their SOQL paths, parents included. */
function groupedFields(
  schema: Schema,
  objectName: string,
  groupBy: Record<string, unknown>,
  node: FieldNode,
  path: string[],
  prefix = '',
  out: Grouped[] = [],
): Grouped[] {
  for (const [name, clause] of Object.entries(groupBy)) {
    if (clause === undefined || clause === null) continue;
    const spec = inputObject(clause, `the grouping of ${name}`);
    const field = ownField(schema, objectName, name, node, path);
    if (field && ('group' in spec || 'function' in spec)) {
      if (spec.function !== undefined && spec.function !== null)
        throw new GraphQLRequestError(
          `Grouping functions (${String(spec.function)}) are not supported by the local org`,
          node,
        );
      if (spec.group === true) out.push({ path: `${prefix}${field.name}`, alias: `grp${out.length}` });
      continue;
    }
    refusePolymorphic(schema, objectName, name, node, path, 'Grouping');
    const parent = parentField(schema, objectName, name, node, path);
    if (!parent) throw fieldUndefined(name, `${objectName}_GroupBy`, node, path);
    const relationship = parent.relationshipName as string;
    groupedFields(schema, parent.referenceTo[0], spec, node, path, `${prefix}${relationship}.`, out);
  }
  return out;
}

/** The columns a selection under `aggregate` (or under a parent in it) asks for, checked against the schema. */
function columnsOf(
  schema: Schema,
  objectName: string,
  selection: FieldNode,
  grouped: Grouped[],
  path: string[],
  prefix = '',
  keys: string[] = [],
  columns: Column[] = [],
): Column[] {
  for (const f of fieldsOf(selection.selectionSet)) {
    if (f.name.value === '__typename') continue;
    const key = f.alias?.value ?? f.name.value;
    const field = ownField(schema, objectName, f.name.value, f, path);
    if (!field) {
      refusePolymorphic(schema, objectName, f.name.value, f, path, 'Aggregating');
      const parent = parentField(schema, objectName, f.name.value, f, path);
      if (!parent) throw fieldUndefined(f.name.value, `${objectName}_Aggregate`, f, path);
      const relationship = parent.relationshipName as string;
      columnsOf(
        schema,
        parent.referenceTo[0],
        f,
        grouped,
        [...path, key],
        `${prefix}${relationship}.`,
        [...keys, key],
        columns,
      );
      continue;
    }
    const fieldPath = `${prefix}${field.name}`;
    for (const part of fieldsOf(f.selectionSet)) {
      const partKey = part.alias?.value ?? part.name.value;
      if (part.name.value === 'value' || part.name.value === 'displayValue') {
        const group = grouped.find((g) => g.path.toLowerCase() === fieldPath.toLowerCase());
        if (!group)
          throw new GraphQLRequestError(
            `${fieldPath} is not grouped: select one of its aggregate functions instead`,
            part,
          );
        columns.push({
          keys: [...keys, key, partKey],
          path: fieldPath,
          alias: group.alias,
          part: part.name.value,
          node: part,
        });
      } else if (FUNCTIONS[part.name.value]) {
        columns.push({
          keys: [...keys, key, partKey],
          path: fieldPath,
          fn: FUNCTIONS[part.name.value],
          alias: `agg${columns.length}`,
          node: part,
        });
      } else if (part.name.value !== '__typename') {
        throw fieldUndefined(part.name.value, `${objectName}_${field.name}_Aggregate`, part, [...path, key]);
      }
    }
  }
  return columns;
}

/** Sets a value at a key path of a nested object, creating the objects on the way. */
function setAt(target: Record<string, unknown>, keys: string[], value: unknown): void {
  let at = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof at[key] !== 'object' || at[key] === null) at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  at[keys[keys.length - 1]] = value;
}

/** The `aggregate` value of one result row, shaped as selected. */
function aggregateOf(row: Record<string, unknown>, columns: Column[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column of columns) {
    const value = row[column.alias] ?? null;
    if (!column.fn) {
      setAt(out, column.keys, column.part === 'value' || value === null ? value : String(value));
    } else {
      const fnOut: Record<string, unknown> = {};
      for (const v of fieldsOf(column.node.selectionSet)) fnOut[v.alias?.value ?? v.name.value] = value;
      setAt(out, column.keys, fnOut);
    }
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
  const groupBy = argumentValue(field, 'groupBy', variables);
  const grouped =
    groupBy === undefined || groupBy === null
      ? []
      : groupedFields(schema, objectName, inputObject(groupBy, 'groupBy'), field, [...path, objectName]);
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
  const functions = columns.filter((c) => c.fn).map((c) => `${c.fn as string}(${c.path}) ${c.alias}`);
  const select = [...grouped.map((g) => `${g.path} ${g.alias}`), ...functions];
  // A grouping without functions still needs one aggregate for SOQL; COUNT(Id) is never selected back.
  if (functions.length === 0) select.push('COUNT(Id) rowCount');
  const soql =
    `SELECT ${select.join(', ')} FROM ${objectName}` +
    (whereSoql ? ` WHERE ${whereSoql}` : '') +
    (grouped.length > 0 ? ` GROUP BY ${grouped.map((g) => g.path).join(', ')} LIMIT ${first + 1}` : '');
  const { records } = runtime.query(soql);
  const shown = records.slice(0, first);
  const full = {
    edges: shown.map((row) => ({ node: { aggregate: aggregate ? aggregateOf(row, columns) : {} } })),
    pageInfo: { hasNextPage: records.length > first, hasPreviousPage: false, startCursor: null, endCursor: null },
    totalCount: shown.length,
  };
  return pick(full, field, [...path, objectName]);
}
