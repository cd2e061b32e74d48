/**
 * The REST describe resources (global describe, sObject basic info, sObject describe) built from the
 * compiled schema, in the shape Salesforce returns and jsforce / UI API consumers read. With a user's
 * access, they describe what that user sees: objects and fields they cannot read are absent, and the
 * createable / updateable / deletable flags follow their object permissions and field-level security.
 */
import type { FieldSchema, ObjectSchema, OrgSchema } from './schema';
import { AUDIT_FIELDS, type UserAccess } from './security';
import { maxLength } from './values';

/** The master record type every object has when it defines no record types. */
/** The alternate named layouts the platform defines (User's UserAlt, used by the mobile app). */
export const NAMED_LAYOUTS: Record<string, string[]> = { User: ['UserAlt'] };

export const MASTER_RECORD_TYPE_ID = '012000000000000AAA';

const base = (apiVersion: string): string => `/services/data/v${apiVersion}`;

/** Salesforce's describe type for a field. */
export function describeType(field: FieldSchema): string {
  const m = field.model;
  switch (m.type) {
    case 'Id':
      return 'id';
    case 'Text':
    case 'AutoNumber':
      return 'string';
    case 'TextArea':
    case 'LongTextArea':
    case 'Html':
      return 'textarea';
    case 'Number':
      // Standard integer fields (NumberOfEmployees, FiscalYear) are int; custom Number fields are double.
      return !m.custom && m.scale === 0 ? 'int' : 'double';
    case 'Currency':
      return 'currency';
    case 'Percent':
      return 'percent';
    case 'Summary':
      return 'double';
    case 'Date':
      return 'date';
    case 'DateTime':
      return 'datetime';
    case 'Checkbox':
      return 'boolean';
    case 'Picklist':
      return 'picklist';
    case 'MultiselectPicklist':
      return 'multipicklist';
    case 'Email':
      return 'email';
    case 'Phone':
      return 'phone';
    case 'Url':
      return 'url';
    case 'Lookup':
    case 'MasterDetail':
      return 'reference';
    case 'Address':
      return 'address';
  }
}

const SOAP_TYPES: Record<string, string> = {
  id: 'tns:ID',
  reference: 'tns:ID',
  double: 'xsd:double',
  currency: 'xsd:double',
  percent: 'xsd:double',
  int: 'xsd:int',
  boolean: 'xsd:boolean',
  date: 'xsd:date',
  datetime: 'xsd:dateTime',
  address: 'urn:address',
};

function relationshipNameOf(obj: ObjectSchema, field: FieldSchema): string | null {
  for (const rel of obj.parents.values()) if (rel.field === field) return rel.name;
  for (const rel of obj.polymorphic.values()) if (rel.field === field) return rel.name;
  return null;
}

/** True when the field is system-maintained: clients cannot set it. */
const readOnly = (field: FieldSchema): boolean => field.model.systemManaged || field.name === 'Id';

