/**
 * `plans create` against a local org whose fiscal year starts in April (FY2027 = 2026-04-01 to 2027-03-31), over
 * HTTP through jsforce as the script connects: one Draft plan per partner account of the tier from the tier's
 * template, dated by the org's calendar, with the template's sections and targets (year = sum of its quarter or
 * month parts, each part in its fiscal period, Parent_Target__c set); a second run creates nothing and skips
 * every partner; a partner with another plan for the year is skipped; a refused section fails its plan (exit 1
 * in the CLI) and a rerun completes it; a dry run writes nothing.
 */
import type { OrgSession } from '../../packages/jobs/connection';
import { runPlanCreate } from '../../packages/jobs/plans/create';
import type { PlansReport } from '../../packages/jobs/plans/report';
import { createDraftPlan } from '../support/lifecycle';
import { startTestOrg, type TestOrg } from '../support/localorg';
import {
  createTierPartner,
  plansOf,
  planTree,
  profileShares,
  sumCents,
  templateOf,
  type TargetRow,
} from '../support/plans';
import { countOf, scriptSession } from '../support/scripts';
import { createUser, type TestUser } from '../support/security';

const FY2027 = { start: '2026-04-01', end: '2027-03-31' };
const QUARTERS = [
  ['2026-04-01', '2026-06-30'],
  ['2026-07-01', '2026-09-30'],
  ['2026-10-01', '2026-12-31'],
  ['2027-01-01', '2027-03-31'],
];
const MONTH_STARTS = [
  '2026-04-01',
  '2026-05-01',
  '2026-06-01',
  '2026-07-01',
  '2026-08-01',
  '2026-09-01',
  '2026-10-01',
  '2026-11-01',
  '2026-12-01',
  '2027-01-01',
  '2027-02-01',
  '2027-03-01',
];

let t: TestOrg;
let session: OrgSession;
let pm: TestUser;
let acme: string;
let borealis: string;

beforeAll(async () => {
  t = await startTestOrg({ fiscalYearStartMonth: 4 });
  session = await scriptSession(t);
  pm = await createUser(t, { alias: 'pmgold', permissionSets: ['Partner_Manager'] });
  acme = await createTierPartner(t, { name: 'Acme Systems', tier: 'Gold', key: 'ACC-ACME', ownerId: pm.id });
  borealis = await createTierPartner(t, { name: 'Borealis IT', tier: 'Gold' });
  await createTierPartner(t, { name: 'Cirrus Silver', tier: 'Silver' });
  // A Gold account without a Partner Type is a customer, not a partner.
  await createTierPartner(t, { name: 'Gold Customer', tier: 'Gold', partnerType: null });
}, 60_000);
afterAll(async () => {
  await session.close();
  await t.close();
});

const outcomes = (report: PlansReport): Record<string, string> =>
  Object.fromEntries(report.plans.map((p) => [p.partnerName, p.reason ? `${p.outcome}: ${p.reason}` : p.outcome]));

it('writes nothing in a dry run, and says what it would create', async () => {
  const report = await runPlanCreate(session, { tier: 'Gold', fiscalYear: 2027, dryRun: true });
  expect(outcomes(report)).toEqual({ 'Acme Systems': 'planned', 'Borealis IT': 'planned' });
  expect(report.plans[0].created.plans).toBe(1);
  expect(report.created).toEqual({ plans: 0, sections: 0, targets: 0 });
  expect(await countOf(t, 'Partner_Account_Plan__c')).toBe(0);
});

