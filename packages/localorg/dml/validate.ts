/**
 * Field validation of one client value, as the platform does on save: references (target object,
 * existence, visibility, active owner), date range, numeric precision, picklists, text length and email.
 * Returns the value to store (rounded, canonical picklist text, resolved Id).
 */
import { normalizeId } from '../ids';
import type { FieldSchema, ObjectSchema } from '../schema';
import type { UserAccess } from '../security';
import type { Row, SqlValue } from '../sql';
import type { Storage } from '../storage';
import { inDateRange, integerDigits, maxLength, MAX_DATETIME, MIN_DATETIME, roundToScale } from '../values';
import { NUMBER_TYPES, recordError, type ForeignKeyRef } from './common';
import { findIds } from './find';

const TEXT_TYPES = new Set([
  'Id',
  'Text',
  'TextArea',
  'LongTextArea',
  'Html',
  'Email',
  'Phone',
  'Url',
  'Picklist',
  'MultiselectPicklist',
  'Lookup',
  'MasterDetail',
  'AutoNumber',
]);
const EMAIL =
  /^[^\s@"(),:;<>[\\\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** What resolving a reference reads of its target when sharing needs nothing: existence, deletion, an active owner. */
const referenceColumns = (target: ObjectSchema): readonly string[] =>
  target.name === 'User' ? REFERENCE_COLUMNS_USER : REFERENCE_COLUMNS;
const REFERENCE_COLUMNS = ['Id', 'IsDeleted'];
const REFERENCE_COLUMNS_USER = ['Id', 'IsDeleted', 'IsActive'];

/**
 * A parent's reference columns, read once per batch of inserts (`parents`): inserting records deletes,
 * undeletes or deactivates none, so what a parent found earlier in the batch gave still holds. Missing parents
 * are read again (a record of the batch may be the one named).
 */
function narrowParent(storage: Storage, target: ObjectSchema, id: string, parents?: Map<string, Row>): Row | undefined {
  const known = parents?.get(id);
  if (known) return known;
  const row = storage.getColumns(target, id, referenceColumns(target));
  if (row && parents) parents.set(id, row);
  return row;
}

/**
 * The Id a parent reference names, checked against the target object and its existence. A record the
 * user cannot see answers exactly as a missing one (no Id, no hint that it exists).
 */
function resolveReference(
  storage: Storage,
  obj: ObjectSchema,
  field: FieldSchema,
  value: SqlValue | ForeignKeyRef,
  access: UserAccess,
  parents?: Map<string, Row>,
): SqlValue {
  if (value === null) return null;
  const label = field.model.label;
  if (typeof value === 'object') {
    const target = value.target;
    const ids = findIds(storage, target, value.idField, value.value).filter(
      (found) => access.allData || access.canReadRow(target, storage.getRow(target, found) ?? {}),
    );
    if (ids.length === 0) {
      throw recordError(
        'INVALID_FIELD',
        `Foreign key external ID: ${String(value.value)} not found for field ${value.idField.name} in entity ${value.target.name}`,
        [field.name],
      );
    }
    if (ids.length > 1) {
      throw recordError(
        'INVALID_FIELD',
        `Foreign key external ID: ${String(value.value)} matches more than one record for field ${value.idField.name} in entity ${value.target.name}`,
        [field.name],
      );
    }
    return ids[0];
  }
  const id = normalizeId(String(value));
  if (!id) throw recordError('MALFORMED_ID', `${label}: id value of incorrect type: ${String(value)}`, [field.name]);
  const target = storage.schema.byKeyPrefix.get(id.slice(0, 3));
  if (!target || !(field.model.referenceTo ?? []).includes(target.name)) {
    throw recordError('FIELD_INTEGRITY_EXCEPTION', `${label}: id value of incorrect type: ${id}`, [field.name]);
  }
  // Sharing may need any of the parent's fields; a user who sees all data needs only these.
  const row = access.allData ? narrowParent(storage, target, id, parents) : storage.getRow(target, id);
  if (!row || !access.canReadRow(target, row)) {
    throw recordError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', [field.name]);
  }
  if (row.IsDeleted === 1) throw recordError('ENTITY_IS_DELETED', 'entity is deleted', [field.name]);
  if (field.name === 'OwnerId' && target.name === 'User' && row.IsActive !== 1) {
    throw recordError(
      'INACTIVE_OWNER_OR_USER',
      `operation performed with inactive user [${id}] as owner of [${obj.model.label}]`,
      [field.name],
    );
  }
  return id;
}

/** Checks one client value against its field (length, picklist, email, number range, reference). */
export function validateValue(
  storage: Storage,
  obj: ObjectSchema,
  field: FieldSchema,
  value: SqlValue | ForeignKeyRef,
  access: UserAccess,
  /** Parents found earlier in the same batch of inserts, by Id (see narrowParent). */
  parents?: Map<string, Row>,
): SqlValue {
  const model = field.model;
  if (model.type === 'Lookup' || model.type === 'MasterDetail')
    return resolveReference(storage, obj, field, value, access, parents);
  if (value === null || typeof value === 'object') return null;
  const label = model.label;
  if ((model.type === 'Date' || model.type === 'DateTime') && typeof value === 'string' && !inDateRange(value)) {
    // FIELD_INTEGRITY_EXCEPTION is what the platform answers for a date it cannot store (years 1700-4000).
    throw recordError(
      'FIELD_INTEGRITY_EXCEPTION',
      `${label}: invalid date: ${value} (valid from ${MIN_DATETIME} to ${MAX_DATETIME})`,
      [field.name],
    );
  }
  if (NUMBER_TYPES.has(model.type)) {
    const digits = integerDigits(model);
    const n = Number(value);
    if (digits !== undefined && Math.abs(Math.trunc(roundToScale(n, model.scale))) >= 10 ** digits) {
      throw recordError('NUMBER_OUTSIDE_VALID_RANGE', `${label}: value outside of valid range on numeric field: ${n}`, [
        field.name,
      ]);
    }
    return roundToScale(n, model.scale);
  }
  if (typeof value !== 'string' || !TEXT_TYPES.has(model.type)) return value;
  let text = value;
  if (model.picklist && (model.type === 'Picklist' || model.type === 'MultiselectPicklist')) {
    text = validatePicklist(field, text);
  }
  const max = maxLength(model);
  if (max !== undefined && text.length > max) {
    throw recordError('STRING_TOO_LONG', `${label}: data value too large: ${text} (max length=${max})`, [field.name]);
  }
  if (model.type === 'Email' && text !== '' && !EMAIL.test(text)) {
    throw recordError('INVALID_EMAIL_ADDRESS', `${label}: invalid email address: ${text}`, [field.name]);
  }
  return text;
}

/** Restricted picklists accept only their values (matched case-insensitively, stored as defined). */
function validatePicklist(field: FieldSchema, text: string): string {
  const picklist = field.model.picklist;
  if (!picklist) return text;
  const parts =
    field.model.type === 'MultiselectPicklist'
      ? text
          .split(';')
          .map((p) => p.trim())
          .filter((p) => p !== '')
      : [text];
  const canonical = parts.map((part) => {
    const match = picklist.values.find((v) => v.value.toLowerCase() === part.toLowerCase());
    if (!match && picklist.restricted) {
      throw recordError(
        'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        `${field.model.label}: bad value for restricted picklist field: ${part}`,
        [field.name],
      );
    }
    return match ? match.value : part;
  });
  return [...new Set(canonical)].join(';');
}
