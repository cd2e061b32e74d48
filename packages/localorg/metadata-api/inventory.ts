/**
 * What the org holds, as the Metadata API lists and retrieves it: listMetadata (the components of a type),
 * describeMetadata (the metadata types, from the sf CLI's registry) and retrieve (the requested members of
 * the org's project as a Metadata API format zip, converted by source-deploy-retrieve, with a message for
 * each requested member the org does not have).
 */
import { join } from 'node:path';
import type { ForceAppModel } from '@partner-planning/model';
import JSZip from 'jszip';
import { makeId } from '../ids';
import { analyticsId, ANALYTICS_PREFIXES } from '../analytics/catalog';
import type { XmlFields } from '../xml';
import { componentKey, loadSdr, PACKAGE_DIR, type Sdr, type SourceComponent } from './project';
import type { FileProperties, RetrieveResult } from './results';

/** Who and when, for FileProperties: the org's admin at the time the org serves. */
export interface Stamp {
  userId: string;
  userName: string;
  date: string;
}

/** The project's components (decomposed children too: CustomField, ListView, ValidationRule...). */
function projectComponents(sdr: Sdr, root: string): SourceComponent[] {
  const set = sdr.ComponentSet.fromSource(join(root, PACKAGE_DIR));
  return set
    .getSourceComponents()
    .toArray()
    .flatMap((c) => [c, ...c.getChildren()]);
}

/** A stable Id for a component, from its type's key prefix (Salesforce's, where the type has an entity). */
const KEY_PREFIXES: Record<string, string> = {
  CustomObject: '01I',
  CustomField: '00N',
  Layout: '00h',
  PermissionSet: '0PS',
  CustomTab: '01r',
  ApexClass: '01p',
  LightningComponentBundle: '0Rb',
  FlexiPage: '0M0',
  CustomApplication: '02u',
  ValidationRule: '03d',
  ListView: '00B',
  QuickAction: '09D',
  CustomLabel: '101',
  CompactLayout: '0AH',
  Report: '00O',
  Dashboard: '01Z',
  ReportFolder: '00l',
  DashboardFolder: '00l',
  Network: '0DB',
  CustomSite: '0DM',
};

function idFor(type: string, index: number, fullName: string): string {
  // Reports, dashboards and their folders have the Ids the Analytics REST API answers with.
  if (type in ANALYTICS_PREFIXES) return analyticsId(type as keyof typeof ANALYTICS_PREFIXES, fullName);
  const prefix = KEY_PREFIXES[type];
  return prefix ? makeId(prefix, index + 1) : '';
}

/** The path a component has in a Metadata API package (`objects/Account.object`, `classes/Foo.cls`). */
function metadataFileName(component: SourceComponent): string {
  const owner = component.parent ?? component;
  const type = owner.type;
  const suffix = type.suffix ? `.${type.suffix}` : '';
  return `${type.directoryName}/${owner.fullName}${suffix}`;
}

function properties(component: SourceComponent, index: number, stamp: Stamp): FileProperties {
  return {
    createdById: stamp.userId,
    createdByName: stamp.userName,
    createdDate: stamp.date,
    fileName: metadataFileName(component),
    fullName: component.fullName,
    id: idFor(component.type.name, index, component.fullName),
    lastModifiedById: stamp.userId,
    lastModifiedByName: stamp.userName,
    lastModifiedDate: stamp.date,
    manageableState: 'unmanaged',
    type: component.type.name,
  };
}

/** One listMetadata query: a type, and for the types kept in folders (Report, Dashboard...) the folder. */
export interface ListQuery {
  type: string;
  folder?: string;
}

/**
 * listMetadata: the org's components of the queried types. CustomObject lists every object the org has,
 * standard ones included (they have no Id), as an org does. A type kept in folders lists the components of
 * the query's folder only (the folder is required for them: without one, nothing is listed).
 */
