/**
 * An object's list page, drawn from the org's list views as Lightning's object home draws them: a picker of
 * the lists the user may see (`/ui-api/list-ui/{object}`), the chosen list's columns, filter and order
 * (`list-info`), and its records a page at a time (`list-records`, with pageSize, pageToken, sortBy and a
 * searchTerm), all as the signed-in user; figures right-aligned by the object's field types (`object-info`).
 * It opens on the list the user last chose for the object, else the tab's default for who they are (listChoice).
 * Nothing here knows the package's list views: they come from the org over HTTP.
 */
import { LightningElement, api } from 'lwc';
import { request } from '../../../../platform/api';
import { session } from '../../../../platform/session';
import {
  forgetList,
  initialList,
  rememberList,
  rememberedList,
  roleOf,
  ROLE_FIELD,
  type ChoiceStore,
} from './listChoice';
import {
  filterPhrases,
  isFigure,
  rowCells,
  type Cell,
  type ColumnStyles,
  type DisplayColumn,
  type ListFilter,
  type UiRecord,
} from './listModel';

interface ListConfig {
  title: string;
  icon: string;
  objectApiName: string;
  /** The list shown first (the object's tab default); the first list when the org has no such list. */
  defaultList: string;
  /** A first visit's list by the user's planning role (User.Partner_Planning_Role__c), ahead of defaultList. */
  defaultByRole?: Record<string, string>;
  /** Where a record of the object opens; `/records/{object}/{id}` when absent. */
  route?: string;
  /** The order the tab starts in (`sortBy`: `CloseDate`, `-Amount`); the list's own order when absent. */
  sortBy?: string;
  /** Flag columns drawn as badges, and what blank cells say. */
  styles?: ColumnStyles;
  /** What to do when a list is empty (besides picking another list), by list developer name. */
  emptyHints?: Record<string, string>;
}

interface ListSummary {
  apiName: string;
  id: string;
  label: string;
}

interface ListInfo {
  label: string;
  displayColumns: DisplayColumn[];
  filteredByInfo: ListFilter[];
  orderedByInfo: { fieldApiName: string; isAscending: boolean; label: string }[];
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
    // An AE's work: their open deals with a partner, the soonest to close first. Everyone else (partner
    // managers, admins, leaders) owns no deals: they start on every open partner deal they may see. No list
    // view filter can say "deals of the partners I manage" (a filter compares a field with fixed values; no
    // Opportunity field holds the partner account's owner relative to the viewer).
    defaultList: 'All_Open_Partner_Deals',
    defaultByRole: { 'Account Executive': 'My_Open_Partner_Deals' },
    route: '/opportunities',
    sortBy: 'CloseDate',
    styles: {
      badges: { APR_Stale__c: 'Stale' },
      blanks: { Days_Since_Last_APR_Action__c: 'No action yet' },
    },
    emptyHints: {
      My_Open_Partner_Deals:
        'Deals you own appear here while they are open and have a partner account. Set the Partner Account on a deal, or pick All Open Partner Deals.',
    },
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

/** Object Info data types whose cells show the field's scale (currency keeps its display value). */
const FIGURE_TYPES = new Set(['Double', 'Int', 'Percent', 'Long']);

/** The browser's local storage, or null where it cannot be used (blocked storage throws on access). */
function browserStore(): ChoiceStore | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The signed-in user's planning role, or null (none, or the user record cannot be read). */
async function currentRole(): Promise<string | null> {
  if (!session.userId) return null;
  try {
    const user = await request<{ fields?: Record<string, { value?: unknown }> }>(
      'GET',
      `/ui-api/records/${encodeURIComponent(session.userId)}?optionalFields=User.${ROLE_FIELD}`,
    );
    return roleOf(user);
  } catch {
    return null;
  }
}

const failureText = (error: unknown): string => {
  const body = (error as { body?: { message?: string }[] }).body;
  return Array.isArray(body) && body[0]?.message ? body[0].message : 'The list could not be loaded.';
};

/** How long typing pauses before the list is searched. */
const SEARCH_DELAY_MS = 300;

/** A parent's address in the app: users and other setup records have no page, so their names stay text. */
const parentHref = (objectApiName: string, id: string): string | null =>
  ROUTES[objectApiName] || objectApiName.endsWith('__c') ? recordHref(objectApiName, id) : null;

export default class ListPage extends LightningElement {
  @api kind = 'plans';
  lists: ListSummary[] = [];
  selected = '';
  info: ListInfo | null = null;
  page: RecordPage | null = null;
  /** The object's field data types (Object Info), for alignment and filter wording. */
  dataTypes: Record<string, string> = {};
  /** The object's number fields' decimal places (Object Info `scale`), as their cells show them. */
  scales: Record<string, number> = {};
  /** The user's sort (`Name`, `-CloseDate`); the tab's, else the list's own order, when empty. */
  sortBy = '';
  /** The search the records were read with; `searchInput` is what the box holds. */
  searchTerm = '';
  searchInput = '';
  pageToken = '0';
  loading = true;
  error = '';
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  get config(): ListConfig {
    return LISTS[this.kind] ?? LISTS.plans;
  }

