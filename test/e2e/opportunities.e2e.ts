/**
 * The Opportunities tab end to end, as an AE: it opens on My Open Partner Deals (their open deals with a
 * partner, the soonest to close first, with days since the last APR action and a Stale badge), searches the
 * list, sorts by amount both ways (mouse and keyboard), opens a deal by its link, fits 768 px and a phone's
 * width without the page scrolling sideways, and passes an axe scan. Screenshot:
 * test-results/e2e/opportunities-list.png. A partner manager and an admin, who own no deals, open on All Open
 * Partner Deals; the list a user picks is where the tab opens after a reload, for that user only.
 */
import type { Locator, Page } from 'playwright-core';
import { axeViolations, screenshot, seededUsers, signedIn, startStack, type Stack } from './stack';

interface User {
  id: string;
  username: string;
  role: string;
}

let stack: Stack;
let ae: User;
let pm: User;
let admin: User;

beforeAll(async () => {
  stack = await startStack();
  const users = await seededUsers(stack);
  const found = users.find((u) => u.role === 'Account Executive');
  if (!found) throw new Error('the seed has no AE');
  ae = found;
  const manager = users.find((u) => u.role === 'Partner Manager');
  const planningAdmin = users.find((u) => u.role === 'Admin') ?? users.find((u) => u.role === 'System Administrator');
  if (!manager || !planningAdmin) throw new Error('the seed has no partner manager or admin');
  pm = manager;
  admin = planningAdmin;
  // Building the app on a busy machine can take minutes.
}, 600000);

afterAll(async () => {
  await stack?.close();
});

const list = (page: Page): Locator => page.locator('shell-list-page');
const nameCells = (page: Page): Locator => list(page).locator('[data-id="record-list"] td[data-field="Name"]');
const cellTexts = async (page: Page, field: string): Promise<string[]> =>
  (await list(page).locator(`[data-id="record-list"] td[data-field="${field}"]`).allInnerTexts()).map((t) => t.trim());
const money = (text: string): number => Number(text.replace(/[^0-9.]/g, ''));

/** Waits until `check` holds (the list reloads after a search or a sort). */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 30000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function openList(page: Page): Promise<void> {
  await page.goto('/opportunities');
  await list(page).locator('[data-id="record-list"], [data-id="list-empty"]').first().waitFor({ timeout: 60000 });
}

async function horizontalOverflow(page: Page): Promise<number> {
  // A string: the test's own compiler has no DOM types.
  return page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
}

/** The AE's open deals with a partner, as the list orders them (close date, then Id). */
async function expectedDeals(where = ''): Promise<{ Name: string; CloseDate: string }[]> {
  const soql =
    `SELECT Name, CloseDate FROM Opportunity WHERE OwnerId = '${ae.id}' AND IsClosed = false ` +
    `AND Partner_Account__c != null${where} ORDER BY CloseDate ASC NULLS FIRST, Id ASC LIMIT 50`;
  return (await stack.admin.conn.query<{ Name: string; CloseDate: string }>(soql)).records;
}

