/**
 * The plans' lifecycle job against a local org over HTTP (jsforce, as the scripts connect), as the admin:
 * Accepted plans whose period has started become Active; Active plans whose period has ended become Closed once
 * a rollup ran after the period end, else are skipped with why; an Accepted plan whose period ended and that a
 * rollup already stamped goes Active and Closed in one run; each Accepted or Active plan with a next review gets
 * one reminder Task for its owner (none for an inactive owner); a second run changes nothing; a dry run writes
 * nothing. The rollup leaves a Closed plan's figures alone when new data arrives. Periods are relative to today,
 * since the org's rules compare with TODAY().
 */
import type { OrgSession } from '../../packages/jobs/connection';
import { advanceSummaryLines, runPlanAdvance } from '../../packages/jobs/plans/advance';
import { createDraftPlan, movePlanTo } from '../support/lifecycle';
import { startTestOrg, type TestOrg } from '../support/localorg';
import { create, rollupAsOf } from '../support/rollup';
import { countOf, scriptSession } from '../support/scripts';
import { createUser } from '../support/security';

/** A day `days` from today (UTC), as YYYY-MM-DD. */
const day = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const today = day(0);
const PERIODS = {
  future: { Period_Start__c: day(30), Period_End__c: day(394) },
  current: { Period_Start__c: day(-30), Period_End__c: day(334) },
  past: { Period_Start__c: day(-400), Period_End__c: day(-36) },
};

let t: TestOrg;
let admin: OrgSession;
let adminId: string;
let partner: string;
const plans: Record<string, string> = {};
/** The targets of the closed plan and of a Draft plan over the same period, which the rollup keeps computing. */
const targets: Record<string, string> = {};

/** A plan with one section and a Closed_Won_Revenue target over its period, walked to `status`. */
async function plan(name: string, status: string, fields: Record<string, unknown>): Promise<string> {
  const id = await createDraftPlan(t.conn, partner, { Name: name, ...fields });
  const section = await create(t.conn, 'Plan_Section__c', {
    Name: 'Sales',
    Partner_Account_Plan__c: id,
    Section_Type__c: 'Sales Objectives',
  });
  targets[name] = await create(t.conn, 'Plan_Target__c', {
    Plan_Section__c: section,
    Metric__c: 'Closed_Won_Revenue',
    Period_Start__c: fields.Period_Start__c,
    Period_End__c: fields.Period_End__c,
    Target_Value__c: 5000,
    Weight__c: 1,
  });
  await movePlanTo(t.conn, id, status);
  return id;
}

const won = (amount: number, close: string) =>
  create(t.conn, 'Opportunity', {
    Name: `Won ${amount}`,
    StageName: 'Closed Won',
    CloseDate: close,
    Amount: amount,
    Partner_Account__c: partner,
  });

async function statuses(): Promise<Record<string, string>> {
  const rows = await t.conn.query<{ Name: string; Status__c: string }>(
    'SELECT Name, Status__c FROM Partner_Account_Plan__c ORDER BY Name',
  );
  return Object.fromEntries(rows.records.map((r) => [r.Name, r.Status__c]));
}

async function planRecord(id: string): Promise<Record<string, unknown>> {
  return (await t.conn.sobject('Partner_Account_Plan__c').retrieve(id)) as unknown as Record<string, unknown>;
}

const names = (changes: { name: string }[]): string[] => changes.map((c) => c.name).sort();
const reminderOf = (reviewDate: string) => ({ subject: `QBR reminder: review on ${reviewDate}`, reviewDate });

beforeAll(async () => {
  t = await startTestOrg();
  admin = await scriptSession(t);
  adminId = (await t.conn.request<{ user_id: string }>('/services/oauth2/userinfo')).user_id;
  partner = await create(t.conn, 'Account', { Name: 'Northwind', Partner_Type__c: 'Reseller' });
  await won(1000, day(-100));
  plans.starting = await plan('A starting', 'Accepted', { ...PERIODS.current, Next_Review_Date__c: day(20) });
  plans.future = await plan('B future', 'Accepted', { ...PERIODS.future, Next_Review_Date__c: day(40) });
  plans.endedAccepted = await plan('C ended, accepted', 'Accepted', PERIODS.past);
  plans.ended = await plan('D ended', 'Active', PERIODS.past);
  // A rollup stamped it the day after its period ended: its actuals are final.
  plans.stamped = await plan('E ended, stamped', 'Accepted', {
    ...PERIODS.past,
    Last_Calculated_At__c: `${day(-35)}T08:00:00.000Z`,
  });
  plans.draft = await plan('G draft', 'Draft', PERIODS.past);
  // A plan whose owner left: no reminder for them.
  plans.orphan = await plan('F orphan', 'Accepted', { ...PERIODS.future, Next_Review_Date__c: day(50) });
  const leaver = await createUser(t, { alias: 'leaver', permissionSets: ['Partner_Manager'] });
  await t.conn.sobject('Partner_Account_Plan__c').update({ Id: plans.orphan, OwnerId: leaver.id });
  await t.conn.sobject('User').update({ Id: leaver.id, IsActive: false });
}, 120_000);
afterAll(async () => {
  await admin.close();
  await t.close();
});

const BEFORE = {
  'A starting': 'Accepted',
  'B future': 'Accepted',
  'C ended, accepted': 'Accepted',
  'D ended': 'Active',
  'E ended, stamped': 'Accepted',
  'F orphan': 'Accepted',
  'G draft': 'Draft',
};

