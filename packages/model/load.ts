/**
 * Reads force-app (Salesforce DX source format) into the typed ForceAppModel. This is the only
 * module that parses the metadata; everything else consumes its result.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import {
  asJsonArray,
  asJsonMap,
  asString,
  getJsonMap,
  isAnyJson,
  isJsonArray,
  type AnyJson,
  type JsonMap,
} from '@salesforce/ts-types';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { auditFields, shareObject, shareObjectName, standardObjects } from './standard-objects';
import type {
  CustomMetadataRecord,
  FieldModel,
  FieldReference,
  FieldType,
  FilterItem,
  ForceAppModel,
  ListViewModel,
  ObjectModel,
  PermissionSetModel,
  SharingModel,
  ValidationRuleModel,
} from './types';

/** A metadata file that cannot be read into the model. */
export class MetadataError extends Error {
  constructor(
    readonly sourcePath: string,
    message: string,
  ) {
    super(`${sourcePath}: ${message}`);
    this.name = 'MetadataError';
  }
}

/** Elements that may repeat (by path from the root); the parser returns them as arrays even when there is one. */
const REPEATING = new Set([
  'CustomField.valueSet.valueSetDefinition.value',
  'CustomField.lookupFilter.filterItems',
  'CustomField.summaryFilterItems',
  'CustomField.referenceTo',
  'CustomMetadata.values',
  'CustomLabels.labels',
  'ListView.columns',
  'ListView.filters',
  'PermissionSet.objectPermissions',
  'PermissionSet.fieldPermissions',
  'PermissionSet.tabSettings',
  'PermissionSet.applicationVisibilities',
  'PermissionSet.userPermissions',
  'Layout.layoutSections',
  'Layout.layoutSections.layoutColumns',
  'Layout.layoutSections.layoutColumns.layoutItems',
  'Layout.relatedLists',
  'Layout.relatedLists.fields',
  'QuickAction.quickActionLayout.quickActionLayoutColumns',
  'QuickAction.quickActionLayout.quickActionLayoutColumns.quickActionLayoutItems',
  'QuickAction.fieldOverrides',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: true,
  isArray: (_name, jpath) => REPEATING.has(String(jpath)),
});

/** An element as fast-xml-parser returns it: a JSON object of child elements (text, objects, arrays) and `@` attributes. */
type Xml = JsonMap;

/** Parses one metadata file and returns its root element, failing on malformed XML. */
export function readMetadataXml(path: string, rootElement: string): Xml {
  const text = readFileSync(path, 'utf8');
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new MetadataError(path, `malformed XML at line ${valid.err.line}: ${valid.err.msg}`);
  }
  const doc: unknown = parser.parse(text);
  const root = isAnyJson(doc) ? getJsonMap(doc, rootElement) : undefined;
  if (!root) throw new MetadataError(path, `expected a <${rootElement}> root element`);
  return root;
}

const str = (v: unknown): string | undefined => asString(v) || undefined;
const bool = (v: unknown): boolean => v === 'true';
const num = (v: unknown): number | undefined => (typeof v === 'string' && v !== '' ? Number(v) : undefined);
/** A repeating element's entries; an entry with text where children belong reads as an empty element. */
const list = (v: AnyJson | undefined): Xml[] => (asJsonArray(v) ?? []).map((item) => asJsonMap(item) ?? {});
/** An optional child element; absent or text-only (`<valueSet></valueSet>`) reads as an empty element. */
const element = (v: AnyJson | undefined): Xml => asJsonMap(v) ?? {};
/** A child element's text values: a repeated element's entries, or a single one. */
const texts = (v: AnyJson | undefined): string[] => (asJsonArray(v) ?? []).map(String);

function listFiles(dir: string, suffix: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(suffix))
    .sort()
    .map((name) => join(dir, name));
}

function listDirs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort();
}

function filterItems(items: AnyJson | undefined): FilterItem[] {
  return list(items).map((item) => ({
    field: str(item.field) ?? '',
    operation: str(item.operation) ?? '',
    value: str(item.value),
    valueField: str(item.valueField),
  }));
}