test('an AE sees their open partner deals by close date, searches, sorts by amount and opens a deal', async () => {
  const { context, page } = await signedIn(stack, ae.username);
  try {
    await openList(page);
    expect(await list(page).locator('[data-id="list-view-picker"]').inputValue()).toBe('My_Open_Partner_Deals');
    const expected = await expectedDeals();
    expect(expected.length).toBeGreaterThan(1);
    expect(await cellTexts(page, 'Name')).toEqual(expected.map((d) => d.Name));
    expect(await list(page).locator('th[aria-sort="ascending"]').innerText()).toContain('Close Date');
    expect(await list(page).locator('[data-id="list-filter"]').innerText()).toBe(
      'Filtered by Closed is false; Partner Account is not blank',
    );
    // Days since the last action are figures (right-aligned); a stale deal carries a badge.
    for (const text of await cellTexts(page, 'Days_Since_Last_APR_Action__c'))
      expect(text).toMatch(/^(\d+|No action yet)$/);
    expect(await cellTexts(page, 'APR_Stale__c')).toContain('Stale');
    const align = await list(page)
      .locator('td[data-field="Amount"]')
      .first()
      .evaluate(
        (cell) =>
          (globalThis as unknown as { getComputedStyle(e: unknown): { textAlign: string } }).getComputedStyle(cell)
            .textAlign,
      );
    expect(align).toBe('right');
    await screenshot(page, 'opportunities-list');

    // Search for the first deal's customer: only its deals are left.
    const customer = (await cellTexts(page, 'Account.Name'))[0];
    await list(page).locator('[data-id="list-search"]').fill(customer.toLowerCase());
    const matching = await expectedDeals(` AND Account.Name LIKE '%${customer.replace(/'/g, "\\'")}%'`);
    await until(async () => (await nameCells(page).count()) === matching.length, 'the search');
    expect(await cellTexts(page, 'Name')).toEqual(matching.map((d) => d.Name));
    await list(page).locator('[data-id="clear-search"]').click();
    await until(async () => (await nameCells(page).count()) === expected.length, 'the cleared search');

    // Sort by amount: a click sorts ascending, Enter on the focused header reverses it.
    const amountHeader = list(page).locator('th button[data-field="Amount"]');
    await amountHeader.click();
    await until(
      async () => (await list(page).locator('th[aria-sort="ascending"]').innerText()).includes('Amount'),
      'the ascending sort',
    );
    const ascending = (await cellTexts(page, 'Amount')).map(money);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await amountHeader.focus();
    await page.keyboard.press('Enter');
    await until(async () => (await list(page).locator('th[aria-sort="descending"]').count()) === 1, 'the reverse');
    const descending = (await cellTexts(page, 'Amount')).map(money);
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    expect(await list(page).locator('[data-id="list-count"]').innerText()).toContain('Sorted by Amount (descending)');

    expect(await axeViolations(page)).toEqual([]);

    // Open a deal by its link.
    const link = nameCells(page).first().locator('a');
    const name = (await link.innerText()).trim();
    await link.click();
    await page.waitForURL(/\/opportunities\/006[A-Za-z0-9]{12,15}$/);
    await page.locator('[data-id="record-title"]').waitFor({ timeout: 60000 });
    expect((await page.locator('[data-id="record-title"]').innerText()).trim()).toBe(name);
  } finally {
    await context.close();
  }
});

test("the list fits 768 px and a phone's width: only the table scrolls sideways", async () => {
  for (const width of [768, 390]) {
    const { context, page } = await signedIn(stack, ae.username, width);
    try {
      await openList(page);
      expect([width, await horizontalOverflow(page)]).toEqual([width, 0]);
      await list(page).locator('[data-id="list-search"]').waitFor();
      if (width === 768) expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  }
});

const picker = (page: Page): Locator => list(page).locator('[data-id="list-view-picker"]');

/** Waits until the list shows the list view `apiName` (its records or its empty state). */
async function showing(page: Page, apiName: string): Promise<void> {
  await until(
    async () =>
      (await picker(page)
        .inputValue()
        .catch(() => '')) === apiName,
    `the list ${apiName}`,
  );
  await list(page).locator('[data-id="record-list"], [data-id="list-empty"]').first().waitFor({ timeout: 60000 });
}

test('a partner manager and an admin, who own no deals, open on All Open Partner Deals', async () => {
  for (const user of [pm, admin]) {
    const { context, page } = await signedIn(stack, user.username);
    try {
      await openList(page);
      await showing(page, 'All_Open_Partner_Deals');
      // Deals they may see: none of them their own.
      expect([user.role, (await nameCells(page).count()) > 0]).toEqual([user.role, true]);
      // The picker still offers every list, their own deals' lists included.
      const options = await picker(page).locator('option').allInnerTexts();
      expect(options.map((o) => o.trim())).toEqual(
        expect.arrayContaining(['All Open Partner Deals', 'My Open Partner Deals', 'My Stale Partner Deals']),
      );
    } finally {
      await context.close();
    }
  }
});

test('the list a user picks is where the tab opens after a reload, for that user only', async () => {
  const { context, page } = await signedIn(stack, pm.username);
  try {
    await openList(page);
    await showing(page, 'All_Open_Partner_Deals');
    await picker(page).selectOption('My_Stale_Partner_Deals');
    await showing(page, 'My_Stale_Partner_Deals');
    await page.reload();
    await showing(page, 'My_Stale_Partner_Deals');
    expect(await list(page).locator('[data-id="list-filter"]').innerText()).toContain('APR Stale is true');

    // Another user in the same browser opens on their own default, not the partner manager's choice.
    const switched = await page.request.post('/app/session', {
      data: { username: ae.username },
      headers: { Origin: stack.app.url },
    });
    expect(switched.ok()).toBe(true);
    await openList(page);
    await showing(page, 'My_Open_Partner_Deals');
    await picker(page).selectOption('All_Open_Partner_Deals');
    await showing(page, 'All_Open_Partner_Deals');

    // Back as the partner manager: their choice is still theirs.
    await page.request.post('/app/session', { data: { username: pm.username }, headers: { Origin: stack.app.url } });
    await openList(page);
    await showing(page, 'My_Stale_Partner_Deals');
  } finally {
    await context.close();
  }
});
