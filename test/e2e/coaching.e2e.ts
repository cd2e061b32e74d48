/**
 * The Coaching page end to end: an admin (not in any pair) gets a picker of every pair the targets they can
 * read name, starts on the pair with the most targets, picks another, and the choice survives a reload (the
 * address keeps c__ae and c__pm); stale deals come largest first with amount, close date and days idle; a
 * partner manager starts on their own pair; at 768 px and at a phone's width nothing overflows sideways; an
 * axe scan of the page finds no violations. Screenshots: test-results/e2e/coaching-*.png.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { REPO_ROOT } from '../../packages/model';
import { axeViolations, screenshot, seededUsers, signedIn, startStack, type Stack, type SeededUser } from './stack';

type User = SeededUser;

let stack: Stack;
let admin: User;
let pm: User;

beforeAll(async () => {
  stack = await startStack();
  const users = await seededUsers(stack);
  const foundAdmin = users.find((u) => u.role === 'Admin');
  const foundPm = users.find((u) => u.role === 'Partner Manager');
  if (!foundAdmin || !foundPm) throw new Error('the seed has no Partner Planning admin or no partner manager');
  admin = foundAdmin;
  pm = foundPm;
  // Building the app on a busy machine can take minutes.
}, 600000);

afterAll(async () => {
  await stack?.close();
});

/** A page signed in as a user at a viewport width. */
async function openAs(user: User, width = 1400): Promise<{ page: Page; close: () => Promise<void> }> {
  const { context, page } = await signedIn(stack, user.username, width);
  return { page, close: () => context.close() };
}

const view = (page: Page): Locator => page.locator('c-coaching-view');

/** Opens a Coaching address and waits for the pair's stale deals (the last section to load its own data). */
async function openCoaching(page: Page, path = '/coaching'): Promise<void> {
  await page.goto(path);
  await view(page).locator('[data-id="stale-deals"], [data-id="no-stale-deals"]').first().waitFor({ timeout: 60000 });
}

const pairValue = (page: Page): Promise<string> =>
  view(page)
    .locator('[data-id="pair"]')
    .evaluate((element) => String((element as unknown as { value: string }).value));

async function pairLabels(page: Page): Promise<string[]> {
  const combobox = view(page).locator('[data-id="pair"]');
  await combobox.locator('[role="combobox"]').first().click();
  const labels = await combobox.locator('[role="option"]').allInnerTexts();
  await page.keyboard.press('Escape');
  return labels.map((label) => label.trim());
}

async function horizontalOverflow(page: Page): Promise<number> {
  // A string: the test's own compiler has no DOM types.
  return page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
}

test('an admin picks a pair, keeps it across a reload, and sees its stale deals largest first', async () => {
  const { page, close } = await openAs(admin);
  try {
    await openCoaching(page);
    expect((await page.locator('h1').allInnerTexts()).map((t) => t.trim())).toEqual([
      'AE and partner manager coaching',
    ]);
    // The admin is in no pair: every pair of the targets they can read, the one with the most targets first.
    const labels = await pairLabels(page);
    expect(labels.length).toBeGreaterThan(1);
    for (const label of labels) expect(label).toMatch(/^.+ \(AE\) with .+ \(partner manager\) · .+$/);
    expect(await page.locator('c-coaching-view [data-id="empty"]').count()).toBe(0);
    await screenshot(page, 'coaching-admin');

    // Pick the second pair: the address keeps it, and a reload shows it again.
    const combobox = view(page).locator('[data-id="pair"]');
    await combobox.locator('[role="combobox"]').first().click();
    await combobox.locator('[role="option"]').nth(1).click();
    await page.waitForURL(/c__ae=.+&c__pm=.+/);
    const chosen = await pairValue(page);
    const url = new URL(page.url());
    expect(`${url.searchParams.get('c__ae')}:${url.searchParams.get('c__pm')}`).toBe(chosen);
    await page.reload();
    await view(page).locator('[data-id="stale-deals"], [data-id="no-stale-deals"]').first().waitFor();
    expect(await pairValue(page)).toBe(chosen);

    // Stale deals: largest amount first, each with its close date and days without an action.
    const rows = view(page).locator('[data-id="stale-deals"] tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    const amounts = (await view(page).locator('[data-id="deal-amount"]').allInnerTexts()).map((text) =>
      Number(text.replace(/[^0-9.]/g, '')),
    );
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    for (const close of await view(page).locator('[data-id="deal-close"]').allInnerTexts())
      expect(close.trim()).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    for (const idle of await view(page).locator('[data-id="deal-idle"]').allInnerTexts())
      expect(idle.trim()).toMatch(/^(\d+ days?|No APR action yet)$/);
    await view(page).locator('[data-id="stale"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(REPO_ROOT, 'test-results', 'e2e', 'coaching-stale.png') });

    expect(await axeViolations(page)).toEqual([]);
  } finally {
    await close();
  }
});

test("a partner manager starts on their own pair, and the page fits 768 px and a phone's width", async () => {
  for (const width of [1400, 768, 390]) {
    const { page, close } = await openAs(pm, width);
    try {
      await openCoaching(page);
      const [ae, partnerManager] = (await pairValue(page)).split(':');
      expect([ae, partnerManager]).toContain(pm.id);
      const shown = await view(page).locator('[data-id="pair"] [role="combobox"]').first().innerText();
      expect(shown).toContain(`${pm.name} (partner manager)`);
      // Targets identify themselves: grouped under their plan, each row with its target account.
      expect(await view(page).locator('[data-id="plan-heading"]').count()).toBeGreaterThan(0);
      expect(await view(page).locator('[data-id="target-account"]').count()).toBeGreaterThan(0);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, width === 1400 ? 'coaching-pm' : `coaching-${width}`);
      if (width !== 1400) expect(await axeViolations(page)).toEqual([]);
    } finally {
      await close();
    }
  }
});