  get listOptions(): { value: string; label: string; selected: boolean }[] {
    return this.lists.map((l) => ({ value: l.apiName, label: l.label, selected: l.apiName === this.selected }));
  }

  get hasLists(): boolean {
    return this.lists.length > 0;
  }

  get searchLabel(): string {
    return `Search ${this.info?.label ?? 'this list'}`;
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
    ariaSort: string | null;
    icon: string;
    className: string;
    assistiveText: string;
  }[] {
    const sort = this.sort;
    return (this.info?.displayColumns ?? []).map((c) => {
      const sorted = sort?.field === c.fieldApiName;
      const direction = sorted ? (sort?.ascending ? 'ascending' : 'descending') : 'none';
      const figure = isFigure(c, this.dataTypes);
      return {
        key: c.fieldApiName,
        label: c.label,
        sortable: c.sortable,
        ariaSort: c.sortable ? direction : null,
        // SLDS turns the arrow up on an ascending column (slds-is-sorted_asc).
        icon: 'utility:arrowdown',
        className: `slds-is-sortable${sorted ? ' slds-is-sorted' : ''}${sorted && sort?.ascending ? ' slds-is-sorted_asc' : ''}${figure ? ' figure' : ''}`,
        assistiveText: sorted ? `Sorted ${direction}` : 'Sort',
      };
    });
  }

  get rows(): { id: string; cells: Cell[] }[] {
    const info = this.info;
    if (!info || !this.page) return [];
    const styles = this.config.styles ?? {};
    return this.page.records.map((record) => ({
      id: record.id,
      cells: rowCells(record, info.displayColumns, this.dataTypes, styles, parentHref, this.scales).map((cell, i) =>
        // The record's own name always links to it.
        info.displayColumns[i].lookupId === 'Id' && cell.text
          ? { ...cell, href: recordHref(record.apiName, record.id) }
          : cell,
      ),
    }));
  }

  get countText(): string {
    const count = this.page?.records.length ?? 0;
    const first = Number(this.page?.currentPageToken ?? 0);
    const range = count === 0 ? '0 items' : `Items ${first + 1}-${first + count}`;
    const sort = this.sort;
    const sortLabel = sort ? this.info?.displayColumns.find((c) => c.fieldApiName === sort.field)?.label : undefined;
    const direction = sort?.ascending ? 'ascending' : 'descending';
    return sortLabel ? `${range} • Sorted by ${sortLabel} (${direction})` : range;
  }

  get filterText(): string {
    return filterPhrases(this.info?.filteredByInfo ?? [], this.dataTypes).join('; ');
  }

  get isEmpty(): boolean {
    return !this.loading && !this.error && (this.page?.records.length ?? 0) === 0;
  }

