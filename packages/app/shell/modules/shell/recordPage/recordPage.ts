/**
 * A record page laid out as the package's Lightning record page for the object (force-app `flexipages/`):
 * its regions (header, main, sidebar) hold its components in order. The highlights panel shows the
 * object's primary compact layout (title, then fields) with the quick actions of the page layout's action
 * list; the details panel shows the page layout's sections; the related list container shows the layout's
 * related lists. Layouts come from the org's describe resources as the signed-in user reads them (fields
 * they cannot read are not there); the project's components (plan editor, coaching view, the opportunity's
 * APR history, plan progress) sit where the page places them. Lookups link to their parent's page. A quick
 * action runs its headless component's `invoke()` (Log APR Action opens its LightningModal); the page is a
 * RefreshView container: on RefreshEvent it reads its record again and the components refresh theirs.
 */
import { LightningElement, api } from 'lwc';
import { registerRefreshHandler, unregisterRefreshHandler } from 'lightning/refresh';
// By its module name: the components' LDS cache is this module's, which notifyRecordUpdateAvailable refreshes.
import { getRecord } from 'lightning/uiRecordApi';
import { query, request } from '../../../../platform/api';
import { OBJECT_ROUTES, navigateTo } from '../../../../platform/navigation';
import { recordPageOf, type RecordPageSpec } from '../../../../platform/recordPages';
import {
  formatValue,
  loadRecordLayout,
  recordQuery,
  relatedListQuery,
  valueAt,
  type ActionView,
  type FieldView,
  type RecordLayoutView,
  type SoqlRecord,
} from './recordView';

interface KindMeta {
  objectName: string;
  label: string;
  icon: string;
}

const KINDS: Record<string, KindMeta> = {
  plan: { objectName: 'Partner_Account_Plan__c', label: 'Partner Account Plan', icon: 'standard:account_info' },
  opportunity: { objectName: 'Opportunity', label: 'Opportunity', icon: 'standard:opportunity' },
  account: { objectName: 'Account', label: 'Partner Account', icon: 'standard:partners' },
  review: { objectName: 'Plan_Review__c', label: 'Plan Review', icon: 'standard:event' },
};

/** The project's components a page may place, and the quick actions the app can open. */
const PAGE_COMPONENTS = [
  'partnerPlanEditor',
  'coachingView',
  'aprActionLogger',
  'opportunityAprHistory',
  'planProgress',
  'planReviews',
  'planReviewPack',
  'planFromTemplate',
  'planRollover',
];

/** A page with a printable component prints that component alone (the rest is marked `print-hidden`). */
const PRINTABLE_COMPONENTS = ['planReviewPack'];

/** Region widths of the desktop record template: header across, main two thirds, sidebar one third. */
const REGION_CLASS: Record<string, string> = {
  header: 'slds-col slds-size_1-of-1',
  main: 'slds-col slds-size_1-of-1 slds-large-size_8-of-12',
  sidebar: 'slds-col slds-size_1-of-1 slds-large-size_4-of-12',
};

interface RelatedListDisplay {
  key: string;
  label: string;
  columns: { key: string; label: string }[];
  rows: {
    key: string;
    cells: { key: string; text: string }[];
    /** As a tile (a narrow region): the first column as the record's link, then up to three fields. */
    title: string;
    href: string | null;
    details: { key: string; label: string; text: string }[];
  }[];
  hasRows: boolean;
}

/** Fields a related list's tile shows under its title, as Lightning's related lists in a narrow column do. */
const TILE_FIELDS = 3;

/** An Id as Salesforce writes them: 15 or 18 letters and digits. */
const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const NOT_AVAILABLE = 'This record does not exist or you cannot see it.';

/** What a person reads when a record cannot be loaded: never the API's own text (SOQL positions, codes). */
const errorMessage = (error: unknown, fallback: string): string => {
  const body = (error as { body?: { errorCode?: string }[] }).body;
  const code = Array.isArray(body) ? body[0]?.errorCode : undefined;
  const missing = ['NOT_FOUND', 'INVALID_ID_FIELD', 'MALFORMED_ID', 'INVALID_CROSS_REFERENCE_KEY', 'ENTITY_IS_DELETED'];
  return code && missing.includes(code) ? NOT_AVAILABLE : fallback;
};

export default class RecordPage extends LightningElement {
  @api kind = 'plan';
  private currentId = '';
  private layout: RecordLayoutView | undefined;
  /** The object `layout` describes: a page reused for another kind reads its layouts again. */
  private layoutObject = '';
  private record: SoqlRecord | undefined;
  title = '';
  error = '';
  relatedLists: RelatedListDisplay[] = [];
  activeAction: ActionView | undefined;

