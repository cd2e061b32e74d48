/**
 * The partner's side end to end in Chromium: the partner manager submits a Draft plan whose partner account
 * has a partner user, the header's rollup syncs plan access (the app's background schedule is off in the
 * stack, so nothing happens by waiting), the partner user signs in to the portal (no internal tab), opens the
 * plan from My Plans, comments on a target and requests changes with a reason; the partner manager sees the
 * change request (banner, the partner's comment, the Task), revises a target and resubmits; the partner
 * accepts, and the plan reads Accepted by the partner contact on both sides. An internal-only comment of the
 * partner manager never reaches the partner. Screenshots of each step go to test-results/e2e/partner-*.png.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { dataPath } from '../support/localorg';
import { SCREENSHOTS, seededUsers, signedIn, startStack, type Stack } from './stack';

interface User {
  id: string;
  name: string;
  username: string;
  role: string;
  account: string | null;
}

interface LoopPlan {
  id: string;
  name: string;
  targetId: string;
  partner: User;
  contactName: string;
}

let stack: Stack;
let pm: User;
let plan: LoopPlan;

const PARTNER_COMMENT = 'Can we phase the Q3 revenue target over two quarters?';
const INTERNAL_COMMENT = 'Internal: their pipeline is thin, hold the line on revenue.';
const CHANGE_REASON = 'The revenue target is too high for our team this year.';

/** Polls until a value satisfies a check (jest has no expect.poll). */
async function poll<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const text = async (locator: Locator): Promise<string> => (await locator.first().innerText()).trim();

/** Waits for a locator's text to contain a value and returns it (the text, for the assertion's message). */
const textOnceContains = (locator: Locator, value: string): Promise<string> =>
  poll(
    () => text(locator).catch(() => ''),
    (v) => v.includes(value),
  );

async function adminQuery<T extends Record<string, unknown>>(soql: string): Promise<T[]> {
  return (await stack.admin.conn.query<T>(soql)).records;
}

/**
 * A plan in Draft (or Partner Review, set back to Draft) of a partner account that has a seeded partner user,
 * owned by a partner manager, with a target shown to the partner, and (synced) no longer shared with its partner.
 */
async function loopPlan(users: User[]): Promise<LoopPlan> {
  const partners = users.filter((u) => u.role === 'Partner User');
  const facts = await adminQuery<{ Id: string; AccountId: string; Contact: { Name: string } }>(
    `SELECT Id, AccountId, Contact.Name FROM User WHERE Id IN (${partners.map((u) => `'${u.id}'`).join(', ')})`,
  );
  const plans = await adminQuery<{ Id: string; Name: string; Partner_Account__c: string }>(
    "SELECT Id, Name, Partner_Account__c FROM Partner_Account_Plan__c WHERE Status__c IN ('Draft', 'Partner Review') ORDER BY Name",
  );
  for (const candidate of plans) {
    const fact = facts.find((f) => f.AccountId === candidate.Partner_Account__c);
    const partner = fact && partners.find((u) => u.id === fact.Id);
    if (!fact || !partner) continue;
    const targets = await adminQuery<{ Id: string }>(
      `SELECT Id FROM Plan_Target__c WHERE Plan_Section__r.Partner_Account_Plan__c = '${candidate.Id}' AND Plan_Section__r.Visible_To_Partner__c = true AND Period_End__c >= TODAY ORDER BY Period_Start__c, Name LIMIT 1`,
    );
    if (targets.length === 0) continue;
    await stack.admin.conn
      .sobject('Partner_Account_Plan__c')
      .update({ Id: candidate.Id, OwnerId: pm.id, Status__c: 'Draft' });
    // As the app's schedule would have by now: a plan back in Draft is no longer shared with its partner.
    await stack.app.accessSync.runNow('scheduled');
    return { id: candidate.Id, name: candidate.Name, targetId: targets[0].Id, partner, contactName: fact.Contact.Name };
  }
  throw new Error('the seed has no Draft or Partner Review plan of a partner account with a partner user');
}

