/**
 * UI API record resources: `records/{id}?fields=&optionalFields=&layoutTypes=`, `records/batch/{ids}`, and
 * create (`POST records`), update (`PATCH records/{id}`) and delete (`DELETE records/{id}`), answering Record
 * representations: `{ apiName, childRelationships, fields: { F: { value, displayValue } }, id, lastModifiedById,
 * lastModifiedDate, recordTypeId, recordTypeInfo, systemModstamp, weakEtag }`, parent records nested as
 * values. Reads run as the caller through the SOQL engine (FLS and sharing); a required field the caller cannot
 * read is an error, an optional one is left out, as the UI API documents. Writes go through the org's Dml.
 */
import { deserializeRecord } from '../dml';
import { SalesforceError } from '../errors';
import { MASTER_RECORD_TYPE_ID } from '../describe';
import type { FieldSchema, ObjectSchema, ParentRelationship } from '../schema';
import type { UserAccess } from '../security';
import { executeSoql } from '../soql';
import {
  bodyObject,
  noContent,
  ok,
  parseJsonBody,
  type ApiRequest,
  type OrgRuntime,
  type Reply,
} from '../rest/context';
import { accessOf } from '../rest/sobjects';
import { invalidInput, notFoundUi, recordWriteError, uiApiError, UiApiError } from './errors';

/** The fields asked of one object: value fields, and parent relationships with their own fields. */
export interface FieldTree {
  values: Map<string, FieldSchema>;
  parents: Map<string, { rel: ParentRelationship; target: ObjectSchema; tree: FieldTree }>;
}

const emptyTree = (): FieldTree => ({ values: new Map(), parents: new Map() });
const META = ['Id', 'LastModifiedById', 'LastModifiedDate', 'SystemModstamp'];

const invalidField = (name: string, obj: string): UiApiError =>
  new UiApiError(400, [{ errorCode: 'INVALID_FIELD', message: `No such column '${name}' on entity '${obj}'.` }]);

/** Adds `Object.Field` or `Object.Parent.Field` to the tree; false when the caller cannot read it. */
function addPath(org: OrgRuntime, access: UserAccess, obj: ObjectSchema, tree: FieldTree, names: string[]): boolean {
  let current = obj;
  let node = tree;
  for (let i = 0; i < names.length - 1; i++) {
    const rel = current.parents.get(names[i].toLowerCase());
    const target = rel ? org.schema.objects.get(rel.target) : undefined;
    if (!rel || !target || !access.canReadField(rel.field) || !access.canReadObject(target)) return false;
    let next = node.parents.get(rel.name);
    if (!next) {
      next = { rel, target, tree: emptyTree() };
      node.parents.set(rel.name, next);
    }
    current = target;
    node = next.tree;
  }
  const field = current.fieldsByLower.get(names[names.length - 1].toLowerCase());
  if (!field || !access.canReadField(field)) return false;
  node.values.set(field.name, field);
  return true;
}

/** The tree of `fields` (required) and `optionalFields` of `obj`; names of other objects are left to them. */
export function fieldTree(
  org: OrgRuntime,
  access: UserAccess,
  obj: ObjectSchema,
  required: string[],
  optional: string[],
): FieldTree {
  const tree = emptyTree();
  for (const [list, must] of [
    [required, true],
    [optional, false],
  ] as const) {
    for (const qualified of list) {
      const [object, ...names] = qualified.split('.');
      if (object.toLowerCase() !== obj.name.toLowerCase()) continue;
      if (names.length === 0 || (!addPath(org, access, obj, tree, names) && must))
        throw invalidField(names.join('.'), obj.name);
    }
  }
  return tree;
}

/** Every field the caller can read: the Full layout's fields. */
export function fullTree(access: UserAccess, obj: ObjectSchema): FieldTree {
  const tree = emptyTree();
  for (const field of obj.fields.values()) if (access.canReadField(field)) tree.values.set(field.name, field);
  return tree;
}

/** The SOQL paths that read a tree: the record metadata fields, Name, its fields and its parents' own. */
export function soqlPaths(tree: FieldTree, target: ObjectSchema, prefix = ''): string[] {
  const paths = META.filter((m) => target.fields.has(m)).map((m) => `${prefix}${m}`);
  if (target.fields.has('Name')) paths.push(`${prefix}Name`);
  for (const name of tree.values.keys()) paths.push(`${prefix}${name}`);
  for (const [name, p] of tree.parents) paths.push(...soqlPaths(p.tree, p.target, `${prefix}${name}.`));
  return paths;
}