const FIELD_TYPES: Record<string, FieldType> = {
  Text: 'Text',
  TextArea: 'TextArea',
  LongTextArea: 'LongTextArea',
  Html: 'Html',
  Number: 'Number',
  Currency: 'Currency',
  Percent: 'Percent',
  Date: 'Date',
  DateTime: 'DateTime',
  Checkbox: 'Checkbox',
  Picklist: 'Picklist',
  MultiselectPicklist: 'MultiselectPicklist',
  Email: 'Email',
  Phone: 'Phone',
  Url: 'Url',
  Lookup: 'Lookup',
  MetadataRelationship: 'Text',
  MasterDetail: 'MasterDetail',
  Summary: 'Summary',
  AutoNumber: 'AutoNumber',
};

function readField(objectApiName: string, path: string): FieldModel {
  const x = readMetadataXml(path, 'CustomField');
  const apiName = str(x.fullName) ?? basename(path, '.field-meta.xml');
  if (apiName !== basename(path, '.field-meta.xml')) {
    throw new MetadataError(path, `fullName ${apiName} does not match the file name`);
  }
  const rawType = str(x.type);
  const type = rawType ? FIELD_TYPES[rawType] : undefined;
  if (!type) throw new MetadataError(path, `unsupported field type ${rawType ?? '(missing)'}`);
  const formula = str(x.formula);
  const field: FieldModel = {
    objectApiName,
    apiName,
    label: str(x.label) ?? apiName,
    type,
    custom: true,
    description: str(x.description),
    inlineHelpText: str(x.inlineHelpText),
    required: bool(x.required) || type === 'MasterDetail',
    unique: bool(x.unique),
    externalId: bool(x.externalId),
    caseSensitive: bool(x.caseSensitive),
    length: num(x.length),
    precision: num(x.precision),
    scale: num(x.scale),
    visibleLines: num(x.visibleLines),
    defaultValue: str(x.defaultValue),
    defaultChecked: type === 'Checkbox' ? bool(x.defaultValue) : undefined,
    formula,
    formulaTreatBlanksAs:
      formula === undefined
        ? undefined
        : str(x.formulaTreatBlanksAs) === 'BlankAsBlank'
          ? 'BlankAsBlank'
          : 'BlankAsZero',
    systemManaged: formula !== undefined || type === 'Summary' || type === 'AutoNumber',
    sourcePath: path,
  };
  if (type === 'Lookup' || type === 'MasterDetail') {
    const target = str(x.referenceTo);
    field.referenceTo = isJsonArray(x.referenceTo) ? texts(x.referenceTo) : target ? [target] : [];
    field.relationshipName = str(x.relationshipName);
    field.relationshipLabel = str(x.relationshipLabel);
    field.deleteConstraint =
      type === 'MasterDetail' ? 'Cascade' : ((str(x.deleteConstraint) as FieldModel['deleteConstraint']) ?? 'SetNull');
    const lf = asJsonMap(x.lookupFilter);
    if (lf) {
      field.lookupFilter = {
        active: bool(lf.active),
        optional: bool(lf.isOptional),
        errorMessage: str(lf.errorMessage),
        filters: filterItems(lf.filterItems),
      };
    }
  }
  if (type === 'Picklist' || type === 'MultiselectPicklist') {
    const valueSet = element(x.valueSet);
    const definition = element(valueSet.valueSetDefinition);
    field.picklist = {
      restricted: bool(valueSet.restricted),
      values: list(definition.value).map((v) => ({
        value: str(v.fullName) ?? '',
        label: str(v.label) ?? str(v.fullName) ?? '',
        isDefault: bool(v.default),
      })),
    };
    if (field.picklist.values.length === 0) throw new MetadataError(path, 'picklist has no values');
  }
  if (type === 'Summary') {
    const foreignKey = str(x.summaryForeignKey);
    const operation = str(x.summaryOperation);
    if (!foreignKey || !operation)
      throw new MetadataError(path, 'roll-up summary needs summaryForeignKey and summaryOperation');
    const [childObject, foreignKeyField] = foreignKey.split('.');
    const summarized = str(x.summarizedField);
    field.summary = {
      operation: operation as 'count' | 'sum' | 'min' | 'max',
      childObject,
      foreignKey: foreignKeyField,
      summarizedField: summarized ? summarized.split('.')[1] : undefined,
      filters: filterItems(x.summaryFilterItems),
    };
  }
  if (type === 'AutoNumber') field.autoNumberFormat = str(x.displayFormat);
  return field;
}

