/**
 * Every shipped report runs through the Analytics REST API (jsforce's analytics client, real HTTP) against a
 * seeded and rolled-up local org, and its totals and groups equal the same figures computed by hand-written
 * SQL over the org's tables: an independent check of the runner and of each report's own metadata (its
 * report type's joins, its filters with their relative dates and filter logic, its summaries).
 */
import type { Connection } from 'jsforce';
import type { TestOrg } from '../support/localorg';
import { reportByName, runReport, seededOrg, sqlOf, type SqlRunner } from '../support/analytics';

let t: TestOrg;
let sql: SqlRunner;

beforeAll(async () => {
  t = await seededOrg({ rollup: true });
  sql = sqlOf(t);
}, 180_000);
afterAll(() => t.close());

const conn = (): Connection => t.conn;

/** The fact map's grand total aggregates, by aggregate name. */
async function totals(name: string): Promise<Record<string, number | null>> {
  const result = await runReport(conn(), await reportByName(conn(), name));
  const names = result.reportMetadata.aggregates;
  return Object.fromEntries(result.factMap['T!T'].aggregates.map((a, i) => [names[i], a.value as number | null]));
}

const close = (a: number | null | undefined, b: number | null | undefined): void => {
  expect(a).not.toBeNull();
  expect(a).toBeCloseTo(b ?? NaN, 6);
};

const T = 'Partner_Account_Plan__c.Plan_Sections__r.Plan_Targets__r$';
const P = 'Partner_Account_Plan__c$';

it('Attainment by Partner and Tier: average, smallest and largest plan attainment and rows, per tier', async () => {
  const rows = sql`SELECT a.Partner_Tier__c AS tier, p.Overall_Attainment__c AS att
    FROM ${'Partner_Account_Plan__c'} p JOIN ${'Plan_Section__c'} s ON s.Partner_Account_Plan__c = p.Id
    LEFT JOIN ${'Plan_Target__c'} t ON t.Plan_Section__c = s.Id
    LEFT JOIN ${'Account'} a ON a.Id = p.Partner_Account__c
    WHERE p.Status__c IN ('Accepted','Active','In Revision','Partner Review')`;
  const att = rows.map((r) => r.att).filter((v): v is number => v !== null);
  const got = await totals('Attainment by Partner and Tier');
  expect(rows.length).toBeGreaterThan(20);
  expect(got.RowCount).toBe(rows.length);
  close(got[`a!${P}Overall_Attainment__c`], att.reduce((a, b) => a + b, 0) / att.length);
  close(got[`m!${P}Overall_Attainment__c`], Math.min(...att));
  close(got[`x!${P}Overall_Attainment__c`], Math.max(...att));
  const result = await runReport(conn(), await reportByName(conn(), 'Attainment by Partner and Tier'));
  const byTier = Object.fromEntries(
    (result.groupingsDown?.groupings ?? []).map((g) => [
      g.value ?? '',
      result.factMap[`${g.key}!T`].aggregates.at(-1)?.value,
    ]),
  );
  const expected: Record<string, number> = {};
  for (const r of rows) expected[String(r.tier ?? '')] = (expected[String(r.tier ?? '')] ?? 0) + 1;
  expect(byTier).toEqual(expected);
});

it('Actions vs Closed Won by Pair: target and actual sums, average attainment, rows', async () => {
  const rows = sql`SELECT t.Target_Value__c AS tv, t.Actual_Value__c AS av, t.Attainment__c AS att
    FROM ${'Partner_Account_Plan__c'} p JOIN ${'Plan_Section__c'} s ON s.Partner_Account_Plan__c = p.Id
    JOIN ${'Plan_Target__c'} t ON t.Plan_Section__c = s.Id
    WHERE p.Status__c IN ('Accepted','Active','In Revision','Closed')
      AND t.Metric__c IN ('Closed_Won_Revenue','Closed_Won_Deals','Total_APR_Actions','Joint_Calls',
        'Deal_Registrations','Customer_Meetings','Demos','Proposals')`;
  const got = await totals('Actions vs Closed Won by Pair');
  const sum = (k: string): number => rows.reduce((a, r) => a + Number(r[k] ?? 0), 0);
  const att = rows.map((r) => r.att).filter((v): v is number => v !== null);
  expect(got.RowCount).toBe(rows.length);
  close(got[`s!${T}Target_Value__c`], sum('tv'));
  close(got[`s!${T}Actual_Value__c`], sum('av'));
  close(got[`a!${T}Attainment__c`], att.reduce((a, b) => a + b, 0) / att.length);
});

it('APR Actions Leaderboard This Quarter: actions dated in the fiscal quarter and their quantity', async () => {
  const rows = sql`SELECT x.Quantity__c AS q FROM ${'Opportunity'} o JOIN ${'APR_Action__c'} x ON x.Opportunity__c = o.Id
    WHERE x.Action_Date__c >= '2026-10-01' AND x.Action_Date__c < '2027-01-01'`;
  const got = await totals('APR Actions Leaderboard This Quarter');
  expect(rows.length).toBeGreaterThan(10);
  expect(got.RowCount).toBe(rows.length);
  close(
    got['s!Opportunity.APR_Actions__r$Quantity__c'],
    rows.reduce((a, r) => a + Number(r.q ?? 0), 0),
  );
});