it("creates a Draft plan for each partner of the tier from its template, dated by the org's fiscal year", async () => {
  const report = await runPlanCreate(session, { tier: 'Gold', fiscalYear: 2027 });
  const template = await templateOf(t, 'Gold');
  expect(outcomes(report)).toEqual({ 'Acme Systems': 'created', 'Borealis IT': 'created' });
  expect(report).toMatchObject({ fiscalYear: 'FY2027', period: FY2027, template: 'Gold', failed: 0, failures: [] });
  const [plan] = await plansOf(t, acme);
  expect(plan).toMatchObject({
    Name: 'Acme Systems FY2027 Plan',
    External_Key__c: 'PLAN-ACC-ACME-FY2027',
    Status__c: 'Draft',
    OwnerId: pm.id,
    Fiscal_Year__c: 'FY2027',
    Period_Start__c: FY2027.start,
    Period_End__c: FY2027.end,
    Review_Cadence__c: 'Quarterly',
    Template__c: 'Gold',
    Previous_Plan__c: null,
  });
  // Without an External_Key__c the account's Id is the partner's part of the key; the account owner owns it.
  expect((await plansOf(t, borealis))[0]).toMatchObject({
    External_Key__c: `PLAN-${borealis}-FY2027`,
    OwnerId: t.org.adminUserId,
  });
  const tree = await planTree(t, plan.Id);
  expect(tree.sections.map((s) => [s.Name, s.External_Key__c])).toEqual(
    template.sections.map((s, i) => [s.MasterLabel, `PLAN-ACC-ACME-FY2027-S0${i + 1}`]),
  );
  const years = tree.targets.filter((x) => x.Period_Type__c === 'Year');
  const parts = (year: TargetRow) => tree.targets.filter((x) => x.Parent_Target__c === year.Id);
  expect(years).toHaveLength(template.targets.length);
  expect(tree.targets).toHaveLength(
    template.targets.reduce(
      (n, x) => n + 1 + (x.Period_Type__c === 'Quarter' ? 4 : x.Period_Type__c === 'Month' ? 12 : 0),
      0,
    ),
  );
  expect(report.plans[0].created).toEqual({
    plans: 1,
    sections: template.sections.length,
    targets: tree.targets.length,
  });
  for (const year of years) {
    const spec = template.targets.find((x) => x.Metric__c === year.Metric__c) as (typeof template.targets)[number];
    expect([year.Period_Start__c, year.Period_End__c, year.Target_Value__c]).toEqual([
      FY2027.start,
      FY2027.end,
      spec.Default_Value__c,
    ]);
    const split = parts(year);
    if (spec.Period_Type__c === 'Year') {
      expect(split).toEqual([]);
      continue;
    }
    // The year is the sum of its parts, each in its fiscal quarter or month, of the same section.
    expect(sumCents(split.map((p) => p.Target_Value__c))).toBe(year.Target_Value__c);
    expect(
      split.every((p) => p.Plan_Section__c === year.Plan_Section__c && p.Period_Type__c === spec.Period_Type__c),
    ).toBe(true);
    expect(year.Split_Profile__c).toBe(spec.Split_Profile__c ?? 'Even');
    if (spec.Period_Type__c === 'Quarter') {
      expect(split.map((p) => [p.Period_Start__c, p.Period_End__c])).toEqual(QUARTERS);
      const shares = await profileShares(t, year.Split_Profile__c as string);
      split
        .slice(0, 3)
        .forEach((p, i) => expect(p.Target_Value__c).toBeCloseTo((year.Target_Value__c * shares[i]) / 100, 1));
    } else {
      expect(split.map((p) => p.Period_Start__c)).toEqual(MONTH_STARTS);
      expect(split[11].Period_End__c).toBe('2027-03-31');
    }
  }
  // The template has at least one target split into quarters, so the checks above covered parts.
  expect(years.some((y) => parts(y).length > 0)).toBe(true);
});

it('creates nothing on a second run, reporting every partner as skipped', async () => {
  const before = await countOf(t, 'Plan_Target__c');
  const again = await runPlanCreate(session, { tier: 'Gold', fiscalYear: 2027 });
  expect(outcomes(again)).toEqual({
    'Acme Systems': 'skipped: already has a plan for FY2027',
    'Borealis IT': 'skipped: already has a plan for FY2027',
  });
  expect(again.created).toEqual({ plans: 0, sections: 0, targets: 0 });
  expect(again.plans[0].planId).toBe((await plansOf(t, acme))[0].Id);
  expect(await countOf(t, 'Plan_Target__c')).toBe(before);
  expect(await countOf(t, 'Partner_Account_Plan__c')).toBe(2);
});

