/**
 * `GET query?q=...&columns=true`: the columns a query returns, as Salesforce's `columnMetadata`, without
 * running it. `sf data query` asks for them to lay out its table and CSV: a field is a plain column, a
 * parent relationship a column whose `joinColumns` are the parent's fields, a child subquery an
 * `aggregate` column whose `joinColumns` are the child's fields, and an aggregate or date function an
 * `aggregate` column named by its alias (`expr0`, ...) and displayed as written. The query is compiled as
 * the calling user, so a field they cannot read is an INVALID_FIELD here too and is never described.
 */
import { describeField, describeType } from '../describe';
import { SalesforceError } from '../errors';
import { findObjectSchema, type FieldSchema, type ObjectSchema } from '../schema';
import type { UserAccess } from '../security';
import { QueryText } from '../soql/errors';
import { compileExpr, isAggregateCall, isDateFunctionCall } from '../soql/expressions';
import { valueCall } from '../soql/functions';
import { isComplexityLimit, assertSoqlLength, queryTooComplicated } from '../soql/limits';
import { parseSoql, type SoqlQuery } from '../soql/parse';
import { compileQuery, type RecordShape } from '../soql/plan';
import { Env, Scope } from '../soql/scope';
import { ok, type ApiRequest, type OrgRuntime, type Reply } from './context';
import { accessOf } from './sobjects';

export interface ColumnMetadata {
  aggregate: boolean;
  apexType: string | null;
  booleanType: boolean;
  columnName: string;
  custom: boolean;
  displayName: string;
  foreignKeyName: string | null;
  insertable: boolean;
  joinColumns: ColumnMetadata[];
  numberType: boolean;
  textType: boolean;
  updatable: boolean;
}

const APEX_TYPES: Record<string, string> = {
  id: 'Id',
  reference: 'Id',
  string: 'String',
  textarea: 'String',
  picklist: 'String',
  multipicklist: 'String',
  email: 'String',
  phone: 'String',
  url: 'String',
  int: 'Integer',
  double: 'Double',
  currency: 'Decimal',
  percent: 'Decimal',
  date: 'Date',
  datetime: 'Datetime',
  boolean: 'Boolean',
};

const NUMBER_TYPES = new Set(['int', 'double', 'currency', 'percent']);

/** The flags every column carries, from an Apex type. */
function typeFlags(apexType: string | null): Pick<ColumnMetadata, 'booleanType' | 'numberType' | 'textType'> {
  return {
    booleanType: apexType === 'Boolean',
    numberType: apexType === 'Integer' || apexType === 'Double' || apexType === 'Decimal',
    textType: apexType === 'String',
  };
}

function column(
  name: string,
  apexType: string | null,
  extra: Partial<ColumnMetadata> = {},
  displayName = name,
): ColumnMetadata {
  return {
    aggregate: false,
    apexType,
    ...typeFlags(apexType),
    columnName: name,
    custom: false,
    displayName,
    foreignKeyName: null,
    insertable: false,
    joinColumns: [],
    updatable: false,
    ...extra,
  };
}

/** A field's column: insertable and updatable as the user's describe says (permissions and FLS). */
function fieldColumn(obj: ObjectSchema, field: FieldSchema, access: UserAccess, name = field.name): ColumnMetadata {
  const describe = describeField(obj, field, access);
  const type = describeType(field);
  return column(name, APEX_TYPES[type] ?? 'String', {
    numberType: NUMBER_TYPES.has(type),
    custom: field.model.custom,
    insertable: describe.createable === true,
    updatable: describe.updateable === true,
  });
}

/** The columns of a record query's shape, in SELECT order (a parent's fields grouped under it). */
function shapeColumns(org: OrgRuntime, shape: RecordShape, access: UserAccess): ColumnMetadata[] {
  const obj = org.schema.objects.get(shape.type);
  // A polymorphic parent's Name record (soql/polymorphic.ts): read-only columns of the Name object.
  if (!obj) {
    return shape.entries.flatMap((e) =>
      e.kind === 'field' ? [column(e.name, APEX_TYPES[describeType(e.field)] ?? 'String')] : [],
    );
  }
  return shape.entries.map((entry) => {
    if (entry.kind === 'field') return fieldColumn(obj, entry.field, access);
    if (entry.kind === 'parent') {
      const key = entry.name.toLowerCase();
      const rel = obj.parents.get(key) ?? obj.polymorphic.get(key);
      const describe = rel ? describeField(obj, rel.field, access) : {};
      return column(entry.name, null, {
        custom: rel?.field.model.custom ?? false,
        foreignKeyName: rel?.field.name ?? null,
        insertable: describe.createable === true,
        updatable: describe.updateable === true,
        joinColumns: shapeColumns(org, entry.shape, access),
      });
    }
    if (entry.kind === 'value') return fieldColumn(obj, entry.field, access, entry.name);
    if (entry.kind === 'typeof') {
      return column(entry.name, null, {
        joinColumns: entry.variants[0] ? shapeColumns(org, entry.variants[0], access) : [],
      });
    }
    const childObject = obj.children.get(entry.name.toLowerCase());
    return column(entry.name, null, {
      aggregate: true,
      custom: childObject ? org.schema.objects.get(childObject.childObject)?.model.kind !== 'standard' : false,
      joinColumns: shapeColumns(org, entry.child.shape, access),
    });
  });
}