it('Joint Investment Spend vs Budget and Training and Certification Progress: their sections only', async () => {
  for (const [name, type] of [
    ['Joint Investment Spend vs Budget', 'Joint Investment'],
    ['Training and Certification Progress', 'Training and Certification'],
  ]) {
    const rows = sql`SELECT t.Target_Value__c AS tv, t.Actual_Value__c AS av
      FROM ${'Partner_Account_Plan__c'} p JOIN ${'Plan_Section__c'} s ON s.Partner_Account_Plan__c = p.Id
      LEFT JOIN ${'Plan_Target__c'} t ON t.Plan_Section__c = s.Id
      WHERE p.Status__c IN ('Accepted','Active','In Revision','Closed') AND s.Section_Type__c = ${type}`;
    const got = await totals(name);
    expect(got.RowCount).toBe(rows.length);
    close(
      got[`s!${T}Target_Value__c`],
      rows.reduce((a, r) => a + Number(r.tv ?? 0), 0),
    );
    close(
      got[`s!${T}Actual_Value__c`],
      rows.reduce((a, r) => a + Number(r.av ?? 0), 0),
    );
  }
});

it('Pipeline Created by Partner: partner deals created this fiscal year and their amount', async () => {
  const rows = sql`SELECT Amount AS amount FROM ${'Opportunity'}
    WHERE Partner_Account__c IS NOT NULL AND CreatedDate >= '2026-01-01' AND CreatedDate < '2027-01-01'`;
  const got = await totals('Pipeline Created by Partner');
  expect(rows.length).toBeGreaterThan(10);
  expect(got.RowCount).toBe(rows.length);
  close(
    got['s!Opportunity$Amount'],
    rows.reduce((a, r) => a + Number(r.amount ?? 0), 0),
  );
});

it('Plan Acceptance and Revision History: accepted (version > 0) or changes-requested plans (filter logic 1 OR 2)', async () => {
  const rows = sql`SELECT t.Id FROM ${'Partner_Account_Plan__c'} p JOIN ${'Plan_Section__c'} s ON s.Partner_Account_Plan__c = p.Id
    LEFT JOIN ${'Plan_Target__c'} t ON t.Plan_Section__c = s.Id
    WHERE p.Version__c > 0 OR p.Changes_Requested_On__c IS NOT NULL`;
  expect((await totals('Plan Acceptance and Revision History')).RowCount).toBe(rows.length);
});

it('Plans Awaiting Partner Review: plans in Partner Review', async () => {
  const rows = sql`SELECT t.Id FROM ${'Partner_Account_Plan__c'} p JOIN ${'Plan_Section__c'} s ON s.Partner_Account_Plan__c = p.Id
    LEFT JOIN ${'Plan_Target__c'} t ON t.Plan_Section__c = s.Id WHERE p.Status__c = 'Partner Review'`;
  expect(rows.length).toBeGreaterThan(0);
  expect((await totals('Plans Awaiting Partner Review')).RowCount).toBe(rows.length);
});

it('Rollup Run History: runs started in the last 30 days, with their written records', async () => {
  const rows = sql`SELECT Records_Written__c AS w FROM ${'Rollup_Run__c'} WHERE Started_At__c >= '2026-10-26' AND Started_At__c < '2026-11-26'`;
  const got = await totals('Rollup Run History');
  expect(rows.length).toBeGreaterThan(0);
  expect(got.RowCount).toBe(rows.length);
  close(
    got['s!Rollup_Run__c$Records_Written__c'],
    rows.reduce((a, r) => a + Number(r.w ?? 0), 0),
  );
});

it('Stale Partner Deals by Owner: open partner deals idle 14 days or never touched (1 AND 2 AND (3 OR 4))', async () => {
  const rows = sql`SELECT Amount AS amount, APR_Action_Count__c AS n FROM ${'Opportunity'}
    WHERE IsClosed = 0 AND Partner_Account__c IS NOT NULL
      AND (Last_APR_Action_Date__c < '2026-11-11' OR Last_APR_Action_Date__c IS NULL)`;
  const got = await totals('Stale Partner Deals by Owner');
  expect(rows.length).toBeGreaterThan(0);
  expect(got.RowCount).toBe(rows.length);
  close(
    got['s!Opportunity$Amount'],
    rows.reduce((a, r) => a + Number(r.amount ?? 0), 0),
  );
  close(
    got['s!Opportunity$APR_Action_Count__c'],
    rows.reduce((a, r) => a + Number(r.n ?? 0), 0),
  );
});

it('Targets Behind by Partner Manager: behind targets of live plans, average and lowest attainment', async () => {
  const rows = sql`SELECT t.Attainment__c AS att FROM ${'Partner_Account_Plan__c'} p
    JOIN ${'Plan_Section__c'} s ON s.Partner_Account_Plan__c = p.Id JOIN ${'Plan_Target__c'} t ON t.Plan_Section__c = s.Id
    WHERE t.Pace_Status__c = 'Behind' AND p.Status__c IN ('Accepted','Active','In Revision')`;
  const att = rows.map((r) => r.att).filter((v): v is number => v !== null);
  const got = await totals('Targets Behind by Partner Manager');
  expect(rows.length).toBeGreaterThan(0);
  expect(got.RowCount).toBe(rows.length);
  close(got[`a!${T}Attainment__c`], att.reduce((a, b) => a + b, 0) / att.length);
  close(got[`m!${T}Attainment__c`], Math.min(...att));
});

it('runs every shipped report in the list, and each fact map holds every grouping key', async () => {
  const list = await conn().analytics.reports();
  expect(list.map((r) => r.name)).toHaveLength(11);
  for (const info of list) {
    const result = await runReport(conn(), info.id);
    const keys = new Set(Object.keys(result.factMap));
    const walk = (groups: { key: string; groupings: { key: string }[] }[]): void => {
      for (const g of groups) {
        if (result.reportMetadata.reportFormat !== 'MATRIX') expect(keys.has(`${g.key}!T`)).toBe(true);
        walk(g.groupings as never);
      }
    };
    walk(result.groupingsDown?.groupings ?? []);
    expect(keys.has('T!T')).toBe(true);
  }
});
