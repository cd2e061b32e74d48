/**
 * `lightning/navigation`: page references become the app's routes (see app/shell/modules/shell/app/routes.ts);
 * Navigate asks the shell to show the route (history API), GenerateUrl returns its path. A partner user's
 * references go to the partner portal's pages (platform/portal.ts), as in an Experience Cloud site.
 */
import { objectOfId } from './api';
import { PORTAL_HOME, portalRecordUrl } from './portal';
import { session } from './session';

export interface PageReference {
  type: string;
  attributes?: Record<string, unknown>;
  state?: Record<string, unknown>;
}

/** The event the shell listens for on window. */
export const NAVIGATE_EVENT = 'pap:navigate';

/** The app's page for each object that has one. */
export const OBJECT_ROUTES: Record<string, string> = {
  Partner_Account_Plan__c: '/plans',
  Opportunity: '/opportunities',
  Account: '/accounts',
};

const TAB_ROUTES: Record<string, string> = { Coaching: '/coaching', Program_Overview: '/program-overview' };

/** Objects whose records have a page but no list in the app (the shell's routes.ts REVIEW_PATH). */
const RECORD_ONLY_ROUTES: Record<string, string> = { Plan_Review__c: '/plan-reviews' };

/** A partner user's page: the portal's record pages and home (an Experience Cloud site has no tabs). */
async function portalUrlFor(pageReference: PageReference): Promise<string> {
  const attributes = pageReference.attributes ?? {};
  switch (pageReference.type) {
    case 'standard__recordPage': {
      const recordId = String(attributes.recordId ?? '');
      const objectName = attributes.objectApiName ? String(attributes.objectApiName) : await objectOfId(recordId);
      return portalRecordUrl(objectName, recordId);
    }
    case 'standard__webPage':
      return String(attributes.url ?? PORTAL_HOME);
    default:
      // The site's home (comm__namedPage Home), the plans object page and anything else: My Plans.
      return PORTAL_HOME;
  }
}

/** The page reference's state as a query string (`?c__ae=...`), empty without state. */
function queryOf(pageReference: PageReference): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(pageReference.state ?? {}))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const query = params.toString();
  return query ? `?${query}` : '';
}

export async function urlFor(pageReference: PageReference): Promise<string> {
  const path = await pathFor(pageReference);
  return `${path}${queryOf(pageReference)}`;
}

async function pathFor(pageReference: PageReference): Promise<string> {
  if (session.portal) return portalUrlFor(pageReference);
  const attributes = pageReference.attributes ?? {};
  switch (pageReference.type) {
    case 'standard__recordPage': {
      const recordId = String(attributes.recordId ?? '');
      const objectName = attributes.objectApiName ? String(attributes.objectApiName) : await objectOfId(recordId);
      const base = OBJECT_ROUTES[objectName] ?? RECORD_ONLY_ROUTES[objectName];
      return base ? `${base}/${recordId}` : `/records/${objectName}/${recordId}`;
    }
    case 'standard__objectPage':
      return OBJECT_ROUTES[String(attributes.objectApiName)] ?? '/';
    case 'standard__navItemPage':
      return TAB_ROUTES[String(attributes.apiName)] ?? '/';
    case 'standard__webPage':
      return String(attributes.url ?? '/');
    default:
      return '/';
  }
}

/** The components wired to CurrentPageReference, told after every navigation. */
const pageListeners = new Set<() => void>();

const notifyPageListeners = (): void => {
  // After the shell has shown the new address (it handles the navigation event synchronously).
  setTimeout(() => pageListeners.forEach((listener) => listener()), 0);
};

export function navigateTo(url: string, replace = false): void {
  const target = new URL(url, window.location.origin);
  if (replace && target.pathname === window.location.pathname) {
    // Only the state changed (a component keeps its choices in the address): same page, new address.
    window.history.replaceState(window.history.state, '', `${target.pathname}${target.search}`);
  } else {
    window.dispatchEvent(new CustomEvent(NAVIGATE_EVENT, { detail: { url, replace } }));
  }
  notifyPageListeners();
}

const RECORD_ROUTES: Record<string, string> = { ...OBJECT_ROUTES, ...RECORD_ONLY_ROUTES };

/** The page reference of an address of the app: a tab, a record page or an object's list, with its state. */
export function pageReferenceOf(location: { pathname: string; search: string }): PageReference {
  const state: Record<string, string> = {};
  new URLSearchParams(location.search).forEach((value, key) => {
    if (key.startsWith('c__')) state[key] = value;
  });
  const parts = location.pathname.split('/').filter((p) => p !== '');
  const base = `/${parts[0] ?? ''}`;
  const tab = Object.entries(TAB_ROUTES).find(([, route]) => route === base);
  if (tab && parts.length === 1) return { type: 'standard__navItemPage', attributes: { apiName: tab[0] }, state };
  const object = Object.entries(RECORD_ROUTES).find(([, route]) => route === base);
  if (object && parts.length === 2)
    return {
      type: 'standard__recordPage',
      attributes: { recordId: parts[1], objectApiName: object[0], actionName: 'view' },
      state,
    };
  if (object && parts.length === 1)
    return { type: 'standard__objectPage', attributes: { objectApiName: object[0], actionName: 'list' }, state };
  return { type: 'standard__webPage', attributes: { url: location.pathname }, state };
}

/** `CurrentPageReference`: the page's reference now, and again after each navigation or history move. */
export class CurrentPageReference {
  private readonly listener = (): void => this.callback(pageReferenceOf(window.location));

  constructor(private readonly callback: (value: PageReference) => void) {}

  update(): void {
    this.listener();
  }

  connect(): void {
    pageListeners.add(this.listener);
    window.addEventListener('popstate', this.listener);
  }

  disconnect(): void {
    pageListeners.delete(this.listener);
    window.removeEventListener('popstate', this.listener);
  }
}

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

// A mixin's base constructor type has to accept any arguments.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor = new (...args: any[]) => object;

function mixin<Base extends Constructor>(base: Base) {
  return class extends base {
    [Navigate](pageReference: PageReference, replace?: boolean): void {
      void urlFor(pageReference).then((url) => navigateTo(url, replace === true));
    }

    [GenerateUrl](pageReference: PageReference): Promise<string> {
      return urlFor(pageReference);
    }
  };
}

export const NavigationMixin = Object.assign(mixin, { Navigate, GenerateUrl });
