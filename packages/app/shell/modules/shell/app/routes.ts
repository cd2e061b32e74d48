/**
 * The app's routes: a path to the page it shows, for the signed-in user's audience. Internal users get the
 * Partner Planning app's pages; a partner user gets the partner portal only (its home, "My Plans", and a
 * plan's page): an internal address never shows them an internal page.
 */
import { PORTAL_HOME, PORTAL_PLAN_PATH } from '../../../../platform/portal';

/** Who the pages are for: internal users, or partner (external) users, who see the portal. */
export type Audience = 'internal' | 'portal';

export type Route =
  | { page: 'list'; kind: ListKind }
  | { page: 'record'; kind: RecordKind; recordId: string }
  | { page: 'coaching' }
  | { page: 'programOverview' }
  | { page: 'reports' }
  | { page: 'report'; reportId: string }
  | { page: 'dashboard'; dashboardId: string }
  | { page: 'other'; objectName: string; recordId: string }
  | { page: 'notFound' }
  | { page: 'portalHome' }
  | { page: 'portalPlan'; recordId: string }
  | { page: 'notInPortal' };

export type ListKind = 'plans' | 'targets' | 'sections' | 'actions' | 'opportunities' | 'accounts';
export type RecordKind = 'plan' | 'opportunity' | 'account' | 'review';

/** Plan reviews have record pages (`/plan-reviews/<id>`) but no list of their own: they sit on their plan. */
export const REVIEW_PATH = '/plan-reviews';

const RECORD_KIND: Partial<Record<ListKind, RecordKind>> = {
  plans: 'plan',
  opportunities: 'opportunity',
  accounts: 'account',
};
/** Lists whose records open on the generic record route (`/records/{object}/{id}`). */
const LIST_ONLY: ListKind[] = ['targets', 'sections', 'actions'];

export interface NavItem {
  key: string;
  label: string;
  href: string;
}

export const NAV_ITEMS: NavItem[] = [
  { key: 'plans', label: 'Plans', href: '/plans' },
  { key: 'sections', label: 'Sections', href: '/sections' },
  { key: 'targets', label: 'Targets', href: '/targets' },
  { key: 'actions', label: 'APR Actions', href: '/actions' },
  { key: 'coaching', label: 'Coaching', href: '/coaching' },
  { key: 'programOverview', label: 'Program Overview', href: '/program-overview' },
  { key: 'opportunities', label: 'Opportunities', href: '/opportunities' },
  { key: 'accounts', label: 'Partner Accounts', href: '/accounts' },
  { key: 'reports', label: 'Reports', href: '/reports' },
];

export const PORTAL_NAV_ITEMS: NavItem[] = [{ key: 'myPlans', label: 'My Plans', href: PORTAL_HOME }];

/** The navigation items an audience sees. */
export const navItemsFor = (audience: Audience): NavItem[] => (audience === 'portal' ? PORTAL_NAV_ITEMS : NAV_ITEMS);

const isListKind = (value: string): value is ListKind =>
  value in RECORD_KIND || (LIST_ONLY as string[]).includes(value);

const segments = (pathname: string): string[] => pathname.split('/').filter((p) => p !== '');

/** The portal path's record id, for `/s/partner-account-plan/<id>` (prefix given without its slashes). */
function idUnder(parts: string[], prefix: string): string | undefined {
  const base = segments(prefix);
  if (parts.length !== base.length + 1 || base.some((part, i) => parts[i] !== part)) return undefined;
  return parts[base.length];
}

function parseInternal(parts: string[]): Route {
  if (parts.length === 0) return { page: 'list', kind: 'plans' };
  // A portal address an internal user follows (a partner's link): the same plan, on the internal page.
  if (parts.length === 1 && parts[0] === segments(PORTAL_HOME)[0]) return { page: 'list', kind: 'plans' };
  const portalPlan = idUnder(parts, PORTAL_PLAN_PATH);
  if (portalPlan) return { page: 'record', kind: 'plan', recordId: portalPlan };
  const [first, second, third] = parts;
  if (first === 'coaching' && parts.length === 1) return { page: 'coaching' };
  if (first === 'program-overview' && parts.length === 1) return { page: 'programOverview' };
  if (first === 'reports' && parts.length === 1) return { page: 'reports' };
  if (first === 'reports' && parts.length === 2) return { page: 'report', reportId: second };
  if (first === 'dashboards' && parts.length === 2) return { page: 'dashboard', dashboardId: second };
  if (isListKind(first) && parts.length === 1) return { page: 'list', kind: first };
  const recordKind = isListKind(first) ? RECORD_KIND[first] : undefined;
  if (recordKind && parts.length === 2) return { page: 'record', kind: recordKind, recordId: second };
  if (first === 'records' && parts.length === 3) return { page: 'other', objectName: second, recordId: third };
  if (first === segments(REVIEW_PATH)[0] && parts.length === 2)
    return { page: 'record', kind: 'review', recordId: second };
  return { page: 'notFound' };
}

function parsePortal(parts: string[]): Route {
  if (parts.length === 0 || (parts.length === 1 && parts[0] === segments(PORTAL_HOME)[0]))
    return { page: 'portalHome' };
  const portalPlan = idUnder(parts, PORTAL_PLAN_PATH);
  if (portalPlan) return { page: 'portalPlan', recordId: portalPlan };
  // The internal plans list and a plan's internal page have their portal pages; nothing else internal does,
  // nor a record other than a plan (`/s/detail/<id>`).
  if (parts.length === 1 && parts[0] === 'plans') return { page: 'portalHome' };
  if (parts.length === 2 && parts[0] === 'plans') return { page: 'portalPlan', recordId: parts[1] };
  return { page: 'notInPortal' };
}

export function parseRoute(pathname: string, audience: Audience = 'internal'): Route {
  const parts = segments(pathname);
  return audience === 'portal' ? parsePortal(parts) : parseInternal(parts);
}

/** The address a route is shown at, when it has one of its own (the address bar is set to it). */
export function canonicalPath(route: Route): string | undefined {
  switch (route.page) {
    case 'portalHome':
      return PORTAL_HOME;
    case 'portalPlan':
      return `${PORTAL_PLAN_PATH}/${route.recordId}`;
    case 'list':
      return route.kind === 'plans' ? '/plans' : undefined;
    case 'record':
      if (route.kind === 'review') return `${REVIEW_PATH}/${route.recordId}`;
      return route.kind === 'plan' ? `/plans/${route.recordId}` : undefined;
    default:
      return undefined;
  }
}

/** The navigation item a route belongs to. */
export function navKey(route: Route): string {
  switch (route.page) {
    case 'list':
      return route.kind;
    case 'record':
      // A review belongs to its plan, under Plans.
      if (route.kind === 'plan' || route.kind === 'review') return 'plans';
      return route.kind === 'opportunity' ? 'opportunities' : 'accounts';
    case 'coaching':
      return 'coaching';
    case 'programOverview':
      return 'programOverview';
    case 'reports':
    case 'report':
    case 'dashboard':
      return 'reports';
    case 'portalHome':
    case 'portalPlan':
      return 'myPlans';
    default:
      return '';
  }
}
