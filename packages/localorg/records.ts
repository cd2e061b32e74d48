/** Stored rows rendered as REST API records: `attributes` first, then fields in describe order. */
import { SalesforceError } from './errors';
import type { FieldSchema, ObjectSchema } from './schema';
import type { Row } from './sql';
import { compoundValue, toApiValue } from './values';

export type ApiRecord = Record<string, unknown>;

export const recordUrl = (apiVersion: string, obj: ObjectSchema, id: string): string =>
  `/services/data/v${apiVersion}/sobjects/${obj.name}/${id}`;

/**
 * Renders `fields` (default: every field) of one row. Formula fields render from the row too: pass a row
 * completed by `withFormulaValues`.
 */
export function renderRecord(obj: ObjectSchema, row: Row, apiVersion: string, fields?: FieldSchema[]): ApiRecord {
  const out: ApiRecord = { attributes: { type: obj.name, url: recordUrl(apiVersion, obj, row.Id as string) } };
  for (const field of fields ?? obj.fields.values()) {
    // A compound field is not stored: its value comes from its components.
    out[field.name] =
      field.model.type === 'Address'
        ? compoundValue(field.model, row)
        : toApiValue(field.model, row[field.column] ?? null);
  }
  return out;
}

/**
 * The fields a `fields=A,B` parameter names. Unknown names, and fields the caller cannot read (`readable`),
 * fail as the query behind it does in the org.
 */
export function selectFields(
  obj: ObjectSchema,
  list: string | undefined,
  readable: (field: FieldSchema) => boolean = () => true,
): FieldSchema[] | undefined {
  if (list === undefined || list.trim() === '') return undefined;
  const selected: FieldSchema[] = [];
  for (const raw of list.split(',')) {
    const name = raw.trim();
    if (name === '') continue;
    const field = obj.fieldsByLower.get(name.toLowerCase());
    if (!field || !readable(field)) {
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
