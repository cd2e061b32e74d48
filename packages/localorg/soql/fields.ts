/**
 * What SOQL may do with a field, by its SOAP type: filter, sort, group, aggregate, and which literals
 * it compares with. Rules from the SOQL reference (long text cannot be filtered or sorted; only
 * strings, picklists, booleans, ids, dates and standard integers can be grouped; formulas cannot; compound
 * addresses are only selected).
 */
import type { FieldSchema } from '../schema';

export type Kind =
  | 'id'
  | 'string'
  | 'longtext'
  | 'multipicklist'
  | 'double'
  | 'int'
  | 'boolean'
  | 'date'
  | 'datetime'
  /** A compound address: selected as a structured value, never filtered, sorted, grouped or aggregated. */
  | 'address';

export function kindOf(field: FieldSchema): Kind {
  const model = field.model;
  switch (model.type) {
    case 'Id':
    case 'Lookup':
    case 'MasterDetail':
      return 'id';
    case 'LongTextArea':
    case 'Html':
      return 'longtext';
    case 'MultiselectPicklist':
      return 'multipicklist';
    case 'Number':
      // Standard whole-number fields (NumberOfEmployees) are SOAP ints; custom numbers are doubles.
      return !model.custom && (model.scale ?? 0) === 0 ? 'int' : 'double';
    case 'Currency':
    case 'Percent':
    case 'Summary':
      return 'double';
    case 'Checkbox':
      return 'boolean';
    case 'Date':
      return 'date';
    case 'DateTime':
      return 'datetime';
    case 'Address':
      return 'address';
    default:
      return 'string';
  }
}

/** The SOAP type name used in Salesforce's messages. */
export const SOAP_TYPE: Record<Kind, string> = {
  id: 'id',
  string: 'string',
  longtext: 'string',
  multipicklist: 'string',
  double: 'double',
  int: 'int',
  boolean: 'boolean',
  date: 'date',
  datetime: 'dateTime',
  address: 'address',
};

export const isNumeric = (kind: Kind): boolean => kind === 'double' || kind === 'int';
export const isTextual = (kind: Kind): boolean => kind === 'id' || kind === 'string' || kind === 'multipicklist';
export const filterable = (kind: Kind): boolean => kind !== 'longtext' && kind !== 'address';
export const sortable = (kind: Kind): boolean => kind !== 'longtext' && kind !== 'multipicklist' && kind !== 'address';

export function groupable(field: FieldSchema): boolean {
  const kind = kindOf(field);
  if (field.model.formula !== undefined) return kind === 'boolean' || kind === 'date';
  if (field.model.type === 'AutoNumber') return false;
  return kind === 'id' || kind === 'string' || kind === 'int' || kind === 'boolean' || kind === 'date';
}

/** Whether an aggregate function accepts a field of this kind. */
export function aggregatable(fn: string, kind: Kind): boolean {
  switch (fn) {
    case 'SUM':
    case 'AVG':
      return isNumeric(kind);
    case 'MIN':
    case 'MAX':
      return kind !== 'longtext' && kind !== 'multipicklist' && kind !== 'boolean' && kind !== 'address';
    default:
      return kind !== 'longtext' && kind !== 'address';
  }
}
