/**
 * UI API GraphQL queries: each `uiapi { query { Object(where, orderBy, first, after) } }` connection becomes
 * one SOQL query run by the org's SOQL engine as the caller (so CRUD, field-level security and sharing apply
 * as they do to /query), and its rows come back in the UI API shape: `Field { value displayValue }`, parent
 * relationships as records, child relationships as connections, `edges { node cursor }`, `pageInfo` and
 * `totalCount`. Fields and objects the caller cannot read are not in their schema: selecting one is a
 * validation error, as it is on the platform.
 */
import { Kind, type ArgumentNode, type FieldNode, type SelectionSetNode, type ValueNode } from 'graphql';
import { fieldUndefined, GraphQLRequestError } from './errors';
import { recordFields, type Fragments } from './fragments';
import {
  polymorphicField,
  polymorphicNode,
  polymorphicSelection,
  polymorphicSoql,
  refusePolymorphic,
  type PolymorphicSelection,
} from './polymorphic';

export interface FieldDescribe {
  name: string;
  type: string;
  relationshipName: string | null;
  referenceTo: string[];
  picklistValues: { value: string; label: string; active: boolean }[];
}

export interface ObjectDescribe {
  name: string;
  fields: FieldDescribe[];
  childRelationships: { childSObject: string; relationshipName: string | null }[];
}

/** What the translator needs of the org, as the caller. */
export interface GraphQLRuntime {
  /** Every record of the query and its totalSize. */
  query(soql: string): { totalSize: number; records: Record<string, unknown>[] };
  /** The object as the caller sees it; undefined when it does not exist for them. */
  describe(objectName: string): ObjectDescribe | undefined;
}

export type Variables = Record<string, unknown>;

const OPERATORS = new Set(['eq', 'ne', 'in', 'nin', 'lt', 'lte', 'gt', 'gte', 'like']);
const SOQL_OPERATORS: Record<string, string> = {
  eq: '=',
  ne: '!=',
  lt: '<',
  lte: '<=',
  gt: '>',
  gte: '>=',
  like: 'LIKE',
  in: 'IN',
  nin: 'NOT IN',
};
const DEFAULT_FIRST = 10;
const MAX_FIRST = 2000;

const isInputObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A GraphQL input object (`where`, `orderBy`, a branch, a field's operators); anything else is refused. */
export function inputObject(value: unknown, what: string): Record<string, unknown> {
  if (isInputObject(value)) return value;
  throw new GraphQLRequestError(`${what} must be an input object, not ${JSON.stringify(value) ?? 'undefined'}`);
}

/** A plain JS value of a GraphQL literal or variable (enums as their name). */
export function valueOf(node: ValueNode, variables: Variables): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value] ?? null;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    case Kind.BOOLEAN:
      return node.value;
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map((v) => valueOf(v, variables));
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, valueOf(f.value, variables)]));
  }
}

const argument = (field: FieldNode, name: string): ArgumentNode | undefined =>
  field.arguments?.find((a) => a.name.value === name);

export function argumentValue(field: FieldNode, name: string, variables: Variables): unknown {
  const a = argument(field, name);
  return a ? valueOf(a.value, variables) : undefined;
}

/** The fields of a selection set that is not a record's: fragments are supported on records only. */
export function fieldsOf(selection: SelectionSetNode | undefined): FieldNode[] {
  return (selection?.selections ?? []).map((s) => {
    if (s.kind !== Kind.FIELD)
      throw new GraphQLRequestError(
        'Fragments are supported on records only (a connection node or a parent record)',
        s,
      );
    return s;
  });
}

export const child = (field: FieldNode, name: string): FieldNode | undefined =>
  fieldsOf(field.selectionSet).find((f) => f.name.value === name);

/** Describes objects once per request and walks relationships, as the caller sees them. */
export class Schema {
  private readonly cache = new Map<string, ObjectDescribe | undefined>();

  constructor(private readonly runtime: GraphQLRuntime) {}

  describe(objectName: string, node: FieldNode, path: string[]): ObjectDescribe {
    if (!this.cache.has(objectName)) this.cache.set(objectName, this.runtime.describe(objectName));
    const found = this.cache.get(objectName);
    if (!found) throw fieldUndefined(objectName, path.length > 0 ? 'RecordQuery' : 'UIAPI', node, path);
    return found;
  }

