/**
 * `plans rollover` against a local org whose fiscal year starts in April (FY2026 = 2025-04-01 to 2026-03-31,
 * FY2027 = 2026-04-01 to 2027-03-31), over HTTP through jsforce as the script connects. FY2026 plans are made
 * by `plans create`, given actuals and walked to their status; rollover makes each Active or Closed one a Draft
 * FY2027 plan: every target re-dated to the same fiscal quarter or month (or shifted by a year), Previous Plan
 * and Previous Target set, shortfalls carried with --carry-shortfall (a year target's spread over its parts so
 * year = sum of parts), inactive accountable people left blank and an inactive owner replaced by the running
 * user, both reported; other statuses skipped with their status; a second run creates nothing.
 */
import type { OrgSession } from '../../packages/jobs/connection';
import { runPlanCreate } from '../../packages/jobs/plans/create';
import type { PlansReport } from '../../packages/jobs/plans/report';
import { runPlanRollover } from '../../packages/jobs/plans/rollover';
import { movePlanTo } from '../support/lifecycle';
import { startTestOrg, type TestOrg } from '../support/localorg';
import { createTierPartner, plansOf, planTree, sumCents, type TargetRow } from '../support/plans';
import { countOf, scriptSession } from '../support/scripts';
import { createUser, type TestUser } from '../support/security';

let t: TestOrg;
let session: OrgSession;
let ae: TestUser;
let leaver: TestUser;
/** Partner account Ids by name. */
const partners: Record<string, string> = {};
/** The FY2026 plan Ids by partner name. */
const sources: Record<string, string> = {};
const SHORTFALL = 300_000;
/** The first (writing) run's report. */
let first: PlansReport;

/** Sets fields on targets (while their plan is a Draft). */
async function setTargets(rows: TargetRow[], fields: (row: TargetRow) => Record<string, unknown>): Promise<void> {
  const results = await t.conn.sobject('Plan_Target__c').update(rows.map((row) => ({ Id: row.Id, ...fields(row) })));
  if (results.some((r) => !r.success)) throw new Error('could not update the targets');
}

beforeAll(async () => {
  t = await startTestOrg({ fiscalYearStartMonth: 4 });
  session = await scriptSession(t);
  ae = await createUser(t, { alias: 'aeroll', permissionSets: ['Account_Executive'] });
  leaver = await createUser(t, { alias: 'leaver', permissionSets: ['Account_Executive'] });
  for (const [name, tier, key] of [
    ['Acme Systems', 'Gold', 'ACC-ACME'],
    ['Borealis IT', 'Registered', 'ACC-BOR'],
    ['Cirrus Cloud', 'Registered', 'ACC-CIR'],
    ['Dune Data', 'Registered', 'ACC-DUNE'],
  ])
    partners[name] = await createTierPartner(t, { name, tier, key });
  for (const name of Object.keys(partners)) {
    // Borealis's plan is owned by someone who leaves before the rollover.
    const owner = name === 'Borealis IT' ? leaver.username : undefined;
    const report = await runPlanCreate(session, { partner: partners[name], fiscalYear: 2026, owner });
    sources[name] = report.plans[0].planId as string;
  }
  // Acme: a hand-made month target and a shifted quarter-length target besides the template's.
  const acme = await planTree(t, sources['Acme Systems']);
  const section = acme.sections[0].Id;
  await t.conn.sobject('Plan_Target__c').create([
    {
      Plan_Section__c: section,
      Metric__c: 'Joint_Calls',
      Period_Type__c: 'Month',
      Period_Start__c: '2025-05-01',
      Period_End__c: '2025-05-31',
      Target_Value__c: 5,
      Actual_Value__c: 2,
      External_Key__c: 'HAND-MONTH',
    },
    {
      Plan_Section__c: section,
      Metric__c: 'Joint_Calls',
      Period_Type__c: 'Quarter',
      Period_Start__c: '2025-04-15',
      Period_End__c: '2025-07-14',
      Target_Value__c: 10,
      External_Key__c: 'HAND-SHIFTED',
    },
  ]);
  // Actuals: revenue short by SHORTFALL for the year (its quarters short of their own, not carried); the
  // other targets met; one target named on the leaver, one on the AE.
  const targets = (await planTree(t, sources['Acme Systems'])).targets;
  const revenueYear = targets.find((x) => x.Metric__c === 'Closed_Won_Revenue' && x.Period_Type__c === 'Year');
  if (!revenueYear) throw new Error('the Gold template has no Closed_Won_Revenue year target');
  await setTargets(
    targets.filter((x) => !x.External_Key__c?.startsWith('HAND')),
    (x) => ({
      Actual_Value__c:
        x.Id === revenueYear.Id
          ? x.Target_Value__c - SHORTFALL
          : x.Parent_Target__c === revenueYear.Id
            ? 0
            : x.Target_Value__c,
      Accountable_AE__c: x.Id === revenueYear.Id ? leaver.id : x.Parent_Target__c === revenueYear.Id ? ae.id : null,
    }),
  );
  await movePlanTo(t.conn, sources['Acme Systems'], 'Active');
  await movePlanTo(t.conn, sources['Borealis IT'], 'Closed');
  await movePlanTo(t.conn, sources['Dune Data'], 'Partner Review');
  // Cirrus stays a Draft.
  await t.conn.sobject('User').update({ Id: leaver.id, IsActive: false });
}, 120_000);
afterAll(async () => {
  await session.close();
  await t.close();
});

