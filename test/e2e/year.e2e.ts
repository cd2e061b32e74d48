/**
 * A plan's year end to end in Chromium, as a partner manager: a new plan for next year from the partner tier's
 * template (on the partner account page), a yearly target of it split into quarters, a QBR prepared on the
 * current year's active plan (its printable pack, which the print media shows alone, and which a later rollup
 * leaves as it was), and that plan rolled over into the next fiscal year with its shortfalls carried.
 * Screenshots of each step go to test-results/e2e/year-*.png.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { SCREENSHOTS, seededUsers, signedIn, startStack, todayOf, type Stack } from './stack';

interface User {
  id: string;
  username: string;
  role: string;
}

interface PlanRow {
  Id: string;
  Name: string;
  Partner_Account__c: string;
  Fiscal_Year__c: string;
  Status__c: string;
  Period_Start__c: string;
  Period_End__c: string;
}

interface TargetRow {
  Id: string;
  Metric__c: string;
  Period_Type__c: string;
  Target_Value__c: number;
  Actual_Value__c: number | null;
  Parent_Target__c: string | null;
  Previous_Target__c: string | null;
  Carried_Shortfall__c: number | null;
}

let stack: Stack;
let pm: User;
let page: Page;
/** The partner manager's active plan of this fiscal year, and a partner of theirs for the template. */
let active: PlanRow;
let templatePartner: string;

const today = (): string => new Date().toISOString().slice(0, 10);

async function adminQuery<T extends Record<string, unknown>>(soql: string): Promise<T[]> {
  return (await stack.admin.conn.query<T>(soql)).records;
}

/** Polls until a value satisfies a check (jest has no expect.poll). */
async function poll<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 30000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The record Id the app's address names once it shows a record page under `prefix` other than `except`. */
async function recordIdAfterNavigation(prefix: string, except?: string): Promise<string> {
  const pattern = new RegExp(`^/${prefix}/([a-zA-Z0-9]{18})$`);
  const path = await poll(
    async () => new URL(page.url()).pathname,
    (p) => pattern.test(p) && !p.endsWith(`/${except}`),
    60000,
  );
  const match = pattern.exec(path);
  if (!match) await page.screenshot({ path: join(SCREENSHOTS, `year-failed-${prefix}.png`) });
  if (!match) throw new Error(`the app did not open a record under /${prefix}/ (it shows ${path})`);
  return match[1];
}

const targetsOf = (planId: string): Promise<TargetRow[]> =>
  adminQuery<TargetRow & Record<string, unknown>>(
    'SELECT Id, Metric__c, Period_Type__c, Target_Value__c, Actual_Value__c, Parent_Target__c, Previous_Target__c, ' +
      `Carried_Shortfall__c FROM Plan_Target__c WHERE Plan_Section__r.Partner_Account_Plan__c = '${planId}' ORDER BY Name`,
  );

const cents = (value: number | null): number => Math.round((value ?? 0) * 100);

