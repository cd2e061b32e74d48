/**
 * The rollup reads each metric's direction, shape and thresholds, on a small dataset whose every figure is
 * worked out by hand below, as of 2026-02-14 (Q1 2026 half elapsed: 45 of 90 days; Q4 2025 closed; Q2 2026
 * not started). Metrics the catalog lacks (lower is better, a snapshot without a date field, custom
 * thresholds) are added to a copy of force-app.
 */
import { rmSync } from 'node:fs';
import type { Connection } from 'jsforce';
import { startTestOrg, type TestOrg } from '../support/localorg';
import { userIdOf } from '../support/lifecycle';
import { create, forceAppWithMetrics, metricXml, rollupAsOf, targetValues, type Rec } from '../support/rollup';

const AS_OF = '2026-02-14';
const Q4 = { Period_Type__c: 'Quarter', Period_Start__c: '2025-10-01', Period_End__c: '2025-12-31' };
const Q1 = { Period_Type__c: 'Quarter', Period_Start__c: '2026-01-01', Period_End__c: '2026-03-31' };
const Q2 = { Period_Type__c: 'Quarter', Period_Start__c: '2026-04-01', Period_End__c: '2026-06-30' };

const opportunityMetric = (label: string, values: Record<string, string | number>): string =>
  metricXml(label, {
    Active__c: true,
    Source_Object__c: 'Opportunity',
    Partner_Path__c: 'Partner_Account__c',
    Person_Path__c: 'OwnerId',
    Accountable_Person__c: 'None',
    Customer_Path__c: 'AccountId',
    Unit__c: 'Count',
    ...values,
  });

const TEST_METRICS = {
  Lost_Deal_Count: opportunityMetric('Lost Deal Count', {
    Aggregate__c: 'COUNT',
    Date_Field__c: 'CloseDate',
    Filter__c: 'IsClosed = true AND IsWon = false',
    Direction__c: 'Lower is better',
    Shape__c: 'Cumulative',
  }),
  Average_Lost_Deal: opportunityMetric('Average Lost Deal', {
    Aggregate__c: 'AVG',
    Value_Field__c: 'Amount',
    Date_Field__c: 'CloseDate',
    Filter__c: 'IsClosed = true AND IsWon = false',
    Unit__c: 'Currency',
    Direction__c: 'Lower is better',
    Shape__c: 'Rate',
  }),
  Open_Deals_Now: opportunityMetric('Open Deals Now', {
    Aggregate__c: 'COUNT',
    Filter__c: 'IsClosed = false',
    Direction__c: 'Higher is better',
    Shape__c: 'Snapshot',
  }),
  Won_Deals_Wide: opportunityMetric('Won Deals Wide', {
    Aggregate__c: 'COUNT',
    Date_Field__c: 'CloseDate',
    Filter__c: 'IsWon = true',
    Direction__c: 'Higher is better',
    Shape__c: 'Cumulative',
    Ahead_Threshold__c: 150,
    Behind_Threshold__c: 50,
  }),
};