  field(objectName: string, name: string, node: FieldNode, path: string[]): FieldDescribe {
    const describe = this.describe(objectName, node, path);
    const field = describe.fields.find((f) => f.name.toLowerCase() === name.toLowerCase());
    if (!field) throw fieldUndefined(name, objectName, node, path);
    return field;
  }

  /** The object a relationship name (`Account`, `Plan_Section__r`) of an object points to, or undefined. */
  parentOf(objectName: string, relationship: string, node: FieldNode, path: string[]): string | undefined {
    const describe = this.describe(objectName, node, path);
    const field = describe.fields.find((f) => f.relationshipName?.toLowerCase() === relationship.toLowerCase());
    return field && field.referenceTo.length > 0 ? field.referenceTo[0] : undefined;
  }

  /** The child object of a child relationship name (`Plan_Sections__r`), or undefined. */
  childOf(objectName: string, relationship: string, node: FieldNode, path: string[]): string | undefined {
    const describe = this.describe(objectName, node, path);
    return describe.childRelationships.find((r) => r.relationshipName?.toLowerCase() === relationship.toLowerCase())
      ?.childSObject;
  }
}

/** What one connection asks: where, orderBy, first, after, as SOQL clauses. */
interface Paging {
  where: string;
  order: string[];
  first: number;
  offset: number;
}

/** A selected field: Id, a value field, a parent record, or a child relationship's connection. */
type Selected =
  | { kind: 'id'; alias: string }
  | { kind: 'value'; alias: string; name: string; wantsValue: boolean; wantsLabel: boolean; field: FieldDescribe }
  | { kind: 'parent'; alias: string; name: string; selected: Selected[] }
  | {
      kind: 'children';
      alias: string;
      name: string;
      selected: Selected[];
      paging: Paging;
      wantsCount: boolean;
      field: FieldNode;
    }
  /** A polymorphic parent (`What`): fields per type through fragments (polymorphic.ts). */
  | PolymorphicSelection<Selected>;

/** Adds a selected field, merged with one selected before under the same alias, as GraphQL merges. */
function addSelected(out: Selected[], item: Selected, node: FieldNode): void {
  const same = out.find((s) => s.alias === item.alias);
  if (!same) {
    out.push(item);
  } else if (same.kind === 'parent' && item.kind === 'parent' && same.name === item.name) {
    for (const s of item.selected) addSelected(same.selected, s, node);
  } else if (same.kind === 'value' && item.kind === 'value' && same.name === item.name) {
    same.wantsValue ||= item.wantsValue;
    same.wantsLabel ||= item.wantsLabel;
  } else if (same.kind !== 'id' || item.kind !== 'id') {
    throw new GraphQLRequestError(`Fields "${item.alias}" conflict because they are different fields`, node);
  }
}

const VALUE_FIELDS = ['value', 'displayValue', 'label', '__typename'];

/** The fields selected on a record of `objectName` (fragments expanded), checked against the caller's schema. */
export function selections(
  schema: Schema,
  objectName: string,
  node: FieldNode | undefined,
  fragments: Fragments,
  variables: Variables,
  path: string[],
): Selected[] {
  const out: Selected[] = [];
  for (const f of recordFields(node?.selectionSet, objectName, fragments)) {
    const name = f.name.value;
    const alias = f.alias?.value ?? name;
    if (name === '__typename') continue;
    if (name === 'Id') {
      addSelected(out, { kind: 'id', alias }, f);
      continue;
    }
    if (!f.selectionSet) {
      // Every field but Id is an object (`Name { value }`, a parent record, a connection): it needs a selection.
      const known = schema.field(objectName, name, f, path);
      throw new GraphQLRequestError(
        `Validation error (SubSelectionRequired@[${[...path, name].join('/')}]) : Sub selection required for type '${known.type}' of field '${name}'`,
        f,
      );
    }
    const poly = polymorphicField(schema, objectName, name, f, path);
    if (poly) {
      const select = (type: string, n: FieldNode, p: string[]) => selections(schema, type, n, fragments, variables, p);
      addSelected(out, polymorphicSelection(schema, objectName, f, poly, fragments, path, select), f);
      continue;
    }
    const inner = (f.selectionSet?.selections ?? []).map((s) => (s.kind === Kind.FIELD ? s.name.value : ''));
    const isValue = inner.length > 0 && inner.every((n) => VALUE_FIELDS.includes(n));
    if (isValue) {
      const field = schema.field(objectName, name, f, path);
      const wantsValue = inner.includes('value');
      const wantsLabel = inner.includes('displayValue');
      addSelected(out, { kind: 'value', alias, name: field.name, wantsValue, wantsLabel, field }, f);
      continue;
    }
    if (inner.includes('edges') || inner.includes('totalCount')) {
      const childObject = schema.childOf(objectName, name, f, path);
      if (!childObject) throw fieldUndefined(name, objectName, f, path);
      const childPath = [...path, name, 'edges', 'node'];
      const edges = child(f, 'edges');
      const selected = selections(
        schema,
        childObject,
        edges ? child(edges, 'node') : undefined,
        fragments,
        variables,
        childPath,
      );
      const paging = pagingOf(schema, childObject, f, variables, [...path, name]);
      addSelected(
        out,
        { kind: 'children', alias, name, selected, paging, wantsCount: inner.includes('totalCount'), field: f },
        f,
      );
      continue;
    }
    const parent = schema.parentOf(objectName, name, f, path);
    if (!parent) throw fieldUndefined(name, objectName, f, path);
    const selected = selections(schema, parent, f, fragments, variables, [...path, name]);
    addSelected(out, { kind: 'parent', alias, name, selected }, f);
  }
  return out;
}

