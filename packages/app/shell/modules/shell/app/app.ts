/**
 * The shell: SLDS global header with the user switcher and the "Run rollup" button, the navigation bar,
 * URL routing with the history API, and the toasts components ask for (`lightning__showtoast`). A partner
 * user (the org says so: session.portal) gets the partner portal instead: its header, "My Plans" and a plan's
 * portal page, with no internal tab and no rollup.
 */
import { LightningElement } from 'lwc';
import { session } from '../../../../platform/session';
import { isLazyPage, loadPage, type LazyPage, type PageConstructor } from './lazyPages';
import { canonicalPath, navItemsFor, navKey, parseRoute, type Audience, type Route } from './routes';
import {
  counted,
  dropToast,
  pushToast,
  toastLifetime,
  toastOf,
  toastView,
  visibleToasts,
  type Toast,
  type ToastMode,
  type ToastView,
} from './toasts';

interface AppUser {
  id: string;
  name: string;
  username: string;
  role: string;
  account: string | null;
}

interface UserGroup {
  key: string;
  label: string;
  options: { value: string; label: string; selected: boolean }[];
}

interface RollupAnswer {
  read?: { targets: number };
  written?: Record<string, number>;
  failedMetrics?: { name: string }[];
  access?: {
    inserted: number;
    updated: number;
    deleted: number;
    partner: { inserted: number; updated: number; deleted: number };
    failures: number;
    error?: string;
  };
}

const AUDIENCE: Audience = session.portal ? 'portal' : 'internal';

/** What the header's toast says of the access sync the rollup ran first ('' when it changed nothing). */
function accessNote(access: RollupAnswer['access']): string {
  if (!access) return '';
  if (access.error) return ` Plan access was not synced: ${access.error}`;
  const changed = access.inserted + access.updated + access.deleted;
  const failed = access.failures > 0 ? ` ${counted(access.failures, 'plan share')} failed.` : '';
  return changed > 0
    ? ` Plan access: ${counted(access.inserted, 'share')} added, ${access.updated} changed, ${access.deleted} removed` +
        ` (partner users: ${access.partner.inserted} added, ${access.partner.updated} changed, ${access.partner.deleted} removed).${failed}`
    : failed;
}

export default class App extends LightningElement {
  route: Route = parseRoute(window.location.pathname, AUDIENCE);
  users: AppUser[] = [];
  toasts: Toast[] = [];
  rollupRunning = false;
  /** Cleared and set again to remount the page (fresh queries after a rollup). */
  pageVisible = true;
  /** The lazily loaded pages' components once their code has arrived, and whether the current one failed to. */
  lazyPages: Partial<Record<LazyPage, PageConstructor>> = {};
  lazyPageFailed = false;
  private nextToast = 1;
  /** The toasts whose time runs: a toast's time starts once it is shown (a fourth waits its turn). */
  private readonly toastTimers = new Set<number>();

  private readonly onPopState = (): void => {
    this.route = parseRoute(window.location.pathname, AUDIENCE);
    this.loadLazyPage();
  };

  private readonly onNavigate = (event: Event): void => {
    const { url, replace } = (event as CustomEvent<{ url: string; replace: boolean }>).detail;
    this.go(url, replace);
  };

  private readonly onToast = (event: Event): void => {
    const detail = (event as CustomEvent<{ title?: string; message?: string; variant?: string; mode?: string }>).detail;
    this.addToast(toastOf(this.nextToast++, detail ?? {}));
  };

  connectedCallback(): void {
    window.addEventListener('popstate', this.onPopState);
    window.addEventListener('pap:navigate', this.onNavigate);
    window.addEventListener('lightning__showtoast', this.onToast);
    this.showCanonicalPath();
    this.loadLazyPage();
    fetch('/app/users', { credentials: 'same-origin' })
      .then((response) => (response.ok ? (response.json() as Promise<AppUser[]>) : []))
      .then((users) => {
        this.users = users;
      })
      .catch(() => {
        this.users = [];
      });
  }

