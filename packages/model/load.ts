/**
 * Reads force-app (Salesforce DX source format) into the typed ForceAppModel. This is the only
 * module that parses the metadata; everything else consumes its result. The readers live beside it:
 * xml.ts (parsing and values), objects.ts and fields.ts (objects and their children), metadata.ts
 * (custom metadata records, permission sets, labels, layout references).
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readField, readListView, readValidationRule } from './fields';
import { collectLayoutReferences, readCustomMetadataRecord, readLabels, readPermissionSet } from './metadata';
import { keyPrefixFor, readCustomObject } from './objects';
import { readReporting } from './reports';
import { readRestrictionRules } from './restriction-rules';
import { linkActivities, shareObject, shareObjectName, standardObjects } from './standard-objects';
import type { FieldReference, ForceAppModel, ObjectModel, PermissionSetModel } from './types';
import { readCompactLayout, readUiMetadata } from './ui-metadata';
import { listDirs, listFiles, MetadataError } from './xml';

export { findField, findObject } from './objects';
export { MetadataError, readMetadataXml } from './xml';

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
  linkActivities(objects);
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
    obj.compactLayouts.push(
      ...listFiles(join(objectsDir, name, 'compactLayouts'), '.compactLayout-meta.xml').map(readCompactLayout),
    );
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
  const labels = readLabels(defaultDir);
  return {
    root,
    objects,
    customMetadataRecords,
    permissionSets,
    fieldReferences,
    labels,
    components: listDirs(join(defaultDir, 'lwc')).filter((n) => !n.startsWith('__') && !n.startsWith('.')),
    ...readUiMetadata(defaultDir),
    restrictionRules: readRestrictionRules(defaultDir),
    ...readReporting(defaultDir),
  };
}