it('skips a partner that already has a plan for the year under another key, and takes --owner and --template', async () => {
  const dune = await createTierPartner(t, { name: 'Dune Data', tier: 'Silver', key: 'ACC-DUNE' });
  const existing = await createDraftPlan(t.conn, dune, {
    Name: 'Dune hand-made',
    Fiscal_Year__c: 'FY2027',
    Period_Start__c: FY2027.start,
    Period_End__c: FY2027.end,
  });
  const report = await runPlanCreate(session, { tier: 'Silver', fiscalYear: 2027, owner: pm.username });
  expect(outcomes(report)).toEqual({
    'Cirrus Silver': 'created',
    'Dune Data': `skipped: already has a plan for FY2027 ("Dune hand-made", ${existing})`,
  });
  expect(report.template).toBe('Silver');
  const [cirrus] = report.plans.filter((p) => p.outcome === 'created');
  expect((await planTree(t, cirrus.planId as string)).plan).toMatchObject({ OwnerId: pm.id, Template__c: 'Silver' });
  // One partner by its key, from another tier's template.
  const one = await runPlanCreate(session, { partner: 'ACC-DUNE', fiscalYear: 2028, template: 'Registered' });
  expect(outcomes(one)).toEqual({ 'Dune Data': 'created' });
  expect((await plansOf(t, dune)).map((p) => [p.External_Key__c, p.Template__c, p.Period_Start__c])).toEqual([
    [null, null, FY2027.start],
    ['PLAN-ACC-DUNE-FY2028', 'Registered', '2027-04-01'],
  ]);
});

it("fails a plan whose section the org refuses, with the org's error, and completes it on a rerun", async () => {
  const eon = await createTierPartner(t, { name: 'Eon Partners', tier: 'Platinum', key: 'ACC-EON' });
  // A stray section already holds the first section's key under another plan: the upsert may not move it.
  const other = await createDraftPlan(t.conn, eon, { Name: 'Eon other' });
  const stray = await t.conn
    .sobject('Plan_Section__c')
    .create({ Name: 'Stray', Partner_Account_Plan__c: other, External_Key__c: 'PLAN-ACC-EON-FY2027-S01' });
  const failed = await runPlanCreate(session, { partner: eon, fiscalYear: 2027 });
  const [result] = failed.plans;
  expect(result.outcome).toBe('failed');
  expect(failed.failed).toBe(1);
  expect(result.failures).toEqual([
    expect.objectContaining({
      sobject: 'Plan_Section__c',
      record: 'PLAN-ACC-EON-FY2027-S01',
      errorCode: expect.any(String),
    }),
  ]);
  expect(result.created.plans).toBe(1);
  await t.conn.sobject('Plan_Section__c').destroy(stray.id as string);
  const template = await templateOf(t, 'Platinum');
  const completed = await runPlanCreate(session, { partner: 'ACC-EON', fiscalYear: 2027 });
  expect(completed.plans[0]).toMatchObject({ outcome: 'completed', planId: result.planId, failures: [] });
  expect(completed.plans[0].created.plans).toBe(0);
  const tree = await planTree(t, result.planId as string);
  expect(tree.sections).toHaveLength(template.sections.length);
  expect(tree.targets).toHaveLength(result.created.targets + completed.plans[0].created.targets);
  expect((await runPlanCreate(session, { partner: 'ACC-EON', fiscalYear: 2027 })).plans[0].outcome).toBe('skipped');
});

it('refuses an unknown template or tier, and a non-partner account, before writing', async () => {
  await expect(runPlanCreate(session, { tier: 'Gold', fiscalYear: 2029, template: 'Nope' })).rejects.toThrow(
    'No plan template named "Nope"',
  );
  await expect(runPlanCreate(session, { tier: 'Tin', fiscalYear: 2029 })).rejects.toThrow(
    'No active plan template for the tier "Tin"',
  );
  const customer = (await t.conn.query<{ Id: string }>("SELECT Id FROM Account WHERE Name = 'Gold Customer'"))
    .records[0].Id;
  await expect(runPlanCreate(session, { partner: customer, fiscalYear: 2029 })).rejects.toThrow(
    'not a partner account',
  );
  expect(await countOf(t, 'Partner_Account_Plan__c', "Fiscal_Year__c = 'FY2029'")).toBe(0);
});
