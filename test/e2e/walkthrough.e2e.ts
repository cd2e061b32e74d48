/**
 * The README's "first five minutes", end to end, on the demo data `npm start` seeds (same scale and seed): who
 * you are signed in as, the screens it tells you to try, and that an actual changes only after a rollup. It
 * writes the README's screenshots to docs/images/ (1280 × 800, the window a reader is likely to have).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../../packages/model';
import { seededUsers, signedIn, startStack, type Stack, type SeededUser } from './stack';

type User = SeededUser;

const IMAGES = join(REPO_ROOT, 'docs', 'images');
const WIDTH = 1280;
const HEIGHT = 800;

let stack: Stack;
let users: User[];

beforeAll(async () => {
  stack = await startStack();
  users = await seededUsers(stack);
  // Building the app on a busy machine can take minutes.
}, 600000);

afterAll(async () => {
  await stack?.close();
});

const firstOf = (role: string): User => {
  const user = users.find((u) => u.role === role);
  if (!user) throw new Error(`the seed has no ${role}`);
  return user;
};

/** A README screenshot: the viewport as the reader sees it, after the page settled. */
async function readmeShot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(IMAGES, `${name}.png`) });
}

/** The signed-in user as the header's switcher shows it. */
const signedInAs = (page: Page): Promise<string> =>
  page.locator('[data-id="user-switcher"]').evaluate((select) => {
    const s = select as unknown as { selectedIndex: number; options: { text: string }[] };
    return s.options[s.selectedIndex]?.text ?? '';
  });

const today = (): string => new Date().toISOString().slice(0, 10);

interface Target {
  Id: string;
  Actual_Value__c: number | null;
  Accountable_AE__c: string | null;
  Plan_Section__r: { Partner_Account_Plan__r: { Id: string; Partner_Account__c: string; OwnerId: string } };
}

/**
 * A current-period Closed Won Revenue target on an active plan with no target account, and an open deal of its
 * partner (owned by its accountable AE when it names one) that winning today would count toward.
 */
async function targetAndDeal(): Promise<{ target: Target; dealId: string; amount: number }> {
  const conn = stack.admin.conn;
  const targets = (
    await conn.query<Target>(
      `SELECT Id, Actual_Value__c, Accountable_AE__c, Plan_Section__r.Partner_Account_Plan__r.Id,
              Plan_Section__r.Partner_Account_Plan__r.Partner_Account__c, Plan_Section__r.Partner_Account_Plan__r.OwnerId
         FROM Plan_Target__c
        WHERE Metric__c = 'Closed_Won_Revenue' AND Target_Account__c = null
          AND Plan_Section__r.Partner_Account_Plan__r.Status__c = 'Active'
          AND Period_Start__c <= ${today()} AND Period_End__c >= ${today()}
        ORDER BY Period_Type__c, Id`,
    )
  ).records;
  for (const target of targets) {
    const plan = target.Plan_Section__r.Partner_Account_Plan__r;
    const owner = target.Accountable_AE__c ? ` AND OwnerId = '${target.Accountable_AE__c}'` : '';
    const deals = (
      await conn.query<{ Id: string; Amount: number }>(
        `SELECT Id, Amount FROM Opportunity WHERE IsClosed = false AND Amount > 0
            AND Partner_Account__c = '${plan.Partner_Account__c}'${owner} ORDER BY Amount DESC LIMIT 1`,
      )
    ).records;
    if (deals.length > 0) return { target, dealId: deals[0].Id, amount: deals[0].Amount };
  }
  throw new Error('the demo data has no current Closed Won Revenue target with an open deal of its partner');
}

const actualOf = async (targetId: string): Promise<number> => {
  const [row] = (
    await stack.admin.conn.query<{ Actual_Value__c: number | null }>(
      `SELECT Actual_Value__c FROM Plan_Target__c WHERE Id = '${targetId}'`,
    )
  ).records;
  return row.Actual_Value__c ?? 0;
};

