/**
 * Every page of the local app, as each kind of user sees it: an admin, an AE and a partner manager on every
 * internal route (each object list, a plan, an opportunity and an account record, Coaching, Program Overview,
 * the reports list, a report and the dashboard) and a partner user on the portal's pages, at 1280 and 768 px.
 * On each, once it has loaded: axe finds no violations, there is exactly one h1, and the page does not
 * scroll sideways.
 */
import type { Page } from 'playwright-core';
import { PORTAL_HOME, PORTAL_PLAN_PATH } from '../../packages/app/platform/portal';
import { dataPath } from '../support/localorg';
import {
  axeViolations,
  seededUsers,
  signedIn,
  startStack,
  type AxeViolation,
  type Stack,
  type SeededUser,
} from './stack';

type User = SeededUser;

let stack: Stack;
let users: User[];

beforeAll(async () => {
  stack = await startStack();
  users = await seededUsers(stack);
  // Building the app on a busy machine can take minutes.
}, 600000);

afterAll(async () => {
  await stack?.close();
});

const WIDTHS = [1280, 768];

/** The first record id of a query, run as the signed-in user (their own sharing), or undefined. */
async function firstId(page: Page, soql: string): Promise<string | undefined> {
  const response = await page.request.get(dataPath(`/query?q=${encodeURIComponent(soql)}`));
  if (!response.ok()) return undefined;
  return ((await response.json()) as { records: { Id: string }[] }).records[0]?.Id;
}

/** The address a link on a page leads to (the first `data-id` link), once the page lists it. */
async function linkTarget(page: Page, from: string, dataId: string): Promise<string | undefined> {
  await page.goto(from);
  const link = page.locator(`[data-id="${dataId}"]`).first();
  await link.waitFor({ timeout: 60000 }).catch(() => undefined);
  if ((await link.count()) === 0) return undefined;
  const href = await link.getAttribute('href');
  return href ?? undefined;
}

/**
 * Waits until the page has an h1 and no spinner for two looks in a row: every page shows a spinner
 * (lightning-spinner or SLDS's) while it loads, and its heading once it knows what it shows.
 */
async function settle(page: Page): Promise<void> {
  const deadline = Date.now() + 60000;
  let quiet = 0;
  while (quiet < 2 && Date.now() < deadline) {
    const busy = await page
      .locator('lightning-spinner, .slds-spinner')
      .evaluateAll((els) => els.some((el) => (el as unknown as { offsetParent: unknown }).offsetParent !== null));
    const headed = (await page.locator('h1').count()) > 0;
    quiet = !busy && headed ? quiet + 1 : 0;
    await page.waitForTimeout(400);
  }
}

interface PageReport {
  path: string;
  width: number;
  h1: number;
  overflow: number;
  violations: AxeViolation[];
}

