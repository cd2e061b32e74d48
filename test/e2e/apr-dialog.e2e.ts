/**
 * The Log APR Action dialog end to end, by keyboard, in Chromium at 1440×900, 768 px and 390 px wide: Save is in
 * view without scrolling, Tab stays inside the dialog, Escape closes it and focus returns to the quick action
 * that opened it, an axe scan of the open dialog finds no violations, and after Save the opportunity's APR
 * history shows the new action. Screenshots: test-results/e2e/apr-dialog-*.png.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { SCREENSHOTS, axeViolations, screenshot, seededUsers, signedIn, startStack, type Stack } from './stack';

let stack: Stack;
let ae: { id: string; username: string };
let opportunityId: string;

const VIEWPORTS = [
  { name: '1440', width: 1440, height: 900 },
  { name: '768', width: 768, height: 1024 },
  // A phone: the types are one list there.
  { name: '390', width: 390, height: 844 },
];

beforeAll(async () => {
  stack = await startStack();
  const users = await seededUsers(stack);
  const found = users.find((u) => u.role === 'Account Executive');
  if (!found) throw new Error('the seed has no AE');
  ae = found;
  const opportunities = await stack.admin.conn.query<{ Id: string }>(
    `SELECT Id FROM Opportunity WHERE OwnerId = '${ae.id}' AND IsClosed = false AND Partner_Account__c != null ORDER BY Name LIMIT 1`,
  );
  opportunityId = opportunities.records[0].Id;
  // Building the app on a busy machine can take minutes.
}, 600000);

afterAll(async () => {
  await stack?.close();
});

async function openPage(width: number, height: number): Promise<{ page: Page; close: () => Promise<void> }> {
  const { context, page } = await signedIn(stack, ae.username, width, height);
  await page.goto(`/opportunities/${opportunityId}`);
  await page.locator('c-opportunity-apr-history lightning-card').waitFor();
  await page
    .locator('c-opportunity-apr-history [data-id="history"], c-opportunity-apr-history [data-id="empty"]')
    .first()
    .waitFor();
  return { page, close: () => context.close() };
}

const opener = (page: Page): Locator =>
  page.locator('[data-id="quick-action"][data-action="Opportunity.Log_APR_Action"] button');

async function openDialog(page: Page): Promise<Locator> {
  await opener(page).focus();
  await page.keyboard.press('Enter');
  const dialog = page.locator('section[role="dialog"]');
  await dialog.waitFor();
  await dialog.locator('[data-id="opportunity"]').waitFor();
  await dialog.locator('[data-id="save"] button').waitFor();
  return dialog;
}

const focusInside = async (dialog: Locator): Promise<boolean> => (await dialog.locator(':focus').count()) === 1;

describe.each(VIEWPORTS)('at $name px', ({ name, width, height }) => {
  test('keeps Save in view, Tab inside the dialog, and Escape returns focus to the opener', async () => {
    const { page, close } = await openPage(width, height);
    const dialog = await openDialog(page);
    // Focus moved into the dialog.
    expect(await focusInside(dialog)).toBe(true);

    // Save and Cancel are in the viewport, and the page did not scroll to show them.
    const save = dialog.locator('[data-id="save"] button');
    const box = await save.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(height);
    expect(box!.x + box!.width).toBeLessThanOrEqual(width);
    expect(await page.evaluate('window.scrollY')).toBe(0);
    // Nothing covers it: a trial click checks that Save itself receives the pointer.
    await save.click({ trial: true, timeout: 5000 });
    // The dialog fits the width (the app header's own overflow at 768 px is another matter).
    const container = await dialog.locator('.slds-modal__container').boundingBox();
    expect(container!.x).toBeGreaterThanOrEqual(0);
    expect(container!.x + container!.width).toBeLessThanOrEqual(width);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(SCREENSHOTS, `apr-dialog-open-${name}.png`) });

    // Tab and Shift+Tab cycle within the dialog.
    for (let i = 0; i < 45; i++) {
      await page.keyboard.press('Tab');
      expect(await focusInside(dialog)).toBe(true);
    }
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await focusInside(dialog)).toBe(true);
    }

    // The recent actions open by keyboard under the form; the body scrolls and Save stays in view.
    await dialog.locator('[data-id="recent-toggle"]').focus();
    await page.keyboard.press('Enter');
    await dialog.locator('[data-id="recent"], [data-id="recent-empty"]').first().waitFor();
    const after = await save.boundingBox();
    expect(after!.y + after!.height).toBeLessThanOrEqual(height);
    expect(await page.evaluate('window.scrollY')).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, `apr-dialog-recent-${name}.png`) });

    // An axe scan of the open dialog.
    const violations = await axeViolations(page, 'section[role="dialog"]');
    expect(violations.map((v) => `${v.id}: ${v.targets.join(', ')}`)).toEqual([]);

    // Escape closes and focus returns to the quick action.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await opener(page).evaluate((el) => el.matches(':focus'))).toBe(true);
    await close();
  });
});

test('after Save the opportunity page shows the new action in its APR history', async () => {
  const { page, close } = await openPage(1440, 900);
  const history = page.locator('c-opportunity-apr-history');
  const titleOf = async (): Promise<string> =>
    (await history.locator('.slds-card__header-title').first().innerText()).trim();
  const before = await titleOf();
  const count = Number(/\((\d+)\)/.exec(before)?.[1] ?? '0');
  await screenshot(page, 'apr-dialog-history-before');

  const dialog = await openDialog(page);
  // Save without a type: the problem shows on the field and the dialog stays open.
  await dialog.locator('[data-id="save"] button').click();
  await dialog.locator('[data-id="type-buttons"]').getByText('Choose what you did.').waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'apr-dialog-required.png') });
  await dialog.locator('[data-id="type-buttons"]').getByText('QBR', { exact: true }).click();
  await dialog.locator('[data-id="next-step"] input').fill('Agree the Q3 joint plan');
  await dialog.locator('[data-id="save"] button').click();
  await dialog.waitFor({ state: 'detached', timeout: 15000 });
  await page.locator('[data-id="toast"]', { hasText: 'QBR logged.' }).waitFor();

  await history.locator('.slds-card__header-title', { hasText: `(${count + 1})` }).waitFor({ timeout: 15000 });
  const firstRow = history.locator('lightning-datatable tbody tr').first();
  await firstRow.getByText('QBR').waitFor();
  await page.waitForTimeout(500);
  await screenshot(page, 'apr-dialog-history-after');
  await close();
});
