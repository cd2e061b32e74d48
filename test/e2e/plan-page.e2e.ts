/**
 * The plan record page at a glance, end to end: one page header (the record page's highlights panel, which
 * follows the editor's submit and accept without a reload: the editor calls notifyRecordUpdateAvailable),
 * targets grouped by period type with the closed periods folded (met and missed counted), locked targets as
 * formatted numbers, and at 768 px nothing overflowing sideways and no target value cut off. Screenshots:
 * test-results/e2e/plan-page-*.png.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { SCREENSHOTS, seededUsers, signedIn, startStack, type Stack } from './stack';

let stack: Stack;
let pmUsername: string;
let pmId: string;

/** Polls until a value satisfies a check (jest has no expect.poll). */
async function poll<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The plan's status as the page's one header, the record page's highlights panel, shows it. */
function headerStatus(page: Page): Locator {
  return page
    .locator('[data-id="highlight-fields"] li')
    .filter({ has: page.locator('.slds-text-title', { hasText: 'Status' }) })
    .locator('div')
    .nth(1);
}

const statusText = async (page: Page): Promise<string> =>
  (
    await headerStatus(page)
      .innerText()
      .catch(() => '')
  ).trim();

/** What the window scrolls sideways, in pixels (0 when the page fits its width). */
const sidewaysOverflow = (page: Page): Promise<number> =>
  page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth') as Promise<number>;

/** The data-id (or text) of the elements whose content is wider than their box: a value cut off. */
const cutOff = (locator: Locator): Promise<string[]> =>
  locator.evaluateAll((elements) =>
    elements
      .filter((e) => e.scrollWidth > e.clientWidth + 1)
      .map((e) => e.getAttribute('data-id') ?? e.textContent ?? ''),
  );

const shot = (page: Page, name: string): Promise<Buffer> =>
  page.screenshot({ path: join(SCREENSHOTS, `plan-page-${name}.png`) });

/**
 * A Draft plan of this calendar year (the org's fiscal year starts in January) for a seeded partner, owned by
 * the partner manager: one section with a revenue target per quarter and a count target per month, so that
 * some periods are closed (folded) and some open, whatever the day of the run (December: only its month and
 * the fourth quarter are open).
 */
async function draftPlan(): Promise<{ id: string; openTargetIds: string[] }> {
  const conn = stack.admin.conn;
  const year = new Date().getUTCFullYear();
  const [partner] = (
    await conn.query<{ Id: string; Name: string }>(
      'SELECT Id, Name FROM Account WHERE Partner_Type__c != null ORDER BY Name LIMIT 1',
    )
  ).records;
  const metrics = (
    await conn.query<{ DeveloperName: string; Unit__c: string | null }>(
      'SELECT DeveloperName, Unit__c FROM Plan_Metric__mdt WHERE Active__c = true ORDER BY Sort_Order__c',
    )
  ).records;
  const revenue = metrics.find((m) => m.Unit__c === 'Currency');
  const count = metrics.find((m) => m.Unit__c !== 'Currency' && m.Unit__c !== 'Percent');
  if (!partner || !revenue || !count) throw new Error('the seed has no partner account or metrics');
  const plan = await conn.sobject('Partner_Account_Plan__c').create({
    Name: `${partner.Name} ${year} at a glance`,
    OwnerId: pmId,
    Partner_Account__c: partner.Id,
    Period_Start__c: `${year}-01-01`,
    Period_End__c: `${year}-12-31`,
    Fiscal_Year__c: `FY${year}`,
    Status__c: 'Draft',
    Version__c: 1,
  });
  const section = await conn.sobject('Plan_Section__c').create({
    Name: 'Sales objectives',
    Partner_Account_Plan__c: plan.id,
    Section_Type__c: 'Sales Objectives',
    Sort_Order__c: 10,
  });
  const pad = (n: number): string => String(n).padStart(2, '0');
  const lastDay = (month: number): string => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  const target = (metric: string, type: string, first: number, months: number, value: number) => ({
    Plan_Section__c: section.id,
    Metric__c: metric,
    Period_Type__c: type,
    Period_Start__c: `${year}-${pad(first)}-01`,
    Period_End__c: lastDay(first + months - 1),
    Target_Value__c: value,
    Accountable_Partner_Manager__c: pmId,
  });
  const records = [
    ...[1, 4, 7, 10].map((m) => target(revenue.DeveloperName, 'Quarter', m, 3, 125000)),
    ...Array.from({ length: 12 }, (_, i) => target(count.DeveloperName, 'Month', i + 1, 1, 12)),
  ];
  const created = await conn.sobject('Plan_Target__c').create(records);
  const today = new Date().toISOString().slice(0, 10);
  const openTargetIds: string[] = [];
  created.forEach((result, i) => {
    if (!result.success) throw new Error(`target ${i + 1} not created: ${JSON.stringify(result)}`);
    if (records[i].Period_End__c >= today) openTargetIds.push(result.id);
  });
  return { id: plan.id as string, openTargetIds };
}