  get emptyTitle(): string {
    return this.searchTerm
      ? `Nothing in ${this.info?.label ?? 'this list'} matches “${this.searchTerm}”.`
      : `${this.info?.label ?? 'This list'} has nothing to show.`;
  }

  get emptyHint(): string {
    if (this.searchTerm) return 'Check the spelling, search for part of a name, or clear the search.';
    return this.config.emptyHints?.[this.selected] ?? 'Pick another list view.';
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
    this.sortBy = this.config.sortBy ?? '';
    const object = encodeURIComponent(this.config.objectApiName);
    // Field types only shape alignment and wording: the list still shows without them.
    request<{ fields: Record<string, { dataType: string; scale?: number }> }>(
      'GET',
      `/ui-api/object-info/${object}`,
    ).then(
      (objectInfo) => {
        const fields = Object.entries(objectInfo.fields);
        this.dataTypes = Object.fromEntries(fields.map(([k, f]) => [k, f.dataType]));
        this.scales = Object.fromEntries(
          fields.filter(([, f]) => FIGURE_TYPES.has(f.dataType)).map(([k, f]) => [k, f.scale ?? 0]),
        );
      },
      () => undefined,
    );
    const config = this.config;
    const store = browserStore();
    const remembered = rememberedList(store, session.userId, config.objectApiName);
    // The role matters only to a first visit of a tab with role defaults: read alongside the lists.
    const role = !remembered && config.defaultByRole ? currentRole() : Promise.resolve(null);
    Promise.all([request<{ lists: ListSummary[] }>('GET', `/ui-api/list-ui/${object}?pageSize=200`), role]).then(
      ([collection, userRole]) => {
        this.lists = collection.lists;
        const chosen = initialList(collection.lists, remembered, config, userRole);
        // A remembered list the user no longer sees (deleted, or no longer shared) is forgotten.
        if (remembered && chosen?.toLowerCase() !== remembered.toLowerCase())
          forgetList(store, session.userId, config.objectApiName);
        if (!chosen) {
          this.loading = false;
          return;
        }
        this.selected = chosen;
        void this.loadList();
      },
      (error: unknown) => {
        this.error = failureText(error);
        this.loading = false;
      },
    );
  }

  disconnectedCallback(): void {
    clearTimeout(this.searchTimer);
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
    this.error = '';
    const path = `${encodeURIComponent(this.config.objectApiName)}/${encodeURIComponent(this.selected)}`;
    const params = new URLSearchParams({ pageSize: String(PAGE_SIZE), pageToken: this.pageToken });
    if (this.sortBy) params.set('sortBy', this.sortBy);
    if (this.searchTerm) params.set('searchTerm', this.searchTerm);
    try {
      this.page = await request<RecordPage>('GET', `/ui-api/list-records/${path}?${params.toString()}`);
    } catch (error) {
      this.error = failureText(error);
    }
    this.loading = false;
  }

  handleListChange(event: Event): void {
    this.selected = (event.target as HTMLSelectElement).value;
    // The user's choice is where the tab opens next time, as in Lightning.
    rememberList(browserStore(), session.userId, this.config.objectApiName, this.selected);
    this.sortBy = this.config.sortBy ?? '';
    this.pageToken = '0';
    void this.loadList();
  }

  /** Typing searches once it pauses; Enter searches at once. */
  handleSearchInput(event: Event): void {
    this.searchInput = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    // A debounce: one request per pause in typing.
    this.searchTimer = setTimeout(() => this.search(), SEARCH_DELAY_MS);
  }

  handleSearchKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    clearTimeout(this.searchTimer);
    this.search();
  }

  handleClearSearch(): void {
    clearTimeout(this.searchTimer);
    this.searchInput = '';
    this.search();
    this.template?.querySelector<HTMLInputElement>('[data-id="list-search"]')?.focus();
  }

  get hasSearch(): boolean {
    return this.searchInput !== '';
  }

  private search(): void {
    const term = this.searchInput.trim();
    if (term === this.searchTerm) return;
    this.searchTerm = term;
    this.pageToken = '0';
    void this.loadRecords();
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
