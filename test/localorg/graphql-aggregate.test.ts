/**
 * UI API GraphQL aggregate queries through parents, as the GraphQL API documents them: `groupBy` on a
 * parent's field (`Owner: { Name: { group: true } }`, nested through several parents) read back under the
 * same path in `aggregate`, functions on a parent's field, `where` through parents with date literals
 * (`{ literal: THIS_FISCAL_QUARTER }`), and the refusals (a grouped value not grouped, grouping functions,
 * an unknown relationship). Run as the caller: another user's aggregate counts only what they can see.
 */
import { startTestOrg, type TestOrg } from '../support/localorg';
import { gql } from '../support/ui-api';
import { createPlan, createPlanAudience, type PlanAudience } from '../support/security';

let t: TestOrg;
let audience: PlanAudience;
let gold: string;
let silver: string;

type Rows = Record<string, unknown>[];
const rowsOf = (data: Record<string, unknown> | null, object: string): Rows =>
  (
    data as { uiapi: { aggregate: Record<string, { edges: { node: { aggregate: Record<string, unknown> } }[] }> } }
  ).uiapi.aggregate[object].edges.map((e) => e.node.aggregate);
const sorted = (rows: Rows): Rows => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

beforeAll(async () => {
  t = await startTestOrg();
  audience = await createPlanAudience(t);
  gold = (
    await t.conn.sobject('Account').create({ Name: 'Gold One', Partner_Type__c: 'Reseller', Partner_Tier__c: 'Gold' })
  ).id!;
  silver = (
    await t.conn
      .sobject('Account')
      .create({ Name: 'Silver One', Partner_Type__c: 'Referral', Partner_Tier__c: 'Silver' })
  ).id!;
  await createPlan(t.conn, gold, 'Gold plan A', [100, 300]);
  await createPlan(t.conn, gold, 'Gold plan B', [50]);
  await createPlan(t.conn, silver, 'Silver plan', [10]);
}, 60_000);
afterAll(() => t.close());

describe('grouping by a parent field', () => {
  it('groups by a parent field and reads it back under the same path, with count and countDistinct', async () => {
    const answer = await gql(
      t.conn,
      `{ uiapi { aggregate { Partner_Account_Plan__c(groupBy: { Partner_Account__r: { Partner_Tier__c: { group: true } } }) {
        edges { node { aggregate {
          Partner_Account__r { Partner_Tier__c { value } }
          Id { count { value } }
          Partner_Account__c { countDistinct { value } }
        } } } } } } }`,
    );
    expect(answer.errors).toBeUndefined();
    expect(sorted(rowsOf(answer.data, 'Partner_Account_Plan__c'))).toEqual([
      {
        Partner_Account__r: { Partner_Tier__c: { value: 'Gold' } },
        Id: { count: { value: 2 } },
        Partner_Account__c: { countDistinct: { value: 1 } },
      },
      {
        Partner_Account__r: { Partner_Tier__c: { value: 'Silver' } },
        Id: { count: { value: 1 } },
        Partner_Account__c: { countDistinct: { value: 1 } },
      },
      {
        Partner_Account__r: { Partner_Tier__c: { value: null } },
        Id: { count: { value: 1 } },
        Partner_Account__c: { countDistinct: { value: 1 } },
      },
    ]);
  });

  it('groups through two parents, with aliases, and sums and averages per group', async () => {
    const answer = await gql(
      t.conn,
      `{ uiapi { aggregate { Plan_Target__c(
          where: { Plan_Section__r: { Partner_Account_Plan__r: { Partner_Account__r: { Partner_Tier__c: { eq: "Gold" } } } } }
          groupBy: { Plan_Section__r: { Partner_Account_Plan__r: { Name: { group: true } } } }
        ) {
        edges { node { aggregate {
          Plan_Section__r { plan: Partner_Account_Plan__r { Name { value displayValue } } }
          total: Target_Value__c { sum { value } avg { value } }
        } } } } } } }`,
    );
    expect(answer.errors).toBeUndefined();
    expect(sorted(rowsOf(answer.data, 'Plan_Target__c'))).toEqual([
      {
        Plan_Section__r: { plan: { Name: { value: 'Gold plan A', displayValue: 'Gold plan A' } } },
        total: { sum: { value: 400 }, avg: { value: 200 } },
      },
      {
        Plan_Section__r: { plan: { Name: { value: 'Gold plan B', displayValue: 'Gold plan B' } } },
        total: { sum: { value: 50 }, avg: { value: 50 } },
      },
    ]);
  });

  it("aggregates a parent's field", async () => {
    const answer = await gql(
      t.conn,
      `{ uiapi { aggregate { Plan_Target__c(groupBy: { Plan_Section__r: { Partner_Account_Plan__c: { group: true } } }) {
        edges { node { aggregate {
          Plan_Section__r { Partner_Account_Plan__r { Period_Start__c { min { value } } } Partner_Account_Plan__c { value } }
          Id { count { value } }
        } } } } } } }`,
    );
    expect(answer.errors).toBeUndefined();
    const rows = rowsOf(answer.data, 'Plan_Target__c');
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => (r.Id as { count: { value: number } }).count.value).sort()).toEqual([1, 1, 1, 2]);
    for (const row of rows)
      expect(row.Plan_Section__r).toMatchObject({
        Partner_Account_Plan__r: { Period_Start__c: { min: { value: '2026-01-01' } } },
      });
  });

  it('refuses a parent value that is not grouped, grouping functions and unknown relationships', async () => {
    const notGrouped = await gql(
      t.conn,
      '{ uiapi { aggregate { Partner_Account_Plan__c { edges { node { aggregate { Partner_Account__r { Name { value } } } } } } } } }',
    );
    expect(notGrouped.errors?.[0].message).toBe(
      'Partner_Account__r.Name is not grouped: select one of its aggregate functions instead',
    );
    const fn = await gql(
      t.conn,
      '{ uiapi { aggregate { Partner_Account_Plan__c(groupBy: { Period_Start__c: { function: CALENDAR_YEAR } }) { edges { node { aggregate { Id { count { value } } } } } } } } }',
    );
    expect(fn.errors?.[0].message).toMatch(/Grouping functions \(CALENDAR_YEAR\) are not supported by the local org/);
    const unknown = await gql(
      t.conn,
      '{ uiapi { aggregate { Partner_Account_Plan__c(groupBy: { Nowhere__r: { Name: { group: true } } }) { edges { node { aggregate { Id { count { value } } } } } } } } }',
    );
    expect(unknown.errors?.[0].message).toMatch(/Nowhere__r/);
  });
});

