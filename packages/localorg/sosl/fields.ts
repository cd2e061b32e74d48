/**
 * Which fields SOSL searches, per search group (IN ALL | NAME | EMAIL | PHONE | SIDEBAR FIELDS), as the SOSL
 * reference's "IN SearchGroup" lists them: text fields only (numbers, dates, picklists, ids and checkboxes are
 * not searchable), name fields plus the extra standard fields it names for IN NAME FIELDS, email and phone
 * fields for their groups. Formula fields are computed on read, so they are not indexed.
 */
import type { FieldSchema, ObjectSchema } from '../schema';

export type SearchGroup = 'ALL' | 'NAME' | 'EMAIL' | 'PHONE' | 'SIDEBAR';
export const SEARCH_GROUPS: readonly SearchGroup[] = ['ALL', 'NAME', 'EMAIL', 'PHONE', 'SIDEBAR'];

/** Field types whose text is indexed (ALL FIELDS). */
const TEXT_TYPES = new Set(['Text', 'TextArea', 'LongTextArea', 'Html', 'Email', 'Phone', 'Url', 'AutoNumber']);

/** "In addition to the Name field, Salesforce searches the following fields when using IN NAME FIELDS". */
const EXTRA_NAME_FIELDS: Record<string, string[]> = {
  Account: ['Website', 'Site', 'NameLocal'],
  Asset: ['SerialNumber'],
  Case: ['SuppliedName', 'SuppliedCompany', 'Subject'],
  Contact: ['AssistantName', 'FirstNameLocal', 'LastNameLocal'],
  Event: ['Subject'],
  Lead: ['Company', 'CompanyLocal', 'FirstNameLocal', 'LastNameLocal'],
  Note: ['Title'],
  PermissionSet: ['Label'],
  Task: ['Subject'],
  User: ['CommunityNickname'],
};

/** The object's indexed fields (every searchable text field), in schema order. */
export function indexedFields(obj: ObjectSchema): FieldSchema[] {
  if (obj.readOnly || obj.model.shareOf) return [];
  return [...obj.fields.values()].filter((f) => f.model.formula === undefined && TEXT_TYPES.has(f.model.type));
}

/** The indexed fields a search group covers. */
export function groupFields(obj: ObjectSchema, group: SearchGroup): FieldSchema[] {
  const fields = indexedFields(obj);
  switch (group) {
    case 'ALL':
    case 'SIDEBAR':
      return fields;
    case 'EMAIL':
      return fields.filter((f) => f.model.type === 'Email');
    case 'PHONE':
      return fields.filter((f) => f.model.type === 'Phone');
    case 'NAME': {
      const extra = EXTRA_NAME_FIELDS[obj.name] ?? [];
      return fields.filter((f) => f.name === 'Name' || extra.includes(f.name));
    }
  }
}