export function describeField(obj: ObjectSchema, field: FieldSchema, access?: UserAccess): Record<string, unknown> {
  const m = field.model;
  const perms = access?.object(obj);
  const editable = access ? access.canEditField(field) : true;
  const type = describeType(field);
  const textLength = maxLength(m);
  const isText = textLength !== undefined;
  const length = textLength ?? (type === 'id' || type === 'reference' ? 18 : 0);
  // Long text and compound fields cannot be filtered, sorted, grouped or aggregated.
  const isLongText = m.type === 'LongTextArea' || m.type === 'Html' || m.type === 'Address';
  const numeric = type === 'double' || type === 'currency' || type === 'percent';
  const required = m.required && m.type !== 'Checkbox';
  const auditOrOwner = readOnly(field) || field.name === 'OwnerId';
  const defaultPicklist = m.picklist?.values.some((v) => v.isDefault) ?? false;
  return {
    aggregatable: !isLongText && m.type !== 'MultiselectPicklist',
    aiPredictionField: false,
    autoNumber: m.type === 'AutoNumber',
    byteLength: length * (type === 'id' || type === 'reference' ? 1 : 3),
    calculated: m.formula !== undefined || m.type === 'Summary',
    calculatedFormula: m.formula ?? null,
    cascadeDelete: m.type === 'MasterDetail',
    caseSensitive: m.caseSensitive,
    compoundFieldName: m.compoundFieldName ?? null,
    controllerName: null,
    createable:
      (!readOnly(field) || (AUDIT_FIELDS.has(field.name) && access?.setsAuditFields === true)) &&
      editable &&
      (perms?.allowCreate ?? true),
    custom: m.custom,
    defaultValue: m.type === 'Checkbox' ? (m.defaultChecked ?? false) : null,
    defaultValueFormula: m.type === 'Checkbox' ? null : (m.defaultValue ?? null),
    defaultedOnCreate: auditOrOwner || m.type === 'Checkbox' || m.type === 'AutoNumber' || defaultPicklist,
    dependentPicklist: false,
    deprecatedAndHidden: false,
    digits: type === 'int' ? (m.precision ?? 0) : 0,
    displayLocationInDecimal: m.type === 'Percent',
    encrypted: false,
    externalId: m.externalId,
    extraTypeInfo:
      m.type === 'LongTextArea' || m.type === 'TextArea' ? 'plaintextarea' : m.type === 'Html' ? 'richtextarea' : null,
    filterable: !isLongText,
    filteredLookupInfo: null,
    formulaTreatNullNumberAsZero: m.formulaTreatBlanksAs === 'BlankAsZero',
    groupable: !isLongText && !numeric && type !== 'datetime' && m.type !== 'MultiselectPicklist',
    highScaleNumber: false,
    htmlFormatted: m.type === 'Html',
    idLookup: field.name === 'Id' || m.externalId || (m.unique && isText),
    inlineHelpText: m.inlineHelpText ?? null,
    label: m.label,
    length,
    mask: null,
    maskType: null,
    name: field.name,
    nameField: field.name === 'Name',
    namePointing: false,
    nillable: !required && m.type !== 'Checkbox' && field.name !== 'Id',
    permissionable: m.custom && !required && !readOnly(field),
    picklistValues: (m.picklist?.values ?? []).map((v) => ({
      active: true,
      defaultValue: v.isDefault,
      label: v.label,
      validFor: null,
      value: v.value,
    })),
    polymorphicForeignKey: (m.referenceTo ?? []).length > 1,
    precision: numeric ? (m.precision ?? 18) : 0,
    queryByDistance: false,
    referenceTargetField: null,
    referenceTo: m.referenceTo ?? [],
    relationshipName: type === 'reference' ? relationshipNameOf(obj, field) : null,
    relationshipOrder: m.type === 'MasterDetail' ? 0 : null,
    restrictedDelete: m.deleteConstraint === 'Restrict',
    restrictedPicklist: m.picklist?.restricted ?? false,
    scale: numeric ? (m.scale ?? 0) : 0,
    searchPrefilterable: false,
    soapType: SOAP_TYPES[type] ?? 'xsd:string',
    sortable: !isLongText && m.type !== 'MultiselectPicklist',
    type,
    unique: m.unique,
    updateable:
      !readOnly(field) && m.type !== 'MasterDetail' && !m.createOnly && editable && (perms?.allowEdit ?? true),
    // The master-detail sharing setting; false on every other field, as Salesforce describes them.
    writeRequiresMasterRead: m.type === 'MasterDetail' && m.writeRequiresMasterRead === true,
  };
}

function objectFlags(obj: ObjectSchema, access?: UserAccess): Record<string, unknown> {
  const data = !obj.readOnly;
  const perms = access?.object(obj);
  const may = (granted: boolean | undefined): boolean => data && (granted ?? true);
  return {
    activateable: false,
    associateEntityType: null,
    associateParentEntity: null,
    createable: may(perms?.allowCreate),
    custom: obj.model.kind !== 'standard',
    customSetting: false,
    deepCloneable: false,
    deletable: may(perms?.allowDelete) && obj.name !== 'User',
    deprecatedAndHidden: false,
    feedEnabled: false,
    hasSubtypes: false,
    isInterface: false,
    isSubtype: false,
    keyPrefix: obj.keyPrefix,
    label: obj.model.label,
    labelPlural: obj.model.pluralLabel,
    layoutable: data,
    mergeable: obj.name === 'Account' || obj.name === 'Contact',
    mruEnabled: data,
    name: obj.name,
    queryable: true,
    replicateable: data,
    retrieveable: true,
    searchable: data,
    triggerable: data,
    undeletable: may(perms?.allowDelete) && obj.name !== 'User',
    updateable: may(perms?.allowEdit),
  };
}