  @api
  get recordId(): string {
    return this.currentId;
  }

  set recordId(value: string) {
    this.currentId = value;
    this.activeAction = undefined;
    this.watch(value);
    void this.load();
  }

  /**
   * Reloads the highlights, details and related lists whenever Lightning Data Service hears the record changed
   * (a component's updateRecord or notifyRecordUpdateAvailable), as the platform's LDS-backed panels do: a
   * getRecord wire of the record's Id, whose first answer (the page's own load) is not a change.
   */
  private watcher: InstanceType<typeof getRecord> | undefined;

  private watch(id: string): void {
    this.watcher?.disconnect();
    this.watcher = undefined;
    if (!id) return;
    let first = true;
    const watcher = new getRecord(() => {
      if (first) first = false;
      else if (id === this.currentId) void this.load();
    });
    watcher.connect();
    watcher.update({ recordId: id, fields: [`${this.objectName}.Id`] });
    this.watcher = watcher;
  }

  get meta(): KindMeta {
    return KINDS[this.kind] ?? KINDS.plan;
  }

  get objectName(): string {
    return this.meta.objectName;
  }

  get page(): RecordPageSpec | undefined {
    return recordPageOf(this.objectName);
  }

  /** The components the page places, by region; an object without a Lightning page gets the standard three. */
  get regions(): { name: string; className: string; components: Record<string, unknown>[] }[] {
    const regions = this.page?.regions ?? [
      { name: 'header', components: [{ componentName: 'force:highlightsPanel', properties: {} }] },
      { name: 'main', components: [{ componentName: 'force:detailPanel', properties: {} }] },
      { name: 'sidebar', components: [{ componentName: 'force:relatedListContainer', properties: {} }] },
    ];
    return regions
      .filter((r) => r.name !== 'header')
      .map((region) => ({
        name: region.name,
        className: REGION_CLASS[region.name] ?? REGION_CLASS.main,
        components: region.components.map((c, i) => ({
          key: `${region.name}-${i}`,
          isDetails: c.componentName === 'force:detailPanel',
          isRelatedLists: c.componentName === 'force:relatedListContainer',
          // A third of the page is too narrow for a table of every column: records show as tiles there.
          relatedListsAsTiles: region.name === 'sidebar',
          isPlanEditor: c.componentName === 'partnerPlanEditor',
          isCoaching: c.componentName === 'coachingView',
          isAprHistory: c.componentName === 'opportunityAprHistory',
          isPlanProgress: c.componentName === 'planProgress',
          isPlanReviews: c.componentName === 'planReviews',
          isPlanReviewPack: c.componentName === 'planReviewPack',
          isPlanFromTemplate: c.componentName === 'planFromTemplate',
          isPlanRollover: c.componentName === 'planRollover',
          className:
            this.printsOnly && !PRINTABLE_COMPONENTS.includes(c.componentName)
              ? 'slds-m-bottom_medium print-hidden'
              : 'slds-m-bottom_medium',
        })),
      }));
  }

  get pageComponents(): string[] {
    return (this.page?.regions ?? []).flatMap((r) => r.components.map((c) => c.componentName));
  }

  /** Whether printing the page prints its printable component only (a plan review's pack). */
  get printsOnly(): boolean {
    return this.pageComponents.some((name) => PRINTABLE_COMPONENTS.includes(name));
  }

  get highlightsClass(): string {
    const base = 'slds-page-header slds-page-header_record-home slds-m-bottom_medium';
    return this.printsOnly ? `${base} print-hidden` : base;
  }

  get showsHighlights(): boolean {
    return this.page === undefined || this.pageComponents.includes('force:highlightsPanel');
  }

  /** The compact layout's fields after the first (the title). */
  get highlights(): { key: string; label: string; text: string; href: string | null }[] {
    const record = this.record;
    if (!this.layout || !record) return [];
    return this.layout.highlights.slice(1).map((f) => ({
      key: f.name,
      label: f.label,
      text: formatValue(valueAt(record, f.path), f.type, f.scale) || '—',
      href: parentHref(record, f),
    }));
  }

  get hasHighlights(): boolean {
    return this.highlights.length > 0;
  }

  get actions(): { key: string; name: string; label: string }[] {
    return (this.layout?.actions ?? []).map((a) => ({ key: a.name, name: a.name, label: a.label }));
  }

