/**
 * Apex sharing reasons of a custom object (Metadata API `SharingReason`): why a share row exists, beyond
 * Manual. Source format keeps each in `objects/<Object>/sharingReasons/<Name>.sharingReason-meta.xml`; a
 * project may also declare them inline as `<sharingReasons>` of the object file, as the Metadata API does.
 * They become the custom values of the share object's RowCause picklist.
 */
import { dirname, join } from 'node:path';
import { isJsonMap, type AnyJson } from '@salesforce/ts-types';
import type { ObjectModel } from './types';
import { listFiles, MetadataError, readMetadataXml, str, type Xml } from './xml';

export interface SharingReason {
  /** API name with the `__c` suffix, the RowCause value. */
  name: string;
  label: string;
}

function reasonOf(x: Xml, path: string): SharingReason {
  const name = str(x.fullName);
  const label = str(x.label);
  if (!name || !label) throw new MetadataError(path, 'a sharing reason needs <fullName> and <label>');
  // The platform appends __c to a custom sharing reason's name.
  return { name: name.endsWith('__c') ? name : `${name}__c`, label };
}

/** The object's sharing reasons, inline ones first, then the files of its sharingReasons folder. */
export function readSharingReasons(obj: ObjectModel): SharingReason[] {
  if (!obj.sourcePath) return [];
  const reasons: SharingReason[] = [];
  const inline: AnyJson | undefined = readMetadataXml(obj.sourcePath, 'CustomObject').sharingReasons;
  for (const entry of Array.isArray(inline) ? inline : inline === undefined ? [] : [inline]) {
    if (isJsonMap(entry)) reasons.push(reasonOf(entry, obj.sourcePath));
  }
  for (const path of listFiles(join(dirname(obj.sourcePath), 'sharingReasons'), '.sharingReason-meta.xml')) {
    reasons.push(reasonOf(readMetadataXml(path, 'SharingReason'), path));
  }
  return reasons;
}