describe('rollup by metric semantics', () => {
  let root: string;
  let t: TestOrg;
  const ids: Record<string, string> = {};
  let sales: string;
  let marketing: string;
  let plan: string;

  async function build(conn: Connection): Promise<void> {
    const me = await userIdOf(conn);
    const partner = await create(conn, 'Account', { Name: 'Partner', Partner_Type__c: 'Reseller' });
    plan = await create(conn, 'Partner_Account_Plan__c', {
      Name: 'Plan',
      Partner_Account__c: partner,
      Period_Start__c: '2025-10-01',
      Period_End__c: '2026-09-30',
    });
    sales = await create(conn, 'Plan_Section__c', { Name: 'Sales', Partner_Account_Plan__c: plan });
    marketing = await create(conn, 'Plan_Section__c', { Name: 'Marketing', Partner_Account_Plan__c: plan });
    const target = async (
      key: string,
      section: string,
      metric: string,
      period: Rec,
      value: number,
      extra: Rec = {},
    ) => {
      ids[key] = await create(conn, 'Plan_Target__c', {
        Plan_Section__c: section,
        Metric__c: metric,
        ...period,
        Target_Value__c: value,
        ...extra,
      });
    };
    await target('revenueQ1', sales, 'Closed_Won_Revenue', Q1, 100000);
    await target('revenueQ4', sales, 'Closed_Won_Revenue', Q4, 40000);
    await target('dealsQ4', sales, 'Closed_Won_Deals', Q4, 2);
    await target('dealsQ1', sales, 'Closed_Won_Deals', Q1, 3);
    await target('wideQ1', sales, 'Won_Deals_Wide', Q1, 3);
    await target('winRateQ1', sales, 'Win_Rate', Q1, 40);
    await target('lostQ1', sales, 'Lost_Deal_Count', Q1, 6);
    await target('lostQ4', sales, 'Lost_Deal_Count', Q4, 0);
    await target('averageLostQ1', sales, 'Average_Lost_Deal', Q1, 25000);
    await target('openNowQ1', sales, 'Open_Deals_Now', Q1, 4);
    await target('openNowQ2', sales, 'Open_Deals_Now', Q2, 4);
    // Measured at 3 while Q4 was open: a closed snapshot keeps it.
    await target('openNowQ4Frozen', sales, 'Open_Deals_Now', Q4, 4, { Actual_Value__c: 3 });
    await target('openNowQ4New', sales, 'Open_Deals_Now', Q4, 4);
    await target('pipelineQ1', sales, 'Open_Pipeline', Q1, 40000);
    await target('spendQ1', marketing, 'Marketing_Spend', Q1, 10000);
    await target('spendQ4', marketing, 'Marketing_Spend', Q4, 5000);
    const opp = (name: string, stage: string, close: string, amount: number) =>
      create(conn, 'Opportunity', {
        Name: name,
        StageName: stage,
        CloseDate: close,
        Amount: amount,
        Partner_Account__c: partner,
      });
    await opp('W0', 'Closed Won', '2025-11-10', 50000);
    await opp('L0', 'Closed Lost', '2025-12-01', 8000);
    await opp('W1', 'Closed Won', '2026-01-10', 30000);
    await opp('W2', 'Closed Won', '2026-02-01', 20000);
    await opp('L1', 'Closed Lost', '2026-01-20', 10000);
    await opp('L2', 'Closed Lost', '2026-02-05', 30000);
    await opp('Open1', 'Prospecting', '2026-03-15', 40000);
    await opp('Open2', 'Prospecting', '2026-06-15', 5000);
    const spend = (type: string, date: string, cost: number) =>
      create(conn, 'APR_Action__c', {
        Action_Type__c: type,
        Actor__c: me,
        Action_Date__c: date,
        Partner_Account__c: partner,
        Quantity__c: 1,
        Cost__c: cost,
      });
    await spend('Email Campaign', '2025-11-15', 3000);
    await spend('Email Campaign', '2026-01-15', 6000);
    await spend('Trade Show', '2026-02-10', 7000);
  }

  beforeAll(async () => {
    root = forceAppWithMetrics(TEST_METRICS);
    t = await startTestOrg({ forceAppRoot: root });
    await build(t.conn);
    const report = await rollupAsOf(t, AS_OF);
    expect(report.metrics.filter((m) => m.error)).toEqual([]);
  });
  afterAll(async () => {
    await t.close();
    rmSync(root, { recursive: true, force: true });
  });

  const figures = (key: string) => targetValues(t.conn, ids[key]);
  const row = (actual: number | null, attainment: number | null, expected: number | null, pace: string | null) => ({
    Actual_Value__c: actual,
    Attainment__c: attainment,
    Expected_To_Date__c: expected,
    Pace_Status__c: pace,
  });

  it('paces a cumulative metric linearly while its period is open', async () => {
    // W1 30,000 + W2 20,000 against half of 100,000: 100 % of pace.
    expect(await figures('revenueQ1')).toEqual(row(50000, 50, 50000, 'On Track'));
    // 2 won against 1.5 expected: 133 % is Ahead with the default 110 %, On Track under a 150 % threshold.
    expect(await figures('dealsQ1')).toEqual(row(2, 66.67, 1.5, 'Ahead'));
    expect(await figures('wideQ1')).toEqual(row(2, 66.67, 1.5, 'On Track'));
  });

  it('compares a rate with the target itself from the first day', async () => {
    // 2 won of 4 closed = 50 % against 40 %: 125 % of the target.
    expect(await figures('winRateQ1')).toEqual(row(50, 125, 40, 'Ahead'));
  });

  it('reads Met or Missed once the period has closed', async () => {
    expect(await figures('revenueQ4')).toEqual(row(50000, 125, 40000, 'Met'));
    expect(await figures('dealsQ4')).toEqual(row(1, 50, 2, 'Missed'));
  });

  it('reads lower-is-better metrics as target over actual', async () => {
    // 2 lost against 3 expected so far: 150 % Ahead; attainment 6 / 2 = 300 %, capped at 200.
    expect(await figures('lostQ1')).toEqual(row(2, 200, 3, 'Ahead'));
    // Q4: one lost deal against a limit of none.
    expect(await figures('lostQ4')).toEqual(row(1, 0, 0, 'Missed'));
    // Average lost deal (10,000 + 30,000) / 2 = 20,000 against at most 25,000.
    expect(await figures('averageLostQ1')).toEqual(row(20000, 125, 25000, 'Ahead'));
  });

  it('measures a snapshot without a date field as it is now, and keeps a closed one', async () => {
    // Open1 and Open2 are open now, whatever their close dates: 2 of 4.
    expect(await figures('openNowQ1')).toEqual(row(2, 50, 4, 'Behind'));
    // Not started: the current value, nothing judged.
    expect(await figures('openNowQ2')).toEqual(row(2, null, null, null));
    // Closed with a value measured while open: kept; without one: measured now.
    expect(await figures('openNowQ4Frozen')).toEqual(row(3, 75, 4, 'Missed'));
    expect(await figures('openNowQ4New')).toEqual(row(2, 50, 4, 'Missed'));
  });

  it('compares a dated snapshot with the target itself', async () => {
    // Open pipeline closing in Q1: Open1 40,000 of 40,000.
    expect(await figures('pipelineQ1')).toEqual(row(40000, 100, 40000, 'On Track'));
  });

  it('shows a budget spent past its target as Over Budget, and caps it in weighted attainment', async () => {
    // 6,000 + 7,000 of 10,000 is over budget; Q4 spent 3,000 of 5,000 and is met.
    expect(await figures('spendQ1')).toEqual(row(13000, 130, 5000, 'Over Budget'));
    expect(await figures('spendQ4')).toEqual(row(3000, 60, 5000, 'Met'));
    // (min(130, 100) + 60) / 2 = 80, not 95.
    const section = (await t.conn.sobject('Plan_Section__c').retrieve(marketing)) as unknown as Rec;
    expect(section.Weighted_Attainment__c).toBe(80);
  });

  it('weights only targets whose period has started', async () => {
    // Sales, 13 started targets: 50 + 66.67 + 66.67 + 125 + 125 + 50 + 200 + 0 + 125 + 50 + 75 + 50 + 100
    // = 1,083.34, / 13 = 83.33 (Q2's snapshot, with a value, does not count).
    const section = (await t.conn.sobject('Plan_Section__c').retrieve(sales)) as unknown as Rec;
    expect(section.Weighted_Attainment__c).toBe(83.33);
    // The plan: (1,083.34 + 100 + 60) / 15 = 82.89.
    const planRow = (await t.conn.sobject('Partner_Account_Plan__c').retrieve(plan)) as unknown as Rec;
    expect(planRow.Overall_Attainment__c).toBe(82.89);
  });
});
