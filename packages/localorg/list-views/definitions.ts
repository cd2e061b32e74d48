/**
 * The list views the org serves for an object: the package's own (force-app `listViews/`, read by the model)
 * followed by the standard ones a scratch org creates for the standard objects (All Accounts, My
 * Opportunities...). Each has a stable 00B Id derived from the object and developer name, so that an Id
 * stays the same across restarts and data folders, as a deployed list view's does within one org.
 */
import { createHash } from 'node:crypto';
import type { FilterItem } from '@partner-planning/model';
import { makeId, normalizeId } from '../ids';
import type { ObjectSchema } from '../schema';

/** The key prefix of ListView records. */
export const LIST_VIEW_PREFIX = '00B';

export interface ListViewDefinition {
  objectName: string;
  developerName: string;
  label: string;
  /** `Everything` or `Mine` (the metadata's filterScope). */
  filterScope: string;
  /** Column names as the metadata writes them (`NAME`, `Status__c`, `CREATED_DATE`...). */
  columns: string[];
  filters: FilterItem[];
  booleanFilter?: string;
  /** The column the view sorts by (metadata name); the first sortable column when absent. */
  sortColumn?: string;
}

const view = (
  objectName: string,
  developerName: string,
  label: string,
  columns: string[],
  options: { scope?: string; filters?: FilterItem[]; sort?: string } = {},
): ListViewDefinition => ({
  objectName,
  developerName,
  label,
  filterScope: options.scope ?? 'Everything',
  columns,
  filters: options.filters ?? [],
  sortColumn: options.sort,
});

const ACCOUNT_COLUMNS = [
  'ACCOUNT.NAME',
  'ACCOUNT.ADDRESS1_STATE',
  'ACCOUNT.PHONE1',
  'ACCOUNT.TYPE',
  'CORE.USERS.ALIAS',
];
const OPPORTUNITY_COLUMNS = [
  'OPPORTUNITY.NAME',
  'ACCOUNT.NAME',
  'OPPORTUNITY.AMOUNT',
  'OPPORTUNITY.CLOSE_DATE',
  'OPPORTUNITY.STAGE_NAME',
  'CORE.USERS.ALIAS',
];
const CONTACT_COLUMNS = ['FULL_NAME', 'ACCOUNT.NAME', 'CONTACT.PHONE1', 'CONTACT.EMAIL', 'CORE.USERS.ALIAS'];
const NEW_THIS_WEEK: FilterItem = { field: 'CREATED_DATE', operation: 'equals', value: 'THIS_WEEK' };
const NEW_LAST_WEEK: FilterItem = { field: 'CREATED_DATE', operation: 'equals', value: 'LAST_WEEK' };

/** The standard list views of a new scratch org (Salesforce's column and filter names). */
const STANDARD: Record<string, ListViewDefinition[]> = {
  Account: [
    view('Account', 'AllAccounts', 'All Accounts', ACCOUNT_COLUMNS),
    view('Account', 'MyAccounts', 'My Accounts', ACCOUNT_COLUMNS, { scope: 'Mine' }),
    view('Account', 'NewThisWeek', 'New This Week', ACCOUNT_COLUMNS, { filters: [NEW_THIS_WEEK] }),
    view('Account', 'NewLastWeek', 'New Last Week', ACCOUNT_COLUMNS, { filters: [NEW_LAST_WEEK] }),
  ],
  Opportunity: [
    view('Opportunity', 'AllOpportunities', 'All Opportunities', OPPORTUNITY_COLUMNS),
    view('Opportunity', 'MyOpportunities', 'My Opportunities', OPPORTUNITY_COLUMNS, { scope: 'Mine' }),
    view('Opportunity', 'ClosingThisMonth', 'Closing This Month', OPPORTUNITY_COLUMNS, {
      filters: [{ field: 'OPPORTUNITY.CLOSE_DATE', operation: 'equals', value: 'THIS_MONTH' }],
      sort: 'OPPORTUNITY.CLOSE_DATE',
    }),
    view('Opportunity', 'ClosingNextMonth', 'Closing Next Month', OPPORTUNITY_COLUMNS, {
      filters: [{ field: 'OPPORTUNITY.CLOSE_DATE', operation: 'equals', value: 'NEXT_MONTH' }],
      sort: 'OPPORTUNITY.CLOSE_DATE',
    }),
    view('Opportunity', 'Won', 'Won', OPPORTUNITY_COLUMNS, {
      filters: [{ field: 'OPPORTUNITY.WON', operation: 'equals', value: '1' }],
    }),
    view('Opportunity', 'NewThisWeek', 'New This Week', OPPORTUNITY_COLUMNS, { filters: [NEW_THIS_WEEK] }),
    view('Opportunity', 'NewLastWeek', 'New Last Week', OPPORTUNITY_COLUMNS, { filters: [NEW_LAST_WEEK] }),
  ],
  Contact: [
    view('Contact', 'AllContacts', 'All Contacts', CONTACT_COLUMNS),
    view('Contact', 'MyContacts', 'My Contacts', CONTACT_COLUMNS, { scope: 'Mine' }),
    view('Contact', 'NewThisWeek', 'New This Week', CONTACT_COLUMNS, { filters: [NEW_THIS_WEEK] }),
    view('Contact', 'NewLastWeek', 'New Last Week', CONTACT_COLUMNS, { filters: [NEW_LAST_WEEK] }),
  ],
};

/** The object's list views: the package's first (in file order), then the standard ones it does not replace. */
export function listViewsOf(obj: ObjectSchema): ListViewDefinition[] {
  const own: ListViewDefinition[] = obj.model.listViews.map((lv) => ({
    objectName: obj.name,
    developerName: lv.name,
    label: lv.label,
    filterScope: lv.filterScope,
    columns: lv.columns,
    filters: lv.filters,
    booleanFilter: lv.booleanFilter,
  }));
  const names = new Set(own.map((lv) => lv.developerName.toLowerCase()));
  const standard = (STANDARD[obj.name] ?? []).filter((lv) => !names.has(lv.developerName.toLowerCase()));
  return [...own, ...standard];
}

/** The list view's Id: 00B and a counter hashed from `Object.DeveloperName` (stable, unique in practice). */
export function listViewId(objectName: string, developerName: string): string {
  const digest = createHash('sha256').update(`${objectName}.${developerName}`).digest();
  // 9 base-62 digits hold 53 bits: a collision among an org's few hundred views is vanishingly unlikely.
  return makeId(LIST_VIEW_PREFIX, digest.readUIntBE(0, 6) % 62 ** 9);
}

/** The object's list view with this Id (15 or 18 characters) or developer name (case-insensitive). */
export function findListView(obj: ObjectSchema, idOrName: string): ListViewDefinition | undefined {
  const id = normalizeId(idOrName);
  const views = listViewsOf(obj);
  if (id?.startsWith(LIST_VIEW_PREFIX)) return views.find((lv) => listViewId(lv.objectName, lv.developerName) === id);
  return views.find((lv) => lv.developerName.toLowerCase() === idOrName.toLowerCase());
}

/** The list view with this Id among every object's, with its object (UI API `list-ui/{listViewId}`). */
export function findListViewById(
  objects: Iterable<ObjectSchema>,
  rawId: string,
): { obj: ObjectSchema; view: ListViewDefinition } | undefined {
  const id = normalizeId(rawId);
  if (!id?.startsWith(LIST_VIEW_PREFIX)) return undefined;
  for (const obj of objects) {
    const found = listViewsOf(obj).find((lv) => listViewId(lv.objectName, lv.developerName) === id);
    if (found) return { obj, view: found };
  }
  return undefined;
}