const outcomes = (report: PlansReport): Record<string, string> =>
  Object.fromEntries(report.plans.map((p) => [p.partnerName, p.reason ? `${p.outcome}: ${p.reason}` : p.outcome]));

/** The FY2027 plan of a partner, with its sections and targets. */
async function rolled(name: string) {
  const plan = (await plansOf(t, partners[name])).find((p) => p.Fiscal_Year__c === 'FY2027');
  if (!plan) throw new Error(`${name} has no FY2027 plan`);
  return planTree(t, plan.Id);
}

it('writes nothing in a dry run', async () => {
  const report = await runPlanRollover(session, { fiscalYear: 2027, carryShortfall: true, dryRun: true });
  expect(report.plans.filter((p) => p.outcome === 'planned').map((p) => p.partnerName)).toEqual([
    'Acme Systems',
    'Borealis IT',
  ]);
  expect(await countOf(t, 'Partner_Account_Plan__c', "Fiscal_Year__c = 'FY2027'")).toBe(0);
});

it('rolls the Active and Closed FY2026 plans into FY2027 Drafts and skips the others with their status', async () => {
  const report = await runPlanRollover(session, { fiscalYear: 2027, carryShortfall: true });
  first = report;
  expect(report).toMatchObject({
    fiscalYear: 'FY2027',
    fromFiscalYear: 'FY2026',
    period: { start: '2026-04-01', end: '2027-03-31' },
    failed: 0,
    failures: [],
  });
  expect(outcomes(report)).toEqual({
    'Acme Systems': 'created',
    'Borealis IT': 'created',
    'Cirrus Cloud': 'skipped: status Draft: only Active and Closed plans roll over',
    'Dune Data': 'skipped: status Partner Review: only Active and Closed plans roll over',
  });
  const source = await planTree(t, sources['Acme Systems']);
  const next = await rolled('Acme Systems');
  expect(next.plan).toMatchObject({
    Name: 'Acme Systems FY2027 Plan',
    External_Key__c: 'PLAN-ACC-ACME-FY2027',
    Status__c: 'Draft',
    Fiscal_Year__c: 'FY2027',
    Period_Start__c: '2026-04-01',
    Period_End__c: '2027-03-31',
    Previous_Plan__c: source.plan.Id,
    Partner_Account__c: partners['Acme Systems'],
    OwnerId: source.plan.OwnerId,
    Vision__c: source.plan.Vision__c,
  });
  expect(next.sections.map((s) => [s.Name, s.Section_Type__c, s.Summary__c])).toEqual(
    source.sections.map((s) => [s.Name, s.Section_Type__c, s.Summary__c]),
  );
  expect(next.targets).toHaveLength(source.targets.length);
  expect(report.plans[0].created).toEqual({
    plans: 1,
    sections: source.sections.length,
    targets: source.targets.length,
  });
  expect((await rolled('Borealis IT')).plan.Previous_Plan__c).toBe(sources['Borealis IT']);
});

it('re-dates every target to the same fiscal quarter or month of the next April year', async () => {
  const source = await planTree(t, sources['Acme Systems']);
  const next = await rolled('Acme Systems');
  const previousOf = (row: TargetRow) => source.targets.find((x) => x.Id === row.Previous_Target__c) as TargetRow;
  const moves = new Set(
    next.targets.map(
      (x) =>
        `${previousOf(x).Period_Start__c}..${previousOf(x).Period_End__c} -> ${x.Period_Start__c}..${x.Period_End__c}`,
    ),
  );
  expect([...moves].sort()).toEqual([
    '2025-04-01..2025-06-30 -> 2026-04-01..2026-06-30',
    '2025-04-01..2026-03-31 -> 2026-04-01..2027-03-31',
    '2025-04-15..2025-07-14 -> 2026-04-15..2026-07-14',
    '2025-05-01..2025-05-31 -> 2026-05-01..2026-05-31',
    '2025-07-01..2025-09-30 -> 2026-07-01..2026-09-30',
    '2025-10-01..2025-12-31 -> 2026-10-01..2026-12-31',
    '2026-01-01..2026-03-31 -> 2027-01-01..2027-03-31',
  ]);
  // Every target points back to its own, with its metric, type and weight; parts to their new year target.
  for (const row of next.targets) {
    const old = previousOf(row);
    expect([row.Metric__c, row.Period_Type__c, row.Weight__c]).toEqual([
      old.Metric__c,
      old.Period_Type__c,
      old.Weight__c,
    ]);
    if (old.Parent_Target__c)
      expect(previousOf(next.targets.find((x) => x.Id === row.Parent_Target__c) as TargetRow).Id).toBe(
        old.Parent_Target__c,
      );
    else expect(row.Parent_Target__c).toBeNull();
  }
});

