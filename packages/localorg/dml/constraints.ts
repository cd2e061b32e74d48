/**
 * Record-level constraints checked on the whole row before it is stored: required fields and unique
 * fields (with the platform's own wording for a duplicate username).
 */
import type { FieldSchema, ObjectSchema } from '../schema';
import type { UserAccess } from '../security';
import { quoteIdent, type Row } from '../sql';
import type { Storage } from '../storage';
import { recordError } from './common';

/** Required fields (other than system, checkbox and formula fields) must have a non-blank value. */
export function assertRequired(obj: ObjectSchema, row: Row): void {
  const missing: string[] = [];
  for (const field of obj.fields.values()) {
    const model = field.model;
    if (model.systemManaged || model.type === 'Checkbox' || model.formula !== undefined) continue;
    if (!model.required) continue;
    const value = row[field.column];
    if (value === null || value === undefined || value === '') missing.push(field.name);
  }
  if (missing.length > 0)
    throw recordError('REQUIRED_FIELD_MISSING', `Required fields are missing: [${missing.join(', ')}]`, missing);
}

/** No other live record may hold the value of a unique field among `fields`. */
export function assertUnique(
  storage: Storage,
  obj: ObjectSchema,
  row: Row,
  fields: Iterable<FieldSchema>,
  access: UserAccess,
): void {
  for (const field of fields) {
    if (!field.model.unique) continue;
    const value = row[field.column];
    if (value === null || value === undefined) continue;
    const collate = field.model.caseSensitive ? ' COLLATE BINARY' : '';
    const sql = `SELECT "Id" FROM ${quoteIdent(obj.table)} WHERE ${quoteIdent(field.column)} = ?${collate} AND "IsDeleted" = 0 AND "Id" <> ? LIMIT 1`;
    const clash = storage.statement(sql).get(value, row.Id ?? '') as { Id: string } | undefined;
    if (!clash) continue;
    if (obj.name === 'User' && field.name === 'Username') {
      throw recordError(
        'DUPLICATE_USERNAME',
        "Duplicate Username.<br>The username already exists in this or another Salesforce organization. Usernames must be unique across all Salesforce organizations. To resolve, use a different username (it doesn't need to match the user's email address).",
        [field.name],
      );
    }
    // The clashing record's Id is named only to a user who can see that record.
    const visible = access.canReadRow(obj, storage.getRow(obj, clash.Id) ?? {});
    throw recordError(
      'DUPLICATE_VALUE',
      `duplicate value found: ${field.name} duplicates value on ${visible ? `record with id: ${clash.Id}` : 'another record'}`,
      [field.name],
    );
  }
}
