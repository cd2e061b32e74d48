/**
 * The local app end to end: real components in Chromium, through the local platform modules and the app
 * server, against a fresh local org seeded with the small demo scale. Screenshots of each main screen go
 * to test-results/e2e/.
 */
import type { Page } from 'playwright-core';
import { dataPath } from '../support/localorg';
import { screenshot, seededUsers, signedIn, startStack, todayOf, type Stack, type SeededUser } from './stack';

type User = SeededUser;

let stack: Stack;
let pm: User;
let ae: User;

/** A plan of the partner manager's in Draft with targets: the admin hands it over, as a plan owner would. */
async function draftPlanOwnedBy(owner: User, index: number): Promise<{ id: string; targetIds: string[] }> {
  const conn = stack.admin.conn;
  const plans = await conn.query<{ Id: string }>(
    "SELECT Id FROM Partner_Account_Plan__c WHERE Status__c IN ('Partner Review', 'Draft') ORDER BY Name",
  );
  const plan = plans.records[index];
  if (!plan) throw new Error('the seed has too few plans in Draft or Partner Review');
  await conn.sobject('Partner_Account_Plan__c').update({ Id: plan.Id, OwnerId: owner.id, Status__c: 'Draft' });
  const targets = await conn.query<{ Id: string }>(
    // Targets of periods not yet over: the editor folds closed periods away until asked.
    `SELECT Id FROM Plan_Target__c WHERE Plan_Section__r.Partner_Account_Plan__c = '${plan.Id}' AND Period_End__c >= TODAY ORDER BY Period_Start__c, Name`,
  );
  return { id: plan.Id, targetIds: targets.records.map((t) => t.Id) };
}

/** Polls until a value satisfies a check (jest has no expect.poll). */
async function poll<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function targetInput(page: Page, targetId: string) {
  const input = page.locator(`input.target-input[data-id="${targetId}"]`);
  await input.waitFor({ state: 'visible' });
  return input;
}

/** The plan's status as the page's one header (the record page's highlights panel) shows it. */
async function planStatus(page: Page): Promise<string> {
  const status = page
    .locator('[data-id="highlight-fields"] li')
    .filter({ has: page.locator('.slds-text-title', { hasText: 'Status' }) })
    .locator('div')
    .nth(1);
  return (await status.innerText()).trim();
}

beforeAll(async () => {
  stack = await startStack();
  const users = await seededUsers(stack);
  const foundPm = users.find((u) => u.role === 'Partner Manager');
  const foundAe = users.find((u) => u.role === 'Account Executive');
  if (!foundPm || !foundAe) throw new Error('the seed has no partner manager or no AE');
  pm = foundPm;
  ae = foundAe;
});

afterAll(async () => {
  await stack?.close();
});

test('a partner manager edits a target, saves, reloads and sees it', async () => {
  const plan = await draftPlanOwnedBy(pm, 0);
  const { context, page } = await signedIn(stack, pm.username);
  await page.goto('/plans');
  await page.locator('[data-id="record-list"] a').first().waitFor();
  await screenshot(page, 'plans-list');

  await page.goto(`/plans/${plan.id}`);
  const input = await targetInput(page, plan.targetIds[0]);
  await input.fill('1234');
  await page.locator('c-partner-plan-editor [data-id="save"] button').click();
  await page.locator('[data-id="toast"]').first().waitFor();
  await screenshot(page, 'plan-record-page');

  await page.reload();
  expect(await (await targetInput(page, plan.targetIds[0])).inputValue()).toBe('1234');
  const saved = await stack.admin.conn.query<{ Target_Value__c: number }>(
    `SELECT Target_Value__c FROM Plan_Target__c WHERE Id = '${plan.targetIds[0]}'`,
  );
  expect(saved.records[0].Target_Value__c).toBe(1234);
  await context.close();
});

test('a validation error shows on the target field', async () => {
  const plan = await draftPlanOwnedBy(pm, 1);
  const { context, page } = await signedIn(stack, pm.username);
  await page.goto(`/plans/${plan.id}`);
  const input = await targetInput(page, plan.targetIds[0]);
  await input.fill('-5');
  await page.locator('c-partner-plan-editor [data-id="save"] button').click();
  const error = page.locator('c-partner-plan-editor [data-id="field-error"]').first();
  await error.waitFor();
  expect((await error.innerText()).length).toBeGreaterThan(0);
  await screenshot(page, 'plan-validation-error');
  await context.close();
});