function soqlFields(selected: Selected[], prefix = ''): string[] {
  const out: string[] = [];
  for (const s of selected) {
    if (s.kind === 'id') out.push(`${prefix}Id`);
    else if (s.kind === 'value') out.push(`${prefix}${s.name}`);
    else if (s.kind === 'polymorphic') out.push(polymorphicSoql(s, (selected) => soqlFields(selected)));
    else if (s.kind === 'parent') {
      const nested = soqlFields(s.selected, `${prefix}${s.name}.`);
      out.push(...(nested.length > 0 ? nested : [`${prefix}${s.name}.Id`]));
    } else {
      // A child connection is a subquery (one level, as SOQL allows); its paging is the subquery's.
      const fields = [...new Set(['Id', ...soqlFields(s.selected)])];
      // totalCount needs every child row; otherwise one more than `first` tells whether there is a next page.
      out.push(`(${selectSoql(fields, s.name, s.paging, s.wantsCount ? undefined : s.paging.first + 1)})`);
    }
  }
  return out;
}

function selectSoql(fields: string[], from: string, paging: Paging, limit: number | undefined): string {
  return (
    `SELECT ${fields.join(', ')} FROM ${from}` +
    (paging.where ? ` WHERE ${paging.where}` : '') +
    (paging.order.length > 0 ? ` ORDER BY ${paging.order.join(', ')}` : '') +
    (limit === undefined ? '' : ` LIMIT ${limit}`) +
    (paging.offset > 0 ? ` OFFSET ${paging.offset}` : '')
  );
}

const quote = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** A SOQL literal for a value compared with a field of this type (dates and numbers are not quoted). */
function literal(value: unknown, field: FieldDescribe): string {
  // Dates and datetimes come as `{ value: $d }` (or a `literal` such as TODAY).
  if (isInputObject(value)) {
    if (typeof value.literal === 'string') {
      // Date literals only (TODAY, LAST_N_DAYS:30...): the text goes into the SOQL as it is.
      if (!/^[A-Z_]+(:\d+)?$/.test(value.literal))
        throw new GraphQLRequestError(`not a date literal: ${value.literal}`);
      return value.literal;
    }
    return literal(value.value ?? null, field);
  }
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  // Unquoted values are inlined, so they must be whole dates or numbers: anything else is quoted as text.
  if (
    ['date', 'datetime'].includes(field.type) &&
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/.test(text)
  )
    return text;
  if (['double', 'currency', 'percent', 'int'].includes(field.type) && /^-?\d+(\.\d+)?$/.test(text)) return text;
  if (field.type === 'boolean' && /^(true|false)$/i.test(text)) return text;
  return quote(text);
}

function comparison(path: string, op: string, value: unknown, field: FieldDescribe): string {
  if (op === 'in' || op === 'nin') {
    const list = Array.isArray(value) ? value : value === null ? [] : [value];
    // SOQL has no empty IN list: nothing is in it, everything is outside it.
    if (list.length === 0) return op === 'in' ? 'Id = null' : 'Id != null';
    return `${path} ${SOQL_OPERATORS[op]} (${list.map((v) => literal(v, field)).join(', ')})`;
  }
  return `${path} ${SOQL_OPERATORS[op]} ${literal(value, field)}`;
}

