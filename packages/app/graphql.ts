/**
 * The UI API GraphQL endpoint of the local app: each `uiapi { query { Object(where, orderBy, first) } }`
 * connection becomes one SOQL query run against the local org as the signed-in user, and the records come
 * back in the UI API shape (`Field { value displayValue }`, parent relationships as objects, connections
 * with `edges { node }`, `pageInfo` and `totalCount`). The local org has no GraphQL API of its own.
 */
import { isAnyJson, isJsonMap, isPlainObject, type JsonMap } from '@salesforce/ts-types';
import {
  Kind,
  parse,
  type ArgumentNode,
  type FieldNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { fragmentsOf, recordFields, type Fragments } from './graphql-fragments';

/** Runs SOQL and describes objects as the signed-in user. */
export interface OrgClient {
  /** Every record of the query (following nextRecordsUrl) and its totalSize. */
  query(soql: string): Promise<{ totalSize: number; records: Record<string, unknown>[] }>;
  describe(objectName: string): Promise<ObjectDescribe>;
}

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
}

export interface GraphQLError {
  message: string;
}

export interface GraphQLResponse {
  data: Record<string, unknown> | null;
  errors?: GraphQLError[];
}

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

class QueryError extends Error {}

/**
 * A GraphQL input object (`where`, `orderBy`, an `and`/`or`/`not` branch, a field's operators), from the
 * query's literals or its JSON variables; anything else is the caller's error, named.
 */
function inputObject(value: unknown, what: string): JsonMap {
  if (isAnyJson(value) && isJsonMap(value)) return value;
  throw new QueryError(`${what} must be an input object, not ${JSON.stringify(value) ?? 'undefined'}`);
}

/** A plain JS value of a GraphQL literal or variable (enums as their name). */
function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
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

/** The fields of a selection set that is not a record's: fragments are supported on records only. */
function fieldsOf(selection: SelectionSetNode | undefined): FieldNode[] {
  return (selection?.selections ?? []).map((s) => {
    if (s.kind !== Kind.FIELD)
      throw new QueryError('Fragments are supported on records only (a connection node or a parent record)');
    return s;
  });
}

const child = (field: FieldNode, name: string): FieldNode | undefined =>
  fieldsOf(field.selectionSet).find((f) => f.name.value === name);

/** Describes objects once per request and walks relationship paths. */
class Schema {
  private readonly cache = new Map<string, Promise<ObjectDescribe>>();

  constructor(private readonly client: OrgClient) {}

  describe(objectName: string): Promise<ObjectDescribe> {
    let found = this.cache.get(objectName);
    if (!found) {
      found = this.client.describe(objectName);
      this.cache.set(objectName, found);
    }
    return found;
  }

  async field(objectName: string, name: string): Promise<FieldDescribe | undefined> {
    const describe = await this.describe(objectName);
    return describe.fields.find((f) => f.name.toLowerCase() === name.toLowerCase());
  }

  /** The object a relationship name (`Account`, `Plan_Section__r`) of an object points to. */
  async parentOf(objectName: string, relationship: string): Promise<string> {
    const describe = await this.describe(objectName);
    const field = describe.fields.find((f) => f.relationshipName?.toLowerCase() === relationship.toLowerCase());
    if (!field || field.referenceTo.length === 0)
      throw new QueryError(`${objectName} has no relationship named ${relationship}`);
    return field.referenceTo[0];
  }
}

/** A selected field: a value field, or a parent relationship with its own selections. */
type Selected =
  | { kind: 'id'; alias: string }
  | { kind: 'value'; alias: string; name: string; wantsValue: boolean; wantsLabel: boolean; field: FieldDescribe }
  | { kind: 'parent'; alias: string; name: string; selected: Selected[] };

/**
 * Adds a selected field, merged with one selected before under the same alias (a field written in the
 * query and in a fragment, or a parent record selected twice with different fields), as GraphQL merges.
 */
function addSelected(out: Selected[], item: Selected): void {
  const same = out.find((s) => s.alias === item.alias);
  if (!same) {
    out.push(item);
  } else if (same.kind === 'parent' && item.kind === 'parent' && same.name === item.name) {
    for (const s of item.selected) addSelected(same.selected, s);
  } else if (same.kind === 'value' && item.kind === 'value' && same.name === item.name) {
    same.wantsValue ||= item.wantsValue;
    same.wantsLabel ||= item.wantsLabel;
  } else if (same.kind !== 'id' || item.kind !== 'id') {
    throw new QueryError(`Fields "${item.alias}" conflict because they are different fields`);
  }
}