describe('filters and the caller', () => {
  it('filters with a date literal such as THIS_FISCAL_QUARTER', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const lastYear = new Date(Date.now() - 400 * 86_400_000).toISOString().slice(0, 10);
    for (const [date, quantity] of [
      [today, 2],
      [today, 3],
      [lastYear, 7],
    ] as const)
      await t.conn.sobject('APR_Action__c').create({
        Action_Type__c: 'Joint Call',
        Action_Date__c: date,
        Quantity__c: quantity,
        Partner_Account__c: gold,
        Actor__c: audience.pm.id,
      });
    const answer = await gql(
      t.conn,
      `{ uiapi { aggregate { APR_Action__c(
          where: { Action_Date__c: { eq: { literal: THIS_FISCAL_QUARTER } } }
          groupBy: { Actor__r: { Name: { group: true } } }
        ) { edges { node { aggregate { Actor__r { Name { value } } Quantity__c { sum { value } } Id { count { value } } } } } } } } }`,
    );
    expect(answer.errors).toBeUndefined();
    expect(rowsOf(answer.data, 'APR_Action__c')).toEqual([
      { Actor__r: { Name: { value: 'pm' } }, Quantity__c: { sum: { value: 5 } }, Id: { count: { value: 2 } } },
    ]);
  });

  it("counts only what the caller can see: an AE sees none of the admin's plans", async () => {
    const query = `{ uiapi { aggregate { Partner_Account_Plan__c(groupBy: { Partner_Account__r: { Name: { group: true } } }) {
      edges { node { aggregate { Partner_Account__r { Name { value } } Id { count { value } } } } } } } } }`;
    const asAdmin = await gql(t.conn, query);
    expect(rowsOf(asAdmin.data, 'Partner_Account_Plan__c')).toHaveLength(3);
    const asPm = await gql(audience.pm.conn, query);
    expect(asPm.errors).toBeUndefined();
    expect(rowsOf(asPm.data, 'Partner_Account_Plan__c')).toEqual([
      { Partner_Account__r: { Name: { value: 'Orion Partners' } }, Id: { count: { value: 1 } } },
    ]);
    const asAe = await gql(audience.ae.conn, query);
    expect(asAe.errors).toBeUndefined();
    expect(rowsOf(asAe.data, 'Partner_Account_Plan__c')).toEqual([]);
  });
});
