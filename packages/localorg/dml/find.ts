/**
 * Finding records by what a client names them with: a record Id (which may be malformed, of another
 * object, missing or deleted) or the value of an external id field.
 */
import { normalizeId } from '../ids';
import type { FieldSchema, ObjectSchema } from '../schema';
import { quoteIdent, type Row, type SqlValue } from '../sql';
import type { Storage } from '../storage';
import type { Lookup } from './common';

/**
 * Resolves a record Id given by a client to the row it names, for `obj`. With `canRead` (the caller's
 * access), a record they cannot see, live or deleted, is missing for them: no answer may confirm it exists.
 */
export function lookupRecord(
  storage: Storage,
  obj: ObjectSchema,
  rawId: string,
  canRead?: (row: Row) => boolean,
): Lookup {
  const id = normalizeId(rawId);
  if (!id) return { kind: 'malformed' };
  if (id.slice(0, 3) !== obj.keyPrefix) return { kind: 'wrongType', id };
  const row = storage.getRow(obj, id);
  if (!row || (canRead && !canRead(row))) return { kind: 'missing', id };
  return row.IsDeleted === 1 ? { kind: 'deleted', row } : { kind: 'live', row };
}

/** Live records whose `field` equals `value` (case-insensitively unless the field is case-sensitive). */
export function findIds(storage: Storage, obj: ObjectSchema, field: FieldSchema, value: SqlValue): string[] {
  if (field.name === 'Id') {
    const found = typeof value === 'string' ? lookupRecord(storage, obj, value) : undefined;
    return found?.kind === 'live' ? [found.row.Id as string] : [];
  }
  const collate = field.model.caseSensitive ? ' COLLATE BINARY' : '';
  const sql = `SELECT "Id" FROM ${quoteIdent(obj.table)} WHERE ${quoteIdent(field.column)} = ?${collate} AND "IsDeleted" = 0 ORDER BY "Id"`;
  return (storage.statement(sql).all(value) as { Id: string }[]).map((r) => r.Id);
}