async function selections(
  schema: Schema,
  objectName: string,
  node: FieldNode | undefined,
  fragments: Fragments,
): Promise<Selected[]> {
  const out: Selected[] = [];
  for (const f of recordFields(node?.selectionSet, objectName, fragments)) {
    const name = f.name.value;
    const alias = f.alias?.value ?? name;
    if (name === '__typename') continue;
    if (name === 'Id') {
      addSelected(out, { kind: 'id', alias });
      continue;
    }
    // A value field selects value/displayValue only; a fragment inside makes it a parent record.
    const inner = (f.selectionSet?.selections ?? []).map((s) => (s.kind === Kind.FIELD ? s.name.value : ''));
    const isValue =
      inner.length > 0 && inner.every((n) => ['value', 'displayValue', 'label', '__typename'].includes(n));
    if (isValue) {
      const field = await schema.field(objectName, name);
      if (!field) throw new QueryError(`No such column '${name}' on entity '${objectName}'`);
      addSelected(out, {
        kind: 'value',
        alias,
        name: field.name,
        wantsValue: inner.includes('value'),
        wantsLabel: inner.includes('displayValue'),
        field,
      });
    } else {
      const parent = await schema.parentOf(objectName, name);
      addSelected(out, { kind: 'parent', alias, name, selected: await selections(schema, parent, f, fragments) });
    }
  }
  return out;
}

function soqlFields(selected: Selected[], prefix = ''): string[] {
  const out: string[] = [];
  for (const s of selected) {
    if (s.kind === 'id') out.push(`${prefix}Id`);
    else if (s.kind === 'value') out.push(`${prefix}${s.name}`);
    else {
      const nested = soqlFields(s.selected, `${prefix}${s.name}.`);
      out.push(...(nested.length > 0 ? nested : [`${prefix}${s.name}.Id`]));
    }
  }
  return out;
}

const quote = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** A SOQL literal for a value compared with a field of this type (dates and numbers are not quoted). */
function literal(value: unknown, field: FieldDescribe): string {
  // Dates and datetimes come as `{ value: $d }` (or a `literal` such as TODAY).
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const wrapped = inputObject(value, 'a date value');
    if (typeof wrapped.literal === 'string') {
      // Date literals only (TODAY, LAST_N_DAYS:30...): the text goes into the SOQL as it is.
      if (!/^[A-Z_]+(:\d+)?$/.test(wrapped.literal)) throw new Error(`not a date literal: ${wrapped.literal}`);
      return wrapped.literal;
    }
    return literal(wrapped.value ?? null, field);
  }
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = String(value);
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

/** Translates a `where` input object into a SOQL condition on an object (paths through parents). */
async function condition(
  schema: Schema,
  objectName: string,
  filter: Record<string, unknown>,
  prefix = '',
): Promise<string> {
  const parts: string[] = [];
  for (const [key, raw] of Object.entries(filter)) {
    if (raw === undefined) continue;
    if (key === 'and' || key === 'or') {
      const list = (Array.isArray(raw) ? raw : [raw]).map((f) => inputObject(f, `an ${key} branch`));
      const inner = await Promise.all(list.map((f) => condition(schema, objectName, f, prefix)));
      const kept = inner.filter((c) => c !== '');
      if (kept.length > 0) parts.push(`(${kept.join(key === 'and' ? ' AND ' : ' OR ')})`);
      continue;
    }
    if (key === 'not') {
      const inner = await condition(schema, objectName, inputObject(raw, 'a not branch'), prefix);
      if (inner) parts.push(`(NOT ${inner})`);
      continue;
    }
    const ops = inputObject(raw ?? {}, `the filter on ${key}`);
    const opKeys = Object.keys(ops);
    if (opKeys.length > 0 && opKeys.every((k) => OPERATORS.has(k))) {
      const field = await schema.field(objectName, key);
      if (!field) throw new QueryError(`No such column '${key}' on entity '${objectName}'`);
      for (const op of opKeys) parts.push(comparison(`${prefix}${field.name}`, op, ops[op], field));
    } else {
      const parent = await schema.parentOf(objectName, key);
      const inner = await condition(schema, parent, ops, `${prefix}${key}.`);
      if (inner) parts.push(inner);
    }
  }
  return parts.length > 1 ? `(${parts.join(' AND ')})` : (parts[0] ?? '');
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

async function orderClause(
  schema: Schema,
  objectName: string,
  order: Record<string, unknown>,
  prefix = '',
): Promise<string[]> {
  const out: string[] = [];
  for (const [key, raw] of Object.entries(order)) {
    const spec = inputObject(raw ?? {}, `the order of ${key}`);
    if ('order' in spec || 'nulls' in spec) {
      const field = await schema.field(objectName, key);
      if (!field) throw new QueryError(`No such column '${key}' on entity '${objectName}'`);
      const direction = String(spec.order ?? 'ASC').toUpperCase() === 'DESC' ? 'DESC' : 'ASC';
      const nulls = spec.nulls ? ` NULLS ${String(spec.nulls).toUpperCase() === 'FIRST' ? 'FIRST' : 'LAST'}` : '';
      out.push(`${prefix}${field.name} ${direction}${nulls}`);
    } else {
      const parent = await schema.parentOf(objectName, key);
      out.push(...(await orderClause(schema, parent, spec, `${prefix}${key}.`)));
    }
  }
  return out;
}

/** The UI API node of a SOQL record. */
function toNode(record: Record<string, unknown>, selected: Selected[]): Record<string, unknown> {
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
    } else {
      const parent = record[s.name];
      node[s.alias] = isPlainObject<Record<string, unknown>>(parent) ? toNode(parent, s.selected) : null;
    }
  }
  return node;
}

