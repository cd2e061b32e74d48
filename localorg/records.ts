/** Stored rows rendered as REST API records: `attributes` first, then fields in describe order. */
import { SalesforceError } from './errors';
import type { FieldSchema, ObjectSchema } from './schema';
import { storedFields, type Row } from './storage';
import { toApiValue } from './values';

export type ApiRecord = Record<string, unknown>;

export const recordUrl = (apiVersion: string, obj: ObjectSchema, id: string): string =>
  `/services/data/v${apiVersion}/sobjects/${obj.name}/${id}`;

/** Renders `fields` (default: every stored field) of one row. */
export function renderRecord(obj: ObjectSchema, row: Row, apiVersion: string, fields?: FieldSchema[]): ApiRecord {
  const out: ApiRecord = { attributes: { type: obj.name, url: recordUrl(apiVersion, obj, row.Id as string) } };
  for (const field of fields ?? storedFields(obj)) out[field.name] = toApiValue(field.model, row[field.column] ?? null);
  return out;
}

/**
 * The fields a `fields=A,B` parameter names. Unknown names fail as the query behind it does in the org;
 * formula fields are not stored yet, so they cannot be selected this way.
 */
export function selectFields(obj: ObjectSchema, list: string | undefined): FieldSchema[] | undefined {
  if (list === undefined || list.trim() === '') return undefined;
  const stored = new Set(storedFields(obj));
  const selected: FieldSchema[] = [];
  for (const raw of list.split(',')) {
    const name = raw.trim();
    if (name === '') continue;
    const field = obj.fieldsByLower.get(name.toLowerCase());
    if (!field || !stored.has(field)) {
      throw new SalesforceError(
        400,
        'INVALID_FIELD',
        `No such column '${name}' on entity '${obj.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
      );
    }
    if (!selected.includes(field)) selected.push(field);
  }
  return selected;
}