/** Visits a path and reports what the checks look at. */
async function check(page: Page, path: string, width: number): Promise<PageReport> {
  await page.setViewportSize({ width, height: 1000 });
  await page.goto(path);
  await settle(page);
  const h1 = await page.locator('h1').count();
  // The root tsconfig has no DOM types: read the widths through a loose shape.
  const overflow = await page.evaluate(() => {
    const root = (
      globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
    ).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
  const violations = await axeViolations(page);
  return { path, width, h1, overflow, violations };
}

/** The reports that fail a check (an empty list when every page passes), so a failure names its pages. */
async function scan(page: Page, paths: string[]): Promise<PageReport[]> {
  const failures: PageReport[] = [];
  for (const width of WIDTHS) {
    for (const path of paths) {
      const report = await check(page, path, width);
      if (report.h1 !== 1 || report.overflow > 0 || report.violations.length > 0) failures.push(report);
    }
  }
  return failures;
}

async function internalPaths(page: Page): Promise<string[]> {
  const plan = await firstId(page, 'SELECT Id FROM Partner_Account_Plan__c ORDER BY Name LIMIT 1');
  const opportunity = await firstId(
    page,
    'SELECT Id FROM Opportunity WHERE Partner_Account__c != null ORDER BY CloseDate DESC LIMIT 1',
  );
  const account = await firstId(page, "SELECT Id FROM Account WHERE Type = 'Partner' ORDER BY Name LIMIT 1");
  const report = await linkTarget(page, '/reports', 'report-link');
  const dashboard = await linkTarget(page, '/reports', 'dashboard-link');
  const paths = [
    '/plans',
    '/sections',
    '/targets',
    '/actions',
    '/opportunities',
    '/accounts',
    '/coaching',
    '/program-overview',
    '/reports',
  ];
  if (plan) paths.push(`/plans/${plan}`);
  if (opportunity) paths.push(`/opportunities/${opportunity}`);
  if (account) paths.push(`/accounts/${account}`);
  if (report) paths.push(report);
  if (dashboard) paths.push(dashboard);
  return paths;
}

it.each(['Admin', 'Account Executive', 'Partner Manager'])(
  'every internal page passes axe with one h1 and no sideways scroll, for a %s',
  async (role) => {
    const user = users.find((u) => u.role === role);
    if (!user) throw new Error(`the seed has no ${role}`);
    const { context, page } = await signedIn(stack, user.username);
    const paths = await internalPaths(page);
    // A record of each kind the role can read: every role here reads plans and opportunities.
    expect(paths.some((p) => p.startsWith('/plans/'))).toBe(true);
    expect(paths.some((p) => p.startsWith('/opportunities/'))).toBe(true);
    expect(await scan(page, paths)).toEqual([]);
    await context.close();
  },
  900000,
);

it('every partner portal page passes axe with one h1 and no sideways scroll, for a partner user', async () => {
  const partner = users.find((u) => u.role === 'Partner User');
  if (!partner) throw new Error('the seed has no partner user');
  const { context, page } = await signedIn(stack, partner.username);
  const plan = await firstId(page, 'SELECT Id FROM Partner_Account_Plan__c ORDER BY Name LIMIT 1');
  // A partner user's internal address shows the portal's "not available" page.
  const paths = [PORTAL_HOME, '/coaching'];
  if (plan) paths.push(`${PORTAL_PLAN_PATH}/${plan}`);
  expect(await scan(page, paths)).toEqual([]);
  await context.close();
}, 600000);

it('stacks toasts newest first, three at a time, each closable and in its live region; success goes, sticky stays', async () => {
  const ae = users.find((u) => u.role === 'Account Executive');
  if (!ae) throw new Error('the seed has no account executive');
  const { context, page } = await signedIn(stack, ae.username, 768);
  await page.goto('/coaching');
  await settle(page);
  const show = (detail: Record<string, string>): Promise<void> =>
    page.evaluate((d) => {
      const win = globalThis as unknown as {
        dispatchEvent(event: unknown): void;
        CustomEvent: new (...a: unknown[]) => unknown;
      };
      win.dispatchEvent(new win.CustomEvent('lightning__showtoast', { detail: d }));
    }, detail);
  await show({ title: 'Failed', message: 'The rollup failed.', variant: 'error', mode: 'sticky' });
  await show({ title: 'Saved', message: 'First saved.', variant: 'success' });
  await show({ title: 'Saved', message: 'Second saved.', variant: 'success' });
  await show({ title: 'Note', message: 'Third, an info.', variant: 'info' });
  const toasts = page.locator('[data-id="toast"]');
  await expect(toasts.count()).resolves.toBe(3);
  // Newest on top, one under another: none overlaps the next, and each fits the window.
  const boxes = await toasts.evaluateAll((els) =>
    els.map((el) => {
      const r = (
        el as unknown as { getBoundingClientRect(): { top: number; bottom: number; left: number; right: number } }
      ).getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    }),
  );
  expect((await toasts.locator('.slds-notify__content p').allInnerTexts()).map((t) => t.trim())).toEqual([
    'Third, an info.',
    'Second saved.',
    'First saved.',
  ]);
  for (let i = 1; i < boxes.length; i++) expect(boxes[i].top).toBeGreaterThanOrEqual(boxes[i - 1].bottom);
  for (const box of boxes) expect([box.left >= 0, box.right <= 768]).toEqual([true, true]);
  await expect(toasts.evaluateAll((els) => els.map((el) => el.getAttribute('role')))).resolves.toEqual([
    'status',
    'status',
    'status',
  ]);
  // Closing the newest brings the waiting error into view: an alert, which stays after the others go.
  await toasts.first().locator('lightning-button-icon button').click();
  await expect(toasts.count()).resolves.toBe(3);
  const error = page.locator('[data-id="toast"][data-variant="error"]');
  await expect(error.getAttribute('role')).resolves.toBe('alert');
  await page.waitForTimeout(5500);
  await expect(toasts.count()).resolves.toBe(1);
  await expect(error.count()).resolves.toBe(1);
  expect(await axeViolations(page, '[data-id="toasts"]')).toEqual([]);
  await context.close();
}, 300000);

it("tells an AE on an accepted plan who can revise it, by the owner's name", async () => {
  const ae = users.find((u) => u.role === 'Account Executive');
  if (!ae) throw new Error('the seed has no account executive');
  const { context, page } = await signedIn(stack, ae.username);
  const response = await page.request.get(
    dataPath(
      `/query?q=${encodeURIComponent("SELECT Id, Owner.Name FROM Partner_Account_Plan__c WHERE Status__c IN ('Accepted', 'Active') ORDER BY Name LIMIT 1")}`,
    ),
  );
  const [plan] = ((await response.json()) as { records: { Id: string; Owner: { Name: string } }[] }).records;
  if (!plan) throw new Error('the AE reads no accepted or active plan');
  await page.goto(`/plans/${plan.Id}`);
  const hint = page.locator('c-partner-plan-editor [data-id="lifecycle-hint"]');
  await hint.waitFor({ timeout: 60000 });
  expect((await hint.innerText()).trim()).toBe(
    `You can view this plan. Ask ${plan.Owner.Name} (plan owner) to revise it.`,
  );
  await expect(page.locator('c-partner-plan-editor [data-id="revise"] button').isDisabled()).resolves.toBe(true);
  await context.close();
}, 300000);

it('asks before accepting a plan in a dialog whose header is the question and whose button is the step', async () => {
  const admin = users.find((u) => u.role === 'Admin');
  if (!admin) throw new Error('the seed has no Partner Planning admin');
  const { context, page } = await signedIn(stack, admin.username, 768);
  const plan = await firstId(page, "SELECT Id FROM Partner_Account_Plan__c WHERE Status__c = 'Partner Review' LIMIT 1");
  if (!plan) throw new Error('the seed has no plan in partner review');
  await page.goto(`/plans/${plan}`);
  const accept = page.locator('c-partner-plan-editor [data-id="accept"] button');
  await accept.waitFor({ timeout: 60000 });
  await accept.click();
  const dialog = page.getByRole('dialog', { name: 'Accept this plan?' });
  await dialog.waitFor();
  await expect(dialog.locator('[data-id="confirm-ok"] button').innerText()).resolves.toBe('Accept Plan');
  await expect(dialog.locator('.slds-theme_warning').count()).resolves.toBe(0);
  expect(await axeViolations(page, '[role="dialog"]')).toEqual([]);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  // Nothing was accepted: the button is back, the plan still in review.
  await expect(accept.isVisible()).resolves.toBe(true);
  await context.close();
}, 300000);