function readValidationRule(path: string): ValidationRuleModel {
  const x = readMetadataXml(path, 'ValidationRule');
  const formula = str(x.errorConditionFormula);
  const errorMessage = str(x.errorMessage);
  if (!formula || !errorMessage)
    throw new MetadataError(path, 'validation rule needs errorConditionFormula and errorMessage');
  return {
    name: str(x.fullName) ?? basename(path, '.validationRule-meta.xml'),
    active: bool(x.active),
    description: str(x.description),
    formula,
    errorMessage,
    errorDisplayField: str(x.errorDisplayField),
    sourcePath: path,
  };
}

function readListView(path: string): ListViewModel {
  const x = readMetadataXml(path, 'ListView');
  return {
    name: str(x.fullName) ?? basename(path, '.listView-meta.xml'),
    label: str(x.label) ?? '',
    filterScope: str(x.filterScope) ?? 'Everything',
    columns: texts(x.columns),
    filters: list(x.filters).map((f) => ({
      field: str(f.field) ?? '',
      operation: str(f.operation) ?? '',
      value: str(f.value),
    })),
    sourcePath: path,
  };
}

/** A deterministic three-character key prefix for a custom object or custom metadata type. */
function keyPrefixFor(apiName: string, first: string, taken: Set<string>): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  let hash = 2166136261;
  for (const ch of apiName) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  for (let i = 0; i < alphabet.length * alphabet.length; i++) {
    const slot = (hash + i) % (alphabet.length * alphabet.length);
    const prefix = first + alphabet[Math.floor(slot / alphabet.length)] + alphabet[slot % alphabet.length];
    if (!taken.has(prefix)) {
      taken.add(prefix);
      return prefix;
    }
  }
  throw new Error(`no key prefix left for ${apiName}`);
}

function readCustomObject(dir: string, apiName: string, taken: Set<string>): ObjectModel {
  const path = join(dir, `${apiName}.object-meta.xml`);
  const x = readMetadataXml(path, 'CustomObject');
  const isMetadataType = apiName.endsWith('__mdt');
  const sharingModel = (str(x.sharingModel) ?? (isMetadataType ? 'Public' : 'ReadWrite')) as SharingModel;
  const nameField = element(x.nameField);
  const nameIsAutoNumber = str(nameField.type) === 'AutoNumber';
  const fields = new Map<string, FieldModel>();
  const withOwner = !isMetadataType && sharingModel !== 'ControlledByParent';
  for (const f of auditFields(apiName, withOwner)) fields.set(f.apiName, f);
  const base = (name: string, spec: Partial<FieldModel> & Pick<FieldModel, 'type' | 'label'>): FieldModel => ({
    objectApiName: apiName,
    apiName: name,
    custom: false,
    required: false,
    unique: false,
    externalId: false,
    caseSensitive: false,
    systemManaged: false,
    ...spec,
  });
  if (isMetadataType) {
    fields.set(
      'DeveloperName',
      base('DeveloperName', {
        type: 'Text',
        label: 'Custom Metadata Record Name',
        length: 40,
        required: true,
        unique: true,
      }),
    );
    fields.set('MasterLabel', base('MasterLabel', { type: 'Text', label: 'Label', length: 40, required: true }));
    fields.set('Label', base('Label', { type: 'Text', label: 'Label', length: 40, systemManaged: true }));
    fields.set(
      'QualifiedApiName',
      base('QualifiedApiName', { type: 'Text', label: 'Qualified API Name', length: 70, systemManaged: true }),
    );
    fields.set(
      'NamespacePrefix',
      base('NamespacePrefix', { type: 'Text', label: 'Namespace Prefix', length: 15, systemManaged: true }),
    );
  } else {
    fields.set(
      'Name',
      base('Name', {
        type: nameIsAutoNumber ? 'AutoNumber' : 'Text',
        label: str(nameField.label) ?? 'Name',
        length: 80,
        required: !nameIsAutoNumber,
        systemManaged: nameIsAutoNumber,
        autoNumberFormat: str(nameField.displayFormat),
      }),
    );
  }
  for (const fieldPath of listFiles(join(dir, 'fields'), '.field-meta.xml')) {
    const f = readField(apiName, fieldPath);
    fields.set(f.apiName, f);
  }
  return {
    apiName,
    label: str(x.label) ?? apiName,
    pluralLabel: str(x.pluralLabel) ?? str(x.label) ?? apiName,
    kind: isMetadataType ? 'customMetadata' : 'custom',
    description: str(x.description),
    sharingModel,
    keyPrefix: keyPrefixFor(apiName, isMetadataType ? 'm' : 'a', taken),
    nameIsAutoNumber,
    readOnly: isMetadataType,
    fields,
    validationRules: listFiles(join(dir, 'validationRules'), '.validationRule-meta.xml').map(readValidationRule),
    listViews: listFiles(join(dir, 'listViews'), '.listView-meta.xml').map(readListView),
    sourcePath: path,
  };
}

