/**
 * The local org compiled from this repository's force-app: the partner planning objects can be described,
 * written through the API as scripts will write them, and keep their platform behaviour.
 */
import { apiError, startTestOrg, type TestOrg } from '../support/localorg';

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg();
});
afterAll(() => t.close());

type Rec = Record<string, unknown>;

async function plan(): Promise<{ account: string; plan: string; section: string }> {
  const account = (await t.conn.sobject('Account').create({ Name: 'Northwind Partners', Partner_Type__c: 'Reseller' }))
    .id!;
  const planId = (
    await t.conn.sobject('Partner_Account_Plan__c').create({
      Name: 'Northwind FY26',
      Partner_Account__c: account,
      Period_Start__c: '2026-01-01',
      Period_End__c: '2026-12-31',
    })
  ).id!;
  const section = (await t.conn.sobject('Plan_Section__c').create({ Name: 'Sales', Partner_Account_Plan__c: planId }))
    .id!;
  return { account, plan: planId, section };
}

it('describes the partner planning objects', async () => {
  const global = await t.conn.describeGlobal();
  const names = global.sobjects.map((s) => s.name);
  expect(names).toEqual(
    expect.arrayContaining([
      'Partner_Account_Plan__c',
      'Plan_Section__c',
      'Plan_Target__c',
      'APR_Action__c',
      'Plan_Metric__mdt',
    ]),
  );
  const target = await t.conn.describe('Plan_Target__c');
  const section = target.fields.find((f) => f.name === 'Plan_Section__c')!;
  expect(section).toMatchObject({ type: 'reference', cascadeDelete: true, referenceTo: ['Plan_Section__c'] });
});

it('creates a plan, a section and targets, with defaults, auto numbers and roll-ups', async () => {
  const { plan: planId, section } = await plan();
  expect(await t.conn.sobject('Partner_Account_Plan__c').retrieve(planId)).toMatchObject({
    Status__c: 'Draft',
    Review_Cadence__c: 'Quarterly',
  });
  const targets = await t.conn.sobject('Plan_Target__c').create([
    {
      Plan_Section__c: section,
      Metric__c: 'Closed_Won_Revenue',
      Period_Start__c: '2026-01-01',
      Period_End__c: '2026-03-31',
      Target_Value__c: 100000,
      Pace_Status__c: 'Behind',
    },
    {
      Plan_Section__c: section,
      Metric__c: 'Deal_Registrations',
      Period_Start__c: '2026-01-01',
      Period_End__c: '2026-03-31',
      Target_Value__c: 12,
    },
    {
      Plan_Section__c: section,
      Metric__c: 'Marketing_Spend',
      Period_Start__c: '2026-01-01',
      Period_End__c: '2026-03-31',
      Target_Value__c: 5000,
      Pace_Status__c: 'Over Budget',
    },
    {
      Plan_Section__c: section,
      Metric__c: 'Closed_Won_Deals',
      Period_Start__c: '2025-10-01',
      Period_End__c: '2025-12-31',
      Target_Value__c: 4,
      Pace_Status__c: 'Missed',
    },
  ]);
  expect(targets.every((r) => r.success)).toBe(true);
  const first = (await t.conn.sobject('Plan_Target__c').retrieve(targets[0].id!)) as Rec;
  expect(first.Name).toMatch(/^TGT-\d{6}$/);
  expect(first.Period_Type__c).toBe('Quarter');
  expect(await t.conn.sobject('Plan_Section__c').retrieve(section)).toMatchObject({
    Target_Count__c: 4,
    // Behind and Over Budget need attention; a closed period's Missed is history.
    Targets_Behind__c: 2,
  });
});

it('keeps the partner account while a plan names it, and cascades a plan delete', async () => {
  const { account, plan: planId, section } = await plan();
  const err = await apiError(t.conn.sobject('Account').destroy(account));
  expect(err.errorCode).toBe('DELETE_FAILED');
  await t.conn.sobject('Partner_Account_Plan__c').destroy(planId);
  expect((await apiError(t.conn.sobject('Plan_Section__c').retrieve(section))).errorCode).toBe('ENTITY_IS_DELETED');
  await t.conn.sobject('Account').destroy(account);
});

it('serves the plan metrics from force-app, read-only', async () => {
  const result = await t.conn.query<Rec>('SELECT DeveloperName, Aggregate__c FROM Plan_Metric__mdt');
  expect(result.totalSize).toBeGreaterThan(0);
  const err = await apiError(t.conn.sobject('Plan_Metric__mdt').create({ DeveloperName: 'New', MasterLabel: 'New' }));
  expect(err.errorCode).toBe('CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY');
});
