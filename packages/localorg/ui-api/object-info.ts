/**
 * UI API object metadata: `object-info/{object}` (Object Info: apiName, label, labelPlural, keyPrefix,
 * fields by name as Field representations, childRelationships, recordTypeInfos by Id, nameFields, themeInfo,
 * permissions), `object-info/batch/{objects}`, and picklist values by record type, for one field
 * (`picklist-values/{recordTypeId}/{field}`: `{ controllerValues, defaultValue, url, values }`) or for every
 * picklist of the object (`{ picklistFieldValues: { F: ... } }`). As the caller sees them: objects they cannot
 * read are not found, fields hidden by field-level security are absent, createable/updateable follow their
 * permissions.
 */
import { describeField, describeObject, describeType, MASTER_RECORD_TYPE_ID } from '../describe';
import type { FieldSchema, ObjectSchema } from '../schema';
import type { UserAccess } from '../security';
import { ok, type ApiRequest, type OrgRuntime, type Reply } from '../rest/context';
import { accessOf } from '../rest/sobjects';
import { invalidInput, notFoundUi, UiApiError } from './errors';

/** UI API data types (Field.dataType) by REST describe type. */
const DATA_TYPES: Record<string, string> = {
  id: 'Id',
  string: 'String',
  textarea: 'TextArea',
  picklist: 'Picklist',
  multipicklist: 'MultiPicklist',
  reference: 'Reference',
  boolean: 'Boolean',
  double: 'Double',
  int: 'Int',
  currency: 'Currency',
  percent: 'Percent',
  date: 'Date',
  datetime: 'DateTime',
  email: 'Email',
  phone: 'Phone',
  url: 'Url',
  address: 'Address',
};

/** A compound field component's part name (`City` for BillingCity), or null for other fields. */
function compoundComponentName(obj: ObjectSchema, field: FieldSchema): string | null {
  const compound = field.model.compoundFieldName ? obj.fields.get(field.model.compoundFieldName) : undefined;
  const key = Object.entries(compound?.model.compoundComponents ?? {}).find(([, name]) => name === field.name)?.[0];
  return key ? key[0].toUpperCase() + key.slice(1) : null;
}

/** The object an API name names, exactly as the caller may read it. */
export function objectForCaller(org: OrgRuntime, access: UserAccess, name: string): ObjectSchema {
  const obj = org.schema.byLower.get(name.toLowerCase());
  if (!obj || !access.canReadObject(obj)) throw notFoundUi();
  return obj;
}

function nameFieldsOf(obj: ObjectSchema): string[] {
  return obj.fields.has('Name') ? ['Name'] : [];
}

/** A Field representation of the object's field, for the caller. */
function fieldInfo(
  org: OrgRuntime,
  obj: ObjectSchema,
  field: FieldSchema,
  access: UserAccess,
): Record<string, unknown> {
  const d = describeField(obj, field, access) as Record<string, unknown> & { referenceTo: string[] };
  const type = describeType(field);
  return {
    apiName: field.name,
    calculated: d.calculated,
    compound: field.model.type === 'Address',
    compoundComponentName: compoundComponentName(obj, field),
    compoundFieldName: field.model.compoundFieldName ?? null,
    controllerName: null,
    controllingFields: [],
    createable: d.createable,
    custom: d.custom,
    dataType: DATA_TYPES[type] ?? type,
    extraTypeInfo: d.extraTypeInfo,
    filterable: d.filterable,
    filteredLookupInfo: null,
    highScaleNumber: false,
    htmlFormatted: d.htmlFormatted,
    inlineHelpText: d.inlineHelpText,
    label: d.label,
    length: d.length,
    nameField: d.nameField,
    polymorphicForeignKey: d.polymorphicForeignKey,
    precision: d.precision,
    reference: type === 'reference',
    referenceTargetField: null,
    referenceToInfos: d.referenceTo
      .map((name) => org.schema.objects.get(name))
      .filter((target): target is ObjectSchema => target !== undefined && access.canReadObject(target))
      .map((target) => ({ apiName: target.name, nameFields: nameFieldsOf(target) })),
    relationshipName: d.relationshipName,
    required: field.model.required && field.model.type !== 'Checkbox' && d.createable === true,
    scale: d.scale,
    searchPrefilterable: false,
    sortable: d.sortable,
    unique: d.unique,
    updateable: d.updateable,
  };
}

const recordTypeInfos = (): Record<string, unknown> => ({
  [MASTER_RECORD_TYPE_ID]: {
    available: true,
    defaultRecordTypeMapping: true,
    master: true,
    name: 'Master',
    recordTypeId: MASTER_RECORD_TYPE_ID,
  },
});