  disconnectedCallback(): void {
    window.removeEventListener('popstate', this.onPopState);
    window.removeEventListener('pap:navigate', this.onNavigate);
    window.removeEventListener('lightning__showtoast', this.onToast);
  }

  go(url: string, replace = false): void {
    if (replace) window.history.replaceState({}, '', url);
    else window.history.pushState({}, '', url);
    this.route = parseRoute(new URL(url, window.location.origin).pathname, AUDIENCE);
    this.showCanonicalPath();
    this.loadLazyPage();
    window.scrollTo(0, 0);
  }

  /** Downloads the current page's code when it is one of the lazily loaded pages not loaded yet. */
  private loadLazyPage(): void {
    const page = this.route.page;
    this.lazyPageFailed = false;
    if (!isLazyPage(page) || this.lazyPages[page]) return;
    loadPage(page).then(
      (ctor) => {
        this.lazyPages = { ...this.lazyPages, [page]: ctor };
      },
      () => {
        // A build replaced since this page was loaded, or the server is gone: say so rather than show nothing.
        if (this.route.page === page) this.lazyPageFailed = true;
      },
    );
  }

  /** The address bar shows the route's own address (`/` is the plans list, a plan's internal page the portal's). */
  private showCanonicalPath(): void {
    const path = canonicalPath(this.route);
    if (path && path !== window.location.pathname) window.history.replaceState({}, '', path);
  }

  get isPortal(): boolean {
    return AUDIENCE === 'portal';
  }

  get isInternal(): boolean {
    return AUDIENCE === 'internal';
  }

  get accountName(): string {
    return session.accountName ?? '';
  }

  get navItems(): { key: string; label: string; href: string; className: string }[] {
    const active = navKey(this.route);
    return navItemsFor(AUDIENCE).map((item) => ({
      ...item,
      className: `slds-context-bar__item${item.key === active ? ' slds-is-active' : ''}`,
    }));
  }

  /** The user switch's choices: internal users, then partner users grouped by partner account. */
  get userGroups(): UserGroup[] {
    // Until the list arrives (or when it cannot be read), the signed-in user alone.
    const users: AppUser[] =
      this.users.length > 0
        ? this.users
        : [{ id: session.userId, name: session.name, username: session.username, role: '', account: null }];
    const groups = new Map<string, UserGroup>();
    for (const u of users) {
      const label = u.role === 'Partner User' ? `Partner users — ${u.account ?? 'no account'}` : 'Internal users';
      let group = groups.get(label);
      if (!group) {
        group = { key: label, label, options: [] };
        groups.set(label, group);
      }
      group.options.push({
        value: u.username,
        label: u.role ? `${u.name} (${u.role})` : u.name,
        selected: u.username === session.username,
      });
    }
    return [...groups.values()];
  }

  get currentUserName(): string {
    return session.name;
  }

  get isList(): boolean {
    return this.route.page === 'list';
  }

  get isRecord(): boolean {
    return this.route.page === 'record';
  }

  get isCoaching(): boolean {
    return this.route.page === 'coaching';
  }

  get isProgramOverview(): boolean {
    return this.route.page === 'programOverview';
  }

  get isReports(): boolean {
    return this.route.page === 'reports';
  }

  get reportId(): string {
    return this.route.page === 'report' ? this.route.reportId : '';
  }

  get dashboardId(): string {
    return this.route.page === 'dashboard' ? this.route.dashboardId : '';
  }

  get isOther(): boolean {
    return this.route.page === 'other';
  }

  get isNotFound(): boolean {
    return this.route.page === 'notFound';
  }

  get isPortalHome(): boolean {
    return this.route.page === 'portalHome';
  }

  get isPortalPlan(): boolean {
    return this.route.page === 'portalPlan';
  }

  get isNotInPortal(): boolean {
    return this.route.page === 'notInPortal';
  }

  get portalHomeHref(): string {
    return navItemsFor('portal')[0].href;
  }

  get listKind(): string {
    return this.route.page === 'list' ? this.route.kind : '';
  }

  get recordKind(): string {
    return this.route.page === 'record' ? this.route.kind : '';
  }