it('carries the shortfalls: a year target its own, spread over its parts; parts and other shapes not their own', async () => {
  const source = await planTree(t, sources['Acme Systems']);
  const next = await rolled('Acme Systems');
  const previousOf = (row: TargetRow) => source.targets.find((x) => x.Id === row.Previous_Target__c) as TargetRow;
  const year = next.targets.find(
    (x) => x.Metric__c === 'Closed_Won_Revenue' && x.Period_Type__c === 'Year',
  ) as TargetRow;
  const oldYear = previousOf(year);
  expect([year.Carried_Shortfall__c, year.Target_Value__c]).toEqual([SHORTFALL, oldYear.Target_Value__c + SHORTFALL]);
  const parts = next.targets.filter((x) => x.Parent_Target__c === year.Id);
  expect(parts).toHaveLength(4);
  // Each part carries the year's shortfall in proportion to its value (its own shortfall, all of it, is not carried).
  expect(sumCents(parts.map((p) => p.Carried_Shortfall__c as number))).toBe(SHORTFALL);
  for (const part of parts) {
    const old = previousOf(part);
    expect(part.Carried_Shortfall__c).toBeCloseTo((SHORTFALL * old.Target_Value__c) / oldYear.Target_Value__c, 1);
    expect(part.Target_Value__c).toBe(sumCents([old.Target_Value__c, part.Carried_Shortfall__c as number]));
  }
  expect(sumCents(parts.map((p) => p.Target_Value__c))).toBe(year.Target_Value__c);
  // Met targets carry 0; a Rate metric (Fund_Utilization) and a target without an actual carry nothing.
  const met = next.targets.find((x) => x.Metric__c === 'Pipeline_Created' && x.Period_Type__c === 'Year') as TargetRow;
  expect([met.Carried_Shortfall__c, met.Target_Value__c]).toEqual([0, previousOf(met).Target_Value__c]);
  const rate = next.targets.find((x) => x.Metric__c === 'Fund_Utilization') as TargetRow;
  expect(rate.Carried_Shortfall__c).toBeNull();
  const month = next.targets.find((x) => previousOf(x).External_Key__c === 'HAND-MONTH') as TargetRow;
  expect([month.Carried_Shortfall__c, month.Target_Value__c]).toEqual([3, 8]);
  const noActual = next.targets.find((x) => previousOf(x).External_Key__c === 'HAND-SHIFTED') as TargetRow;
  expect([noActual.Carried_Shortfall__c, noActual.Target_Value__c]).toEqual([null, 10]);
});

it('keeps accountable people and owners who are still active, replaces the inactive and reports them', async () => {
  const next = await rolled('Acme Systems');
  const revenue = next.targets.filter((x) => x.Metric__c === 'Closed_Won_Revenue');
  expect(revenue.map((x) => x.Accountable_AE__c)).toEqual([null, ae.id, ae.id, ae.id, ae.id]);
  const acme = first.plans.find((p) => p.partnerName === 'Acme Systems');
  expect(acme?.notes).toEqual([
    expect.stringMatching(
      new RegExp(
        `^the accountable AE of target PLAN-ACC-ACME-FY2026-T\\d{3} \\(Closed_Won_Revenue\\) ${leaver.id} is inactive: left blank$`,
      ),
    ),
  ]);
  // A plan whose owner left is owned by the running user.
  expect(first.plans.find((p) => p.partnerName === 'Borealis IT')?.notes).toEqual([
    'the plan owner is inactive: the running user owns the new plan',
  ]);
  expect((await rolled('Borealis IT')).plan.OwnerId).toBe(t.org.adminUserId);
});

it('creates nothing on a second run and says why each plan was skipped', async () => {
  const before = await countOf(t, 'Plan_Target__c');
  const again = await runPlanRollover(session, { fiscalYear: 2027, carryShortfall: true });
  expect(outcomes(again)).toEqual({
    'Acme Systems': 'skipped: already has a plan for FY2027',
    'Borealis IT': 'skipped: already has a plan for FY2027',
    'Cirrus Cloud': 'skipped: status Draft: only Active and Closed plans roll over',
    'Dune Data': 'skipped: status Partner Review: only Active and Closed plans roll over',
  });
  expect(again.created).toEqual({ plans: 0, sections: 0, targets: 0 });
  expect(await countOf(t, 'Plan_Target__c')).toBe(before);
});