test('you start as a partner manager on the plans; the screens to try; an actual changes after the rollup', async () => {
  const pm = firstOf('Partner Manager');
  // The README names them.
  expect(pm.name).toBe('Ben Hughes');
  expect(firstOf('Account Executive').name).toBe('Chloe Okafor');
  const { context, page } = await signedIn(stack, pm.username, WIDTH, HEIGHT);

  // 1. Signed in as the first partner manager, on the plans list.
  await page.goto('/');
  await page.locator('[data-id="user-switcher"]').waitFor();
  expect(await signedInAs(page)).toContain(pm.name);
  await page.locator('table tbody tr').first().waitFor({ timeout: 60000 });
  await readmeShot(page, 'plans');

  // 2. Actuals come from the rollup: winning a deal changes nothing until the header's Run rollup (which records
  // the run, so the screens below say when actuals were computed).
  const { target, dealId, amount } = await targetAndDeal();
  const planId = target.Plan_Section__r.Partner_Account_Plan__r.Id;
  const before = await actualOf(target.Id);
  await stack.admin.conn.sobject('Opportunity').update({ Id: dealId, StageName: 'Closed Won', CloseDate: today() });
  expect(await actualOf(target.Id)).toBe(before);
  await page.goto(`/plans/${planId}`);
  await page.locator('c-partner-plan-editor [data-row]').first().waitFor({ timeout: 60000 });
  await page.locator('[data-id="run-rollup"] button').click();
  await page.getByText('Rollup finished').first().waitFor({ timeout: 120000 });
  expect(await actualOf(target.Id)).toBeCloseTo(before + amount, 2);

  // 3. The plan's record page: its editor, targets grouped by period.
  await page.locator('c-partner-plan-editor [data-row]').first().waitFor({ timeout: 60000 });
  // The rollup's toast gone, the page as a reader finds it.
  await page
    .locator('[data-id="toast"], .slds-notify_toast')
    .first()
    .waitFor({ state: 'detached', timeout: 15000 })
    .catch(() => undefined);
  await readmeShot(page, 'plan');

  // 4. Coaching: the pair's targets, pace, actions and stale deals.
  await page.goto('/coaching');
  await page
    .locator('c-coaching-view')
    .locator('[data-id="stale-deals"], [data-id="no-stale-deals"]')
    .first()
    .waitFor({ timeout: 60000 });
  await readmeShot(page, 'coaching');
  await context.close();

  // 5. An AE's deals and the Log APR Action dialog.
  const ae = firstOf('Account Executive');
  const asAe = await signedIn(stack, ae.username, WIDTH, HEIGHT);
  await asAe.page.goto('/opportunities');
  await asAe.page.locator('table tbody tr').first().waitFor({ timeout: 60000 });
  await readmeShot(asAe.page, 'opportunities');
  const [deal] = (
    await stack.admin.conn.query<{ Id: string }>(
      `SELECT Id FROM Opportunity WHERE OwnerId = '${ae.id}' AND IsClosed = false AND Partner_Account__c != null ORDER BY CloseDate LIMIT 1`,
    )
  ).records;
  await asAe.page.goto(`/opportunities/${deal.Id}`);
  await asAe.page.locator('[data-id="quick-action"][data-action="Opportunity.Log_APR_Action"] button').click();
  await asAe.page.locator('section[role="dialog"] [data-id="save"] button').waitFor();
  await readmeShot(asAe.page, 'log-apr-action');
  await asAe.context.close();

  // 6. A partner user's portal.
  const partner = firstOf('Partner User');
  const asPartner = await signedIn(stack, partner.username, WIDTH, HEIGHT);
  await asPartner.page.goto('/');
  await asPartner.page.locator('c-partner-plan-portal [data-id="plan-list"]').waitFor({ timeout: 60000 });
  await readmeShot(asPartner.page, 'portal');
  await asPartner.context.close();
}, 600000);