/** An aggregate query's columns: grouped fields by name, functions by alias and as written. */
function aggregateColumns(
  env: Env,
  obj: ObjectSchema,
  query: SoqlQuery,
  names: string[],
  access: UserAccess,
): ColumnMetadata[] {
  const scope = new Scope(env, obj, query.alias);
  return query.select.map((item, i) => {
    const name = names[i];
    if (item.kind !== 'expr') return column(name, null);
    // FORMAT() and toLabel() return text for the expression they wrap.
    const wrapper = valueCall(item.expr);
    const expr = wrapper?.args[0] ?? item.expr;
    if (wrapper) return column(name, 'String', { aggregate: expr.kind === 'call' }, item.text);
    if (expr.kind === 'field') {
      const ref = scope.field(expr);
      const owner = env.schema.objects.get(ref.field.model.objectApiName) ?? obj;
      return fieldColumn(owner, ref.field, access, name);
    }
    const compiled = compileExpr(scope, expr, true);
    let apexType: string | null = null;
    if (compiled.fn === 'COUNT' || compiled.fn === 'COUNT_DISTINCT' || compiled.fn === 'GROUPING') apexType = 'Integer';
    else if (compiled.fn === 'SUM' || compiled.fn === 'AVG') apexType = 'Double';
    else if (isDateFunctionCall(expr)) apexType = compiled.fn === 'DAY_ONLY' ? 'Date' : 'Integer';
    else if (compiled.ref) apexType = APEX_TYPES[describeType(compiled.ref.field)] ?? null;
    const isFunction = isAggregateCall(expr) || isDateFunctionCall(expr) || expr.name === 'GROUPING';
    return column(name, apexType, { aggregate: isFunction }, item.text);
  });
}

/** Turns anything but a Salesforce error into the API's UNKNOWN_EXCEPTION, as the query resource does. */
function guarded<T>(work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof SalesforceError) throw e;
    if (isComplexityLimit(e)) throw queryTooComplicated();
    const error = new SalesforceError(500, 'UNKNOWN_EXCEPTION', 'An unexpected error occurred in the local org.');
    Object.defineProperty(error, 'cause', { value: e, enumerable: false });
    throw error;
  }
}

export interface QueryColumns {
  columnMetadata: ColumnMetadata[];
  entityName: string;
  groupBy: boolean;
  idSelected: boolean;
  keyPrefix: string;
}

/** The column metadata of `soql` for the calling user; compiles the query, does not run it. */
export function describeColumns(org: OrgRuntime, req: ApiRequest, soql: string): QueryColumns {
  return guarded(() => {
    assertSoqlLength(soql);
    const access = accessOf(org, req);
    const text = new QueryText(soql);
    const newEnv = (): Env =>
      new Env(org.schema, text, {
        includeDeleted: false,
        now: req.ctx.now,
        fiscalStartMonth: org.fiscalYearStartMonth ?? 1,
        access: access.forQuery(),
      });
    const query = parseSoql(text);
    // Compiling checks the query exactly as running it would (objects, fields, clauses, access).
    const plan = compileQuery(newEnv(), query);
    const obj = findObjectSchema(org.schema, query.from) as ObjectSchema;
    let columns: ColumnMetadata[] = [];
    if (plan.kind === 'records') columns = shapeColumns(org, plan.shape, access);
    if (plan.kind === 'aggregate') {
      const names = plan.columns.map((c) => c.name);
      columns = aggregateColumns(newEnv(), obj, query, names, access);
    }
    const idSelected = query.select.some(
      (item) => item.kind === 'expr' && item.expr.kind === 'field' && item.expr.path.join('.').toLowerCase() === 'id',
    );
    return {
      columnMetadata: columns,
      entityName: obj.name,
      groupBy: query.groupBy.length > 0,
      idSelected,
      keyPrefix: obj.keyPrefix,
    };
  });
}

/** `GET query?q=...&columns=true`. */
export function queryColumns(org: OrgRuntime, req: ApiRequest, soql: string): Reply {
  return ok(describeColumns(org, req, soql));
}