test('a partner manager adds a section: the form takes focus on its name, asks for one, and saves the section', async () => {
  const plan = await draftPlanOwnedBy(pm, 4);
  const { context, page } = await signedIn(stack, pm.username);
  await page.goto(`/plans/${plan.id}`);
  await targetInput(page, plan.targetIds[0]);
  await page.locator('c-partner-plan-editor [data-id="add-section"] button').click();
  const form = page.locator('c-partner-plan-editor c-section-form');
  const name = form.locator('[data-id="section-name"] input');
  await poll(
    () => name.evaluate((input) => input.matches(':focus')),
    (focused) => focused,
  );
  expect(await name.evaluate((input) => input.matches(':focus'))).toBe(true);
  // Leaving the empty name shows the field's own message (which moves the buttons), then Save explains.
  await page.keyboard.press('Tab');
  await form.locator('[data-id="save-section"] button').click();
  const errors = form.locator('c-error-list [role="alert"]');
  expect((await errors.innerText()).trim()).toBe('Enter a section name.');
  await name.focus();
  await page.keyboard.type('Co-selling pilot');
  await page.keyboard.press('Tab');
  await screenshot(page, 'plan-add-section');
  await form.locator('[data-id="save-section"] button').click();
  await form.waitFor({ state: 'detached' });
  const titles = page.locator('c-partner-plan-editor [data-id="section-title"]');
  await titles.getByText('Co-selling pilot', { exact: true }).waitFor();
  const stored = await stack.admin.conn.query<{ Name: string }>(
    `SELECT Name FROM Plan_Section__c WHERE Partner_Account_Plan__c = '${plan.id}' AND Name = 'Co-selling pilot'`,
  );
  expect(stored.totalSize).toBe(1);
  await context.close();
});

test('a plan is submitted, accepted (baseline stamped) and revised with a reason', async () => {
  const plan = await draftPlanOwnedBy(pm, 2);
  const { context, page } = await signedIn(stack, pm.username);
  await page.goto(`/plans/${plan.id}`);
  await targetInput(page, plan.targetIds[0]);

  await page.locator('c-partner-plan-editor [data-id="submit"] button').click();
  expect(
    await poll(
      () => planStatus(page),
      (v) => v.includes('Partner Review'),
    ),
  ).toContain('Partner Review');

  await page.locator('c-partner-plan-editor [data-id="accept"] button').click();
  await page.locator('[data-id="confirm-ok"]').click();
  expect(
    await poll(
      () => planStatus(page),
      (v) => v.includes('Accepted'),
    ),
  ).toContain('Accepted');
  const baselines = await stack.admin.conn.query<{ Target_Value__c: number; Baseline_Target_Value__c: number }>(
    `SELECT Target_Value__c, Baseline_Target_Value__c FROM Plan_Target__c WHERE Plan_Section__r.Partner_Account_Plan__c = '${plan.id}'`,
  );
  for (const t of baselines.records) expect(t.Baseline_Target_Value__c).toBe(t.Target_Value__c);
  await screenshot(page, 'plan-accepted');

  // Revising asks for the reason first; each changed target then carries it.
  await page.locator('c-partner-plan-editor [data-id="revise"] button').click();
  // The reason dialog is a LightningModal: the platform mounts it outside the editor, over the page.
  await page.locator('[data-id="reason-input"] textarea').fill('Partner lost two sales reps');
  await screenshot(page, 'plan-revision-reason');
  await page.locator('[data-id="reason-confirm"] button').click();
  expect(
    await poll(
      () => planStatus(page),
      (v) => v.includes('In Revision'),
    ),
  ).toContain('In Revision');
  const input = await targetInput(page, plan.targetIds[0]);
  expect(
    await poll(
      () => input.isEnabled(),
      (v) => v,
    ),
  ).toBe(true);
  await input.fill('777');
  await page.locator('c-partner-plan-editor [data-id="save"] button').click();
  const revised = await poll(
    async () =>
      (
        await stack.admin.conn.query<{ Target_Value__c: number; Revision_Reason__c: string | null }>(
          `SELECT Target_Value__c, Revision_Reason__c FROM Plan_Target__c WHERE Id = '${plan.targetIds[0]}'`,
        )
      ).records[0],
    (t) => t.Target_Value__c === 777,
  );
  expect(revised).toEqual(
    expect.objectContaining({ Target_Value__c: 777, Revision_Reason__c: 'Partner lost two sales reps' }),
  );
  await context.close();
});