  get sections(): Record<string, unknown>[] {
    const record = this.record;
    if (!this.layout || !record) return [];
    return this.layout.sections.map((section) => ({
      key: section.key,
      heading: section.heading,
      useHeading: section.useHeading && section.heading !== '',
      rows: section.rows.map((row) => ({
        key: row.key,
        cells: row.cells.map((cell) => ({
          key: cell.key,
          label: cell.field?.label ?? '',
          text: cell.field ? formatValue(valueAt(record, cell.field.path), cell.field.type, cell.field.scale) : '',
          href: cell.field ? parentHref(record, cell.field) : null,
          shown: cell.field !== undefined,
        })),
      })),
    }));
  }

  get hasRelatedLists(): boolean {
    return this.relatedLists.length > 0;
  }

  /** The page's headless quick actions: their components render nothing until invoked. */
  get hasAprAction(): boolean {
    return (this.layout?.actions ?? []).some((a) => a.component === 'aprActionLogger');
  }

  private async load(): Promise<void> {
    const id = this.currentId;
    if (!id) return;
    if (!RECORD_ID.test(id)) {
      this.error = NOT_AVAILABLE;
      return;
    }
    try {
      const get = <T>(path: string): Promise<T> => request<T>('GET', path);
      const objectName = this.objectName;
      const layout =
        this.layout && this.layoutObject === objectName
          ? this.layout
          : await loadRecordLayout(get, objectName, this.pageComponents, PAGE_COMPONENTS);
      const records = await query(recordQuery(objectName, id, layout));
      if (id !== this.currentId) return;
      this.layout = layout;
      this.layoutObject = objectName;
      const record = records[0];
      if (!record) {
        this.error = NOT_AVAILABLE;
        return;
      }
      this.error = '';
      this.record = record;
      const titleField = layout.highlights[0];
      this.title = titleField
        ? formatValue(valueAt(record, titleField.path), titleField.type, titleField.scale)
        : String(record.Id);
      await this.loadRelatedLists(id, layout);
    } catch (error) {
      this.error = errorMessage(error, 'This record could not be loaded.');
    }
  }

  private async loadRelatedLists(id: string, layout: RecordLayoutView): Promise<void> {
    if (!this.pageComponents.includes('force:relatedListContainer') && this.page) return;
    const lists = await Promise.all(
      layout.relatedLists.map(async (list) => {
        const rows = await query(relatedListQuery(list, id));
        return {
          key: list.name,
          label: `${list.label} (${rows.length}${rows.length === list.limitRows ? '+' : ''})`,
          columns: list.columns.map((c) => ({ key: c.name, label: c.label })),
          rows: rows.map((row) => {
            const cells = list.columns.map((c) => ({ key: c.name, text: formatValue(valueAt(row, c.path), c.type) }));
            const route = OBJECT_ROUTES[list.sobject];
            return {
              key: String(row.Id),
              cells,
              title: cells[0]?.text ?? '',
              href: route ? `${route}/${String(row.Id)}` : null,
              details: list.columns
                .slice(1, 1 + TILE_FIELDS)
                .map((c, i) => ({ key: c.name, label: c.label, text: cells[i + 1].text })),
            };
          }),
          hasRows: rows.length > 0,
        };
      }),
    );
    if (id === this.currentId) this.relatedLists = lists;
  }

  private refreshHandle: number | undefined;

  connectedCallback(): void {
    if (!this.watcher && this.currentId) this.watch(this.currentId);
    // An action changed the record or its related lists (a new APR action): read them again.
    this.refreshHandle = registerRefreshHandler(this, async () => {
      await this.load();
      return true;
    });
  }

  disconnectedCallback(): void {
    if (this.refreshHandle !== undefined) unregisterRefreshHandler(this.refreshHandle);
    this.watcher?.disconnect();
    this.watcher = undefined;
  }

  handleAction(event: Event): void {
    const name = (event.currentTarget as HTMLElement).dataset.action;
    this.activeAction = this.layout?.actions.find((a) => a.name === name);
    if (this.activeAction?.component === 'aprActionLogger') {
      const logger = this.template?.querySelector<HTMLElement & { invoke(): Promise<void> }>('[data-id="apr-action"]');
      if (logger) void logger.invoke();
    }
  }

  handleOpenLink(event: Event): void {
    event.preventDefault();
    const url = (event.currentTarget as HTMLElement).dataset.href;
    if (url) navigateTo(url);
  }
}

/** The app address of a lookup's parent record, when the app has a page for its object. */
function parentHref(record: SoqlRecord, field: FieldView): string | null {
  if (!field.parent) return null;
  const id = valueAt(record, field.parent.idPath);
  const route = OBJECT_ROUTES[field.parent.objectName];
  return typeof id === 'string' && id && route ? `${route}/${id}` : null;
}
