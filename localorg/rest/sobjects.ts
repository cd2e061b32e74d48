/** sObject resources: describe, single records by Id, records by external id, user passwords. */
import { randomBytes } from 'node:crypto';
import { deserializeRecord, MultipleMatchesError, recordError, type WriteValues } from '../dml';
import { describeBasic, describeGlobal, describeObject } from '../describe';
import { SalesforceError } from '../errors';
import { recordUrl, renderRecord, selectFields } from '../records';
import { findFieldSchema, findObjectSchema, type FieldSchema, type ObjectSchema } from '../schema';
import type { Row, SqlValue } from '../storage';
import { noContent, notFoundError, ok, parseJsonBody, type ApiRequest, type OrgRuntime, type Reply } from './context';

export function objectNamed(org: OrgRuntime, name: string): ObjectSchema {
  const obj = findObjectSchema(org.schema, name);
  if (!obj) throw notFoundError();
  return obj;
}

const externalIdFieldMissing = (name: string): SalesforceError =>
  new SalesforceError(404, 'NOT_FOUND', `Provided external ID field does not exist or is not accessible: ${name}`);

/** A live record for a single-record resource, or the 404 the API answers. */
function liveRecord(org: OrgRuntime, obj: ObjectSchema, rawId: string): Row {
  const found = org.dml.lookup(obj, rawId);
  switch (found.kind) {
    case 'live':
      return found.row;
    case 'deleted':
      throw new SalesforceError(404, 'ENTITY_IS_DELETED', 'entity is deleted');
    case 'malformed':
      // A path segment that is not an Id is read as an external id field name.
      throw externalIdFieldMissing(rawId);
    default:
      throw notFoundError();
  }
}

/** The field an external-id resource names: an external id field, or Id. */
function externalIdField(obj: ObjectSchema, name: string): FieldSchema {
  const field = findFieldSchema(obj, name);
  if (!field || !(field.model.externalId || field.name === 'Id')) throw externalIdFieldMissing(name);
  return field;
}

/** A URL value converted to the external id field's stored type. */
function externalIdValue(field: FieldSchema, text: string): SqlValue {
  const type = field.model.type;
  return type === 'Number' || type === 'Currency' || type === 'Percent' ? Number(text) : text;
}

function multipleChoices(req: ApiRequest, obj: ObjectSchema, ids: string[]): Reply {
  return { status: 300, body: ids.map((id) => recordUrl(req.ctx.apiVersion, obj, id)) };
}

function body(org: OrgRuntime, req: ApiRequest, obj: ObjectSchema): WriteValues {
  return deserializeRecord(org.schema, obj, parseJsonBody(req.bodyText), req.bodyText);
}

export function globalDescribe(org: OrgRuntime, req: ApiRequest): Reply {
  return ok(describeGlobal(org.schema, req.ctx.apiVersion));
}

/** `sobjects/{Type}`: GET basic info, POST create. */
export function sobjectRoot(org: OrgRuntime, req: ApiRequest): Reply {
  const obj = objectNamed(org, req.params[0]);
  if (req.method === 'GET') return ok(describeBasic(obj, req.ctx.apiVersion));
  const id = org.dml.create(req.ctx, obj, body(org, req, obj));
  return ok({ id, success: true, errors: [] }, 201);
}

export function sobjectDescribe(org: OrgRuntime, req: ApiRequest): Reply {
  return ok(describeObject(org.schema, objectNamed(org, req.params[0]), req.ctx.apiVersion));
}

/** `sobjects/{Type}/{id}`: GET, PATCH, DELETE; POST to `sobjects/{Type}/Id` creates (the Id-as-external-id case). */
export function sobjectRecord(org: OrgRuntime, req: ApiRequest): Reply {
  const obj = objectNamed(org, req.params[0]);
  const rawId = req.params[1];
  if (req.method === 'POST') {
    if (rawId.toLowerCase() !== 'id') throw notFoundError();
    const id = org.dml.create(req.ctx, obj, body(org, req, obj));
    return ok({ id, success: true, errors: [] }, 201);
  }
  const row = liveRecord(org, obj, rawId);
  switch (req.method) {
    case 'GET':
      return ok(renderRecord(obj, row, req.ctx.apiVersion, selectFields(obj, req.query.get('fields') ?? undefined)));
    case 'PATCH':
      org.dml.update(req.ctx, obj, row, body(org, req, obj));
      return noContent();
    default:
      org.dml.remove(req.ctx, obj, row);
      return noContent();
  }
}

/** `sobjects/{Type}/{ExternalIdField}/{value}`: GET, PATCH (upsert), DELETE. */
export function sobjectByExternalId(org: OrgRuntime, req: ApiRequest): Reply {
  const obj = objectNamed(org, req.params[0]);
  const field = externalIdField(obj, req.params[1]);
  const value = externalIdValue(field, req.params[2]);
  if (req.method === 'PATCH') {
    const values = body(org, req, obj);
    const inBody = values.get(field);
    if (inBody !== undefined) {
      if (inBody !== value) {
        throw new SalesforceError(
          400,
          'INVALID_FIELD',
          `The external ID field ${field.name} cannot be set in the request body to a value other than the one in the URL`,
          [field.name],
        );
      }
      values.delete(field);
    }
    try {
      const updateOnly = req.query.get('updateOnly') === 'true' || field.name === 'Id';
      const result = org.dml.upsert(req.ctx, obj, field, value, values, { updateOnly });
      return ok({ id: result.id, success: true, errors: [], created: result.created }, result.created ? 201 : 200);
    } catch (error) {
      if (error instanceof MultipleMatchesError) return multipleChoices(req, obj, error.ids);
      throw error;
    }
  }
  const ids = org.dml.findIds(obj, field, value);
  if (ids.length > 1) return multipleChoices(req, obj, ids);
  if (ids.length === 0) throw notFoundError();
  const row = org.storage.getRow(obj, ids[0]) as Row;
  if (req.method === 'GET') {
    return ok(renderRecord(obj, row, req.ctx.apiVersion, selectFields(obj, req.query.get('fields') ?? undefined)));
  }
  org.dml.remove(req.ctx, obj, row);
  return noContent();
}

/** `sobjects/User/{id}/password`: GET expiry, POST set, DELETE reset (returns a generated password). */
export function userPassword(org: OrgRuntime, req: ApiRequest): Reply {
  const users = objectNamed(org, 'User');
  const user = liveRecord(org, users, req.params[0]);
  const userId = user.Id as string;
  if (req.method === 'GET') return ok({ isExpired: false });
  if (req.method === 'DELETE') {
    const generated = randomBytes(9).toString('base64url');
    org.auth.setPassword(userId, generated);
    return ok({ NewPassword: generated });
  }
  const parsed = parseJsonBody(req.bodyText) as { NewPassword?: unknown } | null;
  const password = parsed && typeof parsed === 'object' ? parsed.NewPassword : undefined;
  if (typeof password !== 'string' || password === '') {
    throw new SalesforceError(400, 'REQUIRED_FIELD_MISSING', 'Required fields are missing: [NewPassword]', [
      'NewPassword',
    ]);
  }
  if (password.length < 8)
    throw recordError('INVALID_NEW_PASSWORD', 'Your password must be at least 8 characters long.');
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    throw recordError('INVALID_NEW_PASSWORD', 'Your password must have a mix of letters and numbers.');
  }
  org.auth.setPassword(userId, password);
  return noContent();
}
