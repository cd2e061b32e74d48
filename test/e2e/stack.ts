/**
 * What every end-to-end test runs against: a fresh in-memory local org seeded with the small demo scale
 * and rolled up, the local app server in front of it (the app is built first when app/dist is stale), and
 * Debian's Chromium driven by playwright-core (never a downloaded browser).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ensureAppBuilt, launchChromium } from '../../packages/app/chromium';
import { startAppServer, type AppServer } from '../../packages/app/server';
import { startLocalOrg, type LocalOrg } from '../../packages/localorg/server';
import { grantAuditFields } from '../support/localorg';
import { API_VERSION, REPO_ROOT } from '../../packages/model';
import { Progress } from '../../packages/jobs/cli';
import { connect, type OrgSession } from '../../packages/jobs/connection';
import { runRollup } from '../../packages/jobs/rollup/engine';
import { runSeed } from '../../packages/jobs/seed';
import { parseScale } from '../../packages/jobs/seed/scales';

export const SCREENSHOTS = join(REPO_ROOT, 'test-results', 'e2e');
export { API_VERSION };

export interface Stack {
  org: LocalOrg;
  app: AppServer;
  admin: OrgSession;
  browser: Browser;
  close(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
  ensureAppBuilt();
  const org = await startLocalOrg({ port: 0, data: ':memory:' });
  const admin = await connect(
    { apiVersion: API_VERSION },
    { SF_INSTANCE_URL: org.instanceUrl, SF_ACCESS_TOKEN: org.accessToken },
  );
  // As npm start does: the seed then dates its records and writes comments as their authors.
  await grantAuditFields({ org, conn: admin.conn, close: () => org.close() });
  const asOf = new Date().toISOString().slice(0, 10);
  const seed = await runSeed(admin, {
    scale: parseScale('small'),
    seed: 42,
    asOf,
    partnersPerChunk: 50,
    progress: new Progress(false),
  });
  if (seed.failures.length > 0) throw new Error(`seed failed: ${seed.failures[0].message}`);
  await runRollup(admin, { asOf, dryRun: false, now: new Date().toISOString() });
  const app = await startAppServer({
    port: 0,
    orgUrl: org.instanceUrl,
    adminUsername: org.adminUsername,
    adminToken: org.accessToken,
    adminPassword: org.adminPassword,
    // No background schedule: a test syncs plan access when it means to (the header's rollup), never by waiting.
    accessSyncSeconds: 0,
  });
  const browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    org,
    app,
    admin,
    browser,
    async close() {
      await browser.close();
      await app.close();
      await admin.close();
      await org.close();
    },
  };
}

/**
 * A browser context signed in as a user (by username), on the app's start page, `width` × `height` pixels. bypassCSP:
 * the app's policy allows its own scripts only, and the tests inject axe-core (axeViolations).
 */
export async function signedIn(
  stack: Stack,
  username: string,
  width = 1400,
  height = 1000,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await stack.browser.newContext({
    baseURL: stack.app.url,
    viewport: { width, height },
    bypassCSP: true,
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
  // Not from a page of the app: say its origin, as the browser does for the app's own requests.
  const response = await page.request.post('/app/session', { data: { username }, headers: { Origin: stack.app.url } });
  if (!response.ok()) throw new Error(`could not sign in as ${username}: ${await response.text()}`);
  return { context, page };
}

/** A seeded user as the app's user switcher lists them. */
export interface SeededUser {
  id: string;
  name: string;
  username: string;
  role: string;
}

/** The seeded users by role, as the app's user switcher lists them. */
export async function seededUsers(stack: Stack): Promise<SeededUser[]> {
  const { context, page } = await signedIn(stack, stack.org.adminUsername);
  const users = (await (await page.request.get('/app/users')).json()) as SeededUser[];
  await context.close();
  return users;
}

/** Today's date (YYYY-MM-DD) in a user's time zone, which the app dates their actions and reviews in. */
export async function todayOf(stack: Stack, userId: string): Promise<string> {
  const users = await stack.admin.conn.query<{ TimeZoneSidKey: string }>(
    `SELECT TimeZoneSidKey FROM User WHERE Id = '${userId}'`,
  );
  return new Intl.DateTimeFormat('en-CA', { timeZone: users.records[0].TimeZoneSidKey }).format(new Date());
}

export const screenshot = (page: Page, name: string): Promise<Buffer> =>
  page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

const AXE = join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null;
  targets: string[];
}

/**
 * axe-core's violations on the page, or on one element of it (a dialog). axe-core comes with @sa11y/jest; the
 * page must come from signedIn (bypassCSP) for the script to load.
 */
export async function axeViolations(page: Page, selector?: string): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
  const context = selector ? await page.locator(selector).first().elementHandle() : null;
  // The root tsconfig has no DOM types: the page function hands the element or the document to axe as it is.
  return page.evaluate(async (element) => {
    const win = globalThis as unknown as {
      document: unknown;
      axe: {
        run(
          context: unknown,
        ): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }>;
      };
    };
    const result = await win.axe.run(element ?? win.document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  }, context);
}
