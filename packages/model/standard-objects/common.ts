/**
 * Builders shared by the standard-object modules: a field with the platform's defaults, picklists, the
 * audit fields every object has, and the object shell. The modules beside this one describe each object.
 */
import type { FieldModel, FieldType, ObjectModel, PicklistValue } from '../types';

export type FieldSpec = Partial<FieldModel> & { type: FieldType; label: string };

export function field(objectApiName: string, apiName: string, spec: FieldSpec): FieldModel {
  return {
    objectApiName,
    apiName,
    custom: false,
    required: false,
    unique: false,
    externalId: false,
    caseSensitive: false,
    systemManaged: false,
    ...spec,
  };
}

/** Picklist values as the platform ships them; `defaultValue` is the one a new record gets. */
export function picklist(
  values: string[],
  restricted = false,
  defaultValue?: string,
): { restricted: boolean; values: PicklistValue[] } {
  return { restricted, values: values.map((value) => ({ value, label: value, isDefault: value === defaultValue })) };
}

/** A picklist field of `length` 40 (the platform's standard picklists are 40 or 255 long). */
export const picklistField = (
  label: string,
  values: string[],
  extra: Partial<FieldModel> & { defaultValue?: string; restricted?: boolean; length?: number } = {},
): FieldSpec => {
  const { defaultValue, restricted, ...rest } = extra;
  // A picklist's default is a value flag, not a metadata default expression.
  return {
    type: 'Picklist',
    label,
    length: 40,
    picklist: picklist(values, restricted ?? false, defaultValue),
    ...rest,
  };
};

/** Fields every object has. `withOwner` is false for master-detail children and custom metadata. */
export function auditFields(objectApiName: string, withOwner: boolean): FieldModel[] {
  const user = (apiName: string, label: string, relationshipName: string, systemManaged: boolean): FieldModel =>
    field(objectApiName, apiName, {
      type: 'Lookup',
      label,
      referenceTo: ['User'],
      relationshipName,
      systemManaged,
      required: true,
    });
  const fields = [
    field(objectApiName, 'Id', { type: 'Id', label: 'Record ID', systemManaged: true, required: true, length: 18 }),
    field(objectApiName, 'IsDeleted', { type: 'Checkbox', label: 'Deleted', systemManaged: true, required: true }),
    field(objectApiName, 'CreatedDate', {
      type: 'DateTime',
      label: 'Created Date',
      systemManaged: true,
      required: true,
    }),
    user('CreatedById', 'Created By ID', 'CreatedBy', true),
    field(objectApiName, 'LastModifiedDate', {
      type: 'DateTime',
      label: 'Last Modified Date',
      systemManaged: true,
      required: true,
    }),
    user('LastModifiedById', 'Last Modified By ID', 'LastModifiedBy', true),
    field(objectApiName, 'SystemModstamp', {
      type: 'DateTime',
      label: 'System Modstamp',
      systemManaged: true,
      required: true,
    }),
  ];
  // OwnerId is defaulted to the running user on create, so it is required but not systemManaged.
  if (withOwner) fields.push(user('OwnerId', 'Owner ID', 'Owner', false));
  return fields;
}

export function standardObject(
  apiName: string,
  label: string,
  pluralLabel: string,
  keyPrefix: string,
  sharingModel: ObjectModel['sharingModel'],
  withOwner: boolean,
  specs: Record<string, FieldSpec>,
  readOnly = false,
): ObjectModel {
  const fields = new Map<string, FieldModel>();
  for (const f of auditFields(apiName, withOwner)) fields.set(f.apiName, f);
  for (const [name, spec] of Object.entries(specs)) fields.set(name, field(apiName, name, spec));
  return {
    apiName,
    label,
    pluralLabel,
    kind: 'standard',
    sharingModel,
    keyPrefix,
    nameIsAutoNumber: false,
    readOnly,
    fields,
    validationRules: [],
    listViews: [],
    compactLayouts: [],
  };
}

export const nameField = (label: string, length = 80): FieldSpec => ({ type: 'Text', label, length, required: true });
/** A person's Name, computed from FirstName and LastName on every save. */
export const computedName: FieldSpec = { type: 'Text', label: 'Full Name', length: 121, systemManaged: true };
export const text = (label: string, length: number, extra: Partial<FieldModel> = {}): FieldSpec => ({
  type: 'Text',
  label,
  length,
  ...extra,
});
export const lookup = (
  label: string,
  target: string,
  relationshipName: string,
  extra: Partial<FieldModel> = {},
): FieldSpec => ({
  type: 'Lookup',
  label,
  referenceTo: [target],
  relationshipName,
  deleteConstraint: 'SetNull',
  ...extra,
});
/**
 * A polymorphic lookup (Task.WhoId, Task.WhatId, GroupMember.UserOrGroupId): it may hold the Id of a record
 * of any of `targets`; SOQL reads its type from the Id's key prefix.
 */
export const polymorphicLookup = (
  label: string,
  targets: string[],
  relationshipName: string,
  extra: Partial<FieldModel> = {},
): FieldSpec => ({ ...lookup(label, targets[0], relationshipName, extra), referenceTo: targets });
export const checkbox = (label: string, extra: Partial<FieldModel> = {}): FieldSpec => ({
  type: 'Checkbox',
  label,
  required: true,
  ...extra,
});
export const currency = (label: string, extra: Partial<FieldModel> = {}): FieldSpec => ({
  type: 'Currency',
  label,
  precision: 18,
  scale: 2,
  ...extra,
});
export const longText = (label: string, length = 32000): FieldSpec => ({ type: 'LongTextArea', label, length });