function objectUrls(obj: ObjectSchema, apiVersion: string): Record<string, string> {
  const sobject = `${base(apiVersion)}/sobjects/${obj.name}`;
  return { rowTemplate: `${sobject}/{ID}`, describe: `${sobject}/describe`, sobject };
}

/** `GET /sobjects`: the global describe, listing the objects the user can read. */
export function describeGlobal(schema: OrgSchema, apiVersion: string, access?: UserAccess): Record<string, unknown> {
  const sobjects = [...schema.objects.values()]
    .filter((obj) => access?.canReadObject(obj) ?? true)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((obj) => ({ ...objectFlags(obj, access), urls: objectUrls(obj, apiVersion) }));
  return { encoding: 'UTF-8', maxBatchSize: 200, sobjects };
}

/** `GET /sobjects/{Type}`: basic information and the caller's recently viewed records. */
export function describeBasic(obj: ObjectSchema, apiVersion: string, access?: UserAccess): Record<string, unknown> {
  // The local org has no UI, so nothing is ever "viewed": the recent list is empty, as it is for API-only users.
  return { objectDescribe: { ...objectFlags(obj, access), urls: objectUrls(obj, apiVersion) }, recentItems: [] };
}

/** `GET /sobjects/{Type}/describe`. */
export function describeObject(
  schema: OrgSchema,
  obj: ObjectSchema,
  apiVersion: string,
  access?: UserAccess,
): Record<string, unknown> {
  const sobject = `${base(apiVersion)}/sobjects/${obj.name}`;
  const readable = (field: FieldSchema | undefined): boolean =>
    field !== undefined && (access?.canReadField(field) ?? true);
  const childRelationships = [...obj.children.values()]
    .filter((rel) => readable(schema.objects.get(rel.childObject)?.fields.get(rel.field)))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((rel) => {
      const childField = schema.objects.get(rel.childObject)?.fields.get(rel.field);
      return {
        cascadeDelete: rel.cascadeDelete,
        childSObject: rel.childObject,
        deprecatedAndHidden: false,
        field: rel.field,
        junctionIdListNames: [],
        junctionReferenceTo: [],
        relationshipName: rel.name,
        restrictedDelete: childField?.model.deleteConstraint === 'Restrict',
      };
    });
  return {
    actionOverrides: [],
    ...objectFlags(obj, access),
    childRelationships,
    compactLayoutable: !obj.readOnly,
    defaultImplementation: null,
    extendedBy: null,
    extendsInterfaces: null,
    fields: [...obj.fields.values()].filter(readable).map((f) => describeField(obj, f, access)),
    implementedBy: null,
    implementsInterfaces: null,
    listviewable: null,
    lookupLayoutable: null,
    namedLayoutInfos: (NAMED_LAYOUTS[obj.name] ?? []).map((name) => ({
      name,
      urls: { layout: `${sobject}/describe/namedLayouts/${name}` },
    })),
    networkScopeFieldName: null,
    recordTypeInfos: [
      {
        active: true,
        available: true,
        defaultRecordTypeMapping: true,
        developerName: 'Master',
        master: true,
        name: 'Master',
        recordTypeId: MASTER_RECORD_TYPE_ID,
        urls: { layout: `${sobject}/describe/layouts/${MASTER_RECORD_TYPE_ID}` },
      },
    ],
    searchLayoutable: !obj.readOnly,
    sobjectDescribeOption: 'FULL',
    supportedScopes: obj.fields.has('OwnerId')
      ? [
          { label: 'All records', name: 'everything' },
          { label: 'My records', name: 'mine' },
        ]
      : [{ label: 'All records', name: 'everything' }],
    urls: {
      ...objectUrls(obj, apiVersion),
      compactLayouts: `${sobject}/describe/compactLayouts`,
      defaultValues: `${sobject}/defaultValues?recordTypeId&fields`,
      layouts: `${sobject}/describe/layouts`,
      listviews: `${sobject}/listviews`,
      quickActions: `${sobject}/quickActions`,
    },
  };
}
