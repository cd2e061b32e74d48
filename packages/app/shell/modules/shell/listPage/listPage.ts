/**
 * An object's list page, drawn from the org's list views as Lightning's object home draws them: a picker of
 * the lists the user may see (`/ui-api/list-ui/{object}`), the chosen list's columns, filter and order
 * (`list-info`), and its records a page at a time (`list-records`, with pageSize, pageToken and sortBy), all
 * as the signed-in user. Nothing here knows the package's list views: they come from the org over HTTP.
 */
import { LightningElement, api } from 'lwc';
import { request } from '../../../../platform/api';

interface ListConfig {
  title: string;
  icon: string;
  objectApiName: string;
  /** The list shown first (the object's tab default); the first list when the org has no such list. */
  defaultList: string;
  /** Where a record of the object opens; `/records/{object}/{id}` when absent. */
  route?: string;
}

interface ListSummary {
  apiName: string;
  id: string;
  label: string;
}

interface DisplayColumn {
  fieldApiName: string;
  label: string;
  lookupId: string | null;
  sortable: boolean;
}

interface ListInfo {
  label: string;
  displayColumns: DisplayColumn[];
  filteredByInfo: { label: string; operandLabels: string[]; operator: string }[];
  orderedByInfo: { fieldApiName: string; isAscending: boolean; label: string }[];
}

interface FieldValue {
  value: unknown;
  displayValue: string | null;
}

interface UiRecord {
  apiName: string;
  id: string;
  fields: Record<string, FieldValue | undefined>;
}

interface RecordPage {
  records: UiRecord[];
  nextPageToken: string | null;
  previousPageToken: string | null;
  currentPageToken: string;
}

const LISTS: Record<string, ListConfig> = {
  plans: {
    title: 'Partner Account Plans',
    icon: 'standard:account_info',
    objectApiName: 'Partner_Account_Plan__c',
    defaultList: 'All',
    route: '/plans',
  },
  targets: { title: 'Targets', icon: 'standard:goals', objectApiName: 'Plan_Target__c', defaultList: 'All' },
  sections: { title: 'Plan Sections', icon: 'standard:section', objectApiName: 'Plan_Section__c', defaultList: 'All' },
  actions: { title: 'APR Actions', icon: 'standard:task', objectApiName: 'APR_Action__c', defaultList: 'All' },
  opportunities: {
    title: 'Opportunities',
    icon: 'standard:opportunity',
    objectApiName: 'Opportunity',
    defaultList: 'AllOpportunities',
    route: '/opportunities',
  },
  accounts: {
    title: 'Accounts',
    icon: 'standard:partners',
    objectApiName: 'Account',
    defaultList: 'Partner_Accounts',
    route: '/accounts',
  },
};

/** Where a record opens in the app: its object's page when the app has one, else the generic record route. */
const ROUTES: Record<string, string> = {
  Partner_Account_Plan__c: '/plans',
  Opportunity: '/opportunities',
  Account: '/accounts',
};
const recordHref = (objectApiName: string, id: string): string =>
  ROUTES[objectApiName] ? `${ROUTES[objectApiName]}/${id}` : `/records/${objectApiName}/${id}`;

const PAGE_SIZE = 50;

/** The field a column path names in a UI API record (`Partner_Account__r.Name` through the parent). */
function fieldAt(record: UiRecord, path: string): FieldValue | undefined {
  const [first, ...rest] = path.split('.');
  const field = record.fields[first];
  if (rest.length === 0 || !field) return field;
  const parent = field.value as UiRecord | null;
  return parent && typeof parent === 'object' ? fieldAt(parent, rest.join('.')) : undefined;
}

function cellText(field: FieldValue | undefined): string {
  if (!field || field.value === null || field.value === undefined) return '';
  if (field.displayValue !== null) return field.displayValue;
  if (typeof field.value === 'number') return field.value.toLocaleString('en-US');
  if (typeof field.value === 'boolean') return field.value ? 'Yes' : 'No';
  return String(field.value);
}

const failureText = (error: unknown): string => {
  const body = (error as { body?: { message?: string }[] }).body;
  return Array.isArray(body) && body[0]?.message ? body[0].message : 'The list could not be loaded.';
};

export default class ListPage extends LightningElement {
  @api kind = 'plans';
  lists: ListSummary[] = [];
  selected = '';
  info: ListInfo | null = null;
  page: RecordPage | null = null;
  /** The user's sort (`Name`, `-CloseDate`); the list's own order when empty. */
  sortBy = '';
  pageToken = '0';
  loading = true;
  error = '';

  get config(): ListConfig {
    return LISTS[this.kind] ?? LISTS.plans;
  }

  get listOptions(): { value: string; label: string; selected: boolean }[] {
    return this.lists.map((l) => ({ value: l.apiName, label: l.label, selected: l.apiName === this.selected }));
  }

  get hasLists(): boolean {
    return this.lists.length > 0;
  }

  /** The sort in force: the user's, else the list's first ordering. */
  private get sort(): { field: string; ascending: boolean } | undefined {
    if (this.sortBy) {
      const descending = this.sortBy.startsWith('-');
      return { field: descending ? this.sortBy.slice(1) : this.sortBy, ascending: !descending };
    }
    const first = this.info?.orderedByInfo[0];
    return first ? { field: first.fieldApiName, ascending: first.isAscending } : undefined;
  }