/** The header's Run rollup, which syncs plan access first; resolves once the rollup's toast says it finished. */
async function runRollup(page: Page): Promise<string> {
  await page.locator('[data-id="run-rollup"] button').click();
  const toast = page.locator('[data-id="toast"]', { hasText: 'Rollup finished' });
  await toast.waitFor({ timeout: 90000 });
  return text(toast);
}

/** Plan ids the partner user reads through the app's proxy (their own session, so their sharing). */
async function plansSeenBy(page: Page): Promise<string[]> {
  const soql = `SELECT Id FROM Partner_Account_Plan__c WHERE Id = '${plan.id}'`;
  const response = await page.request.get(dataPath(`/query?q=${encodeURIComponent(soql)}`));
  expect(response.status()).toBe(200);
  return ((await response.json()) as { records: { Id: string }[] }).records.map((r) => r.Id);
}

/**
 * A screenshot of what a user looks at in a step: the window scrolled to `at` (the page's top without it),
 * not the whole page, whose sticky header a full-page capture paints mid-page.
 */
async function shot(page: Page, name: string, at?: Locator): Promise<void> {
  if (at) await at.first().scrollIntoViewIfNeeded();
  else await page.mouse.wheel(0, -100000);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** The plan's status in the page's one header, the record page's highlights panel (the editor notifies it). */
const editorStatus = (page: Page): Locator =>
  page
    .locator('[data-id="highlight-fields"] li')
    .filter({ has: page.locator('.slds-text-title', { hasText: 'Status' }) })
    .locator('div')
    .nth(1);
const portal = (page: Page): Locator => page.locator('c-partner-plan-portal');

beforeAll(async () => {
  stack = await startStack();
  const users = (await seededUsers(stack)) as User[];
  const foundPm = users.find((u) => u.role === 'Partner Manager');
  if (!foundPm) throw new Error('the seed has no partner manager');
  pm = foundPm;
  plan = await loopPlan(users);
});

afterAll(async () => {
  await stack?.close();
});

test('a partner reviews, comments, requests changes and accepts in the portal; the partner manager revises', async () => {
  // 1. The partner manager submits the plan and posts an internal-only comment.
  const manager = await signedIn(stack, pm.username);
  const pmPage = manager.page;
  await pmPage.goto(`/plans/${plan.id}`);
  await pmPage.locator('c-partner-plan-editor [data-id="submit"] button').waitFor();
  await pmPage.locator('c-partner-plan-editor [data-id="submit"] button').click();
  expect(await textOnceContains(editorStatus(pmPage), 'Partner Review')).toContain('Partner Review');
  const pmComments = pmPage.locator('c-partner-plan-editor [data-id="comments-region"] c-plan-comments');
  await pmComments.locator('[data-id="comment-body"] textarea').fill(INTERNAL_COMMENT);
  // The SLDS checkbox's input is drawn by its label: a click there ticks it.
  await pmComments.locator('[data-id="internal-only"] label').click();
  expect(await pmComments.locator('[data-id="internal-only"] input').isChecked()).toBe(true);
  await pmComments.locator('[data-id="post"] button').click();
  await pmComments.locator('[data-id="thread"] [data-id="body"]', { hasText: INTERNAL_COMMENT }).waitFor();

  // Submitting shares nothing yet: the access job does, and the header's rollup runs it first.
  const partnerSession = await signedIn(stack, plan.partner.username);
  const partnerPage = partnerSession.page;
  expect(await plansSeenBy(partnerPage)).toEqual([]);
  expect(await runRollup(pmPage)).toMatch(/Plan access: \d+ shares? added/);
  await shot(pmPage, 'partner-1-pm-submitted');
  expect(await plansSeenBy(partnerPage)).toEqual([plan.id]);

  // 2. The partner user gets the portal only: its header, My Plans, no internal tab and no rollup.
  await partnerPage.goto('/');
  expect(new URL(partnerPage.url()).pathname).toBe('/s/');
  await portal(partnerPage).locator('[data-id="plan-list"]').waitFor();
  expect(await text(partnerPage.locator('[data-id="portal-header"]'))).toContain('Partner Portal');
  expect(await text(partnerPage.locator('[data-id="portal-account"]'))).toBe(plan.partner.account);
  expect(await partnerPage.locator('nav [data-nav]').allInnerTexts()).toEqual(['My Plans']);
  expect(await partnerPage.locator('[data-id="run-rollup"]').count()).toBe(0);
  expect(await partnerPage.locator('shell-list-page, shell-record-page, c-partner-plan-editor').count()).toBe(0);
  const switcher = partnerPage.locator('[data-id="user-switcher"]');
  expect(await switcher.locator('option:checked').innerText()).toContain(plan.partner.name);
  expect(await switcher.locator('option:checked').evaluate((o) => o.parentElement?.getAttribute('label'))).toBe(
    `Partner users — ${plan.partner.account}`,
  );
  await shot(partnerPage, 'partner-2-my-plans');

  // An internal address shows the portal's "not available" page, never the internal page.
  await partnerPage.goto('/coaching');
  await partnerPage.locator('[data-id="not-in-portal"]').waitFor();
  expect(await partnerPage.locator('c-coaching-view').count()).toBe(0);
  await shot(partnerPage, 'partner-3-not-in-portal');

  // 3. The partner opens the plan from My Plans, comments on a target, and cannot see the internal comment.
  await partnerPage.locator('[data-nav="myPlans"]').click();
  await portal(partnerPage).locator(`[data-id="plan-link"][data-plan-id="${plan.id}"]`).click();
  await poll(
    async () => new URL(partnerPage.url()).pathname,
    (path) => path === `/s/partner-account-plan/${plan.id}`,
  );
  expect(new URL(partnerPage.url()).pathname).toBe(`/s/partner-account-plan/${plan.id}`);
  expect(await textOnceContains(portal(partnerPage).locator('[data-id="status"]'), 'Partner Review')).toContain(
    'Partner Review',
  );
  await portal(partnerPage).locator(`[data-id="toggle-comments"][data-target-id="${plan.targetId}"]`).click();
  const targetThread = portal(partnerPage).locator(`[data-comments-for="${plan.targetId}"] c-plan-comments`);
  await targetThread.locator('[data-id="comment-body"] textarea').fill(PARTNER_COMMENT);
  expect(await targetThread.locator('[data-id="internal-only"]').count()).toBe(0);
  await targetThread.locator('[data-id="post"] button').click();
  await targetThread.locator('[data-id="thread"] [data-id="body"]', { hasText: PARTNER_COMMENT }).waitFor();
  const planThread = portal(partnerPage).locator('c-plan-comments').last();
  await planThread.locator('[data-id="comments-heading"]').waitFor();
  expect(await portal(partnerPage).getByText(INTERNAL_COMMENT).count()).toBe(0);
  const internalSeen = await partnerPage.request.get(
    dataPath(
      `/query?q=${encodeURIComponent(`SELECT Id FROM Plan_Comment__c WHERE Partner_Account_Plan__c = '${plan.id}' AND Internal_Only__c = true`)}`,
    ),
  );
  expect(((await internalSeen.json()) as { totalSize: number }).totalSize).toBe(0);
  await shot(partnerPage, 'partner-4-plan-commented', targetThread);

  // 4. The partner requests changes with a reason.
  await portal(partnerPage).locator('[data-id="request-changes"] button').click();
  // Asked in the page (an LWR site has no modals).
  await portal(partnerPage).locator('[data-id="change-reason"] textarea').fill(CHANGE_REASON);
  await shot(partnerPage, 'partner-5-request-changes', portal(partnerPage).locator('[data-id="change-form"]'));
  await portal(partnerPage).locator('[data-id="send-request"] button').click();
  expect(await textOnceContains(portal(partnerPage).locator('[data-id="status"]'), 'In Revision')).toContain(
    'In Revision',
  );
  await portal(partnerPage).locator('[data-id="change-request"]', { hasText: CHANGE_REASON }).waitFor();
  await shot(partnerPage, 'partner-6-changes-requested');

  // 5. The partner manager sees the request: the banner, the partner's comment and the Task.
  await pmPage.reload();
  expect(await textOnceContains(editorStatus(pmPage), 'In Revision')).toContain('In Revision');
  expect(await text(pmPage.locator('c-partner-plan-editor [data-id="change-request-reason"]'))).toContain(
    CHANGE_REASON,
  );
  await pmComments.locator('[data-id="thread"] [data-id="body"]', { hasText: PARTNER_COMMENT }).waitFor();
  const tasks = await pmPage.request.get(
    dataPath(
      `/query?q=${encodeURIComponent(`SELECT Subject, Description, Priority, OwnerId FROM Task WHERE WhatId = '${plan.id}'`)}`,
    ),
  );
  expect(((await tasks.json()) as { records: unknown[] }).records).toEqual([
    expect.objectContaining({
      Subject: `Changes requested: ${plan.name}`,
      Description: CHANGE_REASON,
      Priority: 'High',
      OwnerId: pm.id,
    }),
  ]);
  await shot(pmPage, 'partner-7-pm-sees-request');
  await shot(pmPage, 'partner-7b-pm-sees-comment', pmComments.locator('[data-id="thread"]'));

  // 6. The partner manager revises the target and resubmits; the header's rollup syncs the partner's access.
  const input = pmPage.locator(`input.target-input[data-id="${plan.targetId}"]`);
  await poll(
    () => input.isEnabled(),
    (v) => v,
  );
  await input.fill('4321');
  await pmPage.locator('c-partner-plan-editor [data-id="save"] button').click();
  await poll(
    async () =>
      (
        await adminQuery<{ Target_Value__c: number }>(
          `SELECT Target_Value__c FROM Plan_Target__c WHERE Id = '${plan.targetId}'`,
        )
      )[0].Target_Value__c,
    (v) => v === 4321,
  );
  await pmPage.locator('c-partner-plan-editor [data-id="submit"] button').click();
  expect(await textOnceContains(editorStatus(pmPage), 'Partner Review')).toContain('Partner Review');
  await runRollup(pmPage);
  const share = await adminQuery<{ AccessLevel: string }>(
    `SELECT AccessLevel FROM Partner_Account_Plan__Share WHERE ParentId = '${plan.id}' AND RowCause = 'Shared_With_Partner__c'`,
  );
  expect(share.map((s) => s.AccessLevel)).toEqual(['Edit']);

  // 7. The partner accepts, back on the plan by its internal address (a link the partner manager sent):
  // the portal shows its own page of the plan instead.
  await partnerPage.goto(`/plans/${plan.id}`);
  expect(new URL(partnerPage.url()).pathname).toBe(`/s/partner-account-plan/${plan.id}`);
  expect(await partnerPage.locator('shell-record-page, c-partner-plan-editor').count()).toBe(0);
  expect(await textOnceContains(portal(partnerPage).locator('[data-id="status"]'), 'Partner Review')).toContain(
    'Partner Review',
  );
  await portal(partnerPage).locator('[data-id="accept"] button').click();
  await portal(partnerPage).locator('[data-id="confirm-accept"] button').click();
  expect(await textOnceContains(portal(partnerPage).locator('[data-id="status"]'), 'Accepted')).toContain('Accepted');
  expect(await textOnceContains(portal(partnerPage).locator('[data-id="accepted"]'), plan.contactName)).toContain(
    plan.contactName,
  );
  await shot(partnerPage, 'partner-8-accepted');

  // 8. Both sides read Accepted by the partner contact.
  const stored = await adminQuery<{ Status__c: string; Accepted_By_Contact__r: { Name: string } | null }>(
    `SELECT Status__c, Accepted_By_Contact__r.Name FROM Partner_Account_Plan__c WHERE Id = '${plan.id}'`,
  );
  expect(stored[0]).toEqual(
    expect.objectContaining({
      Status__c: 'Accepted',
      Accepted_By_Contact__r: expect.objectContaining({ Name: plan.contactName }),
    }),
  );
  await pmPage.reload();
  expect(await textOnceContains(editorStatus(pmPage), 'Accepted')).toContain('Accepted');
  expect(
    await textOnceContains(pmPage.locator('c-partner-plan-editor [data-id="accepted"]'), plan.contactName),
  ).toContain(plan.contactName);
  await shot(pmPage, 'partner-9-pm-sees-accepted');
  await partnerSession.context.close();
  await manager.context.close();
}, 300000);