function readCustomMetadataRecord(path: string): CustomMetadataRecord {
  const x = readMetadataXml(path, 'CustomMetadata');
  // File names are <Type without __mdt>.<DeveloperName>.md-meta.xml
  const [typeName, developerName] = basename(path, '.md-meta.xml').split('.');
  if (!typeName || !developerName) throw new MetadataError(path, 'file name must be <Type>.<RecordName>.md-meta.xml');
  const values: CustomMetadataRecord['values'] = {};
  for (const v of list(x.values)) {
    const fieldName = str(v.field);
    if (!fieldName) throw new MetadataError(path, 'a <values> entry has no <field>');
    const raw = v.value;
    // `<value xsi:type="xsd:string">text</value>` parses to attributes and `#text`; a bare `<value>` to its text.
    const attributed = asJsonMap(raw);
    if (raw === undefined || raw === '' || attributed?.['@xsi:nil'] === 'true') {
      values[fieldName] = null;
      continue;
    }
    const text = attributed ? String(attributed['#text'] ?? '') : String(raw);
    const xsiType = attributed ? str(attributed['@xsi:type']) : undefined;
    values[fieldName] =
      xsiType === 'xsd:boolean'
        ? text === 'true'
        : xsiType === 'xsd:double' || xsiType === 'xsd:int'
          ? Number(text)
          : text;
  }
  return {
    type: `${typeName}__mdt`,
    developerName,
    label: str(x.label) ?? developerName,
    protected: bool(x.protected),
    values,
    sourcePath: path,
  };
}

function readPermissionSet(path: string): PermissionSetModel {
  const x = readMetadataXml(path, 'PermissionSet');
  const ps: PermissionSetModel = {
    name: basename(path, '.permissionset-meta.xml'),
    label: str(x.label) ?? '',
    description: str(x.description),
    objectPermissions: new Map(),
    fieldPermissions: new Map(),
    userPermissions: new Set(
      list(x.userPermissions)
        .filter((u) => bool(u.enabled))
        .map((u) => str(u.name) ?? ''),
    ),
    tabs: list(x.tabSettings).map((t) => str(t.tab) ?? ''),
    applications: list(x.applicationVisibilities)
      .filter((a) => bool(a.visible))
      .map((a) => str(a.application) ?? ''),
    sourcePath: path,
  };
  for (const o of list(x.objectPermissions)) {
    ps.objectPermissions.set(str(o.object) ?? '', {
      allowCreate: bool(o.allowCreate),
      allowRead: bool(o.allowRead),
      allowEdit: bool(o.allowEdit),
      allowDelete: bool(o.allowDelete),
      viewAllRecords: bool(o.viewAllRecords),
      modifyAllRecords: bool(o.modifyAllRecords),
    });
  }
  for (const f of list(x.fieldPermissions)) {
    ps.fieldPermissions.set(str(f.field) ?? '', { readable: bool(f.readable), editable: bool(f.editable) });
  }
  return ps;
}

