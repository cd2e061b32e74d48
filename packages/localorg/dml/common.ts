/**
 * The write layer's shared vocabulary: record-level errors, the values a client asks to write, what a record
 * Id names, and the small row and SQL helpers every write module uses.
 */
import type { FieldSchema, ObjectSchema } from '../schema';
import { SalesforceError } from '../errors';
import type { Row, SqlValue } from '../sql';

/** A record-level failure, reported per record in collections and as a 400 for single-record calls. */
export const recordError = (code: string, message: string, fields: string[] = []): SalesforceError =>
  new SalesforceError(400, code, message, fields);

/** A parent named by one of its external ids (`"Account__r": {"External_Key__c": "A-1"}`). */
export interface ForeignKeyRef {
  target: ObjectSchema;
  idField: FieldSchema;
  value: SqlValue;
}

/** The values a client asked to write, by field, after JSON deserialization. */
export type WriteValues = Map<FieldSchema, SqlValue | ForeignKeyRef>;

/** What a record Id names, before any access check. */
export type Lookup =
  | { kind: 'live'; row: Row }
  | { kind: 'deleted'; row: Row }
  | { kind: 'malformed' }
  | { kind: 'wrongType'; id: string }
  | { kind: 'missing'; id: string };

/** Signals that an external id matched more than one record (REST answers 300). */
export class MultipleMatchesError extends SalesforceError {
  constructor(
    readonly field: FieldSchema,
    readonly ids: string[],
  ) {
    super(
      300,
      'DUPLICATE_EXTERNAL_ID',
      `${field.name}: more than one record found for external id field: [${ids.join(', ')}]`,
      [field.name],
    );
  }
}

/** Field types stored as numbers (JSON numbers in, SQL REAL out). */
export const NUMBER_TYPES = new Set(['Number', 'Currency', 'Percent', 'Summary']);

const IN_CHUNK = 500;

/** `items` in slices small enough for one SQL `IN (...)` list. */
export function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += IN_CHUNK) out.push(items.slice(i, i + IN_CHUNK));
  return out;
}

/** The audit values an object has columns for (share objects have no created or modstamp fields). */
export function auditColumns(obj: ObjectSchema, values: Row): Row {
  const out: Row = {};
  for (const [column, value] of Object.entries(values)) if (obj.fields.has(column)) out[column] = value;
  return out;
}