it('reports what it would do in a dry run, and writes nothing', async () => {
  const report = await runPlanAdvance(admin, { dryRun: true });
  expect(report).toMatchObject({ asOf: today, dryRun: true, failures: [] });
  expect(names(report.activated)).toEqual(['A starting', 'C ended, accepted', 'E ended, stamped']);
  expect(names(report.closed)).toEqual(['E ended, stamped']);
  expect(report.reminders.created.map((r) => r.name)).toEqual(['A starting', 'B future']);
  expect(await statuses()).toEqual(BEFORE);
  expect(await countOf(t, 'Task')).toBe(0);
  expect(advanceSummaryLines(report).slice(0, 2)).toEqual([
    `Advanced plans as of ${today} (dry run: nothing written).`,
    'Plans: 3 would be activated, 1 would be closed, 3 skipped.',
  ]);
});

it('activates started plans, closes ended ones a rollup stamped after the end, and creates the review reminders', async () => {
  const report = await runPlanAdvance(admin);
  expect(report).toMatchObject({ dryRun: false, failures: [], reminders: { existing: 0 } });
  expect(report.apiRequests).toBeGreaterThan(0);
  expect(names(report.activated)).toEqual(['A starting', 'C ended, accepted', 'E ended, stamped']);
  expect(report.closed).toEqual([
    {
      planId: plans.stamped,
      name: 'E ended, stamped',
      from: 'Active',
      to: 'Closed',
      periodStart: PERIODS.past.Period_Start__c,
      periodEnd: PERIODS.past.Period_End__c,
    },
  ]);
  expect(report.skipped).toEqual(
    expect.arrayContaining([
      {
        planId: plans.endedAccepted,
        name: 'C ended, accepted',
        reason: 'waiting for a rollup after the period end (last rollup never)',
      },
      { planId: plans.ended, name: 'D ended', reason: 'waiting for a rollup after the period end (last rollup never)' },
      {
        planId: plans.orphan,
        name: 'F orphan',
        reason: expect.stringMatching(/^no review reminder: the owner \w+ is not an active user$/),
      },
    ]),
  );
  expect(report.skipped).toHaveLength(3);
  expect(await statuses()).toEqual({
    ...BEFORE,
    'A starting': 'Active',
    'C ended, accepted': 'Active',
    'E ended, stamped': 'Closed',
  });
  expect(report.reminders.created).toEqual([
    expect.objectContaining({ planId: plans.starting, ...reminderOf(day(20)), activityDate: day(13) }),
    expect.objectContaining({ planId: plans.future, ...reminderOf(day(40)), activityDate: day(33) }),
  ]);
  const tasks = await t.conn.query<Record<string, unknown>>(
    'SELECT WhatId, OwnerId, Subject, ActivityDate, Status, Priority, Description FROM Task ORDER BY ActivityDate',
  );
  expect(tasks.records.map(({ attributes: _a, ...task }) => task)).toEqual([
    {
      WhatId: plans.starting,
      OwnerId: adminId,
      Subject: `QBR reminder: review on ${day(20)}`,
      ActivityDate: day(13),
      Status: 'Not Started',
      Priority: 'Normal',
      Description: expect.stringContaining(`"A starting" is on ${day(20)}`),
    },
    expect.objectContaining({ WhatId: plans.future, Subject: `QBR reminder: review on ${day(40)}` }),
  ]);
});

it('changes nothing on a second run', async () => {
  const again = await runPlanAdvance(admin);
  expect(again).toMatchObject({ activated: [], closed: [], failures: [], reminders: { created: [], existing: 2 } });
  expect(again.skipped).toHaveLength(3);
  expect(await countOf(t, 'Task')).toBe(2);
});

it('closes the ended plans once a rollup ran after their period end, and the rollup then leaves them alone', async () => {
  const rollup = await rollupAsOf(t, today);
  expect(rollup.failures).toEqual([]);
  const stamp = (await planRecord(plans.ended)).Last_Calculated_At__c;
  expect(String(stamp).slice(0, 10)).toBe(today);
  const report = await runPlanAdvance(admin);
  expect(report).toMatchObject({ activated: [], failures: [] });
  expect(names(report.closed)).toEqual(['C ended, accepted', 'D ended']);
  expect(report.skipped.map((s) => s.name)).toEqual(['F orphan']);
  const actualOf = async (name: string) =>
    ((await t.conn.sobject('Plan_Target__c').retrieve(targets[name])) as unknown as { Actual_Value__c: number })
      .Actual_Value__c;
  expect(await actualOf('D ended')).toBe(1000);

  // New data in the closed period: the Draft plan's target counts it, the closed plan's stays as it closed.
  await won(2500, day(-50));
  const later = await rollupAsOf(t, today);
  expect(later.failures).toEqual([]);
  expect(await actualOf('G draft')).toBe(3500);
  expect(await actualOf('D ended')).toBe(1000);
  expect(await actualOf('E ended, stamped')).toBeNull();
  expect((await planRecord(plans.ended)).Last_Calculated_At__c).toBe(stamp);
  expect(later.changes.filter((c) => c.id === targets['D ended'] || c.id === plans.ended)).toEqual([]);
  expect(await runPlanAdvance(admin)).toMatchObject({ activated: [], closed: [], reminders: { created: [] } });
});