/** Collects every `Object.Field` or bare field name a layout, quick action or list view names. */
function collectLayoutReferences(root: string, defaultDir: string, refs: FieldReference[]): void {
  for (const path of listFiles(join(defaultDir, 'layouts'), '.layout-meta.xml')) {
    const object = basename(path).split('-')[0];
    const x = readMetadataXml(path, 'Layout');
    for (const section of list(x.layoutSections)) {
      for (const column of list(section.layoutColumns)) {
        for (const item of list(column.layoutItems)) {
          const field = str(item.field);
          if (field) refs.push({ object, field, sourcePath: relative(root, path) });
        }
      }
    }
    for (const related of list(x.relatedLists)) {
      // relatedList is `Child__c.Lookup__c` or a standard name; its fields belong to the child object.
      const relatedList = str(related.relatedList) ?? '';
      const child = relatedList.includes('.') ? relatedList.split('.')[0] : undefined;
      if (child) refs.push({ object: child, field: relatedList.split('.')[1], sourcePath: relative(root, path) });
      for (const f of texts(related.fields)) {
        if (child && /__c$/.test(f)) refs.push({ object: child, field: f, sourcePath: relative(root, path) });
      }
    }
  }
  for (const path of listFiles(join(defaultDir, 'quickActions'), '.quickAction-meta.xml')) {
    const x = readMetadataXml(path, 'QuickAction');
    const target = str(x.targetObject) ?? basename(path).split('.')[0];
    const parentField = str(x.targetParentField);
    if (parentField) refs.push({ object: target, field: parentField, sourcePath: relative(root, path) });
    const layout = element(x.quickActionLayout);
    for (const column of list(layout.quickActionLayoutColumns)) {
      for (const item of list(column.quickActionLayoutItems)) {
        const field = str(item.field);
        if (field) refs.push({ object: target, field, sourcePath: relative(root, path) });
      }
    }
    for (const override of list(x.fieldOverrides)) {
      const field = str(override.field);
      if (field) refs.push({ object: target, field, sourcePath: relative(root, path) });
    }
  }
}

export interface LoadOptions {
  /** Project root (the folder holding force-app). Defaults to this repository. */
  root?: string;
  /** Package directory relative to the root. */
  packageDir?: string;
}

/** The repository root, found from this file's location. */
export const REPO_ROOT = join(__dirname, '..', '..');

