/**
 * Reading Salesforce DX metadata XML: the parser (with the elements that may repeat), the error for a file
 * that cannot be read, small typed accessors for element values, and the sorted folder listings every
 * reader walks.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  asJsonArray,
  asJsonMap,
  asString,
  getJsonMap,
  isAnyJson,
  type AnyJson,
  type JsonMap,
} from '@salesforce/ts-types';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

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
  'Layout.platformActionList.platformActionListItems',
  'Layout.quickActionList.quickActionListItems',
  'CompactLayout.fields',
  'FlexiPage.flexiPageRegions',
  'FlexiPage.flexiPageRegions.itemInstances',
  'FlexiPage.flexiPageRegions.itemInstances.componentInstance.componentInstanceProperties',
  'FlexiPage.flexiPageRegions.componentInstances',
  'FlexiPage.flexiPageRegions.componentInstances.componentInstanceProperties',
  'CustomApplication.tabs',
  'CustomApplication.formFactors',
  'CustomApplication.actionOverrides',
  'CustomApplication.profileActionOverrides',
  'ReportType.sections',
  'ReportType.sections.columns',
  'ReportFolder.folderShares',
  'DashboardFolder.folderShares',
  'Report.columns',
  'Report.columns.aggregateTypes',
  'Report.groupingsDown',
  'Report.groupingsAcross',
  'Report.filter.criteriaItems',
  'Report.aggregates',
  'Report.buckets',
  'Report.chart.chartSummaries',
  'Dashboard.leftSection.components',
  'Dashboard.leftSection.components.chartSummary',
  'Dashboard.leftSection.components.groupingColumn',
  'Dashboard.middleSection.components',
  'Dashboard.middleSection.components.chartSummary',
  'Dashboard.middleSection.components.groupingColumn',
  'Dashboard.rightSection.components',
  'Dashboard.rightSection.components.chartSummary',
  'Dashboard.rightSection.components.groupingColumn',
  'Dashboard.dashboardGridLayout.dashboardGridComponents',
  'Dashboard.dashboardGridLayout.dashboardGridComponents.dashboardComponent.chartSummary',
  'Dashboard.dashboardGridLayout.dashboardGridComponents.dashboardComponent.groupingColumn',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: true,
  isArray: (_name, jpath) => REPEATING.has(String(jpath)),
});

/** An element as fast-xml-parser returns it: a JSON object of child elements (text, objects, arrays) and `@` attributes. */
export type Xml = JsonMap;

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

export const str = (v: unknown): string | undefined => asString(v) || undefined;
export const bool = (v: unknown): boolean => v === 'true';
export const num = (v: unknown): number | undefined => (typeof v === 'string' && v !== '' ? Number(v) : undefined);
/** A repeating element's entries; an entry with text where children belong reads as an empty element. */
export const list = (v: AnyJson | undefined): Xml[] => (asJsonArray(v) ?? []).map((item) => asJsonMap(item) ?? {});
/** An optional child element; absent or text-only (`<valueSet></valueSet>`) reads as an empty element. */
export const element = (v: AnyJson | undefined): Xml => asJsonMap(v) ?? {};
/** A child element's text values: a repeated element's entries, or a single one. */
export const texts = (v: AnyJson | undefined): string[] => (asJsonArray(v) ?? []).map(String);

export function listFiles(dir: string, suffix: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(suffix))
    .sort()
    .map((name) => join(dir, name));
}

export function listDirs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort();
}
