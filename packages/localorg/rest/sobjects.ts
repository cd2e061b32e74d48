/** sObject resources: describe, single records by Id, records by external id, user passwords. */
import { randomBytes } from 'node:crypto';
import { deserializeRecord, MultipleMatchesError, recordError, type WriteValues } from '../dml';
import { describeBasic, describeGlobal, describeObject } from '../describe';
import { withFormulaValues } from '../formula';
import { SalesforceError } from '../errors';
import { recordUrl, renderRecord, selectFields } from '../records';
import { findFieldSchema, findObjectSchema, type FieldSchema, type ObjectSchema } from '../schema';
import { insufficientAccess, type UserAccess } from '../security';
import type { Row, SqlValue } from '../sql';
import {
  conditionalGet,
  etagOf,
  evaluatePreconditions,
  hasPreconditions,
  validatorHeaders,
  type Validators,
} from './conditional';

import {
  bodyObject,
  noContent,
  notFoundError,
  ok,
  parseJsonBody,
  type ApiRequest,
  type OrgRuntime,
  type Reply,
} from './context';

type ApiRecordBody = ReturnType<typeof renderRecord>;

/** The caller's permissions and sharing (computed once per request). */
export const accessOf = (org: OrgRuntime, req: ApiRequest): UserAccess => org.dml.security.forContext(req.ctx);

/** The object a path names; with the caller's access, an object they cannot read does not exist for them. */
export function objectNamed(org: OrgRuntime, name: string, access?: UserAccess): ObjectSchema {
  const obj = findObjectSchema(org.schema, name);
  if (!obj || (access && !access.canReadObject(obj))) throw notFoundError();
  return obj;
}

/** The fields a record read returns: those `fields=` names, else every field the caller can read. */
export function fieldsToRender(obj: ObjectSchema, list: string | undefined, access: UserAccess): FieldSchema[] {
  const readable = (field: FieldSchema): boolean => access.canReadField(field);
  return selectFields(obj, list, readable) ?? [...obj.fields.values()].filter(readable);
}

const externalIdFieldMissing = (name: string): SalesforceError =>
  new SalesforceError(404, 'NOT_FOUND', `Provided external ID field does not exist or is not accessible: ${name}`);