const encodeCursor = (offset: number): string => Buffer.from(`v1:${offset}`).toString('base64');
function decodeCursor(cursor: unknown): number {
  if (typeof cursor !== 'string') return 0;
  const match = /^v1:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString());
  if (!match) throw new QueryError(`invalid cursor ${cursor}`);
  return Number(match[1]);
}

/** One connection (`Object(where:, orderBy:, first:, after:) { ... }`) as SOQL, run and shaped. */
async function connection(
  client: OrgClient,
  schema: Schema,
  field: FieldNode,
  variables: Record<string, unknown>,
  fragments: Fragments,
): Promise<Record<string, unknown>> {
  const objectName = field.name.value;
  const arg = (name: string): unknown => {
    const a = argument(field, name);
    return a ? valueOf(a.value, variables) : undefined;
  };
  const edges = child(field, 'edges');
  const selected = await selections(schema, objectName, edges ? child(edges, 'node') : undefined, fragments);
  const where = arg('where');
  const whereSoql = where ? await condition(schema, objectName, inputObject(where, 'where')) : '';
  const orderBy = arg('orderBy');
  const order = orderBy ? await orderClause(schema, objectName, inputObject(orderBy, 'orderBy')) : [];
  const first = Math.min(Number(arg('first') ?? DEFAULT_FIRST), MAX_FIRST);
  const offset = decodeCursor(arg('after'));

  const fields = [...new Set(['Id', ...soqlFields(selected)])];
  const from = ` FROM ${objectName}${whereSoql ? ` WHERE ${whereSoql}` : ''}`;
  const soql =
    `SELECT ${fields.join(', ')}${from}` +
    (order.length > 0 ? ` ORDER BY ${order.join(', ')}` : '') +
    // One more than asked tells whether there is a next page.
    ` LIMIT ${first + 1}` +
    (offset > 0 ? ` OFFSET ${offset}` : '');
  const { records } = await client.query(soql);
  const page = records.slice(0, first);
  const result: Record<string, unknown> = {
    edges: page.map((r, i) => ({ node: toNode(r, selected), cursor: encodeCursor(offset + i + 1) })),
    pageInfo: {
      hasNextPage: records.length > first,
      hasPreviousPage: offset > 0,
      startCursor: page.length > 0 ? encodeCursor(offset + 1) : null,
      endCursor: page.length > 0 ? encodeCursor(offset + page.length) : null,
    },
  };
  if (child(field, 'totalCount')) {
    result.totalCount = (await client.query(`SELECT COUNT()${from}`)).totalSize;
  }
  return result;
}

/** Runs a UI API GraphQL query document with its variables. */
export async function runGraphQL(
  client: OrgClient,
  source: string,
  variables: Record<string, unknown> = {},
  operationName?: string,
): Promise<GraphQLResponse> {
  let document;
  try {
    document = parse(source);
  } catch (error) {
    return { data: null, errors: [{ message: (error as Error).message }] };
  }
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation || operation.operation !== 'query')
    return { data: null, errors: [{ message: 'Only queries are supported' }] };
  const schema = new Schema(client);
  try {
    const fragments = fragmentsOf(document);
    const data: Record<string, unknown> = {};
    for (const root of fieldsOf(operation.selectionSet)) {
      if (root.name.value !== 'uiapi') throw new QueryError(`Unknown field ${root.name.value}`);
      const uiapi: Record<string, unknown> = {};
      for (const section of fieldsOf(root.selectionSet)) {
        if (section.name.value !== 'query') throw new QueryError(`uiapi.${section.name.value} is not supported`);
        const query: Record<string, unknown> = {};
        for (const conn of fieldsOf(section.selectionSet)) {
          query[conn.alias?.value ?? conn.name.value] = await connection(client, schema, conn, variables, fragments);
        }
        uiapi[section.alias?.value ?? 'query'] = query;
      }
      data[root.alias?.value ?? 'uiapi'] = uiapi;
    }
    return { data };
  } catch (error) {
    return { data: null, errors: [{ message: (error as Error).message }] };
  }
}