test('an AE sees a shared plan read-only and cannot change a target value: the API refuses too', async () => {
  const plan = await draftPlanOwnedBy(pm, 3);
  // Plans are Private: the owner shares it with the AE, read only, as the seed does for a partner's AEs.
  await stack.admin.conn
    .sobject('Partner_Account_Plan__Share')
    .create({ ParentId: plan.id, UserOrGroupId: ae.id, AccessLevel: 'Read', RowCause: 'Manual' });
  const { context, page } = await signedIn(stack, ae.username);
  await page.goto(`/plans/${plan.id}`);
  // Read only: the target's value as a formatted number, no input.
  const value = page.locator(`c-partner-plan-editor tr[data-row="${plan.targetIds[0]}"] [data-id="target-value"]`);
  await value.waitFor({ state: 'visible' });
  expect((await value.innerText()).trim()).toMatch(/^(\$[\d,]+|[\d,]+(\.\d+)?%?)$/);
  expect(await page.locator('c-partner-plan-editor input.target-input').count()).toBe(0);
  expect(await page.locator('c-partner-plan-editor [data-id="lifecycle-hint"]').first().innerText()).toContain(
    'You can view this plan',
  );
  await screenshot(page, 'plan-read-only-for-ae');
  const response = await page.request.patch(dataPath(`/sobjects/Plan_Target__c/${plan.targetIds[0]}`), {
    data: { Target_Value__c: 1 },
    headers: { Origin: stack.app.url },
  });
  expect(response.status()).toBe(400);
  expect(await response.json()).toEqual([expect.objectContaining({ errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY' })]);
  const stored = await stack.admin.conn.query<{ Target_Value__c: number }>(
    `SELECT Target_Value__c FROM Plan_Target__c WHERE Id = '${plan.targetIds[0]}'`,
  );
  expect(stored.records[0].Target_Value__c).not.toBe(1);
  await context.close();
});

test('an AE logs an APR action on an opportunity; the rollup runs and the coaching view counts it', async () => {
  const conn = stack.admin.conn;
  const opportunities = await conn.query<{ Id: string }>(
    `SELECT Id FROM Opportunity WHERE OwnerId = '${ae.id}' AND IsClosed = false AND Partner_Account__c != null ORDER BY Name LIMIT 1`,
  );
  const opportunityId = opportunities.records[0].Id;
  const before = (await conn.query(`SELECT COUNT() FROM APR_Action__c WHERE Opportunity__c = '${opportunityId}'`))
    .totalSize;

  const { context, page } = await signedIn(stack, ae.username);
  await page.goto('/opportunities');
  await page.locator('[data-id="record-list"] a').first().waitFor();
  await screenshot(page, 'app-opportunities-ae');
  await page.goto(`/opportunities/${opportunityId}`);
  // The quick action of the Opportunity layout's action bar opens the Log APR Action dialog (a LightningModal).
  await page.locator('[data-id="quick-action"][data-action="Opportunity.Log_APR_Action"] button').click();
  const logger = page.locator('section[role="dialog"]');
  await logger.locator('[data-id="type-buttons"]').getByText('Demo', { exact: true }).click();
  await screenshot(page, 'apr-action-logger');
  await logger.locator('[data-id="save"] button').click();
  await logger.waitFor({ state: 'detached', timeout: 15000 });
  const after = (await conn.query(`SELECT COUNT() FROM APR_Action__c WHERE Opportunity__c = '${opportunityId}'`))
    .totalSize;
  expect(after).toBe(before + 1);

  await page.locator('[data-id="run-rollup"] button').click();
  await page.locator('[data-id="toast"]', { hasText: 'Rollup finished' }).waitFor({ timeout: 60000 });
  const opportunity = await conn.query<{ Last_APR_Action_Date__c: string }>(
    `SELECT Last_APR_Action_Date__c FROM Opportunity WHERE Id = '${opportunityId}'`,
  );
  // The logger's date defaults to today in the AE's time zone, which may be another day than UTC's.
  expect(opportunity.records[0].Last_APR_Action_Date__c).toBe(await todayOf(stack, ae.id));

  await page.goto('/coaching');
  const activity = page.locator('c-coaching-view [data-id="activity"]');
  await activity.waitFor({ timeout: 20000 });
  // The app's rollup is recorded in the run history: the coaching view says how fresh the actuals are.
  await page.locator('c-coaching-view c-rollup-freshness [data-id="as-of"]', { hasText: 'Actuals as of' }).waitFor();
  await screenshot(page, 'coaching');
  await page.goto('/accounts');
  await page.locator('[data-id="record-list"] a').first().click();
  await page.locator('c-plan-progress').waitFor();
  await page.waitForTimeout(1500);
  await screenshot(page, 'partner-account');
  await context.close();
});

test("a partner manager switches the plans list among the package's list views and sees each one's records", async () => {
  const { context, page } = await signedIn(stack, pm.username);
  /** Plan names by a SOQL filter, read as the partner manager through the app's proxy. */
  const planNames = async (where: string): Promise<string[]> => {
    const soql = `SELECT Name FROM Partner_Account_Plan__c WHERE ${where} ORDER BY Name LIMIT 50`;
    const response = await page.request.get(dataPath(`/query?q=${encodeURIComponent(soql)}`));
    return ((await response.json()) as { records: { Name: string }[] }).records.map((r) => r.Name);
  };
  const shownNames = async (): Promise<string[]> =>
    page.locator('[data-id="record-list"] tbody tr td:first-child').allInnerTexts();
  await page.goto('/plans');
  await page.locator('[data-id="record-list"] a').first().waitFor();
  const picker = page.locator('[data-id="list-view-picker"]');
  expect(await picker.locator('option').allInnerTexts()).toEqual(['All', 'My Plans', 'Needs Partner Review']);

  const inReview = await planNames("Status__c = 'Partner Review'");
  expect(inReview.length).toBeGreaterThan(0);
  await picker.selectOption({ label: 'Needs Partner Review' });
  expect(await poll(shownNames, (names) => names.join() === inReview.join())).toEqual(inReview);
  await page.locator('[data-id="list-filter"]').waitFor();
  await screenshot(page, 'plans-needs-review');

  await picker.selectOption({ label: 'My Plans' });
  const mine = await planNames(`OwnerId = '${pm.id}'`);
  expect(await poll(shownNames, (names) => names.join() === mine.join())).toEqual(mine);
  await context.close();
});
