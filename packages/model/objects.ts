/**
 * Reads a custom object or custom metadata type folder into an ObjectModel (its standard fields, its
 * fields, rules and list views, a deterministic key prefix), and looks objects and fields up by name.
 */
import { join } from 'node:path';
import { auditFields } from './standard-objects';
import type { FieldModel, ForceAppModel, ObjectModel, SharingModel } from './types';
import { readField, readListView, readValidationRule } from './fields';
import { readCompactLayout } from './ui-metadata';
import { bool, element, listFiles, readMetadataXml, str } from './xml';

/** A deterministic three-character key prefix for a custom object or custom metadata type. */
export function keyPrefixFor(apiName: string, first: string, taken: Set<string>): string {
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

export function readCustomObject(dir: string, apiName: string, taken: Set<string>): ObjectModel {
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
    externalSharingModel: str(x.externalSharingModel) as SharingModel | undefined,
    keyPrefix: keyPrefixFor(apiName, isMetadataType ? 'm' : 'a', taken),
    nameIsAutoNumber,
    readOnly: isMetadataType,
    fields,
    validationRules: listFiles(join(dir, 'validationRules'), '.validationRule-meta.xml').map(readValidationRule),
    listViews: listFiles(join(dir, 'listViews'), '.listView-meta.xml').map(readListView),
    compactLayouts: listFiles(join(dir, 'compactLayouts'), '.compactLayout-meta.xml').map(readCompactLayout),
    compactLayoutAssignment: str(x.compactLayoutAssignment),
    sourcePath: path,
    enableActivities: bool(x.enableActivities),
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

/** Resolves a dotted path (`Opportunity__r.AccountId`) from an object; returns an error text or undefined. */
export function resolveFieldPath(model: ForceAppModel, obj: ObjectModel, path: string): string | undefined {
  const parts = path.split('.');
  let current = obj;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (i === parts.length - 1) {
      return findField(current, part) ? undefined : `${current.apiName}.${part} does not exist`;
    }
    const lookup = [...current.fields.values()].find(
      (f) =>
        f.referenceTo?.length &&
        (f.custom ? f.apiName.replace(/__c$/, '__r') : f.relationshipName)?.toLowerCase() === part.toLowerCase(),
    );
    if (!lookup?.referenceTo) return `${current.apiName} has no relationship ${part}`;
    const next = findObject(model, lookup.referenceTo[0]);
    if (!next) return `${lookup.referenceTo[0]} does not exist`;
    current = next;
  }
  return undefined;
}