const toZ = (value: unknown): unknown =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T.*\+0000$/.test(value) ? value.replace(/\+0000$/, 'Z') : value;

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** The display value the UI API formats for a field (en_US, the local org's only locale), or null. */
function displayValue(field: FieldSchema, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const m = field.model;
  if (m.type === 'Picklist') return m.picklist?.values.find((v) => v.value === value)?.label ?? String(value);
  if (m.type === 'Currency' && typeof value === 'number') return usd.format(value);
  if (m.type === 'Date' && typeof value === 'string') {
    const [y, mo, d] = value.split('-').map(Number);
    return `${mo}/${d}/${y}`;
  }
  if (m.type === 'DateTime' && typeof value === 'string') {
    return new Date(value.replace(/\+0000$/, 'Z')).toLocaleString('en-US', {
      timeZone: 'UTC',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    });
  }
  return null;
}

/** A SOQL record (parents nested) as a Record representation holding the tree's fields. */
export function recordRepresentation(
  obj: ObjectSchema,
  record: Record<string, unknown>,
  tree: FieldTree,
): Record<string, unknown> {
  const fields: Record<string, { value: unknown; displayValue: string | null }> = {};
  for (const [name, field] of tree.values) {
    const value = record[name] ?? null;
    fields[name] = { value: toZ(value), displayValue: displayValue(field, value) };
  }
  for (const [name, p] of tree.parents) {
    const parent = record[name];
    fields[name] =
      typeof parent === 'object' && parent !== null
        ? {
            value: recordRepresentation(p.target, parent as Record<string, unknown>, p.tree),
            displayValue: ((parent as Record<string, unknown>).Name as string | undefined) ?? null,
          }
        : { value: null, displayValue: null };
  }
  const modstamp = toZ(record.SystemModstamp ?? null);
  return {
    apiName: obj.name,
    childRelationships: {},
    fields,
    id: record.Id,
    lastModifiedById: record.LastModifiedById ?? null,
    lastModifiedDate: toZ(record.LastModifiedDate ?? null),
    recordTypeId: MASTER_RECORD_TYPE_ID,
    recordTypeInfo: null,
    systemModstamp: modstamp,
    weakEtag: typeof modstamp === 'string' ? Date.parse(modstamp) : 0,
  };
}

/** The object of a record Id by its key prefix; an Id of no object is not found. */
export function objectOfId(org: OrgRuntime, access: UserAccess, id: string): ObjectSchema {
  const obj = /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(id) ? org.schema.byKeyPrefix.get(id.slice(0, 3)) : undefined;
  if (!obj || !access.canReadObject(obj)) throw notFoundUi();
  return obj;
}

/** Reads one record as the caller with the tree's fields; not found when they cannot see it. */
export function readRecord(
  org: OrgRuntime,
  req: ApiRequest,
  obj: ObjectSchema,
  id: string,
  tree: FieldTree,
): Record<string, unknown> {
  const found = org.dml.lookup(obj, id, req.ctx);
  if (found.kind === 'deleted')
    throw new UiApiError(404, [{ errorCode: 'ENTITY_IS_DELETED', message: 'entity is deleted' }]);
  if (found.kind !== 'live') throw notFoundUi();
  const paths = [...new Set(soqlPaths(tree, obj))];
  const cursor = executeSoql(
    org.storage,
    `SELECT ${paths.join(', ')} FROM ${obj.name} WHERE Id = '${found.row.Id as string}'`,
    {
      includeDeleted: false,
      now: req.ctx.now,
      apiVersion: req.ctx.apiVersion,
      fiscalYearStartMonth: org.fiscalYearStartMonth,
      access: accessOf(org, req).forQuery(),
    },
  );
  const [record] = cursor.next(1);
  if (!record) throw notFoundUi();
  return recordRepresentation(obj, record as Record<string, unknown>, tree);
}

const listParam = (req: ApiRequest, name: string): string[] =>
  (req.query.get(name) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** The tree a read asks for: `fields`/`optionalFields`, else the layout types' fields. */
function treeOf(org: OrgRuntime, req: ApiRequest, access: UserAccess, obj: ObjectSchema): FieldTree {
  const required = listParam(req, 'fields');
  const optional = listParam(req, 'optionalFields');
  if (required.length + optional.length > 0) return fieldTree(org, access, obj, required, optional);
  const layoutTypes = listParam(req, 'layoutTypes');
  if (layoutTypes.length === 0) throw invalidInput('Specify fields, optionalFields or layoutTypes');
  if (layoutTypes.some((t) => t.toLowerCase() === 'full')) return fullTree(access, obj);
  return fieldTree(org, access, obj, [], [`${obj.name}.Name`]);
}

/** `GET records/{id}`, `PATCH records/{id}`, `DELETE records/{id}`. */
export function record(org: OrgRuntime, req: ApiRequest): Reply {
  const access = accessOf(org, req);
  const id = req.params[0];
  const obj = objectOfId(org, access, id);
  if (req.method === 'GET') return ok(readRecord(org, req, obj, id, treeOf(org, req, access, obj)));
  const found = org.dml.lookup(obj, id, req.ctx);
  if (found.kind !== 'live') throw notFoundUi();
  if (req.method === 'DELETE') {
    try {
      org.dml.remove(req.ctx, obj, found.row);
    } catch (error) {
      if (error instanceof SalesforceError) throw uiApiError(error);
      throw error;
    }
    return noContent();
  }
  const input = bodyObject(parseJsonBody(req.bodyText));
  const fields = bodyObject(input?.fields);
  if (!fields) throw invalidInput('The request body needs fields, an object of field values');
  write(org, req, obj, fields, (values) => org.dml.update(req.ctx, obj, found.row, values));
  const names = Object.keys(fields).map((f) => `${obj.name}.${f}`);
  return ok(readRecord(org, req, obj, id, fieldTree(org, access, obj, [], names)));
}

/** Decodes and writes field values; a failure answers the UI API's record error. */
function write<T>(
  org: OrgRuntime,
  req: ApiRequest,
  obj: ObjectSchema,
  fields: Record<string, unknown>,
  save: (values: ReturnType<typeof deserializeRecord>) => T,
): T {
  const access = accessOf(org, req);
  try {
    return save(deserializeRecord(org.schema, obj, fields, JSON.stringify(fields), (f) => access.canReadField(f)));
  } catch (error) {
    if (error instanceof SalesforceError) throw recordWriteError(error, obj);
    throw error;
  }
}

/** `POST records` with `{ apiName, fields }`: 201 and the new record with the fields written. */
export function createRecord(org: OrgRuntime, req: ApiRequest): Reply {
  const access = accessOf(org, req);
  const input = bodyObject(parseJsonBody(req.bodyText));
  const apiName = input?.apiName;
  const fields = bodyObject(input?.fields);
  if (typeof apiName !== 'string' || !fields) throw invalidInput('The request body needs apiName and fields');
  const obj = org.schema.byLower.get(apiName.toLowerCase());
  if (!obj || !access.canReadObject(obj)) throw invalidInput(`Object ${apiName} is not supported in UI API`);
  const id = write(org, req, obj, fields, (values) => org.dml.create(req.ctx, obj, values));
  const names = ['Id', ...Object.keys(fields)].map((f) => `${obj.name}.${f}`);
  return ok(readRecord(org, req, obj, id, fieldTree(org, access, obj, [], names)), 201);
}

/** `GET records/batch/{id,id,...}`: one result per Id, `{ statusCode, result }`, in order. */
export function recordBatch(org: OrgRuntime, req: ApiRequest): Reply {
  const access = accessOf(org, req);
  const ids = req.params[0].split(',').filter((s) => s !== '');
  if (ids.length === 0 || ids.length > 200) throw invalidInput('Give from 1 to 200 record Ids');
  const results = ids.map((id) => {
    try {
      const obj = objectOfId(org, access, id);
      return { statusCode: 200, result: readRecord(org, req, obj, id, treeOf(org, req, access, obj)) };
    } catch (error) {
      if (!(error instanceof SalesforceError)) throw error;
      const refusal = uiApiError(error);
      return { statusCode: refusal.status, result: refusal.toBody() };
    }
  });
  return ok({ results });
}
