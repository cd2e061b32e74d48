/**
 * The Program Overview end to end: an admin opens it from the navigation on a seeded, rolled-up org; the page
 * has its one h1, the summary and every card filled from the org's GraphQL aggregates; a partner manager's
 * targets behind pace open to their plans, and a plan link opens that plan's page; at 768 px the overview
 * stays inside the window (its tables scroll in their cards); an axe scan finds no violations.
 * Screenshots: test-results/e2e/program-overview*.png.
 */
import type { Locator, Page } from 'playwright-core';
import { axeViolations, screenshot, seededUsers, signedIn, startStack, type Stack } from './stack';

let stack: Stack;
let admin: { username: string };

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
  const { context, page } = await signedIn(stack, admin.username, width);
  return { page, close: () => context.close() };
}

const view = (page: Page): Locator => page.locator('c-program-overview');

/** Waits for the cards that load last: the partners table and the stale deals. */
async function loaded(page: Page): Promise<void> {
  await view(page).locator('[data-partner]').first().waitFor({ timeout: 60000 });
  await view(page).locator('[data-owner], [data-id="stale"] [data-id="empty"]').first().waitFor({ timeout: 60000 });
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
