/** The app's routes: a path to the page it shows. */
export type Route =
  | { page: 'list'; kind: ListKind }
  | { page: 'record'; kind: RecordKind; recordId: string }
  | { page: 'coaching' }
  | { page: 'other'; objectName: string; recordId: string }
  | { page: 'notFound' };

export type ListKind = 'plans' | 'targets' | 'sections' | 'actions' | 'opportunities' | 'accounts';
export type RecordKind = 'plan' | 'opportunity' | 'account';

const RECORD_KIND: Partial<Record<ListKind, RecordKind>> = {
  plans: 'plan',
  opportunities: 'opportunity',
  accounts: 'account',
};
/** Lists whose records open on the generic record route (`/records/{object}/{id}`). */
const LIST_ONLY: ListKind[] = ['targets', 'sections', 'actions'];

export const NAV_ITEMS: { key: string; label: string; href: string }[] = [
  { key: 'plans', label: 'Plans', href: '/plans' },
  { key: 'sections', label: 'Sections', href: '/sections' },
  { key: 'targets', label: 'Targets', href: '/targets' },
  { key: 'actions', label: 'APR Actions', href: '/actions' },
  { key: 'coaching', label: 'Coaching', href: '/coaching' },
  { key: 'opportunities', label: 'Opportunities', href: '/opportunities' },
  { key: 'accounts', label: 'Partner Accounts', href: '/accounts' },
];

const isListKind = (value: string): value is ListKind =>
  value in RECORD_KIND || (LIST_ONLY as string[]).includes(value);

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter((p) => p !== '');
  if (parts.length === 0) return { page: 'list', kind: 'plans' };
  const [first, second, third] = parts;
  if (first === 'coaching' && parts.length === 1) return { page: 'coaching' };
  if (isListKind(first) && parts.length === 1) return { page: 'list', kind: first };
  const recordKind = isListKind(first) ? RECORD_KIND[first] : undefined;
  if (recordKind && parts.length === 2) return { page: 'record', kind: recordKind, recordId: second };
  if (first === 'records' && parts.length === 3) return { page: 'other', objectName: second, recordId: third };
  return { page: 'notFound' };
}

/** The navigation item a route belongs to. */
export function navKey(route: Route): string {
  if (route.page === 'list') return route.kind;
  if (route.page === 'record')
    return route.kind === 'plan' ? 'plans' : route.kind === 'opportunity' ? 'opportunities' : 'accounts';
  return route.page === 'coaching' ? 'coaching' : '';
}