/** A live record the caller can see, for a single-record resource, or the 404 the API answers. */
function liveRecord(org: OrgRuntime, req: ApiRequest, obj: ObjectSchema, rawId: string): Row {
  const found = org.dml.lookup(obj, rawId, req.ctx);
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

/** The field an external-id resource names: an external id field the caller can read, or Id. */
function externalIdField(obj: ObjectSchema, name: string, access: UserAccess): FieldSchema {
  const field = findFieldSchema(obj, name);
  if (!field || !(field.model.externalId || field.name === 'Id') || !access.canReadField(field))
    throw externalIdFieldMissing(name);
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
  const access = accessOf(org, req);
  return deserializeRecord(org.schema, obj, parseJsonBody(req.bodyText), req.bodyText, (f) => access.canReadField(f));
}

/** Describes change only with the schema, compiled at start: that is their Last-Modified. */
export function globalDescribe(org: OrgRuntime, req: ApiRequest): Reply {
  return conditionalGet(req, describeGlobal(org.schema, req.ctx.apiVersion, accessOf(org, req)), org.schemaLoadedAt);
}

/** `sobjects/{Type}`: GET basic info, POST create. */
export function sobjectRoot(org: OrgRuntime, req: ApiRequest): Reply {
  const obj = objectNamed(org, req.params[0], accessOf(org, req));
  if (req.method === 'GET') return ok(describeBasic(obj, req.ctx.apiVersion, accessOf(org, req)));
  const id = org.dml.create(req.ctx, obj, body(org, req, obj));
  return ok({ id, success: true, errors: [] }, 201);
}

export function sobjectDescribe(org: OrgRuntime, req: ApiRequest): Reply {
  const access = accessOf(org, req);
  const describe = describeObject(org.schema, objectNamed(org, req.params[0], access), req.ctx.apiVersion, access);
  return conditionalGet(req, describe, org.schemaLoadedAt);
}

/**
 * A record's validators for the caller: the ETag hashes the whole record as they read it (every field
 * they can read, formulas computed), whatever `fields=` asks for; Last-Modified is its SystemModstamp.
 */
function recordValidators(
  org: OrgRuntime,
  req: ApiRequest,
  obj: ObjectSchema,
  row: Row,
  access: UserAccess,
): Validators & { full: ApiRecordBody } {
  const withFormulas = withFormulaValues(org.storage, obj, row, req.ctx);
  const full = renderRecord(obj, withFormulas, req.ctx.apiVersion, fieldsToRender(obj, undefined, access));
  return { etag: etagOf(full), lastModified: new Date(String(row.SystemModstamp)), full };
}

/** `sobjects/{Type}/{id}`: GET, PATCH, DELETE; POST to `sobjects/{Type}/Id` creates (the Id-as-external-id case). */
export function sobjectRecord(org: OrgRuntime, req: ApiRequest): Reply {
  const access = accessOf(org, req);
  const obj = objectNamed(org, req.params[0], access);
  const rawId = req.params[1];
  if (req.method === 'POST') {
    if (rawId.toLowerCase() !== 'id') throw notFoundError();
    const id = org.dml.create(req.ctx, obj, body(org, req, obj));
    return ok({ id, success: true, errors: [] }, 201);
  }
  const row = liveRecord(org, req, obj, rawId);
  if (req.method === 'GET') {
    const validators = recordValidators(org, req, obj, row, access);
    const unchanged = evaluatePreconditions(req, validators);
    if (unchanged) return unchanged;
    const list = req.query.get('fields');
    const record =
      list === null
        ? validators.full
        : renderRecord(
            obj,
            withFormulaValues(org.storage, obj, row, req.ctx),
            req.ctx.apiVersion,
            fieldsToRender(obj, list, access),
          );
    return { status: 200, body: record, headers: validatorHeaders(validators) };
  }
  // Preconditions of a write are checked before anything is written (412 writes nothing).
  if (hasPreconditions(req)) {
    evaluatePreconditions(req, recordValidators(org, req, obj, row, access));
  }
  if (req.method === 'PATCH') {
    org.dml.update(req.ctx, obj, row, body(org, req, obj));
    // As Salesforce answers an Account update: the record's new ETag.
    const updated = org.storage.getRow(obj, row.Id as string);
    if (!updated || !access.canReadRow(obj, updated)) return noContent();
    return { status: 204, headers: validatorHeaders(recordValidators(org, req, obj, updated, access)) };
  }
  org.dml.remove(req.ctx, obj, row);
  return noContent();
}

/** `sobjects/{Type}/{ExternalIdField}/{value}`: GET, PATCH (upsert), DELETE. */
export function sobjectByExternalId(org: OrgRuntime, req: ApiRequest): Reply {
  const access = accessOf(org, req);
  const obj = objectNamed(org, req.params[0], access);
  const field = externalIdField(obj, req.params[1], access);
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
  const rows = org.dml.findIds(obj, field, value).map((id) => org.storage.getRow(obj, id) as Row);
  const ids = rows.filter((r) => access.canReadRow(obj, r)).map((r) => r.Id as string);
  if (ids.length > 1) return multipleChoices(req, obj, ids);
  if (ids.length === 0) throw notFoundError();
  const row = org.storage.getRow(obj, ids[0]) as Row;
  if (req.method === 'GET') {
    const fields = fieldsToRender(obj, req.query.get('fields') ?? undefined, access);
    return ok(renderRecord(obj, withFormulaValues(org.storage, obj, row, req.ctx), req.ctx.apiVersion, fields));
  }
  org.dml.remove(req.ctx, obj, row);
  return noContent();
}

/**
 * `sobjects/User/{id}/password`: GET expiry, POST set, DELETE reset (returns a generated password). Setting or
 * resetting a password ends all of the user's sessions, the caller's own included, and unlocks the user.
 */
export function userPassword(org: OrgRuntime, req: ApiRequest): Reply {
  const users = objectNamed(org, 'User');
  const user = liveRecord(org, req, users, req.params[0]);
  const userId = user.Id as string;
  // Managing other users' passwords needs "Manage Users" (the administrator); a user may manage their own.
  if (userId !== req.ctx.userId && !accessOf(org, req).allData) throw insufficientAccess();
  if (req.method === 'GET') return ok({ isExpired: false });
  if (req.method === 'DELETE') {
    const generated = randomBytes(9).toString('base64url');
    org.auth.setPassword(userId, generated);
    return ok({ NewPassword: generated });
  }
  const password = bodyObject(parseJsonBody(req.bodyText))?.NewPassword;
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
