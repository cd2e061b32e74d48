/**
 * The opportunities' APR counters are read and written while the metrics run, unless a metric reads them: a
 * counter field, or an Opportunity formula computed from one (APR_Stale__c), named in its definition. Such a
 * metric sees the counters of the last run, every time, and the counters are written after the metrics.
 */
import { rmSync } from 'node:fs';
import type { FieldTypes } from '../../packages/jobs/rollup/aggregates';
import type { MetricDefinition } from '../../packages/jobs/rollup/catalog';
import { runRollup, type RollupReport } from '../../packages/jobs/rollup/engine';
import { countersFeedMetrics } from '../../packages/jobs/rollup/opportunities';
import { userIdOf } from '../support/lifecycle';
import { startTestOrg, type TestOrg } from '../support/localorg';
import { create, forceAppWithMetrics, metricDefinition, metricXml } from '../support/rollup';
import { scriptSession } from '../support/scripts';

const metric = (name: string, extra: Partial<MetricDefinition> = {}): MetricDefinition =>
  metricDefinition(name, { filter: 'IsWon = true', ...extra });

/** Field types answering Opportunity's formulas as given (lower-case names, as a describe gives them). */
const typesWith = (formulas: Record<string, string>): FieldTypes => ({
  dateType: () => Promise.resolve('date'),
  formulas: () => Promise.resolve(new Map(Object.entries(formulas))),
});

const OPPORTUNITY_FORMULAS = {
  apr_stale__c: 'AND(NOT(IsClosed), OR(ISBLANK(Last_APR_Action_Date__c), TODAY() - Last_APR_Action_Date__c > 14))',
  stale_weight__c: 'IF(APR_Stale__c, Amount, 0)',
  days_to_close__c: 'CloseDate - DATEVALUE(CreatedDate)',
};

const catalogOf = (...metrics: MetricDefinition[]) => new Map(metrics.map((m) => [m.name, m]));

describe('whether a metric reads the counters', () => {
  const types = typesWith(OPPORTUNITY_FORMULAS);

  it('is false for metrics of other fields and formulas', async () => {
    const catalog = catalogOf(
      metric('Won'),
      metric('Days', { aggregate: 'AVG', valueField: 'Days_To_Close__c' }),
      metric('Similar', { filter: "Name = 'Last_APR_Action_Date__c_Copy'" }),
    );
    expect(await countersFeedMetrics(types, catalog)).toBe(false);
  });

  it('is true for a counter field in a value, filter or date', async () => {
    expect(
      await countersFeedMetrics(
        types,
        catalogOf(metric('Sum'), metric('Count', { aggregate: 'SUM', valueField: 'APR_Action_Count__c' })),
      ),
    ).toBe(true);
    expect(await countersFeedMetrics(types, catalogOf(metric('Dated', { dateField: 'last_apr_action_date__c' })))).toBe(
      true,
    );
  });

  it('is true for a formula computed from a counter, directly or through another formula', async () => {
    expect(
      await countersFeedMetrics(
        types,
        catalogOf(metric('Stale', { filter: 'IsClosed = false AND APR_Stale__c = true' })),
      ),
    ).toBe(true);
    expect(
      await countersFeedMetrics(
        types,
        catalogOf(metric('Weight', { aggregate: 'SUM', valueField: 'Stale_Weight__c' })),
      ),
    ).toBe(true);
  });
});

/** An open partner deal with one APR action two days ago, a plan and a target of `metric`. */
async function staleSetup(t: TestOrg, metricName: string): Promise<{ target: string; deal: string; today: string }> {
  const conn = t.conn;
  const me = await userIdOf(conn);
  const today = new Date().toISOString().slice(0, 10);
  const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
  const year = today.slice(0, 4);
  const partner = await create(conn, 'Account', { Name: 'Counters', Partner_Type__c: 'Reseller' });
  const deal = await create(conn, 'Opportunity', {
    Name: 'Open deal',
    StageName: 'Prospecting',
    CloseDate: `${Number(year) + 1}-06-30`,
    Amount: 1000,
    Partner_Account__c: partner,
  });
  await create(conn, 'APR_Action__c', {
    Action_Type__c: 'Joint Call',
    Actor__c: me,
    Action_Date__c: twoDaysAgo,
    Opportunity__c: deal,
    Partner_Account__c: partner,
    Quantity__c: 1,
  });
  const plan = await create(conn, 'Partner_Account_Plan__c', {
    Name: 'Counters plan',
    Partner_Account__c: partner,
    Period_Start__c: `${year}-01-01`,
    Period_End__c: `${year}-12-31`,
  });
  const section = await create(conn, 'Plan_Section__c', { Name: 'Sales', Partner_Account_Plan__c: plan });
  const target = await create(conn, 'Plan_Target__c', {
    Plan_Section__c: section,
    Metric__c: metricName,
    Period_Start__c: `${year}-01-01`,
    Period_End__c: `${year}-12-31`,
    Target_Value__c: 1,
  });
  return { target, deal, today };
}