beforeAll(async () => {
  stack = await startStack();
  const pm = (await seededUsers(stack)).find((u) => u.role === 'Partner Manager');
  if (!pm) throw new Error('the seed has no partner manager');
  pmUsername = pm.username;
  pmId = pm.id;
});

afterAll(async () => {
  await stack?.close();
});

test('the plan page at 768 px: one header that follows submit and accept, folded closed periods, values not cut off', async () => {
  const plan = await draftPlan();
  const { context, page } = await signedIn(stack, pmUsername);
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.goto(`/plans/${plan.id}`);
  const editor = page.locator('c-partner-plan-editor');
  await editor.locator(`input.target-input[data-id="${plan.openTargetIds[0]}"]`).waitFor();
  await headerStatus(page).waitFor();

  // One page header: the highlights panel's h1; the editor shows the lifecycle path, no second header.
  expect(await page.locator('h1').count()).toBe(1);
  expect(await editor.locator('h1, .slds-page-header').count()).toBe(0);
  await editor.locator('lightning-progress-indicator').waitFor();
  expect(await statusText(page)).toBe('Draft');
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  expect(await cutOff(page.locator('[data-id="highlights"]'))).toEqual([]);
  expect(await cutOff(editor.locator('input.target-input'))).toEqual([]);
  await shot(page, '768-draft');

  // Open periods are rows with inputs; the closed ones are folded under a line counting met and missed.
  expect(await editor.locator('input.target-input').count()).toBe(plan.openTargetIds.length);
  expect(await editor.locator('tr[data-phase="closed"]').count()).toBe(0);
  const toggles = editor.locator('[data-id="closed-toggle"]');
  expect(await toggles.count()).toBeGreaterThan(0);
  const summary = (await toggles.first().innerText()).trim();
  expect(summary).toMatch(/^Closed periods \(\d+\): \d+ met, \d+ missed$/);
  expect(await toggles.first().getAttribute('aria-expanded')).toBe('false');
  await toggles.first().click();
  expect(await toggles.first().getAttribute('aria-expanded')).toBe('true');
  const unfolded = Number(/\((\d+)\)/.exec(summary)?.[1]);
  expect(await editor.locator('tr[data-phase="closed"]').count()).toBe(unfolded);
  await editor.locator('tr[data-phase="closed"]').first().scrollIntoViewIfNeeded();
  await shot(page, '768-closed-unfolded');
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

  // Submit and accept: the header agrees at once, without a reload.
  await page.mouse.wheel(0, -100000);
  await editor.locator('[data-id="submit"] button').click();
  expect(
    await poll(
      () => statusText(page),
      (v) => v === 'Partner Review',
    ),
  ).toBe('Partner Review');
  await editor.locator('[data-id="accept"] button').click();
  await page.locator('[data-id="confirm-ok"]').click();
  expect(
    await poll(
      () => statusText(page),
      (v) => v === 'Accepted',
    ),
  ).toBe('Accepted');

  // Accepted: targets are locked, shown as numbers in their unit rather than grey inputs.
  const values = editor.locator('[data-id="target-value"]');
  await values.first().waitFor();
  expect(await editor.locator('input.target-input').count()).toBe(0);
  const first = (await values.first().innerText()).trim();
  expect(first).toMatch(/^(\$[\d,]+|[\d,]+(\.\d+)?%?|—)$/);
  expect(await cutOff(values)).toEqual([]);
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  await shot(page, '768-accepted');

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.mouse.wheel(0, -100000);
  await shot(page, '1440-accepted');
  await context.close();
});
