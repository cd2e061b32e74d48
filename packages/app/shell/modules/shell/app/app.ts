/**
 * The shell: SLDS global header with the user switcher and the "Run rollup" button, the navigation bar,
 * URL routing with the history API, and the toasts components ask for (`lightning__showtoast`).
 */
import { LightningElement } from 'lwc';
import { navKey, NAV_ITEMS, parseRoute, type Route } from './routes';

interface AppUser {
  id: string;
  name: string;
  username: string;
  role: string;
}

interface Toast {
  id: number;
  title: string;
  message: string;
  variant: string;
}

interface SessionInfo {
  userId: string;
  name: string;
  username: string;
}

const TOAST_MILLIS = 6000;
const session = (window as unknown as { __papSession?: SessionInfo }).__papSession;

export default class App extends LightningElement {
  route: Route = parseRoute(window.location.pathname);
  users: AppUser[] = [];
  toasts: Toast[] = [];
  rollupRunning = false;
  /** Cleared and set again to remount the page (fresh queries after a rollup). */
  pageVisible = true;
  private nextToast = 1;

  private readonly onPopState = (): void => {
    this.route = parseRoute(window.location.pathname);
  };

  private readonly onNavigate = (event: Event): void => {
    const { url, replace } = (event as CustomEvent<{ url: string; replace: boolean }>).detail;
    this.go(url, replace);
  };

  private readonly onToast = (event: Event): void => {
    const detail = (event as CustomEvent<{ title?: string; message: string; variant?: string }>).detail;
    this.showToast(detail.title ?? '', detail.message, detail.variant ?? 'info');
  };

  connectedCallback(): void {
    window.addEventListener('popstate', this.onPopState);
    window.addEventListener('pap:navigate', this.onNavigate);
    window.addEventListener('lightning__showtoast', this.onToast);
    if (window.location.pathname === '/') window.history.replaceState({}, '', '/plans');
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
    this.route = parseRoute(new URL(url, window.location.origin).pathname);
    window.scrollTo(0, 0);
  }

  get navItems(): { key: string; label: string; href: string; className: string }[] {
    const active = navKey(this.route);
    return NAV_ITEMS.map((item) => ({
      ...item,
      className: `slds-context-bar__item${item.key === active ? ' slds-is-active' : ''}`,
    }));
  }

  get userOptions(): { label: string; value: string }[] {
    return this.users.map((u) => ({ label: `${u.name} (${u.role})`, value: u.username }));
  }

  get currentUsername(): string {
    return session ? session.username : '';
  }

  get currentUserName(): string {
    return session ? session.name : '';
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

  get isOther(): boolean {
    return this.route.page === 'other';
  }

  get isNotFound(): boolean {
    return this.route.page === 'notFound';
  }

  get listKind(): string {
    return this.route.page === 'list' ? this.route.kind : '';
  }

  get recordKind(): string {
    return this.route.page === 'record' ? this.route.kind : '';
  }

  get recordId(): string {
    return this.route.page === 'record' || this.route.page === 'other' ? this.route.recordId : '';
  }

  get otherObjectName(): string {
    return this.route.page === 'other' ? this.route.objectName : '';
  }

  handleNavClick(event: Event): void {
    event.preventDefault();
    const href = (event.currentTarget as HTMLElement).dataset.href;
    if (href) this.go(href);
  }

  handleLocalLink(event: CustomEvent<{ url: string }>): void {
    this.go(event.detail.url);
  }

  async handleUserChange(event: CustomEvent<{ value: string }>): Promise<void> {
    const response = await fetch('/app/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: event.detail.value }),
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
      this.showToast('Could not switch user', message, 'error');
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
      const body = (await response.json()) as
        | { read?: { targets: number }; written?: Record<string, number>; failedMetrics?: { name: string }[] }
        | { message?: string }[];
      // The server's reason when it says one ("A rollup is already running...").
      if (Array.isArray(body)) throw new Error(body[0]?.message ?? 'The rollup failed.');
      if (!response.ok || !body.read) throw new Error('The rollup failed.');
      const written = Object.values(body.written ?? {}).reduce((sum, n) => sum + n, 0);
      const failed = body.failedMetrics ?? [];
      this.showToast(
        'Rollup finished',
        `${body.read.targets} targets rolled up, ${written} values written` +
          (failed.length > 0 ? `; failed metrics: ${failed.map((m) => m.name).join(', ')}` : '.'),
        failed.length > 0 ? 'warning' : 'success',
      );
      this.remountPage();
    } catch (error) {
      this.showToast('Rollup failed', (error as Error).message, 'error');
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

  showToast(title: string, message: string, variant: string): void {
    const id = this.nextToast++;
    this.toasts = [...this.toasts, { id, title, message, variant }];
    window.setTimeout(() => this.dismiss(id), TOAST_MILLIS);
  }

  get toastViews(): (Toast & { className: string; icon: string })[] {
    return this.toasts.map((t) => ({
      ...t,
      className: `slds-notify slds-notify_toast slds-theme_${t.variant}`,
      icon: `utility:${t.variant === 'success' ? 'success' : t.variant === 'error' ? 'error' : t.variant === 'warning' ? 'warning' : 'info'}`,
    }));
  }

  handleDismissToast(event: Event): void {
    this.dismiss(Number((event.currentTarget as HTMLElement).dataset.id));
  }

  private dismiss(id: number): void {
    this.toasts = this.toasts.filter((t) => t.id !== id);
  }
}