/** The Object Info representation of an object, for the caller. */
export function objectInfo(org: OrgRuntime, req: ApiRequest, obj: ObjectSchema): Record<string, unknown> {
  const access = accessOf(org, req);
  const d = describeObject(org.schema, obj, req.ctx.apiVersion, access) as Record<string, unknown> & {
    childRelationships: { childSObject: string; field: string; relationshipName: string | null }[];
  };
  const fields: Record<string, unknown> = {};
  for (const field of obj.fields.values())
    if (access.canReadField(field)) fields[field.name] = fieldInfo(org, obj, field, access);
  return {
    apiName: obj.name,
    associateEntityType: null,
    associateParentEntity: null,
    childRelationships: d.childRelationships.map((r) => ({
      childObjectApiName: r.childSObject,
      fieldName: r.field,
      junctionIdListNames: [],
      junctionReferenceTo: [],
      relationshipName: r.relationshipName,
    })),
    compactLayoutable: d.compactLayoutable,
    createable: d.createable,
    custom: d.custom,
    defaultRecordTypeId: MASTER_RECORD_TYPE_ID,
    deletable: d.deletable,
    dependentFields: {},
    eTag: String(org.schemaLoadedAt.getTime()),
    feedEnabled: false,
    fields,
    keyPrefix: obj.keyPrefix,
    label: obj.model.label,
    labelPlural: obj.model.pluralLabel,
    layoutable: d.layoutable,
    mruEnabled: d.mruEnabled,
    nameFields: nameFieldsOf(obj),
    queryable: true,
    recordTypeInfos: recordTypeInfos(),
    searchLayoutable: d.searchLayoutable,
    searchable: d.searchable,
    themeInfo: null,
    updateable: d.updateable,
  };
}

/** `GET object-info/{object}`. */
export function objectInfoResource(org: OrgRuntime, req: ApiRequest): Reply {
  return ok(objectInfo(org, req, objectForCaller(org, accessOf(org, req), req.params[0])));
}

/** `GET object-info/batch/{objects}`: `{ results: [{ statusCode, result }] }` in order. */
export function objectInfoBatch(org: OrgRuntime, req: ApiRequest): Reply {
  const access = accessOf(org, req);
  const names = req.params[0].split(',').filter((s) => s !== '');
  if (names.length === 0) throw invalidInput('Give at least one object API name');
  const results = names.map((name) => {
    try {
      return { statusCode: 200, result: objectInfo(org, req, objectForCaller(org, access, name)) };
    } catch (error) {
      if (!(error instanceof UiApiError)) throw error;
      return { statusCode: error.status, result: error.toBody() };
    }
  });
  return ok({ results });
}

function checkRecordType(recordTypeId: string): void {
  // The local org has no record types: every object has the master record type only.
  if (recordTypeId !== MASTER_RECORD_TYPE_ID && recordTypeId !== MASTER_RECORD_TYPE_ID.slice(0, 15))
    throw new UiApiError(404, [{ errorCode: 'NOT_FOUND', message: `Invalid record type id: ${recordTypeId}` }]);
}

/** The Picklist Values representation of a field. */
function picklistValues(req: ApiRequest, obj: ObjectSchema, field: FieldSchema): Record<string, unknown> {
  const value = (v: { value: string; label: string }): Record<string, unknown> => ({
    attributes: null,
    label: v.label,
    validFor: [],
    value: v.value,
  });
  const values = field.model.picklist?.values ?? [];
  const defaultValue = values.find((v) => v.isDefault);
  return {
    controllerValues: {},
    defaultValue: defaultValue ? value(defaultValue) : null,
    eTag: `${obj.name}.${field.name}`,
    url: `/services/data/v${req.ctx.apiVersion}/ui-api/object-info/${obj.name}/picklist-values/${MASTER_RECORD_TYPE_ID}/${field.name}`,
    values: values.map(value),
  };
}

const isPicklist = (field: FieldSchema): boolean =>
  field.model.type === 'Picklist' || field.model.type === 'MultiselectPicklist';

/** `GET object-info/{object}/picklist-values/{recordTypeId}/{field}`. */
export function fieldPicklistValues(org: OrgRuntime, req: ApiRequest): Reply {
  const access = accessOf(org, req);
  const obj = objectForCaller(org, access, req.params[0]);
  checkRecordType(req.params[1]);
  const field = obj.fieldsByLower.get(req.params[2].toLowerCase());
  if (!field || !access.canReadField(field) || !isPicklist(field)) throw notFoundUi();
  return ok(picklistValues(req, obj, field));
}

/** `GET object-info/{object}/picklist-values/{recordTypeId}`: every picklist field the caller can read. */
export function objectPicklistValues(org: OrgRuntime, req: ApiRequest): Reply {
  const access = accessOf(org, req);
  const obj = objectForCaller(org, access, req.params[0]);
  checkRecordType(req.params[1]);
  const picklistFieldValues: Record<string, unknown> = {};
  for (const field of obj.fields.values())
    if (isPicklist(field) && access.canReadField(field))
      picklistFieldValues[field.name] = picklistValues(req, obj, field);
  return ok({ eTag: obj.name, picklistFieldValues });
}