  get recordId(): string {
    return this.route.page === 'record' || this.route.page === 'other' || this.route.page === 'portalPlan'
      ? this.route.recordId
      : '';
  }

  get otherObjectName(): string {
    return this.route.page === 'other' ? this.route.objectName : '';
  }

  /** The skip button moves focus past the header and navigation to the page itself. */
  handleSkipToMain(): void {
    this.template?.querySelector<HTMLElement>('main')?.focus();
  }

  handleNavClick(event: Event): void {
    event.preventDefault();
    const href = (event.currentTarget as HTMLElement).dataset.href;
    if (href) this.go(href);
  }

  handleLocalLink(event: CustomEvent<{ url: string }>): void {
    this.go(event.detail.url);
  }

  async handleUserChange(event: Event): Promise<void> {
    const select = event.target as HTMLSelectElement;
    const response = await fetch('/app/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: select.value }),
      credentials: 'same-origin',
    });
    if (response.ok) {
      // Every module reads the user once (as on the platform): reload as the new user.
      window.location.reload();
    } else {
      const text = await response.text();
      let message = text;
      try {
        // The server's errors are Salesforce-shaped: show the message, not the JSON.
        message = (JSON.parse(text) as { message?: string }[])[0]?.message ?? text;
      } catch {
        // Not JSON: the text as it came.
      }
      // Still signed in as before: the switch says so again.
      select.value = session.username;
      this.showToast('Could not switch user', message, 'error', 'sticky');
    }
  }

  async handleRunRollup(): Promise<void> {
    this.rollupRunning = true;
    try {
      // JSON like every request that changes data: the app server refuses other content types (CSRF).
      const response = await fetch('/app/rollup', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
        credentials: 'same-origin',
      });
      const body = (await response.json()) as RollupAnswer | { message?: string }[];
      // The server's reason when it says one ("A rollup is already running...").
      if (Array.isArray(body)) throw new Error(body[0]?.message ?? 'The rollup failed.');
      if (!response.ok || !body.read) throw new Error('The rollup failed.');
      const written = Object.values(body.written ?? {}).reduce((sum, n) => sum + n, 0);
      const failed = body.failedMetrics ?? [];
      this.showToast(
        'Rollup finished',
        `${counted(body.read.targets, 'target')} rolled up, ${counted(written, 'value')} written` +
          (failed.length > 0 ? `; failed metrics: ${failed.map((m) => m.name).join(', ')}` : '.') +
          accessNote(body.access),
        failed.length > 0 || body.access?.error || body.access?.failures ? 'warning' : 'success',
      );
      this.remountPage();
    } catch (error) {
      this.showToast('Rollup failed', (error as Error).message, 'error', 'sticky');
    } finally {
      this.rollupRunning = false;
    }
  }

  private remountPage(): void {
    this.pageVisible = false;
    void Promise.resolve().then(() => {
      this.pageVisible = true;
    });
  }

  showToast(title: string, message: string, variant: string, mode: ToastMode = 'dismissible'): void {
    this.addToast(toastOf(this.nextToast++, { title, message, variant, mode }));
  }

  private addToast(toast: Toast): void {
    this.toasts = pushToast(this.toasts, toast);
    this.startToastTimers();
  }

  /** Starts the time of every shown toast that goes by itself and has no running time yet. */
  private startToastTimers(): void {
    for (const toast of visibleToasts(this.toasts)) {
      const lifetime = toastLifetime(toast);
      if (lifetime === null || this.toastTimers.has(toast.id)) continue;
      this.toastTimers.add(toast.id);
      window.setTimeout(() => this.dismiss(toast.id), lifetime);
    }
  }

  get toastViews(): ToastView[] {
    return visibleToasts(this.toasts).map(toastView);
  }

  handleDismissToast(event: Event): void {
    this.dismiss(Number((event.currentTarget as HTMLElement).dataset.id));
  }

  private dismiss(id: number): void {
    this.toastTimers.delete(id);
    this.toasts = dropToast(this.toasts, id);
    // A waiting toast moves up into view: its time starts now.
    this.startToastTimers();
  }
}