/**
 * Runs the rollup, listing in the order they were sent its aggregate queries (the counters' or a metric's), the
 * sections' read for their weights and the targets' write.
 */
async function rollupLogged(t: TestOrg, asOf: string): Promise<{ report: RollupReport; sent: string[] }> {
  const session = await scriptSession(t);
  const sent: string[] = [];
  const request = session.conn.request.bind(session.conn);
  session.conn.request = ((info: unknown, ...rest: unknown[]) => {
    const url = decodeURIComponent(typeof info === 'string' ? info : String((info as { url?: string }).url ?? ''));
    const query = url.replace(/\+/g, ' ');
    const body = typeof info === 'string' ? '' : String((info as { body?: unknown }).body ?? '');
    if (/GROUP BY/i.test(query)) sent.push(/GROUP BY Opportunity__c/i.test(query) ? 'counters' : 'metric');
    if (/Weighted_Attainment__c FROM Plan_Section__c/i.test(query)) sent.push('sections read');
    if (/FROM Plan_Target__c WHERE/i.test(query)) sent.push('targets read');
    if (/"type":"Plan_Target__c"/.test(body)) sent.push('targets written');
    if (/"type":"Opportunity"/.test(body)) sent.push('counters written');
    return (request as (...a: unknown[]) => unknown)(info, ...rest);
  }) as typeof session.conn.request;
  try {
    const report = await runRollup(session, { asOf, dryRun: false, now: `${asOf}T12:00:00.000Z` });
    return { report, sent };
  } finally {
    await session.close();
  }
}

const actualOf = async (t: TestOrg, id: string): Promise<unknown> =>
  ((await t.conn.sobject('Plan_Target__c').retrieve(id)) as unknown as Record<string, unknown>).Actual_Value__c;

describe('a metric that reads the counters', () => {
  let t: TestOrg;
  let root: string;
  beforeAll(async () => {
    root = forceAppWithMetrics({
      Stale_Open_Deals: metricXml('Stale Open Deals', {
        Active__c: true,
        Source_Object__c: 'Opportunity',
        Aggregate__c: 'COUNT',
        Filter__c: 'IsClosed = false AND APR_Stale__c = true',
        Partner_Path__c: 'Partner_Account__c',
        Person_Path__c: 'OwnerId',
        Accountable_Person__c: 'None',
        Customer_Path__c: 'AccountId',
        Unit__c: 'Count',
        Direction__c: 'Lower is better',
        Shape__c: 'Snapshot',
      }),
    });
    t = await startTestOrg({ forceAppRoot: root });
  });
  afterAll(async () => {
    await t.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('sees the counters of the last run: they are written after every metric query', async () => {
    const { target, deal, today } = await staleSetup(t, 'Stale_Open_Deals');
    const first = await rollupLogged(t, today);
    // No counters yet: the deal reads as stale; then its counters are written.
    expect(await actualOf(t, target)).toBe(1);
    const queries = first.sent.filter((what) => what === 'counters' || what === 'metric');
    expect(queries.indexOf('counters')).toBe(queries.lastIndexOf('metric') + 1);
    expect(first.report.written.Opportunity).toBeGreaterThanOrEqual(1);
    const stored = (await t.conn.sobject('Opportunity').retrieve(deal)) as unknown as Record<string, unknown>;
    expect(stored).toMatchObject({ APR_Action_Count__c: 1, APR_Stale__c: false });
    // The action two days ago now counts: not stale.
    await rollupLogged(t, today);
    expect(await actualOf(t, target)).toBe(0);
  });
});

describe('metrics that do not read the counters', () => {
  let t: TestOrg;
  beforeAll(async () => {
    t = await startTestOrg();
  });
  afterAll(() => t.close());

  it('run while the counters are read and written, and the report lists the counters last', async () => {
    const { deal, today } = await staleSetup(t, 'Closed_Won_Revenue');
    const { report, sent } = await rollupLogged(t, today);
    // The counters' query goes out before the metrics finish; their write once the last metric has started.
    expect(sent.indexOf('counters')).toBeLessThan(sent.lastIndexOf('metric'));
    expect(sent.indexOf('counters written')).toBeGreaterThan(sent.indexOf('targets read'));
    // The targets' write does not wait for the sections' weights, which read the sections meanwhile.
    expect(sent.indexOf('targets written')).toBeGreaterThan(-1);
    expect(sent.indexOf('targets written')).toBeLessThan(sent.indexOf('sections read'));
    expect(Object.keys(report.changed)).toEqual([
      'Plan_Target__c',
      'Plan_Section__c',
      'Partner_Account_Plan__c',
      'Opportunity',
    ]);
    expect(report.changes[report.changes.length - 1]).toMatchObject({ sobject: 'Opportunity', id: deal });
    expect(report.read.opportunities).toBeGreaterThanOrEqual(1);
    const stored = (await t.conn.sobject('Opportunity').retrieve(deal)) as unknown as Record<string, unknown>;
    expect(stored).toMatchObject({ APR_Action_Count__c: 1 });
  });
});
