/**
 * The package's Lightning record pages (force-app `flexipages/`, type RecordPage): which components sit in
 * which region, as the org's page assignment shows them. The REST API serves no Lightning pages, so
 * app/build.ts writes them in from the model, as it compiles the components themselves from force-app.
 */
export interface RecordPageComponent {
  /** `force:highlightsPanel`, `force:detailPanel`, `force:relatedListContainer`, or a component name. */
  componentName: string;
  properties: Record<string, string>;
}

export interface RecordPageSpec {
  name: string;
  label: string;
  sobjectType: string;
  template: string;
  regions: { name: string; components: RecordPageComponent[] }[];
}

declare const __RECORD_PAGES__: RecordPageSpec[];
export const RECORD_PAGES: RecordPageSpec[] = __RECORD_PAGES__;

/** The object's record page: the first of its Lightning record pages by name, as the build sorts them. */
export function recordPageOf(objectName: string): RecordPageSpec | undefined {
  return RECORD_PAGES.find((p) => p.sobjectType === objectName);
}
