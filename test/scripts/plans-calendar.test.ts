/**
 * The plans job's fiscal years (planYearOf) against a local org with a custom 4-4-5 FY2027 from Sunday
 * 2026-03-29 and standard April years otherwise: the custom year's quarters and months come from the org's
 * calendar and Period rows, a standard year's months are calendar months; `plans create` dates a plan and its
 * quarter targets by the custom year. Expected dates are worked out by hand.
 */
import type { OrgSession } from '../../packages/jobs/connection';
import { readFiscalCalendar } from '../../packages/jobs/fiscal';
import { addDays } from '../../packages/jobs/periods';
import { planYearOf } from '../../packages/jobs/plans/calendar';
import { runPlanCreate } from '../../packages/jobs/plans/create';
import type { CustomFiscalYearSpec } from '../../packages/localorg/fiscal';
import { startTestOrg, type TestOrg } from '../support/localorg';
import { createTierPartner, planTree } from '../support/plans';
import { scriptSession } from '../support/scripts';

/** Twelve periods of 4, 4 and 5 weeks from Sunday 2026-03-29. */
const FY2027: CustomFiscalYearSpec = {
  year: 2027,
  periods: Array.from({ length: 12 }, (_, i) => {
    const weeksBefore = Math.floor(i / 3) * 13 + [0, 4, 8][i % 3];
    const start = addDays('2026-03-29', weeksBefore * 7);
    return { start, end: addDays(start, (i % 3 === 2 ? 5 : 4) * 7 - 1) };
  }),
};
const QUARTERS = [
  { start: '2026-03-29', end: '2026-06-27' },
  { start: '2026-06-28', end: '2026-09-26' },
  { start: '2026-09-27', end: '2026-12-26' },
  { start: '2026-12-27', end: '2027-03-27' },
];

let t: TestOrg;
let session: OrgSession;

beforeAll(async () => {
  t = await startTestOrg({ fiscalYearStartMonth: 4, fiscalYearNameStart: true, customFiscalYears: [FY2027] });
  session = await scriptSession(t);
}, 60_000);
afterAll(async () => {
  await session.close();
  await t.close();
});

it("takes a custom year's quarters and months from the org", async () => {
  const year = await planYearOf(session, await readFiscalCalendar(session), 2027);
  expect(year.label).toBe('FY2027');
  expect(year.periods.year).toEqual({ start: '2026-03-29', end: '2027-03-27' });
  expect(year.periods.quarters).toEqual(QUARTERS);
  expect(year.periods.months).toEqual(FY2027.periods);
  expect(year.periods.months.slice(0, 3)).toEqual([
    { start: '2026-03-29', end: '2026-04-25' },
    { start: '2026-04-26', end: '2026-05-23' },
    { start: '2026-05-24', end: '2026-06-27' },
  ]);
});

it("gives a standard year its calendar months from the year's first day", async () => {
  const year = await planYearOf(session, await readFiscalCalendar(session), 2029);
  expect(year.periods.year).toEqual({ start: '2029-04-01', end: '2030-03-31' });
  expect(year.periods.quarters.map((q) => q.start)).toEqual(['2029-04-01', '2029-07-01', '2029-10-01', '2030-01-01']);
  expect(year.periods.months[1]).toEqual({ start: '2029-05-01', end: '2029-05-31' });
  expect(year.periods.months[10]).toEqual({ start: '2030-02-01', end: '2030-02-28' });
});

it("dates a created plan and its quarter targets by the custom year's quarters", async () => {
  const partner = await createTierPartner(t, { name: 'Fiscal Partner', tier: 'Gold', key: 'ACC-FIS' });
  const report = await runPlanCreate(session, { partner, fiscalYear: 2027 });
  expect(report.plans[0]).toMatchObject({ outcome: 'created', planKey: 'PLAN-ACC-FIS-FY2027' });
  const tree = await planTree(t, report.plans[0].planId as string);
  expect([tree.plan.Period_Start__c, tree.plan.Period_End__c]).toEqual(['2026-03-29', '2027-03-27']);
  const year = tree.targets.find(
    (x) => x.Period_Type__c === 'Year' && tree.targets.some((p) => p.Parent_Target__c === x.Id),
  );
  const parts = tree.targets.filter((p) => p.Parent_Target__c === year?.Id);
  expect(parts.map((p) => ({ start: p.Period_Start__c, end: p.Period_End__c }))).toEqual(QUARTERS);
});