  get columns(): {
    key: string;
    label: string;
    sortable: boolean;
    ariaSort: string;
    icon: string;
    className: string;
    assistiveText: string;
  }[] {
    const sort = this.sort;
    return (this.info?.displayColumns ?? []).map((c) => {
      const sorted = sort?.field === c.fieldApiName;
      const direction = sorted ? (sort?.ascending ? 'ascending' : 'descending') : 'none';
      return {
        key: c.fieldApiName,
        label: c.label,
        sortable: c.sortable,
        ariaSort: direction,
        icon: sorted && !sort?.ascending ? 'utility:arrowdown' : 'utility:arrowup',
        className: `slds-is-sortable${sorted ? ' slds-is-sorted' : ''}${sorted && sort?.ascending ? ' slds-is-sorted_asc' : ''}`,
        assistiveText: sorted ? `Sorted ${direction}` : 'Sort',
      };
    });
  }

  get rows(): { id: string; cells: { key: string; text: string; href: string | null }[] }[] {
    const info = this.info;
    if (!info || !this.page) return [];
    return this.page.records.map((record) => ({
      id: record.id,
      cells: info.displayColumns.map((c) => {
        const text = cellText(fieldAt(record, c.fieldApiName));
        let href: string | null = null;
        if (c.lookupId === 'Id') href = recordHref(record.apiName, record.id);
        else if (c.lookupId) {
          // The parent record's link: its Id field, and its object from the relationship's record.
          const parent = fieldAt(record, c.fieldApiName.split('.')[0])?.value as UiRecord | null | undefined;
          const id = fieldAt(record, c.lookupId)?.value;
          // Users and other setup records have no page in the app: their names stay text.
          if (parent && typeof id === 'string' && (ROUTES[parent.apiName] || parent.apiName.endsWith('__c')))
            href = recordHref(parent.apiName, id);
        }
        return { key: c.fieldApiName, text, href: text ? href : null };
      }),
    }));
  }

  get countText(): string {
    const count = this.page?.records.length ?? 0;
    const first = Number(this.page?.currentPageToken ?? 0);
    const range = count === 0 ? '0 items' : `Items ${first + 1}-${first + count}`;
    const sort = this.sort;
    const sortLabel = sort ? this.info?.displayColumns.find((c) => c.fieldApiName === sort.field)?.label : undefined;
    return sortLabel ? `${range} • Sorted by ${sortLabel}` : range;
  }

  get filterText(): string {
    const filters = this.info?.filteredByInfo ?? [];
    return filters.map((f) => `${f.label} ${f.operator} ${f.operandLabels.join(', ')}`).join('; ');
  }

  get isEmpty(): boolean {
    return !this.loading && !this.error && (this.page?.records.length ?? 0) === 0;
  }

  get showTable(): boolean {
    return !this.loading && !this.error && !this.isEmpty;
  }

  get noPrevious(): boolean {
    return this.loading || !this.page?.previousPageToken;
  }

  get noNext(): boolean {
    return this.loading || !this.page?.nextPageToken;
  }

  connectedCallback(): void {
    const object = encodeURIComponent(this.config.objectApiName);
    request<{ lists: ListSummary[] }>('GET', `/ui-api/list-ui/${object}?pageSize=200`).then(
      (collection) => {
        this.lists = collection.lists;
        const preferred = collection.lists.find((l) => l.apiName === this.config.defaultList) ?? collection.lists[0];
        if (!preferred) {
          this.loading = false;
          return;
        }
        this.selected = preferred.apiName;
        void this.loadList();
      },
      (error: unknown) => {
        this.error = failureText(error);
        this.loading = false;
      },
    );
  }

  /** Reads the selected list's info and its first page (the user's sort kept). */
  private async loadList(): Promise<void> {
    this.loading = true;
    this.error = '';
    const path = `${encodeURIComponent(this.config.objectApiName)}/${encodeURIComponent(this.selected)}`;
    try {
      this.info = await request<ListInfo>('GET', `/ui-api/list-info/${path}`);
      await this.loadRecords();
    } catch (error) {
      this.error = failureText(error);
      this.loading = false;
    }
  }

  private async loadRecords(): Promise<void> {
    this.loading = true;
    const path = `${encodeURIComponent(this.config.objectApiName)}/${encodeURIComponent(this.selected)}`;
    const params = new URLSearchParams({ pageSize: String(PAGE_SIZE), pageToken: this.pageToken });
    if (this.sortBy) params.set('sortBy', this.sortBy);
    try {
      this.page = await request<RecordPage>('GET', `/ui-api/list-records/${path}?${params.toString()}`);
    } catch (error) {
      this.error = failureText(error);
    }
    this.loading = false;
  }

  handleListChange(event: Event): void {
    this.selected = (event.target as HTMLSelectElement).value;
    this.sortBy = '';
    this.pageToken = '0';
    void this.loadList();
  }

  handleSort(event: Event): void {
    const field = (event.currentTarget as HTMLElement).dataset.field ?? '';
    const sort = this.sort;
    // A second click on the sorted column reverses it, as list views do.
    this.sortBy = sort?.field === field && sort.ascending ? `-${field}` : field;
    this.pageToken = '0';
    void this.loadRecords();
  }

  handlePrevious(): void {
    this.pageToken = this.page?.previousPageToken ?? '0';
    void this.loadRecords();
  }

  handleNext(): void {
    this.pageToken = this.page?.nextPageToken ?? this.pageToken;
    void this.loadRecords();
  }

  handleOpen(event: Event): void {
    event.preventDefault();
    const url = (event.currentTarget as HTMLElement).dataset.href;
    if (url) this.dispatchEvent(new CustomEvent('locallink', { detail: { url } }));
  }
}