/** A screenshot of what the user looks at: the window scrolled to `at`. */
async function shot(name: string, at?: Locator): Promise<void> {
  if (at) await at.first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

beforeAll(async () => {
  stack = await startStack();
  const users = (await seededUsers(stack)) as User[];
  const found = users.find((u) => u.role === 'Partner Manager');
  if (!found) throw new Error('the seed has no partner manager');
  pm = found;
  const plans = await adminQuery<PlanRow & Record<string, unknown>>(
    'SELECT Id, Name, Partner_Account__c, Fiscal_Year__c, Status__c, Period_Start__c, Period_End__c ' +
      `FROM Partner_Account_Plan__c WHERE OwnerId = '${pm.id}' ORDER BY Name`,
  );
  const current = plans.find(
    (p) => p.Status__c === 'Active' && p.Period_Start__c <= today() && today() <= p.Period_End__c,
  );
  if (!current) throw new Error('the seed gave the partner manager no Active plan of this year');
  active = current;
  const other = plans.find((p) => p.Partner_Account__c !== active.Partner_Account__c);
  if (!other) throw new Error('the partner manager plans for one partner only');
  templatePartner = other.Partner_Account__c;
  // The seed drafts next year's plans already: take this partner's away, so the rollover makes it.
  const nextYear = plans.filter(
    (p) => p.Partner_Account__c === active.Partner_Account__c && p.Period_Start__c > active.Period_End__c,
  );
  for (const plan of nextYear) await stack.admin.conn.sobject('Partner_Account_Plan__c').destroy(plan.Id);
  page = (await signedIn(stack, pm.username)).page;
});

afterAll(async () => {
  await stack?.close();
});

test('a partner manager plans a year: from the template, a split target, a QBR and the rollover', async () => {
  // 1. New plan from template, on the partner account page: the tier's template for the next free fiscal year.
  await page.goto(`/accounts/${templatePartner}`);
  await page.locator('c-plan-from-template [data-id="new-plan"] button').click();
  // The dialog is a LightningModal: the platform mounts it outside the card, over the page.
  const dialog = page.locator('body');
  await dialog.locator('[data-id="preview"] [data-id="section-name"]').first().waitFor();
  const fiscalYear = await dialog.locator('[data-id="fiscal-year"] input').inputValue();
  await shot('year-1-template');
  await dialog.locator('[data-id="confirm"] button').click();
  const newPlanId = await recordIdAfterNavigation('plans');
  const [newPlan] = await adminQuery<{ Name: string; Status__c: string; Template__c: string; Fiscal_Year__c: string }>(
    `SELECT Name, Status__c, Template__c, Fiscal_Year__c FROM Partner_Account_Plan__c WHERE Id = '${newPlanId}'`,
  );
  expect(newPlan).toMatchObject({ Status__c: 'Draft', Fiscal_Year__c: fiscalYear });
  expect(newPlan.Template__c).toBeTruthy();
  expect(newPlan.Name).toContain(fiscalYear);
  const editor = page.locator('c-partner-plan-editor');
  await editor.locator('[data-id="section-title"]').first().waitFor();
  expect(await editor.locator('[data-id="section-title"]').count()).toBeGreaterThan(2);
  // Every split year of the template is the sum of its parts.
  const created = await targetsOf(newPlanId);
  const years = created.filter((t) => t.Period_Type__c === 'Year');
  for (const year of years) {
    const parts = created.filter((t) => t.Parent_Target__c === year.Id);
    if (parts.length > 0)
      expect(parts.reduce((s, p) => s + cents(p.Target_Value__c), 0)).toBe(cents(year.Target_Value__c));
  }
  await shot('year-2-new-plan');

  // 2. Split a year target that has no parts yet into quarters (a cumulative metric: a count or an amount).
  const cumulative = new Set(
    (
      await adminQuery<{ DeveloperName: string }>(
        "SELECT DeveloperName FROM Plan_Metric__mdt WHERE Shape__c = 'Cumulative'",
      )
    ).map((m) => m.DeveloperName),
  );
  const whole = years.find((y) => cumulative.has(y.Metric__c) && !created.some((t) => t.Parent_Target__c === y.Id));
  if (!whole) throw new Error('the template made no whole year target of a cumulative metric');
  await editor.locator(`button[data-action="split"][data-id="${whole.Id}"]`).click();
  const split = page.locator('body');
  await split.locator('[data-id="split-part"]').first().waitFor();
  expect(await split.locator('[data-id="split-part"]').count()).toBe(4);
  await shot('year-3-split');
  await split.locator('[data-id="split-save"] button').click();
  const parts = await poll(
    async () => (await targetsOf(newPlanId)).filter((t) => t.Parent_Target__c === whole.Id),
    (rows) => rows.length === 4,
  );
  expect(parts.map((p) => p.Period_Type__c)).toEqual(['Quarter', 'Quarter', 'Quarter', 'Quarter']);
  expect(parts.reduce((s, p) => s + cents(p.Target_Value__c), 0)).toBe(cents(whole.Target_Value__c));

  // 3. Prepare the QBR of the current year's active plan: the review opens as a printable pack.
  await page.goto(`/plans/${active.Id}`);
  const reviews = page.locator('c-plan-reviews');
  await reviews.locator('[data-id="prepare"] button').click();
  await reviews.locator('[data-id="prepare-panel"]').waitFor();
  await shot('year-4-prepare-qbr', reviews);
  await reviews.locator('[data-id="prepare-confirm"] button').click();
  const reviewId = await recordIdAfterNavigation('plan-reviews');
  const pack = page.locator('c-plan-review-pack');
  await pack.locator('[data-id="pack-title"]').waitFor();
  expect(await pack.locator('[data-id="pack-title"]').innerText()).toMatch(/Q[1-4] review/);
  expect(await pack.locator('[data-id="pack-section"]').count()).toBeGreaterThan(0);
  await shot('year-5-review-pack');
  const [plan] = await adminQuery<{ Last_Review_Date__c: string; Next_Review_Date__c: string | null }>(
    `SELECT Last_Review_Date__c, Next_Review_Date__c FROM Partner_Account_Plan__c WHERE Id = '${active.Id}'`,
  );
  // The review is dated today in the partner manager's time zone, which may be another day than UTC's.
  expect(plan.Last_Review_Date__c).toBe(await todayOf(stack, pm.id));
  if (plan.Next_Review_Date__c) {
    const reminders = await adminQuery<{ Id: string }>(
      `SELECT Id FROM Task WHERE WhatId = '${active.Id}' AND Subject = 'QBR reminder: review on ${plan.Next_Review_Date__c}'`,
    );
    expect(reminders).toHaveLength(1);
  }
  // Printing shows the pack alone: no header, navigation or other components.
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('.slds-global-header_container').isVisible()).toBe(false);
  expect(await pack.isVisible()).toBe(true);
  await page.screenshot({ path: join(SCREENSHOTS, 'year-6-review-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // A later rollup (the header's, which syncs access and advances plans first) leaves the review as it was.
  const frozen = `SELECT Snapshot__c, Overall_Attainment__c, Actions_Logged__c, Targets_Behind__c FROM Plan_Review__c WHERE Id = '${reviewId}'`;
  const before = await adminQuery(frozen);
  expect(JSON.parse(String(before[0].Snapshot__c))).toMatchObject({ version: 1 });
  await page.locator('[data-id="run-rollup"] button').click();
  await page.locator('[data-id="toast"]', { hasText: 'Rollup finished' }).waitFor({ timeout: 90000 });
  expect(await adminQuery(frozen)).toEqual(before);

  // 4. Roll the plan over into the next fiscal year, carrying its shortfalls.
  await page.goto(`/plans/${active.Id}`);
  const rollover = page.locator('c-plan-rollover');
  await rollover.locator('[data-id="rollover"] button').click();
  await rollover.locator('[data-id="carry"] label').click();
  await rollover.locator('[data-id="preview"]').waitFor();
  await shot('year-7-rollover', rollover);
  await rollover.locator('[data-id="confirm"] button').click();
  const nextId = await recordIdAfterNavigation('plans', active.Id);
  const [next] = await adminQuery<{ Status__c: string; Previous_Plan__c: string; Period_Start__c: string }>(
    `SELECT Status__c, Previous_Plan__c, Period_Start__c FROM Partner_Account_Plan__c WHERE Id = '${nextId}'`,
  );
  expect(next).toMatchObject({ Status__c: 'Draft', Previous_Plan__c: active.Id });
  expect(next.Period_Start__c > active.Period_End__c).toBe(true);
  const source = new Map((await targetsOf(active.Id)).map((t) => [t.Id, t]));
  const rolled = await targetsOf(nextId);
  expect(rolled).toHaveLength(source.size);
  // Each whole target (not a part) is last year's value plus the shortfall it carried, which is never negative.
  const carried = rolled.filter((t) => !t.Parent_Target__c && (t.Carried_Shortfall__c ?? 0) > 0);
  expect(carried.length).toBeGreaterThan(0);
  for (const t of rolled.filter((r) => !r.Parent_Target__c)) {
    const previous = source.get(t.Previous_Target__c ?? '');
    expect(previous).toBeDefined();
    expect(cents(t.Target_Value__c)).toBe(cents(previous?.Target_Value__c ?? 0) + cents(t.Carried_Shortfall__c));
  }
  await editor.locator('[data-id="section-title"]').first().waitFor();
  await shot('year-8-next-plan');
}, 300_000);
