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

export async function urlFor(pageReference: PageReference): Promise<string> {
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

export function navigateTo(url: string, replace = false): void {
  window.dispatchEvent(new CustomEvent(NAVIGATE_EVENT, { detail: { url, replace } }));
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