/** Reads force-app into the model. Throws MetadataError on any malformed or inconsistent file. */
export function loadForceApp(options: LoadOptions = {}): ForceAppModel {
  const root = options.root ?? REPO_ROOT;
  const defaultDir = join(root, options.packageDir ?? 'force-app', 'main', 'default');
  if (!existsSync(defaultDir)) throw new MetadataError(defaultDir, 'no such metadata folder');
  const objects = new Map<string, ObjectModel>();
  const taken = new Set<string>();
  for (const obj of standardObjects()) {
    objects.set(obj.apiName, obj);
    taken.add(obj.keyPrefix);
  }
  const objectsDir = join(defaultDir, 'objects');
  const objectNames = listDirs(objectsDir);
  // Custom objects first, in a stable order, so key prefixes do not depend on standard-object folders.
  for (const name of objectNames.filter((n) => /__(c|mdt)$/.test(n))) {
    objects.set(name, readCustomObject(join(objectsDir, name), name, taken));
  }
  // After every custom object, so adding a share object never moves a custom object's key prefix.
  for (const obj of [...objects.values()]) {
    if (obj.kind !== 'custom' || (obj.sharingModel !== 'Private' && obj.sharingModel !== 'Read')) continue;
    const name = shareObjectName(obj.apiName);
    objects.set(name, shareObject(obj, keyPrefixFor(name, 'a', taken)));
  }
  for (const name of objectNames.filter((n) => !/__(c|mdt)$/.test(n))) {
    const obj = objects.get(name);
    if (!obj) throw new MetadataError(join(objectsDir, name), `standard object ${name} is not known to the model`);
    for (const fieldPath of listFiles(join(objectsDir, name, 'fields'), '.field-meta.xml')) {
      const f = readField(name, fieldPath);
      obj.fields.set(f.apiName, f);
    }
    obj.validationRules.push(
      ...listFiles(join(objectsDir, name, 'validationRules'), '.validationRule-meta.xml').map(readValidationRule),
    );
    obj.listViews.push(...listFiles(join(objectsDir, name, 'listViews'), '.listView-meta.xml').map(readListView));
  }
  const fieldReferences: FieldReference[] = [];
  for (const obj of objects.values()) {
    for (const lv of obj.listViews) {
      for (const column of lv.columns) {
        if (/__c$/.test(column))
          fieldReferences.push({ object: obj.apiName, field: column, sourcePath: relative(root, lv.sourcePath) });
      }
      for (const filter of lv.filters) {
        if (/__c$/.test(filter.field))
          fieldReferences.push({ object: obj.apiName, field: filter.field, sourcePath: relative(root, lv.sourcePath) });
      }
    }
    for (const f of obj.fields.values()) {
      if (f.summary) {
        fieldReferences.push({
          object: f.summary.childObject,
          field: f.summary.foreignKey,
          sourcePath: relative(root, f.sourcePath ?? ''),
        });
        if (f.summary.summarizedField) {
          fieldReferences.push({
            object: f.summary.childObject,
            field: f.summary.summarizedField,
            sourcePath: relative(root, f.sourcePath ?? ''),
          });
        }
        for (const filter of f.summary.filters) {
          const [child, name] = filter.field.split('.');
          fieldReferences.push({ object: child, field: name, sourcePath: relative(root, f.sourcePath ?? '') });
        }
      }
    }
  }
  collectLayoutReferences(root, defaultDir, fieldReferences);

  const customMetadataRecords = listFiles(join(defaultDir, 'customMetadata'), '.md-meta.xml').map(
    readCustomMetadataRecord,
  );
  const permissionSets = new Map<string, PermissionSetModel>();
  for (const path of listFiles(join(defaultDir, 'permissionsets'), '.permissionset-meta.xml')) {
    const ps = readPermissionSet(path);
    permissionSets.set(ps.name, ps);
    for (const key of ps.fieldPermissions.keys()) {
      const [object, field] = key.split('.');
      fieldReferences.push({ object, field, sourcePath: relative(root, path) });
    }
  }
  const labels = new Map<string, { value: string; shortDescription?: string }>();
  const labelsPath = join(defaultDir, 'labels', 'CustomLabels.labels-meta.xml');
  if (existsSync(labelsPath)) {
    for (const l of list(readMetadataXml(labelsPath, 'CustomLabels').labels)) {
      labels.set(str(l.fullName) ?? '', { value: str(l.value) ?? '', shortDescription: str(l.shortDescription) });
    }
  }
  return {
    root,
    objects,
    customMetadataRecords,
    permissionSets,
    fieldReferences,
    labels,
    components: listDirs(join(defaultDir, 'lwc')).filter((n) => !n.startsWith('__') && !n.startsWith('.')),
    applications: listFiles(join(defaultDir, 'applications'), '.app-meta.xml').map((p) => basename(p, '.app-meta.xml')),
    tabs: listFiles(join(defaultDir, 'tabs'), '.tab-meta.xml').map((p) => basename(p, '.tab-meta.xml')),
  };
}

/** Case-insensitive object lookup, as the API resolves names. */
export function findObject(model: ForceAppModel, name: string): ObjectModel | undefined {
  const exact = model.objects.get(name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  for (const obj of model.objects.values()) if (obj.apiName.toLowerCase() === lower) return obj;
  return undefined;
}

/** Case-insensitive field lookup. */
export function findField(obj: ObjectModel, name: string): FieldModel | undefined {
  const exact = obj.fields.get(name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  for (const f of obj.fields.values()) if (f.apiName.toLowerCase() === lower) return f;
  return undefined;
}