/** Translates a `where` input object into a SOQL condition on an object (paths through parents). */
export function condition(
  schema: Schema,
  objectName: string,
  filter: Record<string, unknown>,
  node: FieldNode,
  path: string[],
  prefix = '',
): string {
  const parts: string[] = [];
  for (const [key, raw] of Object.entries(filter)) {
    if (raw === undefined) continue;
    if (key === 'and' || key === 'or') {
      const list = (Array.isArray(raw) ? raw : [raw]).map((f) => inputObject(f, `an ${key} branch`));
      const kept = list.map((f) => condition(schema, objectName, f, node, path, prefix)).filter((c) => c !== '');
      if (kept.length > 0) parts.push(`(${kept.join(key === 'and' ? ' AND ' : ' OR ')})`);
      continue;
    }
    if (key === 'not') {
      const inner = condition(schema, objectName, inputObject(raw, 'a not branch'), node, path, prefix);
      if (inner) parts.push(`(NOT ${inner})`);
      continue;
    }
    const ops = inputObject(raw ?? {}, `the filter on ${key}`);
    const opKeys = Object.keys(ops);
    if (opKeys.length > 0 && opKeys.every((k) => OPERATORS.has(k))) {
      const field = schema.field(objectName, key, node, path);
      for (const op of opKeys) parts.push(comparison(`${prefix}${field.name}`, op, ops[op], field));
    } else {
      refusePolymorphic(schema, objectName, key, node, path, 'Filtering');
      const parent = schema.parentOf(objectName, key, node, path);
      if (!parent) throw fieldUndefined(key, `${objectName}_Filter`, node, path);
      const inner = condition(schema, parent, ops, node, path, `${prefix}${key}.`);
      if (inner) parts.push(inner);
    }
  }
  return parts.length > 1 ? `(${parts.join(' AND ')})` : (parts[0] ?? '');
}

function orderClause(
  schema: Schema,
  objectName: string,
  order: Record<string, unknown>,
  node: FieldNode,
  path: string[],
  prefix = '',
): string[] {
  const out: string[] = [];
  for (const [key, raw] of Object.entries(order)) {
    const spec = inputObject(raw ?? {}, `the order of ${key}`);
    if ('order' in spec || 'nulls' in spec) {
      const field = schema.field(objectName, key, node, path);
      const direction = String(spec.order ?? 'ASC').toUpperCase() === 'DESC' ? 'DESC' : 'ASC';
      const nulls = spec.nulls ? ` NULLS ${String(spec.nulls).toUpperCase() === 'FIRST' ? 'FIRST' : 'LAST'}` : '';
      out.push(`${prefix}${field.name} ${direction}${nulls}`);
    } else {
      refusePolymorphic(schema, objectName, key, node, path, 'Ordering');
      const parent = schema.parentOf(objectName, key, node, path);
      if (!parent) throw fieldUndefined(key, `${objectName}_OrderBy`, node, path);
      out.push(...orderClause(schema, parent, spec, node, path, `${prefix}${key}.`));
    }
  }
  return out;
}

const encodeCursor = (offset: number): string => Buffer.from(`v1:${offset}`).toString('base64');
function decodeCursor(cursor: unknown, node: FieldNode): number {
  if (cursor === undefined || cursor === null) return 0;
  const match = typeof cursor === 'string' ? /^v1:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString()) : null;
  if (!match) throw new GraphQLRequestError(`invalid cursor ${String(cursor)}`, node);
  return Number(match[1]);
}

function pagingOf(schema: Schema, objectName: string, field: FieldNode, variables: Variables, path: string[]): Paging {
  const where = argumentValue(field, 'where', variables);
  const orderBy = argumentValue(field, 'orderBy', variables);
  const first = Number(argumentValue(field, 'first', variables) ?? DEFAULT_FIRST);
  if (!Number.isInteger(first) || first < 0 || first > MAX_FIRST)
    throw new GraphQLRequestError(`first must be a whole number from 0 to ${MAX_FIRST}`, field);
  return {
    where: where ? condition(schema, objectName, inputObject(where, 'where'), field, path) : '',
    order: orderBy ? orderClause(schema, objectName, inputObject(orderBy, 'orderBy'), field, path) : [],
    first,
    offset: decodeCursor(argumentValue(field, 'after', variables), field),
  };
}

