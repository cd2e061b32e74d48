/**
 * JSON decoding of record bodies: every key must name a field (or a parent relationship given by external
 * id) and every value must have its field's JSON type. Failures are request-level errors, worded as the
 * API's JSON parser words them, raised before any record is processed.
 */
import { SalesforceError } from '../errors';
import { findFieldSchema, type FieldSchema, type ObjectSchema, type OrgSchema } from '../schema';
import type { SqlValue } from '../sql';
import { lineColumn, parseDate, parseDateTime } from '../values';
import { NUMBER_TYPES, type ForeignKeyRef, type WriteValues } from './common';

function jsonToken(value: unknown): string {
  if (typeof value === 'string') return 'VALUE_STRING';
  if (typeof value === 'boolean') return value ? 'VALUE_TRUE' : 'VALUE_FALSE';
  if (typeof value === 'number') return Number.isInteger(value) ? 'VALUE_NUMBER_INT' : 'VALUE_NUMBER_FLOAT';
  return Array.isArray(value) ? 'START_ARRAY' : 'START_OBJECT';
}

/** Where `"key": value` sits in the request text, for the parser's `[line:L, column:C]` suffix. */
function positionOf(source: string | undefined, key: string): string {
  if (!source) return '';
  const at = source.indexOf(`"${key}"`);
  if (at < 0) return '';
  const colon = source.indexOf(':', at + key.length + 2);
  let end = colon + 1;
  while (end < source.length && /\s/.test(source[end])) end++;
  if (source[end] === '"') {
    end++;
    while (end < source.length && source[end] !== '"') end += source[end] === '\\' ? 2 : 1;
    end++;
  } else {
    while (end < source.length && !/[\s,}\]]/.test(source[end])) end++;
  }
  const { line, column } = lineColumn(source, end);
  return ` at [line:${line}, column:${column}]`;
}

function parserError(kind: string, key: string, value: unknown, source: string | undefined): SalesforceError {
  const shown = typeof value === 'object' && value !== null ? (Array.isArray(value) ? '[' : '{') : String(value);
  return new SalesforceError(
    400,
    'JSON_PARSER_ERROR',
    `Cannot deserialize instance of ${kind} from ${jsonToken(value)} value ${shown} or request may be missing a required field${positionOf(source, key)}`,
  );
}

/** Converts one JSON value to its stored form, or fails as the API's JSON parser does. */
function deserializeValue(field: FieldSchema, key: string, value: unknown, source: string | undefined): SqlValue {
  const type = field.model.type;
  if (value === null) return type === 'Checkbox' ? 0 : null;
  if (type === 'Checkbox') {
    if (typeof value !== 'boolean') throw parserError('boolean', key, value, source);
    return value ? 1 : 0;
  }
  if (NUMBER_TYPES.has(type)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw parserError('double', key, value, source);
    return value;
  }
  if (type === 'Date') {
    const date = typeof value === 'string' ? parseDate(value) : undefined;
    if (date === undefined) throw parserError('date', key, value, source);
    return date;
  }
  if (type === 'DateTime') {
    const dt = typeof value === 'string' ? parseDateTime(value) : undefined;
    if (dt === undefined) throw parserError('datetime', key, value, source);
    return dt;
  }
  if (typeof value === 'object') throw parserError('string', key, value, source);
  return String(value);
}

/**
 * Deserializes a record body for `obj`: every key must name a field (or a parent relationship given by
 * external id); values must have the field's JSON type. `attributes` is skipped. Throws request-level
 * errors (INVALID_FIELD, JSON_PARSER_ERROR), as the API does before any record is processed. Fields the
 * caller cannot read (`readable`) do not exist for them.
 */
export function deserializeRecord(
  schema: OrgSchema,
  obj: ObjectSchema,
  body: unknown,
  source?: string,
  readable: (field: FieldSchema) => boolean = () => true,
): WriteValues {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new SalesforceError(
      400,
      'JSON_PARSER_ERROR',
      `Cannot deserialize instance of ${obj.name} from ${jsonToken(body)} value`,
    );
  }
  const values: WriteValues = new Map();
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key === 'attributes') continue;
    const field = findFieldSchema(obj, key);
    if (field && readable(field)) {
      values.set(field, deserializeValue(field, key, value, source));
      continue;
    }
    const parent = obj.parents.get(key.toLowerCase());
    if (parent && readable(parent.field) && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const target = schema.objects.get(parent.target) as ObjectSchema;
      values.set(parent.field, foreignKeyRef(parent.field, target, value as Record<string, unknown>, source));
      continue;
    }
    throw new SalesforceError(400, 'INVALID_FIELD', `No such column '${key}' on sobject of type ${obj.name}`);
  }
  return values;
}

function foreignKeyRef(
  field: FieldSchema,
  target: ObjectSchema,
  body: Record<string, unknown>,
  source: string | undefined,
): ForeignKeyRef {
  const keys = Object.keys(body).filter((k) => k !== 'attributes');
  const idField = keys.length === 1 ? findFieldSchema(target, keys[0]) : undefined;
  if (!idField || !(idField.model.externalId || idField.name === 'Id')) {
    throw new SalesforceError(
      400,
      'INVALID_FIELD',
      `The value provided for foreign key reference ${field.name.replace(/__c$/, '__r')} is not a nested SObject with exactly one external id field`,
    );
  }
  return { target, idField, value: deserializeValue(idField, keys[0], body[keys[0]], source) };
}
