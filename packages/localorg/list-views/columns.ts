/**
 * A list view's column and filter names resolved against the org's schema. The metadata names columns its
 * own way (`NAME`, `CREATED_DATE`, `ACCOUNT.ADDRESS1_STATE`, `CORE.USERS.ALIAS`, custom fields by API name);
 * each becomes a SOQL field path (`Name`, `CreatedDate`, `BillingState`, `Owner.Alias`) with its label. A lookup
 * column shows the parent's name (`Partner_Account__r.Name`), as Salesforce's list views do. Columns the caller
 * cannot read (field-level security, object permissions) and fields the org does not have are left out.
 */
import type { FieldSchema, ObjectSchema, OrgSchema } from '../schema';
import type { UserAccess } from '../security';

export interface ListColumn {
  /** The SOQL path (`fieldNameOrPath`): `Name`, `Owner.Alias`, `Partner_Account__r.Name`. */
  path: string;
  label: string;
  /** The field the path ends at. */
  field: FieldSchema;
  /** For a parent path, the reference field on the list's object (`Partner_Account__c`, `OwnerId`). */
  lookup?: FieldSchema;
}

/** Salesforce's list view names of standard fields, to [relationship field, field] on the list's object. */
const STANDARD_NAMES: Record<string, [string | null, string]> = {
  NAME: [null, 'Name'],
  FULL_NAME: [null, 'Name'],
  CREATED_DATE: [null, 'CreatedDate'],
  LAST_UPDATE: [null, 'LastModifiedDate'],
  'CORE.USERS.ALIAS': ['OwnerId', 'Alias'],
  'OWNER.ALIAS': ['OwnerId', 'Alias'],
  'CORE.USERS.FULL_NAME': ['OwnerId', 'Name'],
  'OWNER.FULL_NAME': ['OwnerId', 'Name'],
  'CREATEDBY_USER.ALIAS': ['CreatedById', 'Alias'],
  'UPDATEDBY_USER.ALIAS': ['LastModifiedById', 'Alias'],
  ADDRESS1_STATE: [null, 'BillingState'],
  ADDRESS1_CITY: [null, 'BillingCity'],
  ADDRESS1_COUNTRY: [null, 'BillingCountry'],
  PHONE1: [null, 'Phone'],
  WON: [null, 'IsWon'],
  CLOSED: [null, 'IsClosed'],
};

/** The object's field named `name` exactly, or with the metadata's underscores (`CLOSE_DATE` is CloseDate). */
function fieldNamed(obj: ObjectSchema, name: string): FieldSchema | undefined {
  const exact = obj.fieldsByLower.get(name.toLowerCase());
  if (exact) return exact;
  const squashed = name.replace(/_/g, '').toLowerCase();
  return [...obj.fields.values()].find((f) => !f.model.custom && f.name.toLowerCase() === squashed);
}

const relationshipOf = (obj: ObjectSchema, field: FieldSchema) =>
  [...obj.parents.values()].find((rel) => rel.field === field);

/** A path through a reference field of `obj` to `leaf` on its parent, or undefined when there is none. */
function parentColumn(
  schema: OrgSchema,
  obj: ObjectSchema,
  lookup: FieldSchema,
  leaf: string,
  label: string,
): ListColumn | undefined {
  const rel = relationshipOf(obj, lookup);
  const target = rel ? schema.objects.get(rel.target) : undefined;
  const field = target ? fieldNamed(target, leaf) : undefined;
  if (!rel || !field) return undefined;
  return { path: `${rel.name}.${field.name}`, label, field, lookup };
}

/** A metadata column or filter name as a column of `obj`, or undefined when the org has no such field. */
export function resolveColumn(schema: OrgSchema, obj: ObjectSchema, name: string): ListColumn | undefined {
  const upper = name.toUpperCase();
  const dot = upper.indexOf('.');
  // `ACCOUNT.NAME` on Account is its own Name; on Opportunity or Contact it is the parent account's.
  const prefix = dot > 0 && !name.includes('__') ? upper.slice(0, dot) : '';
  const rest = prefix ? name.slice(dot + 1) : name;
  const standard = STANDARD_NAMES[upper] ?? (prefix ? STANDARD_NAMES[rest.toUpperCase()] : undefined);
  if (prefix && prefix !== 'CORE' && prefix !== obj.name.toUpperCase() && !STANDARD_NAMES[upper]) {
    const lookup = fieldNamed(obj, `${prefix}Id`);
    const target = lookup?.referenceTo ? schema.objects.get(lookup.referenceTo) : undefined;
    if (!lookup || !target) return undefined;
    const leaf = fieldNamed(target, rest);
    if (!leaf) return undefined;
    // The parent's own label when it already names the parent ("Account Name"), else both ("Account Site").
    const label = leaf.model.label.startsWith(target.model.label)
      ? leaf.model.label
      : `${target.model.label} ${leaf.model.label}`;
    return parentColumn(schema, obj, lookup, leaf.name, label);
  }
  if (standard) {
    const [via, leafName] = standard;
    if (via === null) {
      const field = fieldNamed(obj, leafName);
      return field ? ownColumn(schema, obj, field) : undefined;
    }
    const lookup = fieldNamed(obj, via);
    if (!lookup) return undefined;
    const leafLabel = leafName === 'Alias' ? 'Alias' : 'Name';
    return parentColumn(schema, obj, lookup, leafName, `${lookup.model.label.replace(/ ID$/, '')} ${leafLabel}`);
  }
  const field = fieldNamed(obj, rest);
  return field ? ownColumn(schema, obj, field) : undefined;
}

/** A field of the object itself; a lookup shows its parent's Name. */
function ownColumn(schema: OrgSchema, obj: ObjectSchema, field: FieldSchema): ListColumn | undefined {
  if (field.referenceTo && relationshipOf(obj, field)) {
    const label = field.model.label.replace(/ ID$/, '');
    return parentColumn(schema, obj, field, 'Name', label);
  }
  return { path: field.name, label: field.model.label, field };
}

/** Whether the caller can read every field and object the column goes through. */
export function canReadColumn(schema: OrgSchema, access: UserAccess, column: ListColumn): boolean {
  if (!access.canReadField(column.field)) return false;
  if (!column.lookup) return true;
  const target = column.lookup.referenceTo ? schema.objects.get(column.lookup.referenceTo) : undefined;
  return access.canReadField(column.lookup) && target !== undefined && access.canReadObject(target);
}