/** The UI API node of a SOQL record. */
export function toNode(record: Record<string, unknown>, selected: Selected[]): Record<string, unknown> {
  const node: Record<string, unknown> = {};
  for (const s of selected) {
    if (s.kind === 'id') {
      node[s.alias] = record.Id ?? null;
    } else if (s.kind === 'value') {
      const value = record[s.name] ?? null;
      const out: Record<string, unknown> = {};
      if (s.wantsValue) out.value = value;
      if (s.wantsLabel) {
        const option = s.field.picklistValues.find((p) => p.value === value);
        out.displayValue = option ? option.label : null;
      }
      node[s.alias] = out;
    } else if (s.kind === 'polymorphic') {
      node[s.alias] = polymorphicNode(record, s, toNode);
    } else if (s.kind === 'parent') {
      const parent = record[s.name];
      node[s.alias] = isInputObject(parent) ? toNode(parent, s.selected) : null;
    } else {
      const related = record[s.name];
      const rows = isInputObject(related) && Array.isArray(related.records) ? related.records : [];
      node[s.alias] = page(
        rows as Record<string, unknown>[],
        s.selected,
        s.paging,
        s.wantsCount ? rows.length : undefined,
        s.field,
      );
    }
  }
  return node;
}

/** A connection's page: rows fetched with one more than `first` tell whether there is a next page. */
function page(
  rows: Record<string, unknown>[],
  selected: Selected[],
  paging: Paging,
  totalCount: number | undefined,
  field: FieldNode,
): Record<string, unknown> {
  const { first, offset } = paging;
  const shown = rows.slice(0, first);
  const full = {
    edges: shown.map((r, i) => ({ node: toNode(r, selected), cursor: encodeCursor(offset + i + 1) })),
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: offset > 0,
      startCursor: shown.length > 0 ? encodeCursor(offset + 1) : null,
      endCursor: shown.length > 0 ? encodeCursor(offset + shown.length) : null,
    },
    ...(totalCount === undefined ? {} : { totalCount }),
  };
  return pick(full, field, []);
}

/** The fields a connection's selection asks for (edges, cursor, pageInfo...), under their aliases. */
export function pick(value: Record<string, unknown>, field: FieldNode, path: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fieldsOf(field.selectionSet)) {
    const name = f.name.value;
    if (name === '__typename') continue;
    if (!(name in value)) throw fieldUndefined(name, field.name.value, f, path);
    const v = value[name];
    const key = f.alias?.value ?? name;
    // A node is already shaped by its record selection.
    if (name === 'node' || !f.selectionSet) out[key] = v;
    else if (Array.isArray(v)) out[key] = v.map((item) => pick(item as Record<string, unknown>, f, [...path, name]));
    else out[key] = isInputObject(v) ? pick(v, f, [...path, name]) : null;
  }
  return out;
}

/** One root connection (`Object(where:, orderBy:, first:, after:) { ... }`) as SOQL, run and shaped. */
export function connection(
  runtime: GraphQLRuntime,
  schema: Schema,
  field: FieldNode,
  variables: Variables,
  fragments: Fragments,
): Record<string, unknown> {
  const objectName = field.name.value;
  const path = ['uiapi', 'query'];
  schema.describe(objectName, field, path);
  const edges = child(field, 'edges');
  const nodePath = [...path, objectName, 'edges', 'node'];
  const selected = selections(
    schema,
    objectName,
    edges ? child(edges, 'node') : undefined,
    fragments,
    variables,
    nodePath,
  );
  const paging = pagingOf(schema, objectName, field, variables, [...path, objectName]);
  const fields = [...new Set(['Id', ...soqlFields(selected)])];
  const { records } = runtime.query(selectSoql(fields, objectName, paging, paging.first + 1));
  let totalCount: number | undefined;
  if (child(field, 'totalCount')) {
    totalCount = runtime.query(
      `SELECT COUNT() FROM ${objectName}${paging.where ? ` WHERE ${paging.where}` : ''}`,
    ).totalSize;
  }
  return page(records, selected, paging, totalCount, field);
}

/** One record by Id with a selection (a mutation's `Record`), or null when the caller cannot see it. */
export function recordById(
  runtime: GraphQLRuntime,
  schema: Schema,
  objectName: string,
  id: string,
  node: FieldNode,
  fragments: Fragments,
  variables: Variables,
  path: string[],
): Record<string, unknown> | null {
  const selected = selections(schema, objectName, node, fragments, variables, path);
  const fields = [...new Set(['Id', ...soqlFields(selected)])];
  const { records } = runtime.query(`SELECT ${fields.join(', ')} FROM ${objectName} WHERE Id = ${quote(id)}`);
  return records.length > 0 ? toNode(records[0], selected) : null;
}