export async function listMetadata(
  root: string,
  model: ForceAppModel,
  queries: ListQuery[],
  stamp: Stamp,
): Promise<FileProperties[]> {
  const sdr = await loadSdr();
  const components = projectComponents(sdr, root);
  const result: FileProperties[] = [];
  for (const { type, folder } of queries) {
    const ofType = components.filter(
      (c) =>
        c.type.name.toLowerCase() === type.toLowerCase() &&
        (c.type.inFolder !== true || (folder !== undefined && c.fullName.startsWith(`${folder}/`))),
    );
    result.push(...ofType.map((c, i) => properties(c, i, stamp)));
    if (type.toLowerCase() === 'customobject') {
      const listed = new Set(ofType.map((c) => c.fullName));
      for (const obj of model.objects.values()) {
        if (listed.has(obj.apiName) || obj.shareOf) continue;
        result.push({
          ...properties(ofType[0] ?? components[0], 0, stamp),
          fileName: `objects/${obj.apiName}.object`,
          fullName: obj.apiName,
          id: '',
          type: 'CustomObject',
        });
      }
    }
  }
  return result;
}

/** describeMetadata: the metadata types of the sf CLI's registry, as DescribeMetadataObject elements. */
export async function describeMetadata(): Promise<XmlFields> {
  const sdr = await loadSdr();
  const objects: XmlFields = Object.values(sdr.registry.types)
    .filter((t) => t.directoryName)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((t) => [
      'metadataObjects',
      [
        ...Object.values(t.children?.types ?? {}).map((c): [string, string] => ['childXmlNames', c.name]),
        ['directoryName', t.directoryName],
        ['inFolder', t.inFolder === true],
        ['metaFile', t.metaFileSuffix !== undefined],
        ...(t.suffix ? ([['suffix', t.suffix]] as XmlFields) : []),
        ['xmlName', t.name],
      ],
    ]);
  return [...objects, ['organizationNamespace', ''], ['partialSaveAllowed', true], ['testRequired', false]];
}

/** The same zip with every entry moved into `folder`. */
async function inFolder(zip: Buffer, folder: string): Promise<Buffer> {
  const from = await JSZip.loadAsync(zip);
  const to = new JSZip();
  for (const entry of Object.values(from.files)) {
    if (!entry.dir) to.file(`${folder}/${entry.name}`, await entry.async('nodebuffer'));
  }
  return to.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** One requested type and its members (`*` for all). */
export interface PackageType {
  name: string;
  members: string[];
}

/** retrieve: the requested members of the org's project, zipped in Metadata API format. */
export async function retrieveZip(
  root: string,
  id: string,
  requested: PackageType[],
  singlePackage: boolean,
  stamp: Stamp,
): Promise<RetrieveResult> {
  const sdr = await loadSdr();
  const all = projectComponents(sdr, root);
  const wanted = new Set<string>();
  const messages: RetrieveResult['messages'] = [];
  for (const type of requested) {
    for (const member of type.members) {
      const matches = all.filter((c) => c.type.name === type.name && (member === '*' || c.fullName === member));
      if (matches.length === 0 && member !== '*') {
        messages.push({
          fileName: 'unpackaged/package.xml',
          problem: `Entity of type '${type.name}' named '${member}' cannot be found`,
        });
      }
      for (const c of matches) wanted.add(componentKey(c.type.name, c.fullName));
    }
  }
  // Children are retrieved inside their parent's file (a CustomField inside objects/X.object).
  const set = new sdr.ComponentSet();
  const chosen = all.filter((c) => wanted.has(componentKey(c.type.name, c.fullName)));
  for (const c of chosen) set.add(c);
  for (const type of requested) for (const member of type.members) set.add({ fullName: member, type: type.name });
  const { zipBuffer } = await new sdr.MetadataConverter().convert(set, 'metadata', { type: 'zip' });
  // Without singlePackage, Salesforce answers the package in an `unpackaged/` folder (the sf CLI expects it).
  const prefix = singlePackage ? '' : 'unpackaged/';
  const zipFile = zipBuffer && !singlePackage ? await inFolder(zipBuffer, 'unpackaged') : zipBuffer;
  const fileProperties = chosen.map((c, i) => ({
    ...properties(c, i, stamp),
    fileName: `${prefix}${metadataFileName(c)}`,
  }));
  fileProperties.push({
    ...properties(chosen[0] ?? all[0], 0, stamp),
    fileName: `${prefix}package.xml`,
    fullName: `${prefix}package.xml`,
    id: '',
    type: 'Package',
  });
  return {
    id,
    done: true,
    status: 'Succeeded',
    success: true,
    fileProperties,
    messages,
    zipFile: zipFile?.toString('base64'),
  };
}
