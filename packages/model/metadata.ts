/**
 * Reads the project-wide metadata beside the objects: custom metadata records, permission sets, custom
 * labels, and the field references of layouts and quick actions (checked against the model later).
 */
import { existsSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { asJsonMap } from '@salesforce/ts-types';
import type { CustomMetadataRecord, FieldReference, PermissionSetModel } from './types';
import { bool, element, list, listFiles, MetadataError, readMetadataXml, str, texts } from './xml';

export function readCustomMetadataRecord(path: string): CustomMetadataRecord {
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

export function readPermissionSet(path: string): PermissionSetModel {
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
export function collectLayoutReferences(root: string, defaultDir: string, refs: FieldReference[]): void {
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

/** The project's custom labels by name (none when the labels file is absent). */
export function readLabels(defaultDir: string): Map<string, { value: string; shortDescription?: string }> {
  const labels = new Map<string, { value: string; shortDescription?: string }>();
  const labelsPath = join(defaultDir, 'labels', 'CustomLabels.labels-meta.xml');
  if (existsSync(labelsPath)) {
    for (const l of list(readMetadataXml(labelsPath, 'CustomLabels').labels)) {
      labels.set(str(l.fullName) ?? '', { value: str(l.value) ?? '', shortDescription: str(l.shortDescription) });
    }
  }
  return labels;
}
